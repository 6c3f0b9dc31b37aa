"""Job offers: the search page (/emplois/) and an offer's page."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import selectors
from ..conf import gone_after_days
from ..forms import OfferSearchForm
from ..jsonld import as_script, offer_jsonld
from ..search.engine import offer_search
from .search_page import search_context

FACETS = [
    ("contrat", "contract", False),
    ("temps", "time", False),
    ("teletravail", "remote", False),
    ("depuis", "@date", False),
    ("domaine", "domain", False),
    ("departement", "department", False),
]


def _filters() -> dict[str, tuple[str, str]]:
    return {
        "contract": ("contrat", _("Type de contrat")),
        "time": ("temps", _("Temps de travail")),
        "remote": ("teletravail", _("Télétravail")),
        "domain": ("domaine", _("Domaine")),
        "department": ("departement", _("Département")),
        "since": ("depuis", _("Publiée depuis")),
    }


@require_GET
def offer_list(request):
    context = search_context(
        request,
        OfferSearchForm(request.GET),
        search=offer_search,
        load=selectors.offers_by_ids,
        text_of=lambda offer: offer.description,
        facets=FACETS,
        filters=_filters(),
    )
    template = "jobs/partials/offer_results.html" if request.htmx else "jobs/offer_list.html"
    return render(request, template, context)


@require_GET
def offer_short(request, pk: int):
    offer = selectors.offer_for_page(pk)
    if offer is None:
        raise Http404
    return redirect(offer.get_absolute_url(), permanent=True)


@require_GET
def offer_detail(request, pk: int, slug: str):
    offer = selectors.offer_for_page(pk)
    if offer is None:
        raise Http404
    if slug != offer.slug:
        return redirect(offer.get_absolute_url(), permanent=True)
    now = timezone.now()
    ended = offer.ended_at(now)
    gone = ended is not None and ended + timedelta(days=gone_after_days()) <= now
    context = {
        "offer": offer,
        "ended": ended,
        "gone": gone,
        "listings": [listing for listing in offer.listings.all() if listing.withdrawn_at is None]
        or list(offer.listings.all()),
        "original_url": selectors.original_url(offer),
        "rome_label": selectors.rome_labels([offer.rome_code]).get(offer.rome_code, ""),
        "trainings": selectors.trainings_for_offer(offer) if ended is None else [],
        "jsonld": None
        if ended
        else as_script(offer_jsonld(offer, request=request, site_name=_site_name(request))),
        "crumbs": [(reverse("jobs:offer_list"), _("Offres d'emploi")), ("", offer.title)],
    }
    return render(request, "jobs/offer_detail.html", context, status=410 if gone else 200)


def _site_name(request) -> str:
    from tremplin.core.selectors import branding_get

    return branding_get().display_name
