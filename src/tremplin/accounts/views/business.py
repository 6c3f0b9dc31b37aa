"""Declaring and editing one's business, and sharing it with co-owners."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.accounts import selectors, services
from tremplin.accounts.forms import BusinessForm, InvitationForm
from tremplin.accounts.models import Business, Role
from tremplin.accounts.services.businesses import invitation_from_token
from tremplin.core.errors import DomainError


def _owner_required(request):
    if request.user.role != Role.BUSINESS_OWNER:
        messages.error(
            request, _("Seul un compte « chef d'entreprise » peut déclarer une entreprise.")
        )
        return redirect("accounts:myspace")
    return None


@login_required
@require_http_methods(["GET", "POST"])
def business_create(request):
    if response := _owner_required(request):
        return response
    form = BusinessForm(request.POST or None, instance=Business())
    if request.method == "POST" and form.is_valid():
        try:
            business = services.business_create(
                owner=request.user, links=form.links(), **form.values()
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("Votre entreprise « %(name)s » est déclarée.") % {"name": business.name}
            )
            return redirect("accounts:myspace")
    return render(request, "accounts/business_form.html", {"form": form, "creating": True})


@login_required
@require_http_methods(["GET", "POST"])
def business_edit(request, pk: int):
    business = selectors.business_for_owner(request.user, pk)
    if business is None:
        raise Http404
    form = BusinessForm(request.POST or None, instance=business)
    if request.method == "POST" and form.is_valid():
        try:
            services.business_update(
                actor=request.user, business=business, links=form.links(), **form.values()
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Les informations de l'entreprise sont à jour."))
            return redirect("accounts:myspace")
    return render(request, "accounts/business_form.html", {"form": form, "business": business})


@login_required
@require_http_methods(["GET", "POST"])
def business_invite(request, pk: int):
    business = selectors.business_for_owner(request.user, pk)
    if business is None:
        raise Http404
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.business_invite(
                actor=request.user,
                business=business,
                email=form.cleaned_data["email"],
                request=request,
            )
        except DomainError as exc:
            form.add_error("email", exc.message)
        else:
            messages.success(
                request,
                _("L'invitation est envoyée à %(email)s.") % {"email": form.cleaned_data["email"]},
            )
            return redirect("accounts:myspace")
    return render(request, "accounts/business_invite.html", {"form": form, "business": business})


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    invitation = invitation_from_token(token)
    if request.method == "POST":
        try:
            business = services.business_invitation_accept(user=request.user, token=token)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("accounts:myspace")
        messages.success(
            request, _("Vous gérez maintenant « %(name)s ».") % {"name": business.name}
        )
        return redirect("accounts:myspace")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation})


@login_required
@require_POST
def business_leave(request, pk: int):
    business = selectors.business_for_owner(request.user, pk)
    if business is None:
        raise Http404
    deleted = services.business_leave(user=request.user, business=business)
    messages.success(
        request,
        _("L'entreprise « %(name)s » est supprimée.") % {"name": business.name}
        if deleted
        else _("Vous ne gérez plus « %(name)s ».") % {"name": business.name},
    )
    return redirect("accounts:myspace")
