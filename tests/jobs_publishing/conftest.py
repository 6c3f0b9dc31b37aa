"""Fixtures of the publishing side: offers of a Tremplin business, imported offers, CVs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.jobs_publishing.pdfs import make_pdf


@pytest.fixture(autouse=True)
def _protected_root_and_index(settings, tmp_path):
    from tremplin.core.search import readers_forget

    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    readers_forget()
    yield
    readers_forget()


@pytest.fixture
def index():
    """Apply the queued changes to the search index, as the worker would; returns the drain."""
    from tremplin.core.search import drain, readers_forget

    def run() -> int:
        applied = drain()
        readers_forget()
        return applied

    return run


@pytest.fixture
def fresh_cache(db):
    from django.core.cache import cache

    cache.clear()


def make_offer(*, business=None, commune, title="Vendeur ou vendeuse en boulangerie", **extra):
    from tremplin.core.search import search_change_record
    from tremplin.jobs.models import JobOffer
    from tremplin.jobs.search.documents import OFFER
    from tremplin.jobs.services.offers import employer_for_business

    now = timezone.now()
    employer = employer_for_business(business=business) if business is not None else None
    if business is None:
        from tremplin.jobs.models import Employer

        employer, _ = Employer.objects.get_or_create(
            name_key="boulangerie du centre", defaults={"name": "Boulangerie du Centre"}
        )
    values = {
        "title": title,
        "slug": "vendeur-boulangerie",
        "description": "<p>Accueil des clients, mise en rayon.</p>",
        "employer": employer,
        "commune": commune,
        "department_id": commune.department_id,
        "latitude": commune.latitude,
        "longitude": commune.longitude,
        "contract_type": "cdi",
        "working_time": "full",
        "published_at": now - timedelta(days=1),
        "refreshed_at": now,
        "status": "published",
    }
    values.update(extra)
    offer = JobOffer.objects.create(**values)
    search_change_record(OFFER, [offer.pk])
    from tremplin.jobs.publishing.offers import listing_create

    source = "tremplin" if business is not None else "francetravail"
    listing_create(
        offer=offer,
        source_name=source,
        key=f"{source}-{offer.pk}",
        url="" if business is not None else f"https://candidat.exemple.fr/offre/{offer.pk}",
        now=now,
    )
    return offer


@pytest.fixture
def offer(business, saint_etienne):
    return make_offer(business=business, commune=saint_etienne)


@pytest.fixture
def external_offer(saint_etienne):
    return make_offer(business=None, commune=saint_etienne, title="Agent ou agente d'accueil")


@pytest.fixture
def cv_file():
    def build(data: bytes | None = None, name: str = "Mon CV.pdf"):
        return SimpleUploadedFile(name, data if data is not None else make_pdf(), "application/pdf")

    return build


@pytest.fixture
def application(job_seeker, offer, cv_file):
    from tremplin.jobs.publishing.services import application_submit

    return application_submit(
        candidate=job_seeker, offer=offer, message="Bonjour, je suis disponible.", cv=cv_file()
    )
