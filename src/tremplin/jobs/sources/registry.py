"""Which reader reads which format, and the names sources are shown under."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: Display names of the sources the command line knows without a configured OfferSource.
KNOWN_SOURCES = {
    "francetravail": _("France Travail"),
    "jobposting": _("Site de l'employeur"),
    "csv": _("Fichier CSV"),
    "lheo": _("Offre de formation (LHEO)"),
    "tremplin": _("Publiée sur Tremplin"),
    "demo-flux": _("Flux d'offres public (démonstration)"),
    "demo-partenaire": _("Site partenaire (démonstration)"),
    "demo-formations": _("Catalogue des formations (démonstration)"),
}


def source_label(source_name: str, source=None) -> str:
    if source is not None:
        return source.label
    return str(KNOWN_SOURCES.get(source_name, source_name))


def reader_for(format_name: str):
    """The reader class of a format (imported lazily: each pulls its own parser)."""
    if format_name == "francetravail":
        from .francetravail import FranceTravailReader

        return FranceTravailReader
    if format_name == "jobposting":
        from .jobposting import JobPostingReader

        return JobPostingReader
    if format_name == "csv":
        from .csvfile import CsvReader

        return CsvReader
    if format_name == "lheo":
        from .lheo import LheoReader

        return LheoReader
    raise ValueError(f"unknown format {format_name!r}")
