"""What to offer when nothing matches: a wider radius, a filter less, the closest spelling.

Each suggestion is checked against the index: we only propose what gives results, with how
many.
"""

from __future__ import annotations

from dataclasses import replace

from .params import RADIUS_CHOICES

MAX_DISTANCE = 2


def _edit_distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Damerau-Levenshtein distance (adjacent swaps), stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def closest_term(searcher, term: str) -> str | None:
    """The indexed title term nearest to a term the index does not know (None if none)."""
    if len(term) < 3:
        return None
    best = None
    for candidate, count in searcher.terms_with_prefix("title", term[:2]):
        distance = _edit_distance(term, candidate)
        if distance <= MAX_DISTANCE and candidate != term:
            key = (distance, -count, candidate)
            if best is None or key < best[0]:
                best = (key, candidate)
    return best[1] if best else None


def _display_word(builder, term: str) -> str:
    """A word people can read for an indexed term, taken from a title that contains it."""
    from tantivy import Query

    from tremplin.core.search.highlight import _term

    result = builder.searcher.search(Query.term_query(builder.schema, "title", term), 1)
    ids = builder.searcher.fast_field_values("id", [a for _, a in result.hits])
    if not ids:
        return term
    title = _title_of(builder.kind.doc_type, ids[0])
    for word in title.split():
        cleaned = word.strip("()[],.;:!?/«»\"'").lower()
        if cleaned and _term(cleaned) == term:
            return cleaned
    return term


def _title_of(doc_type: str, pk: int) -> str:
    from tremplin.jobs.models import JobOffer, TrainingOffer

    model = JobOffer if doc_type == "jobs.offer" else TrainingOffer
    row = (
        model.objects.filter(pk=pk)
        .values_list("title", "job_title" if model is JobOffer else "title")
        .first()
    )
    return " ".join(row) if row else ""


def suggestions(builder) -> list[dict]:
    """Suggestions, each with the parameters to apply and the number of results it gives."""
    params = builder.params
    found: list[dict] = []

    # 1. The closest spelling of words the index does not know.
    if builder.match.words:
        corrected = params.q
        changed = False
        for word, term in zip(builder.match.words, builder.match.terms, strict=True):
            if builder.searcher.doc_freq("all", term) > 0:
                continue
            better = closest_term(builder.searcher, term)
            if better:
                display = _display_word(builder, better)
                corrected = _replace_word(corrected, word, display)
                changed = True
        if changed and corrected != params.q:
            found.append(_checked(builder, "spelling", replace(params, q=corrected, page=1)))

    # 2. A wider radius, then anywhere.
    if params.commune is not None:
        for radius in RADIUS_CHOICES:
            if radius > params.radius:
                found.append(_checked(builder, "radius", params.with_radius(radius)))
                if found[-1]["count"]:
                    break
        found.append(_checked(builder, "anywhere", params.without("commune")))

    # 3. One filter less.
    for name in params.filters():
        found.append(_checked(builder, "filter", params.without(name), name=name))
    date_param = builder.kind.date_param
    if getattr(params, date_param):
        found.append(_checked(builder, "filter", params.without(date_param), name=date_param))

    # 4. Fewer words.
    if len(builder.match.words) > 1:
        for word in builder.match.words:
            found.append(_checked(builder, "word", replace(params, q=word, page=1), word=word))
    return [s for s in found if s["count"]]


def _replace_word(text: str, normalised: str, replacement: str) -> str:
    from tremplin.core.search.analysis import normalize

    words = text.split()
    for i, word in enumerate(words):
        if normalize(word) == normalised:
            words[i] = replacement
            return " ".join(words)
    return text


def _checked(builder, kind: str, params, **extra) -> dict:
    from .engine import _Builder

    other = _Builder(builder.kind, params, builder.searcher, builder.schema, builder.now)
    return {"kind": kind, "params": params, "count": other.count(other.query()), **extra}
