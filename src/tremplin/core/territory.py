"""The territory the instance serves, as a set of communes.

The setting names régions, départements, EPCI or communes (see :mod:`territory_spec`); here it
is resolved against the geography. The result is cached per process, keyed by the number of
communes loaded so that it follows a ``tremplin geo load``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from tremplin.core.territory_spec import TerritorySpec

_cache: dict[tuple[str, int], Territory] = {}


@dataclass(frozen=True)
class Territory:
    spec: TerritorySpec
    name: str
    insee_codes: frozenset[str]
    department_codes: tuple[str, ...]

    def __contains__(self, insee: str) -> bool:
        return insee in self.insee_codes

    def __bool__(self) -> bool:
        return bool(self.insee_codes)


def communes_q(spec: TerritorySpec) -> Q:
    query = Q(pk__in=[])
    if codes := spec.codes("region"):
        query |= Q(department__region__code__in=codes)
    if codes := spec.codes("departement"):
        query |= Q(department__code__in=codes)
    if codes := spec.codes("epci"):
        query |= Q(epci__code__in=codes) | Q(parent__epci__code__in=codes)
    if codes := spec.codes("commune"):
        query |= Q(insee__in=codes) | Q(parent__insee__in=codes)
    return query


def _name(spec: TerritorySpec) -> str:
    from tremplin.core.models import Commune, Department, Epci, Region

    names: list[str] = []
    for kind, codes in spec.parts:
        model, field = {
            "region": (Region, "code"),
            "departement": (Department, "code"),
            "epci": (Epci, "code"),
            "commune": (Commune, "insee"),
        }[kind]
        found = {getattr(o, field): o.name for o in model.objects.filter(**{f"{field}__in": codes})}
        names.extend(found.get(code, code) for code in codes)
    return ", ".join(names[:3]) + ("…" if len(names) > 3 else "")


def territory_for(spec: TerritorySpec) -> Territory:
    from tremplin.core.models import Commune

    key = (str(spec), Commune.objects.count())
    if key not in _cache:
        communes = Commune.objects.filter(communes_q(spec))
        _cache.clear()
        _cache[key] = Territory(
            spec=spec,
            name=_name(spec),
            insee_codes=frozenset(communes.values_list("insee", flat=True)),
            department_codes=tuple(
                sorted(set(communes.values_list("department__code", flat=True)))
            ),
        )
    return _cache[key]


def current_territory() -> Territory:
    return territory_for(settings.TREMPLIN_TERRITORY)
