"""What readers produce: records with plain values, and issues with where and why.

A reader never decides what exists in the database (communes, employers): it turns a format
into :class:`JobRecord` or :class:`TrainingRecord` and reports what it could not read. A row
that cannot become an offer is a :class:`Rejected`; a field that cannot be read is dropped
with a warning on its record, and the row still goes in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import IO

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from tremplin.core.search.analysis import fold


class FeedError(Exception):
    """The file cannot be read at all (not JSON, not XML, wrong shape): nothing is imported."""


@dataclass
class Issue:
    position: str
    reason: str
    level: str = "error"  # error: the row is refused; warning: a field is dropped

    def __str__(self) -> str:
        return f"{self.position} : {self.reason}"

    def as_dict(self) -> dict:
        return {"position": self.position, "reason": self.reason, "level": self.level}


@dataclass
class Rejected:
    issue: Issue


@dataclass
class Place:
    insee: str = ""
    postal_code: str = ""
    city: str = ""
    department: str = ""
    latitude: float | None = None
    longitude: float | None = None
    label: str = ""


@dataclass
class JobRecord:
    position: str
    source_id: str
    title: str
    description: str = ""  # HTML or plain text, sanitised by the import
    url: str = ""
    employer_name: str = ""
    employer_siret: str = ""
    employer_url: str = ""
    place: Place = field(default_factory=Place)
    contract_type: str = ""
    contract_label: str = ""
    working_time: str = ""
    working_hours: str = ""
    salary_min: Decimal | None = None
    salary_max: Decimal | None = None
    salary_period: str = ""
    salary_label: str = ""
    rome_code: str = ""
    job_title: str = ""
    experience_months: int | None = None
    experience_label: str = ""
    remote: str = ""
    positions: int = 1
    published_at: datetime | None = None
    updated_at: datetime | None = None
    expires_at: datetime | None = None
    warnings: list[Issue] = field(default_factory=list)
    fingerprint: str = ""  # a digest of the row as the source wrote it, when cheap to get

    def warn(self, reason: str) -> None:
        self.warnings.append(Issue(self.position, reason, "warning"))


@dataclass
class Session:
    source_id: str = ""
    start: date | None = None
    end: date | None = None


@dataclass
class TrainingRecord:
    position: str
    source_id: str
    title: str
    organisation: str = ""
    organisation_siret: str = ""
    organisation_url: str = ""
    objectives: str = ""
    content: str = ""
    expected_results: str = ""
    place: Place = field(default_factory=Place)
    teaching_mode: str = "on_site"
    sessions: list[Session] = field(default_factory=list)
    duration_hours: int | None = None
    duration_label: str = ""
    funding: list[str] = field(default_factory=list)
    certification: str = ""
    certification_code: str = ""
    is_certifying: bool = False
    rome_codes: list[str] = field(default_factory=list)
    rhythm: str = ""
    registration_url: str = ""
    url: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    expires_at: datetime | None = None
    warnings: list[Issue] = field(default_factory=list)
    fingerprint: str = ""

    def warn(self, reason: str) -> None:
        self.warnings.append(Issue(self.position, reason, "warning"))


class Reader:
    """A format's reader: ``open()`` checks the whole feed, ``records()`` yields its rows."""

    kind = "job"  # or "training"

    def __init__(self, stream: IO[bytes], *, kind: str | None = None) -> None:
        self.stream = stream
        if kind:
            self.kind = kind
        self.total: int | None = None  # rows, when known (progress bar)
        # True: the whole import is one transaction (a broken feed changes nothing). Readers
        # that parse the whole file in ``open`` find a broken file before anything is written.
        self.atomic = True

    def open(self) -> None:  # pragma: no cover - each reader overrides
        raise NotImplementedError

    def records(self):  # pragma: no cover - each reader overrides
        raise NotImplementedError


# --- Shared field readers -------------------------------------------------------------------

