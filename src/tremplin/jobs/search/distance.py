"""Distance sort: nearest first, exactly at commune level, newest first within a commune.

The main pass of a search counts the results of each commune within the radius; the page then
takes what it needs from the nearest communes on, in one more pass over the index.
"""

from __future__ import annotations

from typing import NamedTuple

from tremplin.core.search.query import all_of, any_of, none_of

TOP_HITS_DEPTH = 100  # results per commune fetched in one aggregation


def distance_page(builder, query, total: int, per_insee: dict[str, int]) -> tuple:
    """Nearest first, exactly at commune level: from the count per commune, fetch what the
    page needs commune by commune (newest first within a commune)."""
    params = builder.params
    offset = (params.page - 1) * params.per_page
    wanted_end = offset + params.per_page
    needed: list[Slice] = []
    seen = 0
    for insee, km in builder.codes:
        count = per_insee.get(insee, 0)
        if not count:
            continue
        if seen + count > offset and seen < wanted_end:
            skip = max(0, offset - seen)
            take = min(count - skip, wanted_end - max(seen, offset))
            needed.append(Slice(insee, km, skip, take, count))
        seen += count
        if seen >= wanted_end:
            break
    ids: list[int] = []
    distances: dict[int, float] = {}
    for part, found in zip(needed, _commune_pages(builder, query, needed), strict=True):
        for pk in found:
            ids.append(pk)
            distances[pk] = part.km
    if len(ids) < params.per_page and total > seen:
        # Found at any place (distance learning) but not in the radius: after the others.
        outside = none_of(query, any_of(builder.schema, "insee", [c for c, _ in builder.codes]))
        result = builder.searcher.search(
            outside, params.per_page - len(ids), count=False, offset=max(0, offset - seen)
        )
        ids += builder.searcher.fast_field_values("id", [a for _, a in result.hits])
    return ids, distances


class Slice(NamedTuple):
    """What a page takes from one commune's results."""

    insee: str
    km: float
    skip: int
    take: int
    count: int  # the commune's results in all


def _commune_pages(builder, query, needed: list[Slice]) -> list[list[int]]:
    """For each commune: the ids of its results in date order, sliced.

    One aggregation pass with each commune's top hits, rather than one search per commune: a
    rare job around a city is found in a dozen communes, and a dozen searches were most of
    the page's time. Deep pages (more than :data:`TOP_HITS_DEPTH` results into a commune)
    search commune by commune.

    In ascending order (trainings, soonest session first), the top hits put the documents
    without a date first, and the search puts them last, after the dated ones: there the
    communes' results are fetched whole and the undated ones moved after the others.
    """
    if not needed:
        return []
    field_name, ascending = builder.kind.sort_field, builder.kind.sort_ascending
    if ascending:
        depth = max(part.count for part in needed)
    else:
        depth = max(part.skip + part.take for part in needed)
    if depth > TOP_HITS_DEPTH:
        return [_one_commune(builder, query, part) for part in needed]
    top = {"size": depth, "sort": [{field_name: "asc" if ascending else "desc"}]}
    spec = {
        "insee": {
            "terms": {"field": "insee", "size": len(needed)},
            "aggs": {"top": {"top_hits": {**top, "docvalue_fields": ["id", field_name]}}},
        }
    }
    here = all_of([query, any_of(builder.schema, "insee", [part.insee for part in needed])])
    buckets = builder.searcher.aggregate(here, spec)["insee"]["buckets"]
    hits = {bucket["key"]: bucket["top"]["hits"] for bucket in buckets}
    pages = []
    for part in needed:
        found = [hit["docvalue_fields"] for hit in hits.get(part.insee, [])]
        if ascending:
            found = [f for f in found if f.get(field_name)] + [
                f for f in found if not f.get(field_name)
            ]
        pages.append([f["id"][0] for f in found[part.skip : part.skip + part.take]])
    return pages


def _one_commune(builder, query, part: Slice) -> list[int]:
    from tantivy import Order

    here = all_of([query, any_of(builder.schema, "insee", [part.insee])])
    result = builder.searcher.search(
        here,
        part.take,
        count=False,
        offset=part.skip,
        order_by_field=builder.kind.sort_field,
        order=Order.Asc if builder.kind.sort_ascending else Order.Desc,
    )
    return builder.searcher.fast_field_values("id", [a for _, a in result.hits])
