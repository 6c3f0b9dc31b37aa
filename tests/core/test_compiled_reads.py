"""Reads compiled once per process give what the ORM gives, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.core.models import SiteBranding
from tremplin.core.selectors import branding_get
from tremplin.core.sql import first_instance, values_in
from tremplin.jobs.models import Employer, JobOffer
from tremplin.jobs.selectors import OFFER_CARD

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(saint_etienne):
    employer = Employer.objects.create(name="Boulangerie Moulin", name_key="boulangerie moulin")
    now = timezone.now()
    made = []
    for n in range(6):
        made.append(
            JobOffer.objects.create(
                title=f"Vendeuse {n}",
                slug=f"vendeuse-{n}",
                description="<p>Vente & conseil</p>",
                employer=employer if n % 2 else None,
                commune=saint_etienne if n % 3 else None,
                salary_min=Decimal("1850.50") if n % 2 else None,
                published_at=now - timedelta(days=n, microseconds=n),
                refreshed_at=now,
                expires_at=now + timedelta(days=30) if n % 2 else None,
            )
        )
    return made


def test_values_in_gives_what_the_orm_gives(offers):
    ids = [o.pk for o in reversed(offers)]
    for chosen in [ids, ids[:1], ids[2:5], [*ids[:3], ids[0]]]:
        ours = sorted(values_in(JobOffer, OFFER_CARD, chosen), key=lambda r: r["pk"])
        theirs = JobOffer.objects.filter(pk__in=chosen).values(*OFFER_CARD).order_by("pk")
        assert ours == list(theirs)
    row = values_in(JobOffer, OFFER_CARD, [offers[1].pk])[0]
    assert row["salary_min"] == Decimal("1850.50") and row["published_at"].tzinfo is not None
    assert row["employer__name"] == "Boulangerie Moulin" and row["commune__name"] == "Saint-Étienne"
    assert values_in(JobOffer, OFFER_CARD, []) == []
    assert values_in(JobOffer, OFFER_CARD, [10**9]) == []


def test_values_in_runs_one_query_and_follows_the_data(offers):
    ids = [o.pk for o in offers]
    values_in(JobOffer, ("pk", "title"), ids)
    with CaptureQueriesContext(connection) as queries:
        values_in(JobOffer, ("pk", "title"), ids)
    assert len(queries) == 1
    JobOffer.objects.filter(pk=ids[0]).update(title="Boulanger")
    found = {r["pk"]: r["title"] for r in values_in(JobOffer, ("pk", "title"), ids)}
    assert found[ids[0]] == "Boulanger"


def test_first_instance_is_the_orms_first_row():
    assert first_instance(SiteBranding) is None
    branding = branding_get()  # created on the first request of a fresh install
    again = first_instance(SiteBranding)
    fields = [f.attname for f in SiteBranding._meta.concrete_fields]
    ours, theirs = again, SiteBranding.objects.order_by("pk").first()
    assert [getattr(ours, f) for f in fields] == [getattr(theirs, f) for f in fields]
    assert again.pk == branding.pk and not again._state.adding
    SiteBranding.objects.filter(pk=branding.pk).update(territory_name="Loire")
    assert branding_get().territory_name == "Loire"
