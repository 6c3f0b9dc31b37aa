"""Escaping for the HTML the platform writes in Python (result cards, filters, snippets, the
lookup widget).

The standard library's ``html.escape``: Django's ``escape`` checks for lazy strings on every
piece, and pages that write a few hundred values paid for it. Already escaped HTML
(``SafeString``) passes as it is, as in a template.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString


def e(value) -> str:
    if isinstance(value, SafeString):
        return value
    return escape(str(value), quote=True)
