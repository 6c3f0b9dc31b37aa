"""What the apps that make PDFs (certificates, diagnostic results) share.

WeasyPrint needs Pango from the system. A server without it must keep serving every page; only
the PDF downloads say they are unavailable, with a page that offers the same content online.
"""

from __future__ import annotations

from django.shortcuts import render


class PdfUnavailable(Exception):
    """WeasyPrint cannot run here (Pango missing): the rest of the site keeps working."""


def weasyprint():
    """The weasyprint module, imported on first use (it is heavy and may be missing)."""
    try:
        import weasyprint as module
        from weasyprint.text import fonts  # noqa: F401 - loads Pango, the part that may fail
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(str(exc)) from exc
    return module


def pdf_unavailable(request, *, online_url: str, online_label: str):
    """The 503 page shown instead of a PDF, with a link to the same content as a web page."""
    return render(
        request,
        "core/pdf_unavailable.html",
        {"online_url": online_url, "online_label": online_label},
        status=503,
    )
