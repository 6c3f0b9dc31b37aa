"""The search of job offers as the publishing side uses it (feeds, widget, API, digests).

Everything goes through the jobs app's search parameters and engine
(:mod:`tremplin.jobs.search`), so that a saved search, a feed, the widget and the API answer
exactly what the search page answers for the same query string.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.selectors import commune_code_known

# The search page's parameters that define a search (not its page, its sort or its freshness
# window, which a feed or a digest sets itself).
CRITERIA = ("q", "commune", "rayon", "contrat", "temps", "teletravail", "domaine", "departement")


def parse_query(query: str) -> QueryDict:
    return QueryDict(query or "", mutable=False)


def _commune(params):
    from tremplin.core.selectors import commune_get

    code = (params.get("commune_code") or params.get("commune") or "").strip()
    return commune_get(code) if code else None


def canonical_query(params) -> str:
    """The criteria of a search as a stable query string (sorted, no empties, no page).

    The commune is kept as its INSEE code, whatever form the page sent it in.
    """
    pairs = []
    for key in CRITERIA:
        if key == "commune":
            code = (params.get("commune_code") or params.get("commune") or "").strip()
            known = commune_code_known(code) if code else None
            if known:
                pairs.append(("commune", known))
            continue
        values = params.getlist(key) if hasattr(params, "getlist") else params.get(key, [])
        if isinstance(values, str):
            values = [values]
        for value in sorted({str(v).strip() for v in values if str(v).strip()}):
            pairs.append((key, value))
    if any(key == "commune" for key, _value in pairs) and params.get("rayon"):
        pairs = [(k, v) for k, v in pairs if k != "rayon"] + [("rayon", params.get("rayon"))]
    else:
        pairs = [(k, v) for k, v in pairs if k != "rayon"]
    return urlencode(sorted(pairs))


def offer_params(params, *, sort: str = "relevance", page: int = 1, per_page: int = 20):
    """An ``OfferSearch`` read by the search page's own form: same names, same defaults, same
    handling of bad values (ignored, the rest of the search still works)."""
    from dataclasses import replace

    from tremplin.jobs.forms import OfferSearchForm
    from tremplin.jobs.search.params import MAX_PAGE

    data = params.copy() if hasattr(params, "copy") else QueryDict(mutable=True)
    commune = (data.get("commune") or "").strip()
    if commune and not data.get("commune_code") and len(commune) == 5:
        data["commune_code"] = commune  # an INSEE code, as feeds and saved searches keep it
    data["tri"] = sort
    search = OfferSearchForm(data).params()
    return replace(search, page=max(1, min(page, MAX_PAGE)), per_page=per_page)


@dataclass
class Results:
    offers: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def offers_in_order(ids: list[int]) -> list:
    """Live offers for the ids the index returned, in that order (a vanished one is skipped)."""
    from tremplin.jobs.models import JobOffer

    found = JobOffer.objects.live().select_related("employer", "commune__department").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def results(params, *, sort: str = "relevance", page: int = 1, per_page: int = 20) -> Results:
    from tremplin.jobs.search.engine import offer_search

    search = offer_params(params, sort=sort, page=page, per_page=per_page)
    result = offer_search(search, suggest=False)
    return Results(
        offers=offers_in_order(result.ids), total=result.total, page=search.page, per_page=per_page
    )


def new_offers(query_string: str, *, since, until, limit: int):
    """Offers of a saved search published in (since, until], newest first, and their count."""
    from tremplin.jobs.models import JobOffer

    days = max(1, math.ceil((timezone.now() - since).total_seconds() / 86400))
    params = parse_query(query_string)
    ids: list[int] = []
    page = 1
    while True:
        chunk = results(params, sort="date", page=page, per_page=100)
        ids.extend(o.pk for o in chunk.offers)
        oldest = chunk.offers[-1].published_at if chunk.offers else since
        if oldest <= since or page >= chunk.pages or days <= 0:
            break
        page += 1
    fresh = JobOffer.objects.live().filter(
        pk__in=ids, published_at__gt=since, published_at__lte=until
    )
    total = fresh.count()
    newest = list(fresh.select_related("employer", "commune").order_by("-published_at")[:limit])
    return newest, total


def describe(query_string: str) -> str:
    """A search in words, for an alert's default name and the pages that show it."""
    params = parse_query(query_string)
    parts = []
    if params.get("q"):
        parts.append(f"« {params['q']} »")
    commune = _commune(params)
    if commune is not None:
        parts.append(
            _("à %(km)s km de %(commune)s")
            % {"km": params.get("rayon") or "30", "commune": commune.name}
        )
    if params.getlist("contrat"):
        parts.append(", ".join(v.upper() for v in params.getlist("contrat")))
    if params.getlist("departement"):
        parts.append(
            _("département %(codes)s") % {"codes": ", ".join(params.getlist("departement"))}
        )
    return " — ".join(parts) or _("Toutes les offres")


def training_results(params, *, page: int = 1, per_page: int = 20, sort: str = "date") -> Results:
    """Training offers for the training search page's parameters, in the engine's order."""
    from tremplin.jobs.models import TrainingOffer
    from tremplin.jobs.search.engine import training_search
    from tremplin.jobs.search.params import DEFAULT_RADIUS, RADIUS_CHOICES, TrainingSearch

    radius = params.get("rayon", "")
    search = TrainingSearch(
        q=(params.get("q") or "").strip()[:200],
        commune=_commune(params),
        radius=int(radius)
        if radius.isdigit() and int(radius) in RADIUS_CHOICES
        else (DEFAULT_RADIUS),
        domain=tuple(params.getlist("domaine")),
        department=tuple(params.getlist("departement")),
        mode=tuple(params.getlist("modalite")),
        funding=tuple(params.getlist("financement")),
        certifying=tuple(params.getlist("certifiante")),
        sort=sort if sort in {"relevance", "date", "distance"} else "date",
        page=max(1, page),
        per_page=per_page,
    )
    result = training_search(search, suggest=False)
    found = TrainingOffer.objects.live().select_related("commune__department").in_bulk(result.ids)
    return Results(
        offers=[found[pk] for pk in result.ids if pk in found],
        total=result.total,
        page=search.page,
        per_page=per_page,
    )
