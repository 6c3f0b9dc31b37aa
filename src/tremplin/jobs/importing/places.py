"""Where an offer is: a commune of the geography, from whatever the source gives."""

from __future__ import annotations

from dataclasses import dataclass

from tremplin.core.geo import haversine_km
from tremplin.core.normalize import fold_name
from tremplin.core.territory import current_territory

from ..sources.base import Place


@dataclass(frozen=True)
class Located:
    commune_id: int | None
    department_id: int | None
    insee: str
    department_code: str
    latitude: float | None
    longitude: float | None
    place_key: str  # for duplicate keys: the commune, else the département


class PlaceResolver:
    """Commune lookups for a whole import, loaded once (the geography changes rarely)."""

    def __init__(self) -> None:
        from tremplin.core.models import Commune, Department, PostalCode

        self.territory = current_territory()
        self.by_insee: dict[str, tuple] = {}
        self.by_name: dict[str, list[str]] = {}
        #: commune id → (INSEE code, name), department id → (code, name): for documents.
        self.commune_names: dict[int, tuple[str, str]] = {}
        for *row, name in Commune.objects.values_list(
            "insee",
            "id",
            "department_id",
            "department__code",
            "latitude",
            "longitude",
            "search_name",
            "name",
        ):
            row = tuple(row)
            self.by_insee[row[0]] = row
            self.by_name.setdefault(row[6], []).append(row[0])
            self.commune_names[row[1]] = (row[0], name)
        self.by_postal: dict[str, list[str]] = {}
        for code, insee in PostalCode.objects.values_list("code", "commune__insee"):
            self.by_postal.setdefault(code, []).append(insee)
        self.departments: dict[str, int] = {}
        self.department_names: dict[int, tuple[str, str]] = {}
        for pk, code, name in Department.objects.values_list("id", "code", "name"):
            self.departments[code] = pk
            self.department_names[pk] = (code, name)

    def _commune(self, place: Place) -> str | None:
        if place.insee and place.insee.upper() in self.by_insee:
            return place.insee.upper()
        name = fold_name(place.city) if place.city else ""
        if place.postal_code:
            found = self.by_postal.get(place.postal_code, [])
            if len(found) == 1:
                return found[0]
            named = [i for i in found if self.by_insee[i][6] == name]
            if len(named) == 1:
                return named[0]
            if found and not name:
                return None
        if name:
            found = [i for i in self.by_name.get(name, []) if i in self.territory]
            if len(found) == 1:
                return found[0]
        if place.latitude is not None and place.longitude is not None:
            return self._nearest(place.latitude, place.longitude)
        return None

    def _nearest(self, lat: float, lon: float) -> str | None:
        best = None
        for insee in self.territory.insee_codes:
            row = self.by_insee.get(insee)
            if row is None or abs(row[4] - lat) > 0.2 or abs(row[5] - lon) > 0.3:
                continue
            distance = haversine_km(lat, lon, row[4], row[5])
            if distance <= 15 and (best is None or distance < best[0]):
                best = (distance, insee)
        return best[1] if best else None

    def locate(self, place: Place) -> tuple[Located | None, str]:
        """The place, or None and why; an empty place is allowed (remote, distance)."""
        insee = self._commune(place)
        lat, lon = place.latitude, place.longitude
        if lat is not None and not (-25 <= lat <= 52 and -65 <= (lon or 0) <= 60):
            lat = lon = None
        if insee:
            _, commune_id, department_id, department_code, c_lat, c_lon, _ = self.by_insee[insee]
            if insee not in self.territory:
                return None, "outside"
            return (
                Located(
                    commune_id,
                    department_id,
                    insee,
                    department_code,
                    lat if lat is not None else c_lat,
                    lon if lon is not None else c_lon,
                    insee,
                ),
                "",
            )
        if place.department and place.department in self.departments:
            if place.department not in self.territory.department_codes:
                return None, "outside"
            return (
                Located(
                    None,
                    self.departments[place.department],
                    "",
                    place.department,
                    lat,
                    lon,
                    f"d{place.department}",
                ),
                "",
            )
        if any((place.insee, place.postal_code, place.city, place.label)):
            return None, "unknown"
        return Located(None, None, "", "", None, None, "-"), ""

    def describe(self, place: Place) -> str:
        parts = [place.label or place.city, place.postal_code, place.insee]
        return " ".join(p for p in parts if p) or "?"
