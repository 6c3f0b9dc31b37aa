"""Markdown to safe HTML, and reading time.

markdown-it-py renders CommonMark (plus tables) with raw HTML turned off; nh3 then keeps only
the tags a lesson needs, so that a back-office edit can never inject a script or a style (the
CSP would block it anyway, and the page would break).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from tremplin.learning import conf

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "div": {"class", "tabindex", "role", "aria-label"},
    "ol": {"start"},
}
WORD = re.compile(r"\w+(?:['’]\w+)*")
# French typography: no line break before « ? ! ; : » or after « (a space that does not break).
BEFORE = re.compile(r" ([?!;:»])")
AFTER = re.compile(r"« ")


def french_spacing(text: str) -> str:
    return AFTER.sub("«\u00a0", BEFORE.sub("\u00a0\\1", text or ""))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _demote_h1(html: str) -> str:
    # The page's title is the only h1; a stray "# " in a lesson becomes a section heading.
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def markdown_html(text: str) -> SafeString:
    return _markdown_html(text or "", get_language() or "fr")


@lru_cache(maxsize=256)
def _markdown_html(text: str, language: str) -> SafeString:
    html = _demote_h1(_parser().render(french_spacing(text)))
    # A wide table scrolls sideways on a phone: its frame must be reachable with the keyboard.
    label = _("Tableau")
    frame = f'<div class="table-wrap" tabindex="0" role="region" aria-label="{label}">'
    html = html.replace("<table>", frame + "<table>").replace("</table>", "</table></div>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # sanitised by nh3 just above


def plain_text(markdown: str) -> str:
    """The words a reader sees (no link targets, no Markdown signs)."""
    return nh3.clean(_parser().render(markdown or ""), tags=set())


def word_count(markdown: str) -> int:
    return len(WORD.findall(plain_text(markdown)))


def reading_minutes(words: int) -> tuple[float, float]:
    """Reading time at a comfortable on-screen pace: (fastest, slowest) in minutes."""
    return words / conf.WORDS_PER_MINUTE_FAST, words / conf.WORDS_PER_MINUTE_SLOW


def reading_duration(words: int) -> int:
    """Minutes shown to learners: the middle pace (165 words a minute), rounded."""
    middle = (conf.WORDS_PER_MINUTE_FAST + conf.WORDS_PER_MINUTE_SLOW) / 2
    return max(1, math.floor(words / middle + 0.5))


def reading_window_error(words: int) -> str | None:
    """None when a lesson reads in 3 to 4 minutes; else the reason, in French."""
    if conf.WORDS_MIN <= words <= conf.WORDS_MAX:
        return None
    fast, slow = reading_minutes(words)
    return _(
        "la leçon compte %(words)s mots, soit %(fast)s à %(slow)s min de lecture : il en faut "
        "entre %(min)s et %(max)s (3 à 4 minutes à 150–180 mots par minute)."
    ) % {
        "words": words,
        "fast": f"{fast:.1f}".replace(".", ","),
        "slow": f"{slow:.1f}".replace(".", ","),
        "min": conf.WORDS_MIN,
        "max": conf.WORDS_MAX,
    }
