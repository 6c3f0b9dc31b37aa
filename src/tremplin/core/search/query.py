"""Building blocks for queries on a document type's index.

Words are matched on their analysed terms (see :mod:`.analysis`): every word must match, in any
text field folded into the ``all`` field, and words found in the title score higher. A longer
word whose exact term is absent or almost absent from the index is probably mistyped: it also
matches terms one edit away (a typo tolerated), at no cost for words the index knows well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .analysis import query_words

FUZZY_MIN_LENGTH = 5
RARE_BELOW = 3  # documents: fewer than this and a long word may be a typo


@dataclass
class TextMatch:
    query: object | None  # tantivy.Query, None when no word was typed
    words: list[str] = field(default_factory=list)  # normalised words
    terms: list[str] = field(default_factory=list)  # indexed terms looked for
    fuzzy: list[str] = field(default_factory=list)  # terms that also match one edit away


def text_query(
    searcher, schema, text: str, *, field: str = "all", boosts: dict[str, float] | None = None
) -> TextMatch:
    from tantivy import Occur, Query

    pairs = query_words(text)
    if not pairs:
        return TextMatch(query=None)
    match = TextMatch(query=None, words=[w for w, _ in pairs], terms=[t for _, t in pairs])
    clauses = []
    for word, term in pairs:
        exact = Query.term_query(schema, field, term)
        if len(word) >= FUZZY_MIN_LENGTH and searcher.doc_freq(field, term) < RARE_BELOW:
            match.fuzzy.append(term)
            fuzzy = Query.fuzzy_term_query(schema, field, term, distance=1)
            required = Query.boolean_query([(Occur.Should, exact), (Occur.Should, fuzzy)])
        else:
            required = exact
        clauses.append((Occur.Must, required))
        for boost_field, boost in (boosts or {}).items():
            boosted = Query.boost_query(Query.term_query(schema, boost_field, term), boost)
            clauses.append((Occur.Should, boosted))
    match.query = Query.boolean_query(clauses)
    return match


def any_of(schema, field: str, values: Iterable[str]):
    from tantivy import Query

    return Query.term_set_query(schema, field, [str(v) for v in values])


def since(schema, field: str, moment: datetime):
    from tantivy import FieldType, Query

    return Query.range_query(schema, field, FieldType.Date, moment.astimezone(UTC), None)


def after(schema, field: str, moment: datetime):
    """Documents whose date is strictly later (e.g. not yet expired)."""
    from tantivy import FieldType, Query

    return Query.range_query(
        schema, field, FieldType.Date, moment.astimezone(UTC), None, include_lower=False
    )


def all_of(queries: Sequence) -> object:
    from tantivy import Occur, Query

    queries = [q for q in queries if q is not None]
    if not queries:
        return Query.all_query()
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Must, q) for q in queries])


def none_of(base, excluded):
    from tantivy import Occur, Query

    return Query.boolean_query([(Occur.Must, base), (Occur.MustNot, excluded)])


def facet_counts(searcher, query, fields: dict[str, int]) -> dict[str, dict[str, int]]:
    """Documents per value of each keyword field, for the documents matching ``query``."""
    if not fields:
        return {}
    spec = {name: {"terms": {"field": name, "size": size}} for name, size in fields.items()}
    result = searcher.aggregate(query, spec)
    return {
        name: {bucket["key"]: bucket["doc_count"] for bucket in result[name]["buckets"]}
        for name in fields
    }


def date_counts(searcher, query, field: str, bounds: dict[str, datetime]) -> dict[str, int]:
    """Documents dated on or after each bound (e.g. published in the last 1, 7, 30 days)."""
    if not bounds:
        return {}
    ranges = [
        {"key": key, "from": int(moment.astimezone(UTC).timestamp() * 1_000_000_000)}
        for key, moment in bounds.items()
    ]
    spec = {"dates": {"range": {"field": field, "ranges": ranges, "keyed": True}}}
    buckets = searcher.aggregate(query, spec)["dates"]["buckets"]
    return {key: int(buckets.get(key, {}).get("doc_count", 0)) for key in bounds}


def interleave(items: Sequence, group_of: Callable[[object], object], per_round: int) -> list:
    """Reorder ranked items so that no group takes more than ``per_round`` places per round.

    Round 1 holds the first ``per_round`` items of every group, in their ranked order; round 2
    the next ones, and so on. A group with many items therefore never pushes the first items of
    the other groups down the list. Stable: within a round, the ranking is kept.
    """
    seen: dict[object, int] = {}
    keyed = []
    for position, item in enumerate(items):
        group = group_of(item)
        rank = seen.get(group, 0)
        seen[group] = rank + 1
        keyed.append((rank // per_round, position, item))
    keyed.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _, _, item in keyed]
