"""Applying to an offer, and the candidate's own actions on their applications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from tremplin.core.errors import DomainError
from tremplin.jobs.models import JobOffer
from tremplin.jobs.models.publishing import Application
from tremplin.jobs.publishing import conf, offers, services
from tremplin.jobs.publishing.cv import limit_uploads
from tremplin.jobs.publishing.forms import ApplicationForm
from tremplin.jobs.publishing.views import crumbs


@csrf_exempt  # the CSRF check runs below, once the upload size limit is in place
@login_required
@require_http_methods(["GET", "POST"])
def apply(request, pk: int):
    if request.method == "POST":
        limit_uploads(request)  # before anything reads request.POST or FILES
    return _apply(request, pk)


@csrf_protect
def _apply(request, pk: int):
    offer = get_object_or_404(
        JobOffer.objects.select_related("employer__business", "commune"), pk=pk
    )
    if not offers.accepts_applications(offer):
        if offer.is_live() and (url := offers.original_url(offer)):
            return redirect(url)
        raise Http404
    existing = Application.objects.filter(offer=offer, candidate=request.user).first()
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        oversized="cv" in getattr(request, "oversized_uploads", set()),
    )
    if request.method == "POST" and existing is None:
        limited = is_ratelimited(
            request,
            group="jobs.apply",
            key="user",
            rate=conf.value("JOBS_APPLY_RATE"),
            increment=True,
        )
        if limited:
            form.add_error(
                None, _("Vous avez envoyé beaucoup de candidatures aujourd'hui : réessayez demain.")
            )
        elif form.is_valid():
            try:
                services.application_submit(
                    candidate=request.user,
                    offer=offer,
                    message=form.cleaned_data["message"],
                    cv=form.cleaned_data.get("cv") or None,
                    pool_consent=form.cleaned_data["pool_consent"],
                    request=request,
                )
            except DomainError as exc:
                form.add_error("cv" if exc.code == "cv" else None, exc.message)
            else:
                messages.success(
                    request,
                    _(
                        "Votre candidature est envoyée. Vous suivrez sa réponse dans « Mon "
                        "espace »."
                    ),
                )
                return redirect("accounts:myspace")
    return render(
        request,
        "jobs/publishing/apply.html",
        {
            "offer": offer,
            "form": form,
            "existing": existing,
            "business": offers.business_of(offer),
            "crumbs": crumbs.offer(offer, _("Postuler")),
        },
    )


@login_required
@require_POST
def application_withdraw(request, pk: int):
    application = get_object_or_404(Application, pk=pk, candidate=request.user)
    services.application_withdraw(candidate=request.user, application=application)
    messages.success(request, _("Votre candidature et votre CV sont supprimés."))
    return redirect("accounts:myspace")


@login_required
@require_POST
def application_pool(request, pk: int):
    application = get_object_or_404(Application, pk=pk, candidate=request.user)
    consent = request.POST.get("consent") == "1"
    services.application_pool_consent(
        candidate=request.user, application=application, consent=consent
    )
    messages.success(
        request,
        _("L'employeur pourra garder votre candidature deux ans.")
        if consent
        else _("Votre candidature sera effacée trois mois après la fin du recrutement."),
    )
    return redirect("accounts:myspace")
