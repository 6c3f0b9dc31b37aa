from django.conf import settings

from tremplin.core.catalogue import services
from tremplin.core.selectors import branding_get


def site(request):
    branding = branding_get()
    return {
        "branding": branding,
        "theme_version": f"{branding.updated_at:%Y%m%d%H%M%S}",
        "nav_services": [entry for entry in services() if entry.in_nav],
        "map_tiles_url": settings.MAP_TILES_URL or "",
    }
