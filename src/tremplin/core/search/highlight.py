"""Result snippets with the words that matched the query marked.

The index holds normalised, stemmed terms, not the text people read; so the snippet is cut
from the original text and each word is run through the same analysis to see whether it is one
of the query's terms (or, for a tolerated typo, one edit away from it). Words are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape as _escape

from django.utils.safestring import SafeString, mark_safe

from .analysis import fold, normalize_word, token_of

_WORDS = re.compile(r"\w+", re.UNICODE)
WINDOW_WORDS = 40


def escape(text: str) -> str:
    # The standard library's escaping: Django's checks for lazy strings on every piece.
    return _escape(text, quote=True)


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
    """
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    matches = matches or matcher(terms, fuzzy)
    found = _WORDS.findall(text)
    if not found:
        return mark_safe(escape(text))
    hits = [matches(word) for word in found]
    start_word = 0
    if not first and len(found) > words:
        best, current = 0, sum(hits[:words])
        best_score = current
        for i in range(1, len(found) - words + 1):
            current += hits[i + words - 1] - hits[i - 1]
            if current > best_score:
                best, best_score = i, current
        # Start a few words before the first match, for context.
        start_word = max(0, best - 3) if best_score else 0
    end_word = len(found) if first else min(len(found), start_word + words)
    out = []
    cursor = begin = end = None
    for index, match in enumerate(_WORDS.finditer(text)):
        if index < start_word:
            continue
        if index >= end_word:
            break
        if begin is None:
            begin = cursor = match.start() if start_word else 0
        end = match.end()
        if hits[index]:
            out.append(escape(text[cursor : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            cursor = end
    if end_word == len(found):
        end = len(text)
    out.append(escape(text[cursor:end]))
    prefix = "… " if begin else ""
    suffix = " …" if end < len(text) else ""
    # Every piece of text is escaped above.
    return mark_safe(prefix + "".join(out) + suffix)
