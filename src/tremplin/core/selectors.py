"""Reads shared by every app: communes, the territory, the site's identity."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from tremplin.core.models import Commune, SiteBranding
from tremplin.core.normalize import fold_name


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


def branding_get() -> SiteBranding:
    """The territory's identity; the first request of a fresh install creates it."""
    branding = SiteBranding.objects.first()
    if branding is None:
        from tremplin.core.services import branding_ensure

        branding = branding_ensure()
    return branding
