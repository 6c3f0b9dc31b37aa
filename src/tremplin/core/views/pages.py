"""The home page and the legal pages every public site owes its visitors."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tremplin.core.catalogue import services
from tremplin.core.territory import current_territory


@require_GET
def home(request):
    territory = current_territory()
    return render(
        request,
        "core/home.html",
        {"services": services(), "territory": territory},
    )


@require_GET
def legal_notice(request):
    return render(request, "core/legal/notice.html")


@require_GET
def accessibility(request):
    return render(request, "core/legal/accessibility.html")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /compte/",
        "Disallow: /mon-espace/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def health(request):
    """For the load balancer and the operator: the database answers, and with what."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor, "debug": settings.DEBUG})


@require_GET
def site_map(request):
    return render(request, "core/legal/site_map.html", {"services": services()})


@require_GET
def source_code(request):
    from importlib.metadata import version

    return render(
        request,
        "core/legal/source_code.html",
        {"version": version("tremplin"), "source_url": settings.TREMPLIN_SOURCE_URL},
    )


@require_GET
def source_archive(request):
    """The running code as a ZIP, as the AGPL (section 13) asks of network services."""
    from tremplin.core.source import source_zip

    name, data = source_zip()
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "public, max-age=3600"
    return response
