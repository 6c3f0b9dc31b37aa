"""A mediator fills the diagnostic in with an owner (« assisté »), and sees an owner's results
only when allowed; every read lands in the owner's access journal."""

from __future__ import annotations

import pytest

from tests.diagnostic.test_views import _fill
from tests.factories import FollowFactory
from tests.helpers import text
from tremplin.accounts.models import AccessLogEntry
from tremplin.accounts.services import follow_end
from tremplin.diagnostic.models import Diagnostic

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow(mediator, business):
    return FollowFactory(mediator=mediator, business=business, active=True)


def test_assisted_diagnostic_from_mon_espace_to_the_result(
    client, mediator, owner, business, follow, questionnaire
):
    client.force_login(mediator)
    space = text(client.get("/mon-espace/"))
    assert "Diagnostics assistés" in space and business.name in space
    assert "Imprimer le questionnaire papier" in space
    response = client.post(
        "/diagnostic/", {"mode": "business", "business": business.pk, "sector": "auto"}
    )
    diagnostic = Diagnostic.objects.get()
    assert diagnostic.is_assisted and diagnostic.assisted_by == mediator
    base = f"/diagnostic/{diagnostic.pk}/"
    assert response["Location"] == base + "etape/1/"
    page = text(client.get(base + "etape/1/"))
    assert "Diagnostic assisté" in page
    client.get(base + "etape/2/")  # one journal entry for the whole session of filling in
    assert AccessLogEntry.objects.filter(subject_id=owner.pk).count() == 1
    _fill(client, base, questionnaire, diagnostic.sector)
    result = text(client.get(base))
    assert "Vous voyez ce résultat parce que vous accompagnez cette entreprise" in result
    assert AccessLogEntry.objects.filter(subject_id=owner.pk, actor=mediator).count() == 2
    assert client.get(base + "pdf/").content.startswith(b"%PDF")
    entry = AccessLogEntry.objects.filter(subject_id=owner.pk).order_by("-at").first()
    assert entry.action == "download" and business.name in entry.reason

    # The owner finds it in « Mon espace », marked assisted, and sees who read it.
    client.force_login(owner)
    space = text(client.get("/mon-espace/"))
    assert "assisté" in space
    assert "assisté par" in text(client.get(base))
    assert mediator.email in text(client.get("/mon-espace/mes-donnees/"))

    # When the follow-up ends, the mediator loses access.
    follow_end(actor=owner, follow=follow)
    client.force_login(mediator)
    assert client.get(base).status_code == 404


def test_owner_results_are_hidden_from_the_mediator_until_shared(
    client, take, owner, mediator, business, follow
):
    diagnostic = take(actor=owner, business=business)
    base = f"/diagnostic/{diagnostic.pk}/"
    client.force_login(mediator)
    assert client.get(base).status_code == 404
    assert base not in text(client.get("/mon-espace/"))
    client.force_login(owner)
    page = text(client.get(base))
    assert "Partager avec mon médiateur" in page
    client.post(base + "partager/", {"shared": "1"})
    client.force_login(mediator)
    assert client.get(base).status_code == 200
    assert base in text(client.get("/mon-espace/"))
    assert AccessLogEntry.objects.filter(subject_id=owner.pk, actor=mediator).exists()
    client.force_login(owner)
    client.post(base + "partager/", {"shared": "0"})
    client.force_login(mediator)
    assert client.get(base).status_code == 404


def test_a_mediator_cannot_share_or_start_for_a_business_not_followed(
    client, take, owner, mediator, business
):
    diagnostic = take(actor=owner, business=business)
    client.force_login(mediator)
    client.post(f"/diagnostic/{diagnostic.pk}/partager/", {"shared": "1"})
    diagnostic.refresh_from_db()
    assert not diagnostic.shared_with_mediator
    response = client.post(
        "/diagnostic/", {"mode": "business", "business": business.pk, "sector": "auto"}
    )
    assert response.status_code == 200
    assert Diagnostic.objects.count() == 1
