"""Finding a commune: the public page and the suggestions the lookup fields fetch."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tremplin.core import naf
from tremplin.core.geo import communes_within
from tremplin.core.selectors import commune_get, commune_search
from tremplin.core.territory import current_territory

NEARBY_KM = 10


@require_GET
def _query(request) -> str:
    """The text typed: ``q``, or the lookup field's own parameter (sent by htmx)."""
    field = request.GET.get("field", "")
    return (
        request.GET.get("q") or request.GET.get(field, "") if field else request.GET.get("q", "")
    )[:80]


@require_GET
def commune_suggest(request):
    query = _query(request)
    communes = commune_search(query, limit=8) if len(query.strip()) >= 2 else []
    return render(
        request,
        "core/partials/suggestions.html",
        {
            "options": [
                (c.insee, c.label, f"{c.department.name} ({c.department.code})") for c in communes
            ],
            "query": query,
            "kind": "commune",
        },
    )


@require_GET
def activity_suggest(request):
    query = _query(request)
    found = naf.search_activities(query, limit=8) if len(query.strip()) >= 2 else []
    return render(
        request,
        "core/partials/suggestions.html",
        {
            "options": [(a.code, str(a), a.section_label) for a in found],
            "query": query,
            "kind": "activity",
        },
    )


@require_GET
def commune_list(request):
    query = request.GET.get("q", "")[:80].strip()
    communes = commune_search(query, limit=20) if query else []
    template = "core/partials/commune_results.html" if request.htmx else "core/communes/search.html"
    return render(
        request,
        template,
        {"query": query, "communes": communes, "territory": current_territory()},
    )


@require_GET
def commune_detail(request, insee: str):
    commune = commune_get(insee)
    if commune is None:
        raise Http404
    nearby = [
        (other, distance)
        for other, distance in communes_within(commune, NEARBY_KM)
        if other.pk != commune.pk and other.kind == "COM"
    ][:12]
    return render(
        request,
        "core/communes/detail.html",
        {
            "commune": commune,
            "nearby": nearby,
            "nearby_km": NEARBY_KM,
            "in_territory": commune.insee in current_territory(),
            "crumbs": [(reverse("core:commune_list"), _("Communes")), ("", commune.name)],
        },
    )
