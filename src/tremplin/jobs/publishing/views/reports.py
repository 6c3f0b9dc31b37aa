"""Reporting an offer: no account, nothing about the reporter kept, a limit per address."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from tremplin.core.errors import DomainError
from tremplin.jobs.models import JobOffer
from tremplin.jobs.publishing import conf, services
from tremplin.jobs.publishing.forms import OfferReportForm
from tremplin.jobs.publishing.views import crumbs


@require_http_methods(["GET", "POST"])
def offer_report(request, pk: int):
    offer = get_object_or_404(JobOffer.objects.select_related("employer", "commune"), pk=pk)
    if not offer.is_live():
        raise Http404
    form = OfferReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        # The address is only hashed into a short-lived cache key by django-ratelimit; it is
        # never written with the report.
        if is_ratelimited(
            request,
            group="jobs.report",
            key="ip",
            rate=conf.value("JOBS_REPORT_RATE"),
            increment=True,
        ):
            form.add_error(
                None,
                _("Vous avez envoyé beaucoup de signalements : réessayez dans une heure."),
            )
            status = 429
        else:
            try:
                services.report_create(
                    offer=offer,
                    reason=form.cleaned_data["reason"],
                    comment=form.cleaned_data["comment"],
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Merci : l'équipe du territoire va vérifier cette offre."),
                )
                return redirect(offer.get_absolute_url())
    return render(
        request,
        "jobs/publishing/report.html",
        {"offer": offer, "form": form, "crumbs": crumbs.offer(offer, _("Signaler"))},
        status=status,
    )
