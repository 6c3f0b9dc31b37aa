from django.conf import settings

from tremplin.core.catalogue import services
from tremplin.core.selectors import branding_get


def site(request):
    branding = branding_get()
    return {
        "branding": branding,
        "theme_version": f"{branding.updated_at:%Y%m%d%H%M%S}",
        "nav_services": _navigation(request),
        "map_tiles_url": settings.MAP_TILES_URL or "",
    }


def _navigation(request) -> list[dict]:
    """The menu's entries, each with whether it is the current section (worked out here once:
    in the template it was two filters and two URL lookups per entry on every page)."""
    path = request.path[:64]
    entries = []
    for entry in services():
        if entry.in_nav:
            url = entry.url
            entries.append({"url": url, "title": entry.title, "current": path == url[:64]})
    return entries
