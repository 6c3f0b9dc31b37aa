"""The demo: a few hundred results, the documented owners' own, statistics that show."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tremplin.accounts.models import AccessLogEntry, Business
from tremplin.diagnostic import stats
from tremplin.diagnostic.models import Diagnostic
from tremplin.diagnostic.selectors import version_current

DOMAIN = "demo.tremplin.invalid"


LOADERS = ["accounts.users", "accounts.businesses", "accounts.follows", "diagnostic.results"]


def _demo():
    only = [arg for name in LOADERS for arg in ("--only", name)]
    call_command("demo", "--territory", "departement:42", "--seed", "7", *only, verbosity=0)


@pytest.mark.django_db
def test_demo_results_are_idempotent_and_show_suppression():
    from tremplin.core.geo_loader import geo_load

    geo_load(departments=["42"])
    _demo()
    completed = Diagnostic.objects.completed()
    count = completed.count()
    assert 250 <= count <= 500
    _demo()
    assert Diagnostic.objects.completed().count() == count

    bakery = Business.objects.get(memberships__user__email=f"boulangerie@{DOMAIN}")
    first, second = bakery.diagnostics.completed().order_by("completed_at")
    assert not first.is_assisted and second.is_assisted
    assert second.assisted_by.email == f"mediatrice@{DOMAIN}" and second.previous == first
    assert not AccessLogEntry.objects.filter(object_type="diagnostic.Diagnostic").exists()
    garage = Business.objects.get(memberships__user__email=f"garage@{DOMAIN}")
    assert garage.diagnostics.get().status == "in_progress"
    assert Diagnostic.objects.filter(business__isnull=True).count() == 40
    # The daily purge of private-link results finds nothing to delete in a fresh demo.
    from tremplin.diagnostic.services import diagnostics_purge

    assert diagnostics_purge() == (0, 0)

    questionnaire = version_current().questionnaire
    sector = stats.territory_tables(questionnaire)[0]
    shown = [r for r in sector.rows if not r.hidden]
    hidden = [r for r in sector.rows if r.hidden]
    assert shown and hidden  # the demo makes suppression visible
    assert not sector.total.hidden and sector.total.online is not None
    months = stats.trend_table(questionnaire).rows
    assert len(months) >= 12
