"""Fixtures of the jobs tests: a search index of their own, offers built the way sources send
them (through the real importers), the shared reference files (read in place, never copied)."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone


def _shared_data() -> Path:
    """The workplace's reference files (read in place, never copied in): the folder named by
    TREMPLIN_SHARED_DATA, else ../shared/data beside this repository, else beside the local
    repository it was cloned from (a fresh clone in a temporary folder)."""
    if os.environ.get("TREMPLIN_SHARED_DATA"):
        return Path(os.environ["TREMPLIN_SHARED_DATA"])
    repository = Path(__file__).resolve().parents[2]
    beside = repository.parent / "shared" / "data"
    if beside.is_dir():
        return beside
    origin = subprocess.run(
        ["git", "-C", str(repository), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if origin and "://" not in origin and ":" not in origin.split("/")[0]:
        cloned_from = Path(origin).expanduser().resolve()
        if (cloned_from.parent / "shared" / "data").is_dir():
            return cloned_from.parent / "shared" / "data"
    return beside


SHARED = _shared_data()
ROME_DIR = SHARED / "rome"
ROME_CODES = ROME_DIR / "unix_referentiel_code_rome_v460_utf8.csv"
ROME_APPELLATIONS = ROME_DIR / "unix_referentiel_appellation_v460_utf8.csv"
FRANCE_TRAVAIL = SHARED / "francetravail" / "exemple-offres-v2.json"
LHEO = SHARED / "lheo" / "exemple-tremplin.xml"
DATA = Path(__file__).parent / "data"
# Offers of the tests are published "now" (fixed once, so that re-imports are unchanged).
PUBLISHED = timezone.now().replace(microsecond=0).isoformat()


def pytest_collection_modifyitems(config, items):
    """Say so at once when the reference files are missing, instead of failing deep inside."""
    if not SHARED.is_dir():
        raise pytest.UsageError(
            f"Reference data not found at {SHARED}: the jobs tests read ../shared/data beside "
            "the repository (or the one it was cloned from), or the folder named by "
            "TREMPLIN_SHARED_DATA."
        )


@pytest.fixture(autouse=True)
def search_index_dir(settings, tmp_path):
    """A temporary index per test (the index lives under settings.SEARCH_INDEX_DIR)."""
    from tremplin.core.search import readers_forget
    from tremplin.jobs.search.engine import communes_around

    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    readers_forget()
    communes_around.cache_clear()
    yield settings.SEARCH_INDEX_DIR
    readers_forget()


def ft(source_id: str, title: str = "Vendeur / Vendeuse en boulangerie (H/F)", **extra) -> dict:
    """One offer as France Travail's API writes it."""
    offer = {
        "id": source_id,
        "intitule": title,
        "description": extra.pop("description", f"Rejoignez notre équipe (offre {source_id})."),
        "dateCreation": extra.pop("published", PUBLISHED),
        "lieuTravail": {"libelle": "42 - SAINT-ETIENNE", "commune": extra.pop("commune", "42218")},
        "romeCode": extra.pop("rome", "D1106"),
        "entreprise": {"nom": extra.pop("employer", f"Boulangerie {source_id}")},
        "typeContrat": extra.pop("contract", "CDI"),
        "dureeTravailLibelleConverti": extra.pop("time", "Temps plein"),
        "salaire": {"libelle": extra.pop("salary", "Mensuel de 1850.0 Euros sur 12.0 mois")},
        "contact": {},
    }
    offer.update(extra)
    return offer


def feed(offers) -> io.BytesIO:
    return io.BytesIO(json.dumps({"resultats": offers}, ensure_ascii=False).encode())


@pytest.fixture
def import_ft(communes):
    """Import France Travail offers (and index them), as ``tremplin import-offers`` would."""
    from tremplin.jobs.importing.run import offers_import

    def run(offers, *, source="francetravail", full=False, index=True):
        return offers_import(
            stream=feed(offers),
            format="francetravail",
            source_name=source,
            full_refresh=full,
            index=index,
        )

    return run


@pytest.fixture
def import_file(communes):
    from tremplin.jobs.importing.run import offers_import

    def run(data, *, format, source=None, kind=None, full=False, index=True):
        stream = io.BytesIO(data.encode() if isinstance(data, str) else data)
        return offers_import(
            stream=stream,
            format=format,
            source_name=source or format,
            kind=kind,
            full_refresh=full,
            index=index,
        )

    return run


@pytest.fixture
def rome(db):
    from tremplin.jobs.services.rome import rome_load

    return rome_load(codes_path=ROME_CODES, appellations_path=ROME_APPELLATIONS)


def issues_text(run) -> str:
    return "\n".join(f"{i['position']} : {i['reason']}" for i in run.issues)


@pytest.fixture
def refused_offer(monkeypatch):
    """Offers with the id "BAD" get a salary range the database refuses (minimum above
    maximum): a batch that fails on the database, whatever the import checked before."""
    from decimal import Decimal

    from tremplin.jobs.importing.kinds import JobWriter

    fields = JobWriter.offer_fields

    def broken(self, record, located):
        values = fields(self, record, located)
        if record.source_id == "BAD":
            values.update(salary_min=Decimal("3000"), salary_max=Decimal("1000"))
        return values

    monkeypatch.setattr(JobWriter, "offer_fields", broken)
    return "BAD"
