"""Expiry, moderation state, employers of Tremplin businesses, configured sources."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tremplin.core.errors import DomainError
from tremplin.core.search import drain
from tremplin.jobs.models import ImportRun, JobOffer, OfferSource
from tremplin.jobs.search.engine import offer_search
from tremplin.jobs.search.params import OfferSearch
from tremplin.jobs.services import (
    employer_for_business,
    offer_status_set,
    offers_expire,
    source_claim,
    sources_due,
)

from .conftest import FRANCE_TRAVAIL, ft


def test_sixty_days_without_refresh_or_past_deadline_expire(import_ft, import_file):
    import_ft([ft("A1"), ft("A2")])
    deadline = (timezone.localdate() + timedelta(days=5)).isoformat()
    import_file(
        json.dumps(
            {
                "@type": "JobPosting",
                "identifier": "J1",
                "title": "Caissière",
                "validThrough": deadline,
                "hiringOrganization": "Épicerie",
                "jobLocation": {"address": {"postalCode": "42000"}},
            }
        ),
        format="jobposting",
    )
    assert offer_search(OfferSearch()).total == 3
    with time_machine.travel(timezone.now() + timedelta(days=7)):
        # Past its deadline: out of search at once, before any task ran.
        assert offer_search(OfferSearch()).total == 2
        assert offers_expire() == 1
    with time_machine.travel(timezone.now() + timedelta(days=59)):
        import_ft([ft("A1")])  # A1 is seen again, A2 is not
    with time_machine.travel(timezone.now() + timedelta(days=61)):
        assert offers_expire() == 1
        drain()
        assert [o.listings.get().source_id for o in JobOffer.objects.live()] == ["A1"]
        assert offer_search(OfferSearch()).total == 1


def test_status_changes_follow_in_the_index(import_ft):
    import_ft([ft("A1")])
    offer = JobOffer.objects.get()
    with pytest.raises(DomainError, match="motif est obligatoire"):
        offer_status_set(offer=offer, status="hidden")
    with pytest.raises(DomainError, match="État inconnu"):
        offer_status_set(offer=offer, status="nope")
    offer_status_set(offer=offer, status="hidden", reason="Offre frauduleuse")
    drain()
    assert offer_search(OfferSearch()).total == 0
    offer.refresh_from_db()
    assert offer.moderation_reason == "Offre frauduleuse" and offer.moderated_at
    offer_status_set(offer=offer, status="published")
    drain()
    assert offer_search(OfferSearch()).total == 1


def test_employer_of_a_business_is_created_once_and_only_linked(business, import_ft):
    business.name = "Boulangerie Moulin"
    import_ft([ft("A1", employer="BOULANGERIE MOULIN")])
    employer = employer_for_business(business=business)
    assert employer.business_id == business.pk and employer.name == "BOULANGERIE MOULIN"
    assert employer_for_business(business=business) == employer


# --- Sources configured by the staff ----------------------------------------------------


@pytest.fixture
def source(communes):
    return OfferSource.objects.create(
        key="ft-region",
        label="France Travail (région)",
        format="francetravail",
        url="https://api.exemple.fr/offres",
        every=OfferSource.Every.DAILY,
    )


@pytest.fixture
def fake_fetch(monkeypatch):
    """The network is never reached: the source answers what the test says."""
    from tremplin.jobs.sources import fetch as fetch_module

    answers = []

    def fetch(url):
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return io.BytesIO(answer)

    monkeypatch.setattr(fetch_module, "fetch", fetch)
    return answers


def test_source_refresh_runs_on_its_schedule(source, fake_fetch, run_tasks):
    from tremplin.jobs.tasks import sources_check_task

    fake_fetch += [FRANCE_TRAVAIL.read_bytes(), json.dumps({"resultats": []}).encode()]
    assert [s.pk for s in sources_due()] == [source.pk]
    sources_check_task.enqueue()
    run_tasks()
    source.refresh_from_db()
    assert source.last_status == "ok" and "2 nouvelles" in source.last_summary
    assert source.next_run_at > timezone.now() + timedelta(hours=23)
    assert JobOffer.objects.live().count() == 2
    listing = JobOffer.objects.first().listings.get()
    assert listing.feed == source and listing.source_label == "France Travail (région)"
    # Not due yet: nothing runs, even if asked twice.
    assert source_claim(source_id=source.pk, slot=source.next_run_at) is None
    with time_machine.travel(source.next_run_at + timedelta(minutes=1)):
        run_tasks()  # the timer set by the first refresh
        source.refresh_from_db()
        assert "2 retirées" in source.last_summary  # a full list without them: withdrawn
        assert JobOffer.objects.live().count() == 0


def test_a_slot_is_refreshed_once(source):
    slot = source.next_run_at
    assert source_claim(source_id=source.pk, slot=slot) is not None
    assert source_claim(source_id=source.pk, slot=slot) is None


def test_failures_are_recorded_and_change_nothing(source, fake_fetch):
    from tremplin.jobs.services import source_refresh
    from tremplin.jobs.sources.base import FeedError

    fake_fetch += [FeedError("le serveur de la source a répondu 503"), b"{cass"]
    source_refresh(source=source)
    source.refresh_from_db()
    assert source.last_status == "failed" and "503" in source.last_summary
    source_refresh(source=source)
    source.refresh_from_db()
    assert source.last_status == "failed" and "JSON invalide" in source.last_summary
    assert not JobOffer.objects.exists()
    assert ImportRun.objects.filter(source=source, failed=True).count() == 2


def test_a_file_on_the_server_as_source(communes, tmp_path):
    from tremplin.jobs.services import source_refresh

    path = tmp_path / "offres.json"
    path.write_bytes(FRANCE_TRAVAIL.read_bytes())
    source = OfferSource.objects.create(
        key="fichier", label="Fichier", format="francetravail", path=str(path)
    )
    assert source_refresh(source=source).created == 2
    source.path = str(tmp_path / "absent.json")
    source.save()
    run = source_refresh(source=source)
    assert run.failed and "fichier illisible" in run.message


def test_fetch_refuses_other_schemes():
    from tremplin.jobs.sources.base import FeedError
    from tremplin.jobs.sources.fetch import fetch

    with pytest.raises(FeedError, match="http"):
        fetch("file:///etc/passwd")
