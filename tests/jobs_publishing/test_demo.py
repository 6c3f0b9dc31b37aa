"""The publishing demo: employer offers online, applications in every state, saved searches."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tremplin.jobs.models import JobOffer
from tremplin.jobs.models.publishing import Application, SavedSearch

pytestmark = pytest.mark.django_db


def test_publishing_demo_is_idempotent(communes):
    call_command("demo", "--territory", "departement:42", "--seed", "3", verbosity=0)
    offers = JobOffer.objects.filter(employer__business__isnull=False)
    assert offers.count() == 4
    assert set(offers.values_list("status", flat=True)) == {"published"}
    states = set(Application.objects.values_list("status", flat=True))
    assert states == {"received", "in_review", "hired", "not_retained"}
    assert all(a.cv for a in Application.objects.all())
    assert SavedSearch.objects.filter(user__email="emploi@demo.tremplin.invalid").exists()
    counts = (offers.count(), Application.objects.count(), SavedSearch.objects.count())
    call_command("demo", "--territory", "departement:42", "--seed", "3", verbosity=0)
    assert (offers.count(), Application.objects.count(), SavedSearch.objects.count()) == counts
