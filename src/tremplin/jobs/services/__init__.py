"""Writes of the jobs app (keyword-only, atomic; a broken rule raises DomainError)."""

from .offers import employer_for_business, offer_status_set, offers_expire, trainings_expire
from .rome import RomeLoadReport, rome_load
from .sources import source_claim, source_refresh, sources_due

__all__ = [
    "RomeLoadReport",
    "employer_for_business",
    "offer_status_set",
    "offers_expire",
    "rome_load",
    "source_claim",
    "source_refresh",
    "sources_due",
    "trainings_expire",
]
