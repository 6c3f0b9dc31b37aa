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
from tremplin.core.search.query import TextMatch, all_of, any_of, interleave, none_of, text_query

from .distance import distance_page
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
    from tremplin.core.selectors import commune_by_insee

    commune = commune_by_insee(insee)
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
        self._excluded = None
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
        return none_of(all_of(parts), self.excluded)

    @property
    def excluded(self):
        """Offers not to show: awaiting moderation or hidden, and past their deadline since the
        last expiry run. Both are rare, so excluding them costs little (a required "published"
        would intersect with nearly every document)."""
        from tantivy import FieldType, Occur, Query

        if self._excluded is None:
            unpublished = any_of(self.schema, "status", ["pending", "hidden"])
            past = Query.range_query(
                self.schema, "expires", FieldType.Date, None, self.now, use_inverted_index=True
            )
            self._excluded = Query.boolean_query(
                [(Occur.Should, unpublished), (Occur.Should, past)]
            )
        return self._excluded

    def count(self, query) -> int:
        return self.searcher.search(query, 1, count=True).count


def _date_spec(builder: _Builder, choices) -> tuple[dict, list[str]]:
    """A range aggregation counting, for each "since N days" (or "starts within N days")
    choice, the results it would give. tantivy wants disjoint ranges: slices between the
    bounds, added up afterwards (:func:`_date_totals`)."""
    days = sorted(choices)
    if builder.kind.date_param == "since":
        keys = [str(d) for d in reversed(days)]  # oldest first
        bounds = [_ns(builder.now - timedelta(days=int(k))) for k in keys]
        ranges = [
            {"key": key, "from": low, **({"to": bounds[i + 1]} if i + 1 < len(bounds) else {})}
            for i, (key, low) in enumerate(zip(keys, bounds, strict=True))
        ]
        field_name = "published"
    else:
        keys = [str(d) for d in days]  # soonest first
        bounds = [_ns(builder.now + timedelta(days=d)) for d in days]
        lows = [_ns(builder.now), *bounds[:-1]]
        ranges = [
            {"key": key, "from": low, "to": high}
            for key, low, high in zip(keys, lows, bounds, strict=True)
        ]
        field_name = "start"
    return {"range": {"field": field_name, "ranges": ranges, "keyed": True}}, keys


def _date_totals(builder: _Builder, buckets: dict, keys: list[str]) -> dict[int, int]:
    # "Since 30 days" holds every slice from 30 days ago; "within 90 days" every slice to 90.
    totals, running = {}, 0
    for key in reversed(keys) if builder.kind.date_param == "since" else keys:
        running += int(buckets.get(key, {}).get("doc_count", 0))
        totals[int(key)] = running
    return totals


def _ns(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000_000)


def _terms(result: dict, name: str) -> dict[str, int]:
    return {bucket["key"]: bucket["doc_count"] for bucket in result[name]["buckets"]}


def _facets(builder: _Builder, date_choices, *, extra: dict | None = None) -> tuple:
    """Facet counts, in as few passes over the results as the choices allow.

    One aggregation on the whole query gives the counts of every filter not chosen, the date
    counts if no date was chosen, and ``extra`` (the distance sort's count per commune). Each
    chosen filter's own counts come from the query without it (choosing another value widens
    the search), one more pass each.
    """
    params = builder.params
    searcher = builder.searcher
    chosen = params.filters()
    date_chosen = bool(getattr(params, builder.kind.date_param))
    date_spec, date_keys = _date_spec(builder, date_choices)
    spec = {
        field: {"terms": {"field": field, "size": FACET_SIZES[field]}}
        for name, field in params.FILTERS.items()
        if name not in chosen
    }
    if not date_chosen:
        spec["dates"] = date_spec
    spec.update(extra or {})
    main = searcher.aggregate(builder.query(), spec)
    facets = {f: _terms(main, f) for name, f in params.FILTERS.items() if name not in chosen}
    for name in chosen:
        field = params.FILTERS[name]
        result = searcher.aggregate(
            builder.query(skip=name),
            {field: {"terms": {"field": field, "size": FACET_SIZES[field]}}},
        )
        facets[field] = _terms(result, field)
    if date_chosen:
        main_dates = searcher.aggregate(
            builder.query(skip=builder.kind.date_param), {"dates": date_spec}
        )["dates"]["buckets"]
    else:
        main_dates = main["dates"]["buckets"]
    return facets, _date_totals(builder, main_dates, date_keys), main


def _ordered_page(builder: _Builder, query, sort: str, total: int) -> list[int]:
    """Ids of the requested page, by relevance or date, with the diversity rule.

    The total comes from the aggregation pass, so this search needs no count: tantivy can skip
    the documents that cannot reach the top (block-max WAND).
    """
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
    if offset >= total:
        return []
    if offset >= WINDOW:
        result = searcher.search(query, params.per_page, count=False, offset=offset, **kwargs)
        return searcher.fast_field_values("id", [address for _, address in result.hits])
    result = searcher.search(query, WINDOW, count=False, **kwargs)
    hits = [address for _, address in result.hits]
    ids = searcher.fast_field_values("id", hits)
    employers = searcher.fast_field_values("employer", hits)
    ranked = interleave(ids, employers, PER_EMPLOYER_ROUND, limit=offset + params.per_page)
    page = ranked[offset : offset + params.per_page]
    missing = offset + params.per_page - max(WINDOW, offset)
    if len(page) < params.per_page and total > WINDOW and missing > 0:
        more = searcher.search(query, missing, count=False, offset=WINDOW, **kwargs)
        page += searcher.fast_field_values("id", [address for _, address in more.hits])
    return page


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
    # One pass for the exact total, the facet counts and (distance) the count per commune.
    extra = {"total": {"value_count": {"field": "id"}}}
    if sort == "distance":
        extra["insee"] = {"terms": {"field": "insee", "size": max(1, len(builder.codes))}}
    result.facets, result.date_counts, main = _facets(builder, date_choices, extra=extra)
    result.total = int(main["total"]["value"])
    if sort == "distance":
        result.ids, result.distances = distance_page(
            builder, query, result.total, _terms(main, "insee")
        )
    else:
        result.ids = _ordered_page(builder, query, sort, result.total)
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
