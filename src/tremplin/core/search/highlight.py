"""Result snippets with the words that matched the query marked.

The index holds normalised, stemmed terms, not the text people read; so the snippet is cut
from the original text and each word is run through the same analysis to see whether it is one
of the query's terms (or, for a tolerated typo, one edit away from it). Words are cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from tremplin.core.markup import e as escape

from .analysis import fold, normalize_word, token_of

_SPLIT = re.compile(r"(\w+)", re.UNICODE)  # keeps the words between the separators
WINDOW_WORDS = 40


@lru_cache(maxsize=100_000)
def _term(word: str) -> str:
    folded = fold(word)
    return token_of(normalize_word(folded)) if folded.isalnum() else ""


def _one_edit(a: str, b: str) -> bool:
    """Whether two terms are at most one insertion, deletion, substitution or swap apart."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def matcher(terms, fuzzy=()):
    """word → is it a match; remembered, so build one per search and share it between the
    snippets of its results (their words repeat)."""
    terms = set(terms)
    fuzzy = list(fuzzy)
    seen: dict[str, bool] = {}

    def matches(word: str) -> bool:
        found = seen.get(word)
        if found is None:
            term = _term(word)
            found = bool(term) and (term in terms or any(_one_edit(term, other) for other in fuzzy))
            seen[word] = found
        return found

    return matches


def snippet(
    text: str,
    terms=(),
    fuzzy=(),
    *,
    words: int = WINDOW_WORDS,
    first: bool = False,
    matches=None,
) -> SafeString:
    """Escaped HTML: the passage of ``text`` with the most matches, matches in ``<mark>``.

    ``first`` keeps the beginning of the text (titles): only the marking is done. ``matches``:
    a :func:`matcher` shared by the snippets of one search.

    A results page cuts forty snippets, so the work goes by distinct words and by matches
    rather than word by word: each distinct word is looked up once, the best window is sought
    among the positions where a match enters it, and the text between matches is escaped in
    one piece.
    """
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    matches = matches or matcher(terms, fuzzy)
    # Separators and words alternate: parts[2k + 1] is the k-th word.
    parts = _SPLIT.split(text)
    count = len(parts) // 2
    if not count:
        return mark_safe(escape(text))
    matched = {word for word in set(parts[1::2]) if matches(word)}
    hits = [k for k, word in enumerate(parts[1::2]) if word in matched] if matched else []
    start = 0
    if hits and not first and count > words:
        start = max(0, _best_window(hits, words) - 3)  # a few words before, for context
    end = count if first else min(count, start + words)
    low = 2 * start + 1 if start else 0
    high = 2 * end if end < count else len(parts)
    out = []
    cursor = low
    for k in hits:
        if start <= k < end:
            at = 2 * k + 1
            out.append(escape("".join(parts[cursor:at])))
            out.append(f"<mark>{escape(parts[at])}</mark>")
            cursor = at + 1
    out.append(escape("".join(parts[cursor:high])))
    prefix = "… " if start else ""
    suffix = " …" if end < count else ""
    # Every piece of text is escaped above.
    return mark_safe(prefix + "".join(out) + suffix)


def _best_window(hits: list[int], words: int) -> int:
    """The first start of a ``words``-long window holding the most of ``hits`` (word positions,
    in order). The count only grows where a match enters the window, so the candidates are
    those points and the very beginning."""
    best, best_count = 0, bisect_left(hits, words)
    for position in hits:
        candidate = position - words + 1
        if candidate <= 0:
            continue
        inside = bisect_left(hits, candidate + words) - bisect_left(hits, candidate)
        if inside > best_count:
            best, best_count = candidate, inside
    return best