_ROME = re.compile(r"^[A-N]\d{4}$")


def rome_code(value, record) -> str:
    code = str(value or "").strip().upper()
    if not code:
        return ""
    if not _ROME.match(code):
        record.warn(f"code ROME « {value} » invalide (une lettre de A à N et 4 chiffres) : ignoré")
        return ""
    return code


_CONTRACTS = (
    (("cdi interim", "cdi interimaire", "din"), "interim"),
    (("cdi", "indetermine", "permanent"), "cdi"),
    (("apprenti", "alternance", "professionnalisation"), "alternance"),
    (("interim", "mis", "travail temporaire", "tti"), "interim"),
    (("saison", "sai"), "saisonnier"),
    (("stage", "intern", "internship"), "stage"),
    (
        ("independant", "freelance", "liberal", "lib", "rep", "fra", "cce", "contractor"),
        "independant",
    ),
    (("cdd", "determine", "ddi", "temporary", "temporaire"), "cdd"),
)


@lru_cache(maxsize=2048)
def _contract_code(value: str) -> str | None:
    text = fold(value).replace("-", " ").replace("_", " ").strip()
    if not text:
        return ""
    words = set(text.split())
    for keys, code in _CONTRACTS:
        for key in keys:
            if (" " in key and key in text) or key in words or (len(key) > 4 and key in text):
                return code
    return None


def contract_type(value, record) -> str:
    """Our contract code from France Travail's codes, schema.org's or plain French words."""
    code = _contract_code(str(value or ""))
    if code is None:
        record.warn(f"type de contrat « {value} » inconnu : non renseigné")
        return ""
    return code


def working_time(value) -> str:
    return _working_time(str(value or ""))


@lru_cache(maxsize=512)
def _working_time(value: str) -> str:
    text = fold(value)
    if "partiel" in text or "part time" in text or "part_time" in text:
        return "part"
    if "plein" in text or "full time" in text or "full_time" in text:
        return "full"
    return ""


_AMOUNT = re.compile(r"\d[\d\s\u202f\u00a0]*(?:[.,]\d+)?\s*(?:k\b|k€)?", re.IGNORECASE)
_DURATION_CLAUSE = re.compile(r"sur\s+\d+(?:[.,]\d+)?\s*(?:mois|heures?|h)\b", re.IGNORECASE)
_PERIODS = (
    ("hour", ("horaire", "heure", "/h", "par h")),
    ("day", ("journalier", "jour")),
    ("week", ("hebdo", "semaine")),
    ("month", ("mensuel", "mois")),
    ("year", ("annuel", " an", "/an", "annee", "k€")),
)
_RANGES = {
    "hour": (5, 500),
    "day": (30, 5_000),
    "week": (100, 20_000),
    "month": (300, 30_000),
    "year": (5_000, 1_000_000),
}


def _amount(text: str) -> Decimal | None:
    thousands = text.strip().lower().endswith(("k", "k€"))
    digits = re.sub(r"[\s\u202f\u00a0k€]", "", text, flags=re.IGNORECASE).replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return value * 1000 if thousands else value


def salary(label, record) -> tuple[Decimal | None, Decimal | None, str]:
    """See :func:`_salary`; the same labels come back again and again (cached)."""
    low, high, period, warnings = _salary(str(label or "").strip())
    for warning in warnings:
        record.warn(warning)
    return low, high, period


