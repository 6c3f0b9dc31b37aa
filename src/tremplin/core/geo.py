"""Distances on the globe, for "within R km of a commune" everywhere in Tremplin.

A bounding box narrows candidates with an index in SQL (portable: no PostGIS, no SpatiaLite);
the great-circle distance then keeps the exact ones. At the scale of a French territory the
spherical model errs by less than 0.5 %, far below the size of a commune.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class BoundingBox:
    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


def bounding_box(lat: float, lon: float, km: float) -> BoundingBox:
    """The smallest latitude/longitude box that holds the circle of radius ``km``."""
    if km < 0:
        raise ValueError("radius must be positive")
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    # Longitude degrees shrink with latitude; clamp near the poles (not a French concern).
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, math.degrees(km / (EARTH_RADIUS_KM * cos_lat)))
    return BoundingBox(south=lat - dlat, west=lon - dlon, north=lat + dlat, east=lon + dlon)


def communes_within(commune, km: float, queryset=None) -> list[tuple[object, float]]:
    """Communes whose town hall lies within ``km`` of ``commune``'s, nearest first.

    Returns (commune, distance_km) pairs; the origin is included at distance 0.
    """
    from tremplin.core.models import Commune

    qs = queryset if queryset is not None else Commune.objects.all()
    box = bounding_box(commune.latitude, commune.longitude, km)
    found = []
    for other in qs.in_bbox(box):
        distance = haversine_km(
            commune.latitude, commune.longitude, other.latitude, other.longitude
        )
        if distance <= km:
            found.append((other, distance))
    found.sort(key=lambda pair: pair[1])
    return found


def insee_codes_within(commune, km: float) -> set[str]:
    """INSEE codes of the communes within ``km``: the term set a search index filters on."""
    from tremplin.core.models import Commune

    box = bounding_box(commune.latitude, commune.longitude, km)
    rows = Commune.objects.in_bbox(box).values_list("insee", "latitude", "longitude")
    return {
        insee
        for insee, lat, lon in rows
        if haversine_km(commune.latitude, commune.longitude, lat, lon) <= km
    }
