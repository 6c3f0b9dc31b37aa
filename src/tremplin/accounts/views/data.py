"""« Mes données »: see, correct, download and delete what the platform holds about me."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tremplin.accounts import personal_data, selectors, services
from tremplin.accounts.forms import DeleteAccountForm, ProfileForm
from tremplin.core.errors import DomainError


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=user, **form.cleaned_data)
        messages.success(request, _("Vos informations sont enregistrées."))
        return redirect("accounts:my_data")
    return render(
        request,
        "accounts/my_data.html",
        {
            "form": form,
            "sections": personal_data.personal_data_sections(user),
            "access_entries": selectors.access_entries_about(user),
        },
    )


@login_required
@require_POST
def my_data_download(request):
    data = {
        "généré_le": timezone.now().isoformat(),
        "compte": request.user.email,
        "données": personal_data.personal_data_export(request.user),
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-tremplin.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            services.account_delete(user=user)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Votre compte et vos données personnelles sont "
                    "supprimés. Merci d'avoir utilisé ce service."
                ),
            )
            return redirect("core:home")
    return render(request, "accounts/account_delete.html", {"form": form})


@require_GET
def data_register(request):
    return render(
        request,
        "accounts/data_register.html",
        {"rows": personal_data.register_rows()},
    )
