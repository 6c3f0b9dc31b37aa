"""Rich text from elsewhere, made safe: descriptions are stored as sanitised HTML (nh3).

Sources send HTML (JSON-LD, LHEO) or plain text with line breaks (France Travail, CSV). Plain
text becomes paragraphs; HTML keeps only a few harmless tags, links get ``rel="nofollow"``
and only http(s) or mailto addresses. The result is safe to show as is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

import nh3
from django.utils.text import slugify

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h3", "h4", "a"}
MAX_LENGTH = 20_000
_LOOKS_LIKE_HTML = re.compile(r"<(p|br|ul|ol|li|div|strong|em|b|i|h\d|a|span)\b", re.IGNORECASE)
_HEADINGS = re.compile(r"<(/?)h[12]\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*(?:<br>\s*)*</p>")


def clean_html(value: str) -> str:
    """Sanitised HTML from HTML or plain text ("" stays "")."""
    value = (value or "").strip()[: MAX_LENGTH * 2]
    if not value:
        return ""
    if not _LOOKS_LIKE_HTML.search(value):
        # Plain text: once escaped it is safe as it is, no need for the sanitiser.
        paragraphs = [p.strip() for p in _BLANK_LINE.split(value.replace("\r\n", "\n"))]
        html = "".join(
            "<p>" + escape(p, quote=False).replace("\n", "<br>") + "</p>" for p in paragraphs if p
        )
        return html[:MAX_LENGTH]
    value = _HEADINGS.sub(r"<\1h3", value)  # a page has one h1: offers start at h3
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        link_rel="nofollow noopener noreferrer",
        url_schemes={"http", "https", "mailto"},
    )
    return _EMPTY_PARAGRAPH.sub("", cleaned).strip()[:MAX_LENGTH]


@lru_cache(maxsize=50_000)
def slug_for(title: str) -> str:
    """The address words of a title (feeds repeat their titles: cached)."""
    return (slugify(title)[:80].strip("-")) or "offre"
