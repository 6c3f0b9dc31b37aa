"""The demo: shipped paths, upcoming webinars, documented learners; a second run changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.learning import selectors
from tremplin.learning.models import (
    Certificate,
    Module,
    Path,
    Progress,
    QuizAttempt,
    Webinar,
    WebinarRegistration,
)


def _counts():
    return (
        Module.objects.count(),
        Progress.objects.count(),
        QuizAttempt.objects.count(),
        Certificate.objects.count(),
        Webinar.objects.count(),
        WebinarRegistration.objects.count(),
    )


@pytest.mark.django_db
def test_demo_loads_paths_webinars_and_documented_progress(communes):
    call_command("demo", "--territory", "departement:42", "--seed", "7")
    assert Path.objects.published().count() == 2
    assert Module.objects.published().count() == 42
    upcoming = Webinar.objects.published().filter(starts_at__gt=timezone.now())
    assert upcoming.count() == 2

    baker = User.objects.get(email="boulangerie@demo.tremplin.invalid")
    accelerator = Path.objects.get(slug="accelerateur-numerique")
    outline = selectors.path_outline(path=accelerator, user=baker)
    assert outline.done == 15 and outline.total == 30
    assert outline.resume == selectors.path_modules(accelerator)[15]  # « reprendre »
    florist = User.objects.get(email="fleuriste@demo.tremplin.invalid")
    assert Certificate.objects.filter(user=florist).count() == 1
    garage = User.objects.get(email="garage@demo.tremplin.invalid")
    assert WebinarRegistration.objects.filter(user=garage).exists()
    assert Progress.objects.values("user").distinct().count() > 10

    counts = _counts()
    call_command("demo", "--territory", "departement:42", "--seed", "7")
    assert _counts() == counts