@lru_cache(maxsize=20_000)
def _salary(text: str) -> tuple[Decimal | None, Decimal | None, str, tuple[str, ...]]:
    """(minimum, maximum, period) from a salary text, or (None, None, "") with a warning.

    "Mensuel de 1850.0 Euros sur 12.0 mois", "Annuel de 32000.0 Euros à 38000.0 Euros",
    "11,88 € de l'heure", "28 k€ - 35 k€", "à négocier" (kept as text, no figures). France
    Travail sometimes labels an annual figure as monthly ("Mensuel de 28000.0 Euros"): a
    monthly amount above 10,000 € is read as annual, and said so.
    """
    if not text:
        return None, None, "", ()
    without_duration = _DURATION_CLAUSE.sub(" ", text)
    folded = " " + fold(without_duration)
    found = (_amount(m) for m in _AMOUNT.findall(without_duration))
    amounts = [a for a in found if a is not None and a > 0][:2]
    if not amounts:
        return None, None, "", (f"salaire « {text} » sans montant : gardé tel quel",)
    # The period named first wins ("Annuel de … sur 12 mois" is annual).
    positions = [
        (folded.find(key), period) for period, keys in _PERIODS for key in keys if key in folded
    ]
    period = min(positions)[1] if positions else ""
    low, high = min(amounts), max(amounts)
    if not period:
        period = "year" if low >= 5_000 else "month" if low >= 300 else "hour"
    warnings = ()
    if period == "month" and low > 10_000:
        warnings = (f"salaire « {text} » : montant annuel présenté comme mensuel, lu comme annuel",)
        period = "year"
    lowest, highest = _RANGES[period]
    if not (lowest <= low and high <= highest):
        return None, None, "", (f"salaire « {text} » : montant invraisemblable, gardé en texte",)
    return low.quantize(Decimal("0.01")), high.quantize(Decimal("0.01")), period, warnings


def when(value, record, what: str, *, end_of_day: bool = False) -> datetime | None:
    """An aware datetime from ISO 8601 (date or date and time); None, with a warning, if bad.

    ``end_of_day``: a date alone means the whole day (a deadline "2027-02-28" includes it).
    """
    if value in (None, ""):
        return None
    text = str(value).strip()
    if end_of_day and len(text) == 10:
        text += "T23:59:59"
    try:
        moment = datetime.fromisoformat(text)  # fast path (Python 3.11 reads "Z" too)
    except ValueError:
        moment = None
    try:
        moment = moment or parse_datetime(text.replace("Z", "+00:00"))
        if moment is None:
            day = parse_date(text[:10])
            if day is None:
                raise ValueError(text)
            moment = datetime(day.year, day.month, day.day)
    except ValueError:
        record.warn(f"{what} « {value} » illisible (format attendu AAAA-MM-JJ) : ignorée")
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


@lru_cache(maxsize=2048)
def months_of_experience(text: str) -> int | None:
    """ "2 An(s)" → 24, "6 Mois" → 6, "Débutant accepté" → 0 (the same labels come back)."""
    folded = fold(text or "")
    if "debutant" in folded:
        return 0
    match = re.search(r"(\d+)\s*(an|mois)", folded)
    if not match:
        return None
    number = int(match.group(1))
    return number * 12 if match.group(2) == "an" else number


def remote_from_text(text: str) -> str:
    """ "partial" when a description offers remote work, "" when it says nothing."""
    lowered = (text or "").lower()
    if not (
        "télétravail" in lowered
        or "teletravail" in lowered
        or "remote" in lowered
        or "\u0301" in lowered  # accents written apart: only folding tells
    ):
        return ""  # most descriptions; folding a whole text costs five times more
    folded = fold(text)
    if "teletravail" not in folded and "remote" not in folded:
        return ""
    if "pas de teletravail" in folded or "teletravail impossible" in folded:
        return "none"
    if "100 % teletravail" in folded or "teletravail complet" in folded or "full remote" in folded:
        return "full"
    return "partial"


def clip(value, length: int) -> str:
    """The value as one line of text, runs of spaces collapsed, cut at ``length``."""
    # Most values have nothing to collapse (fifteen calls a record): no line break, tab or
    # odd space (``isprintable``), no double, leading or trailing space.
    if (
        type(value) is str
        and value.isprintable()
        and "  " not in value
        and value[:1] != " "
        and value[-1:] != " "
    ):
        return value[:length]
    return " ".join(str(value or "").split())[:length]
