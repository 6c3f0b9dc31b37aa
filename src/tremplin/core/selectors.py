"""Reads shared by every app: communes, the territory, the site's identity."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from tremplin.core.models import Commune, SiteBranding
from tremplin.core.normalize import fold_name
from tremplin.core.sql import first_instance


def commune_search(query: str, *, limit: int = 10, insee_codes=None) -> list[Commune]:
    """Communes matching what someone typed: words of the name ("st eti"), a postal code
    ("42000", "420") or an INSEE code. Big communes first, exact names before partial ones.
    """
    text = (query or "").strip()
    if not text:
        return []
    qs: QuerySet[Commune] = Commune.objects.select_related("department").prefetch_related(
        "postal_codes"
    )
    if insee_codes is not None:
        qs = qs.filter(insee__in=insee_codes)
    compact = text.replace(" ", "")
    if compact.isdigit() or (len(compact) == 5 and compact[:2].upper() in {"2A", "2B"}):
        qs = qs.filter(Q(postal_codes__code__startswith=compact) | Q(insee=compact.upper()))
        return list(qs.distinct().order_by("-population", "name")[:limit])
    words = fold_name(text).split()
    if not words:
        return []
    for word in words:
        qs = qs.filter(Q(search_name__startswith=word) | Q(search_name__contains=f" {word}"))
    folded = " ".join(words)
    qs = qs.annotate(
        exact=Case(
            When(search_name=folded, then=Value(0)),
            When(search_name__startswith=folded, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    return list(qs.order_by("exact", "-population", "name")[:limit])


def commune_get(insee: str) -> Commune | None:
    return (
        Commune.objects.select_related("department__region")
        .prefetch_related("postal_codes")
        .filter(insee=insee)
        .first()
    )


_COMMUNES_BY_INSEE: dict[str, Commune | None] = {}
_COMMUNES_CACHED_MAX = 4096


def commune_by_insee(insee: str) -> Commune | None:
    """A commune by its INSEE code, with its département, région and postal codes.

    Kept in the process: a search page names its commune three or four times (form, radius,
    feed and alert links) and the geography changes only with ``tremplin geo load``, which
    empties this cache (other processes see a change when they restart, as for every
    reference table). The instance is shared: read it, never modify it.
    """
    insee = (insee or "").strip().upper()
    if insee in _COMMUNES_BY_INSEE:
        return _COMMUNES_BY_INSEE[insee]
    commune = (
        Commune.objects.select_related("department__region")
        .prefetch_related("postal_codes")
        .filter(insee=insee)
        .first()
    )
    if len(_COMMUNES_BY_INSEE) >= _COMMUNES_CACHED_MAX:
        _COMMUNES_BY_INSEE.clear()
    _COMMUNES_BY_INSEE[insee] = commune
    return commune


def communes_cache_clear() -> None:
    _COMMUNES_BY_INSEE.clear()


def commune_code_known(insee: str) -> str | None:
    """The code itself when a commune has it."""
    commune = commune_by_insee(insee)
    return commune.insee if commune else None


def branding_get() -> SiteBranding:
    """The territory's identity; the first request of a fresh install creates it.

    Every page reads it: the query is compiled once per process (an ORM query built each time
    was 3 % of a results page).
    """
    branding = first_instance(SiteBranding)
    if branding is None:
        from tremplin.core.services import branding_ensure

        branding = branding_ensure()
    return branding
