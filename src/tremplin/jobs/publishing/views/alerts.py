"""Saved searches: create from the search page, switch off, delete, one-click unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.core.errors import DomainError
from tremplin.jobs.models.publishing import SavedSearch
from tremplin.jobs.publishing import search, services
from tremplin.jobs.publishing.forms import SavedSearchForm
from tremplin.jobs.publishing.services.alerts import saved_search_from_token
from tremplin.jobs.publishing.views import crumbs


@login_required
@require_http_methods(["GET", "POST"])
def alert_create(request):
    """GET: the search's criteria in words and a name to give; POST: save it."""
    query = request.POST.get("query") if request.method == "POST" else request.GET.urlencode()
    canonical = search.canonical_query(search.parse_query(query or ""))
    form = SavedSearchForm(request.POST or None, initial={"query": canonical})
    if request.method == "POST" and form.is_valid():
        try:
            services.saved_search_create(
                user=request.user, params=form.criteria(), name=form.cleaned_data["name"]
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Alerte enregistrée : vous recevrez chaque matin les nouvelles offres "
                    "par e-mail."
                ),
            )
            return redirect(reverse("accounts:myspace") + "#section-jobs_alerts")
    return render(
        request,
        "jobs/publishing/alert_create.html",
        {
            "form": form,
            "from_search": bool(canonical),
            "description": search.describe(canonical),
            "search_url": reverse("jobs:offer_list") + ("?" + canonical if canonical else ""),
            "crumbs": crumbs.myspace((None, _("Créer une alerte emploi"))),
        },
    )


@login_required
@require_POST
def alert_delete(request, pk: int):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    services.saved_search_delete(user=request.user, saved_search=saved)
    messages.success(request, _("L'alerte « %(name)s » est supprimée.") % {"name": saved.name})
    return redirect(reverse("accounts:myspace") + "#section-jobs_alerts")


@login_required
@require_POST
def alert_toggle(request, pk: int):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    active = request.POST.get("active") == "1"
    services.saved_search_set_active(user=request.user, saved_search=saved, active=active)
    messages.success(
        request,
        _("L'alerte est de nouveau envoyée chaque jour.")
        if active
        else _("L'alerte est en pause."),
    )
    return redirect(reverse("accounts:myspace") + "#section-jobs_alerts")


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token is the proof
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token: str):
    """GET shows a page with one button (link checkers must not unsubscribe anyone); POST — from
    that button or from the mail client's own "unsubscribe" — stops the alert."""
    saved = saved_search_from_token(token)
    if request.method == "POST":
        try:
            saved = services.saved_search_unsubscribe(token=token)
        except DomainError as exc:
            return render(
                request,
                "jobs/publishing/alert_unsubscribe.html",
                {"error": exc.message},
                status=404,
            )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Désabonnement effectué."), content_type="text/plain")
        return render(
            request, "jobs/publishing/alert_unsubscribe.html", {"saved": saved, "done": True}
        )
    if saved is None:
        return render(
            request,
            "jobs/publishing/alert_unsubscribe.html",
            {"error": _("Ce lien de désabonnement n'est pas valable ou l'alerte a été supprimée.")},
            status=404,
        )
    return render(
        request,
        "jobs/publishing/alert_unsubscribe.html",
        {"saved": saved, "token": token, "done": not saved.is_active},
    )
