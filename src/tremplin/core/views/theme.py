"""The territory's colours and logo, served by the platform itself.

Colours are CSS custom properties in a small stylesheet of their own, so that the main
stylesheet stays static and cacheable and the strict CSP (no inline style) holds.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from tremplin.core.colors import mix
from tremplin.core.selectors import branding_get

YEAR = 365 * 24 * 3600


def _cache_headers(response: HttpResponse, versioned: bool) -> HttpResponse:
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable" if versioned else "no-cache"
    return response


@require_GET
def theme_css(request):
    branding = branding_get()
    css = render_to_string(
        "core/theme.css",
        {
            "primary": branding.primary_color,
            "primary_dark": mix(branding.primary_color, "#000000", 0.8),
            "primary_tint": mix(branding.primary_color, "#ffffff", 0.1),
            "secondary": branding.secondary_color,
            "secondary_tint": mix(branding.secondary_color, "#ffffff", 0.1),
        },
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Last-Modified"] = http_date(branding.updated_at.timestamp())
    return _cache_headers(response, versioned="v" in request.GET)


@require_GET
def logo(request, version: str):
    branding = branding_get()
    if not branding.logo_png or version != branding.logo_version:
        raise Http404
    response = HttpResponse(bytes(branding.logo_png), content_type="image/png")
    return _cache_headers(response, versioned=True)
