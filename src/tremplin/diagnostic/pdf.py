"""PDF documents (the result and plan, the blank paper questionnaire), made with WeasyPrint.

WeasyPrint is imported only here, when a PDF is asked for: it is heavy, and the rest of the
site does not need it. It may read local files only — the platform's own font (Atkinson
Hyperlegible, from core/static) and this app's print stylesheet — never the network.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from tremplin.core.pdf import weasyprint

FONTS = [
    ("normal", 400, "core/fonts/atkinson-hyperlegible-latin-400-normal.woff2"),
    ("normal", 400, "core/fonts/atkinson-hyperlegible-latin-ext-400-normal.woff2"),
    ("normal", 700, "core/fonts/atkinson-hyperlegible-latin-700-normal.woff2"),
    ("normal", 700, "core/fonts/atkinson-hyperlegible-latin-ext-700-normal.woff2"),
    ("italic", 400, "core/fonts/atkinson-hyperlegible-latin-400-italic.woff2"),
]
STYLESHEET = "diagnostic/pdf.css"


def _font_faces() -> str:
    rules = []
    for style, weight, name in FONTS:
        path = finders.find(name)
        if path:
            rules.append(
                "@font-face { font-family: 'Atkinson Hyperlegible'; "
                f"font-style: {style}; font-weight: {weight}; "
                f"src: url('{Path(path).resolve().as_uri()}') format('woff2'); }}"
            )
    return "\n".join(rules)


def render_pdf(template: str, context: dict, *, request) -> bytes:
    """Links in the document point to the site (absolute); only local files are read."""
    weasyprint()  # raises PdfUnavailable without Pango
    from weasyprint import CSS, HTML, URLFetcher
    from weasyprint.text.fonts import FontConfiguration

    fetcher = URLFetcher(allowed_protocols={"file"})
    fonts = FontConfiguration()  # without it, @font-face rules are ignored
    html = render_to_string(template, context, request=request)
    stylesheets = [
        CSS(string=_font_faces(), url_fetcher=fetcher, font_config=fonts),
        CSS(filename=finders.find(STYLESHEET), url_fetcher=fetcher, font_config=fonts),
    ]
    document = HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts)
