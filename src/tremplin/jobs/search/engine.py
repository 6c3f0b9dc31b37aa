"""The search of job and training offers: one engine, two kinds of documents.

What a search does, in order (see docs/jobs.md):

1. words (French, forgiving: :func:`tremplin.core.search.query.text_query`), the live rule
   (not past its expiry date), the place (communes within the radius, a term set built from
   the geography) and the filters make one query;
2. the exact total and the facet counts come from the index (a filter's own counts ignore
   that filter, so each option says how many results choosing it would give);
3. results are ordered by relevance, date or distance; for relevance and date, the **employer
   diversity rule** applies to the first ``WINDOW`` results: an employer's offers come at most
   ``PER_EMPLOYER_ROUND`` at a time, so an employer with hundreds of offers never pushes the
   first offers of the others (often small businesses) down the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from django.utils import timezone

from tremplin.core.search import open_index
from tremplin.core.search.query import (
    TextMatch,
    all_of,
    any_of,
    facet_counts,
    interleave,
    none_of,
    text_query,
)

from .documents import OFFER, TRAINING
from .params import OfferSearch, TrainingSearch

WINDOW = 200
PER_EMPLOYER_ROUND = 2
FACET_SIZES = {
    "contract": 10,
    "time": 5,
    "remote": 5,
    "domain": 14,
    "department": 200,
    "mode": 5,
    "funding": 12,
    "certifying": 2,
}
TITLE_BOOST = 3.0


@dataclass(frozen=True)
class Kind:
    doc_type: str
    date_param: str  # "since" (offers) or "starts_within" (trainings)
    sort_field: str  # date sort
    sort_ascending: bool
    distance_everywhere: tuple[str, str] | None  # (field, value) that is found at any place


OFFERS = Kind(OFFER, "since", "published", False, None)
TRAININGS = Kind(TRAINING, "starts_within", "start", True, ("mode", "distance"))


@dataclass
class SearchResult:
    params: object
    total: int = 0
    ids: list[int] = field(default_factory=list)
    distances: dict[int, float] = field(default_factory=dict)  # id -> km (distance sort)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    date_counts: dict[int, int] = field(default_factory=dict)  # days -> count
    match: TextMatch = field(default_factory=lambda: TextMatch(query=None))
    suggestions: list[dict] = field(default_factory=list)

    @property
    def pages(self) -> int:
        per_page = self.params.per_page
        return max(1, (self.total + per_page - 1) // per_page)


@lru_cache(maxsize=512)
def communes_around(insee: str, km: int) -> tuple[tuple[str, float], ...]:
    """(INSEE code, distance) of the communes within ``km``, nearest first (cached: the
    geography only changes with ``tremplin geo load``)."""
    from tremplin.core.geo import communes_within
    from tremplin.core.models import Commune

    commune = Commune.objects.filter(insee=insee).first()
    if commune is None:
        return ()
    return tuple((c.insee, round(d, 1)) for c, d in communes_within(commune, km))


class _Builder:
    """The pieces of one search, so that counts can leave one filter out."""

    def __init__(self, kind: Kind, params, searcher, schema, now: datetime):
        self.kind = kind
        self.params = params
        self.searcher = searcher
        self.schema = schema
        self.now = now
        self.match = text_query(
            searcher, schema, params.q, boosts={"title": TITLE_BOOST} if params.q else None
        )
        self.codes: tuple[tuple[str, float], ...] = ()
        if params.commune is not None:
            self.codes = communes_around(params.commune.insee, params.radius)

    def place(self, codes=None):
        codes = self.codes if codes is None else codes
        if self.params.commune is None:
            return None
        near = any_of(self.schema, "insee", [c for c, _ in codes] or ["-"])
        if self.kind.distance_everywhere:
            name, value = self.kind.distance_everywhere
            from tantivy import Occur, Query

            anywhere = any_of(self.schema, name, [value])
            return Query.boolean_query([(Occur.Should, near), (Occur.Should, anywhere)])
        return near

    def date_filter(self, days: int | None):
        from tantivy import FieldType, Query

        if not days:
            return None
        if self.kind.date_param == "since":
            return Query.range_query(
                self.schema, "published", FieldType.Date, self.now - timedelta(days=days), None
            )
        return Query.range_query(
            self.schema, "start", FieldType.Date, self.now, self.now + timedelta(days=days)
        )

    def query(self, *, skip: str | None = None, place=True, text=True, codes=None):
        """The whole query, optionally without one filter (for that filter's counts)."""
        from tantivy import FieldType, Query

        parts = []
        if text and self.match.query is not None:
            parts.append(self.match.query)
        if place:
            parts.append(self.place(codes))
        for name, values in self.params.filters().items():
            if name != skip:
                parts.append(any_of(self.schema, self.params.FILTERS[name], values))
        if skip != self.kind.date_param:
            parts.append(self.date_filter(getattr(self.params, self.kind.date_param)))
        parts.append(any_of(self.schema, "status", ["published"]))
        expired = Query.range_query(self.schema, "expires", FieldType.Date, None, self.now)
        return none_of(all_of(parts), expired)

    def count(self, query) -> int:
        return self.searcher.search(query, 1, count=True).count


def _date_counts(builder: _Builder, query, choices) -> dict[int, int]:
    """How many results each "since N days" (or "starts within N days") choice would give.

    tantivy's range aggregation wants disjoint ranges: count slices between the bounds, then
    add them up.
    """
    days = sorted(choices)
    if builder.kind.date_param == "since":
        bounds = [_ns(builder.now - timedelta(days=d)) for d in reversed(days)]  # oldest first
        field_name = "published"
        keys = [str(d) for d in reversed(days)]
        ranges = [
            {"key": key, "from": low, **({"to": bounds[i + 1]} if i + 1 < len(bounds) else {})}
            for i, (key, low) in enumerate(zip(keys, bounds, strict=True))
        ]
    else:
        bounds = [_ns(builder.now + timedelta(days=d)) for d in days]  # soonest first
        field_name = "start"
        keys = [str(d) for d in days]
        lows = [_ns(builder.now), *bounds[:-1]]
        ranges = [
            {"key": key, "from": low, "to": high}
            for key, low, high in zip(keys, lows, bounds, strict=True)
        ]
    spec = {"dates": {"range": {"field": field_name, "ranges": ranges, "keyed": True}}}
    buckets = builder.searcher.aggregate(query, spec)["dates"]["buckets"]
    slices = {key: int(buckets.get(key, {}).get("doc_count", 0)) for key in keys}
    # "since 30 days" holds every slice from 30 days ago; "within 90 days" every slice to 90.
    totals, running = {}, 0
    for key in reversed(keys) if builder.kind.date_param == "since" else keys:
        running += slices[key]
        totals[int(key)] = running
    return totals


def _ns(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000_000)


def _facets(builder: _Builder, date_choices) -> tuple[dict, dict]:
    """Facet counts; a chosen filter's own counts are computed without it."""
    params = builder.params
    chosen = params.filters()
    free = {f: FACET_SIZES[f] for name, f in params.FILTERS.items() if name not in chosen}
    facets = facet_counts(builder.searcher, builder.query(), free)
    for name in chosen:
        field_name = params.FILTERS[name]
        facets.update(
            facet_counts(
                builder.searcher, builder.query(skip=name), {field_name: FACET_SIZES[field_name]}
            )
        )
    dates = _date_counts(builder, builder.query(skip=builder.kind.date_param), date_choices)
    return facets, dates


def _ordered_page(builder: _Builder, query, sort: str) -> tuple[int, list[int]]:
    """Total and ids of the requested page, by relevance or date, with the diversity rule."""
    from tantivy import Order

    params = builder.params
    searcher = builder.searcher
    kwargs = {}
    if sort == "date":
        kwargs = {
            "order_by_field": builder.kind.sort_field,
            "order": Order.Asc if builder.kind.sort_ascending else Order.Desc,
        }
    offset = (params.page - 1) * params.per_page
    if offset >= WINDOW:
        result = searcher.search(query, params.per_page, count=True, offset=offset, **kwargs)
        hits = [address for _, address in result.hits]
        return result.count, searcher.fast_field_values("id", hits)
    result = searcher.search(query, WINDOW, count=True, **kwargs)
    hits = [address for _, address in result.hits]
    ids = searcher.fast_field_values("id", hits)
    employers = searcher.fast_field_values("employer", hits)
    ranked = interleave(list(zip(ids, employers, strict=True)), lambda p: p[1], PER_EMPLOYER_ROUND)
    page = [pk for pk, _ in ranked[offset : offset + params.per_page]]
    missing = offset + params.per_page - max(WINDOW, offset)
    if len(page) < params.per_page and result.count > WINDOW and missing > 0:
        more = searcher.search(query, missing, count=False, offset=WINDOW, **kwargs)
        page += searcher.fast_field_values("id", [address for _, address in more.hits])
    return result.count, page


def _distance_page(builder: _Builder, query) -> tuple[int, list[int], dict[int, float]]:
    """Nearest first, exactly at commune level: count per commune, then fetch what the page
    needs commune by commune (newest first within a commune)."""
    from tantivy import Order

    params = builder.params
    searcher = builder.searcher
    total = builder.count(query)
    per_insee = facet_counts(searcher, query, {"insee": max(1, len(builder.codes))})["insee"]
    offset = (params.page - 1) * params.per_page
    wanted_end = offset + params.per_page
    ids: list[int] = []
    distances: dict[int, float] = {}
    seen = 0
    for insee, km in builder.codes:
        count = per_insee.get(insee, 0)
        if not count:
            continue
        if seen + count > offset and seen < wanted_end:
            skip = max(0, offset - seen)
            take = min(count - skip, wanted_end - max(seen, offset))
            here = all_of([query, any_of(builder.schema, "insee", [insee])])
            result = searcher.search(
                here,
                take,
                count=False,
                offset=skip,
                order_by_field=builder.kind.sort_field,
                order=Order.Asc if builder.kind.sort_ascending else Order.Desc,
            )
            for pk in searcher.fast_field_values("id", [a for _, a in result.hits]):
                ids.append(pk)
                distances[pk] = km
        seen += count
        if seen >= wanted_end:
            break
    if len(ids) < params.per_page and total > seen:
        # Found at any place (distance learning) but not in the radius: after the others.
        outside = none_of(query, any_of(builder.schema, "insee", [c for c, _ in builder.codes]))
        result = searcher.search(
            outside, params.per_page - len(ids), count=False, offset=max(0, offset - seen)
        )
        ids += searcher.fast_field_values("id", [a for _, a in result.hits])
    return total, ids, distances


def _run(kind: Kind, params, date_choices, *, suggest: bool = True) -> SearchResult:
    index = open_index(kind.doc_type)
    searcher = index.searcher()
    builder = _Builder(kind, params, searcher, index.schema, timezone.now())
    query = builder.query()
    sort = params.sort
    if sort == "distance" and params.commune is None:
        sort = "relevance"
    if sort == "relevance" and builder.match.query is None:
        sort = "date"  # nothing to rank on: newest first
    result = SearchResult(params=params, match=builder.match)
    if sort == "distance":
        result.total, result.ids, result.distances = _distance_page(builder, query)
    else:
        result.total, result.ids = _ordered_page(builder, query, sort)
    result.facets, result.date_counts = _facets(builder, date_choices)
    if result.total == 0 and suggest:
        from .suggestions import suggestions

        result.suggestions = suggestions(builder)
    return result


def offer_search(params: OfferSearch, *, suggest: bool = True) -> SearchResult:
    from .params import SINCE_CHOICES

    return _run(OFFERS, params, SINCE_CHOICES, suggest=suggest)


def training_search(params: TrainingSearch, *, suggest: bool = True) -> SearchResult:
    from .params import STARTS_CHOICES

    return _run(TRAININGS, params, STARTS_CHOICES, suggest=suggest)
