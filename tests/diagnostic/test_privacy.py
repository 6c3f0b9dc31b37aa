"""Personal data: exported, erased with the account, declared in the public register."""

from __future__ import annotations

import pytest

from tests.helpers import text
from tremplin.accounts import personal_data
from tremplin.accounts.services import account_delete
from tremplin.diagnostic.models import Answer, Diagnostic, DimensionScore

pytestmark = pytest.mark.django_db


def test_export_holds_the_diagnostics_answers_and_scores(take, owner, business):
    diagnostic = take(actor=owner, business=business)
    take()  # someone else's, through a private link
    export = personal_data.personal_data_export(owner)
    assert [row["id"] for row in export["diagnostics"]] == [diagnostic.pk]
    assert export["diagnostics"][0]["overall_score"] == diagnostic.overall_score
    assert len(export["reponses_diagnostic"]) == 27
    assert len(export["scores_diagnostic"]) == 7
    for label, declaration in personal_data.declarations().items():
        if label.startswith("diagnostic."):
            for row in export[declaration.export_key]:
                assert set(declaration.fields) <= set(row), label


def test_account_deletion_erases_the_diagnostics_of_the_business(take, owner, business, mediator):
    from tests.factories import FollowFactory

    FollowFactory(mediator=mediator, business=business, active=True)
    mine = take(actor=owner, business=business)
    assisted = take(actor=mediator, business=business)
    account_delete(user=owner)
    assert not Diagnostic.objects.filter(pk__in=[mine.pk, assisted.pk]).exists()
    assert not Answer.objects.exists() and not DimensionScore.objects.exists()


def test_a_mediator_leaving_keeps_the_owner_result_marked_assisted(take, owner, business, mediator):
    from tests.factories import FollowFactory

    FollowFactory(mediator=mediator, business=business, active=True)
    assisted = take(actor=mediator, business=business)
    account_delete(user=mediator)
    assisted.refresh_from_db()
    assert assisted.is_assisted and assisted.assisted_by is None and assisted.created_by is None


def test_public_register_states_the_retention_of_private_links(client):
    page = text(client.get("/donnees-personnelles/"))
    assert "Diagnostic numérique des entreprises" in page
    assert "supprimé 365 jours après sa dernière modification" in page


def test_purge_is_a_periodic_task(take, run_tasks):
    from tremplin.core.scheduling import periodic_jobs

    names = [name for name in periodic_jobs() if "diagnostic" in name]
    assert names == ["tremplin.diagnostic.tasks.purge_private_link_diagnostics"]
