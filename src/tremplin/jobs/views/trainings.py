"""Training offers: the search page (/formations/) and a training's page."""

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
from ..forms import TrainingSearchForm
from ..search.engine import training_search
from .search_page import search_context

FACETS = [
    ("modalite", "mode", False),
    ("financement", "funding", False),
    ("certifiante", "certifying", False),
    ("debut", "@date", False),
    ("domaine", "domain", False),
    ("departement", "department", False),
]


def _filters() -> dict[str, tuple[str, str]]:
    return {
        "mode": ("modalite", _("Modalité")),
        "funding": ("financement", _("Financement")),
        "certifying": ("certifiante", _("Certification")),
        "domain": ("domaine", _("Domaine")),
        "department": ("departement", _("Département")),
        "starts_within": ("debut", _("Prochaine session")),
    }


@require_GET
def training_list(request):
    context = search_context(
        request,
        TrainingSearchForm(request.GET),
        search=training_search,
        load=selectors.trainings_by_ids,
        text_of=lambda training: training.objectives,
        facets=FACETS,
        filters=_filters(),
    )
    template = "jobs/partials/training_results.html" if request.htmx else "jobs/training_list.html"
    return render(request, template, context)


@require_GET
def training_short(request, pk: int):
    training = selectors.training_for_page(pk)
    if training is None:
        raise Http404
    return redirect(training.get_absolute_url(), permanent=True)


@require_GET
def training_detail(request, pk: int, slug: str):
    training = selectors.training_for_page(pk)
    if training is None:
        raise Http404
    if slug != training.slug:
        return redirect(training.get_absolute_url(), permanent=True)
    now = timezone.now()
    ended = training.ended_at(now)
    gone = ended is not None and ended + timedelta(days=gone_after_days()) <= now
    codes = [link.rome_code for link in training.rome_links.all()]
    labels = selectors.rome_labels(codes)
    context = {
        "training": training,
        "ended": ended,
        "gone": gone,
        "listings": [listing for listing in training.listings.all() if listing.withdrawn_at is None]
        or list(training.listings.all()),
        "original_url": selectors.original_url(training),
        "romes": [(code, labels.get(code, "")) for code in sorted(codes)],
        "offers": selectors.offers_for_training(training) if ended is None else [],
        "crumbs": [(reverse("jobs:training_list"), _("Formations")), ("", training.title)],
    }
    return render(request, "jobs/training_detail.html", context, status=410 if gone else 200)
