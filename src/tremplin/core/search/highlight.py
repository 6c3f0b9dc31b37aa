"""Result snippets with the words that matched the query marked.

The index holds normalised, stemmed terms, not the text people read; so the snippet is cut
from the original text and each word is run through the same analysis to see whether it is one
of the query's terms (or, for a tolerated typo, one edit away from it). Words are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import fold, normalize_word, token_of

_WORDS = re.compile(r"\w+", re.UNICODE)
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


def _matcher(terms, fuzzy):
    terms = set(terms)
    fuzzy = list(fuzzy)

    def matches(word: str) -> bool:
        term = _term(word)
        if not term:
            return False
        if term in terms:
            return True
        return any(_one_edit(term, other) for other in fuzzy)

    return matches


def snippet(
    text: str, terms, fuzzy=(), *, words: int = WINDOW_WORDS, first: bool = False
) -> SafeString:
    """Escaped HTML: the passage of ``text`` with the most matches, matches in ``<mark>``.

    ``first`` keeps the beginning of the text (titles): only the marking is done.
    """
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    matches = _matcher(terms, fuzzy)
    spans = [(m.start(), m.end(), matches(m.group())) for m in _WORDS.finditer(text)]
    if not spans:
        return escape(text)
    start_word = 0
    if not first and len(spans) > words:
        hits = [1 if hit else 0 for _, _, hit in spans]
        best, current = 0, sum(hits[:words])
        best_score = current
        for i in range(1, len(spans) - words + 1):
            current += hits[i + words - 1] - hits[i - 1]
            if current > best_score:
                best, best_score = i, current
        # Start a few words before the first match, for context.
        start_word = max(0, best - 3) if best_score else 0
    end_word = len(spans) if first else min(len(spans), start_word + words)
    begin = 0 if start_word == 0 else spans[start_word][0]
    end = len(text) if end_word == len(spans) else spans[end_word - 1][1]
    out = ["… " if begin > 0 else ""]
    cursor = begin
    for s, e, hit in spans[start_word:end_word]:
        if hit:
            out.append(escape(text[cursor:s]))
            out.append(f"<mark>{escape(text[s:e])}</mark>")
            cursor = e
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    # Every piece of text is escaped above.
    return mark_safe("".join(out))
