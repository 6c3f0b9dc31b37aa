"""The search of job offers as the publishing side uses it (feeds, widget, API, digests).

Everything goes through the jobs app's search parameters and engine, so that a saved search,
a feed, the widget and the API answer exactly what the search page answers.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import QueryDict

# The search page's parameters that define a search (not its page or its sort).
CRITERIA = ("q", "commune", "rayon", "contrat", "temps", "teletravail", "domaine", "departement")


def parse_query(query: str) -> QueryDict:
    return QueryDict(query or "", mutable=False)


def canonical_query(params) -> str:
    """The criteria of a search as a stable query string (sorted, no empties, no page)."""
    pairs = []
    for key in CRITERIA:
        values = params.getlist(key) if hasattr(params, "getlist") else params.get(key, [])
        if isinstance(values, str):
            values = [values]
        for value in sorted({str(v).strip() for v in values if str(v).strip()}):
            pairs.append((key, value))
    return urlencode(pairs)


def describe(query_string: str) -> str:
    params = parse_query(query_string)
    parts = []
    if params.get("q"):
        parts.append(params["q"])
    if params.get("commune"):
        parts.append(params["commune"])
    return " — ".join(parts) or "Toutes les offres"


def new_offers(query_string: str, *, since, until, limit: int):
    from tremplin.jobs.models import JobOffer

    qs = JobOffer.objects.live().filter(published_at__gt=since, published_at__lte=until)
    params = parse_query(query_string)
    if params.get("q"):
        qs = qs.filter(title__icontains=params["q"])
    total = qs.count()
    return list(qs.order_by("-published_at")[:limit]), total
