"""Mediators follow businesses only with the owner's consent, and see only those."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.factories import BusinessFactory, FollowFactory, UserFactory
from tests.helpers import text
from tremplin.accounts.models import AccessLogEntry, Follow
from tremplin.accounts.selectors import follow_is_active


@pytest.mark.django_db
def test_request_accept_see_end(client, mediator, owner, business):
    business.siret = "73282932000074"
    business.save()
    client.force_login(mediator)
    response = client.post("/accompagnements/", {"query": "732 829 320 00074"}, follow=True)
    assert "Si une entreprise correspond" in text(response)
    follow = Follow.objects.get()
    assert follow.status == "pending"
    assert mail.outbox[0].to == [owner.email]
    # Not visible before consent.
    assert client.get(f"/accompagnements/entreprises/{business.pk}/").status_code == 404

    client.force_login(owner)
    assert "propose d'accompagner" in text(client.get("/mon-espace/"))
    client.post(f"/accompagnements/{follow.pk}/accepter/")
    follow.refresh_from_db()
    assert follow.status == "active" and follow.consented_by == owner and follow.started_on
    assert follow_is_active(mediator=mediator, business=business)

    client.force_login(mediator)
    page = client.get(f"/accompagnements/entreprises/{business.pk}/")
    assert page.status_code == 200 and business.name in text(page)
    entry = AccessLogEntry.objects.get()
    assert entry.subject_id == owner.pk and entry.actor == mediator
    assert entry.object_label == business.name

    client.force_login(owner)
    journal = client.get("/mon-espace/mes-donnees/")
    assert mediator.email in text(journal)
    client.post(f"/accompagnements/{follow.pk}/terminer/")
    follow.refresh_from_db()
    assert follow.status == "ended" and follow.ended_on
    client.force_login(mediator)
    assert client.get(f"/accompagnements/entreprises/{business.pk}/").status_code == 404


@pytest.mark.django_db
def test_unknown_query_gives_the_same_answer(client, mediator):
    client.force_login(mediator)
    response = client.post("/accompagnements/", {"query": "personne@inconnue.fr"}, follow=True)
    assert "Si une entreprise correspond" in text(response)
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_refusal(client, mediator, owner, business):
    follow = FollowFactory(mediator=mediator, business=business)
    client.force_login(owner)
    client.post(f"/accompagnements/{follow.pk}/refuser/")
    follow.refresh_from_db()
    assert follow.status == "refused"
    assert not follow_is_active(mediator=mediator, business=business)


@pytest.mark.django_db
def test_mediator_sees_only_the_businesses_they_follow(client, mediator, business, saint_etienne):
    other_mediator = UserFactory(role="mediator", totp=True)
    followed = BusinessFactory(owners=[UserFactory()], commune=saint_etienne)
    FollowFactory(mediator=mediator, business=followed, active=True)
    FollowFactory(mediator=other_mediator, business=business, active=True)
    client.force_login(mediator)
    assert client.get(f"/accompagnements/entreprises/{followed.pk}/").status_code == 200
    assert client.get(f"/accompagnements/entreprises/{business.pk}/").status_code == 404
    listing = text(client.get("/accompagnements/"))
    assert followed.name in listing and business.name not in listing


@pytest.mark.django_db
def test_a_mediator_cannot_accept_their_own_request(client, mediator, business):
    follow = FollowFactory(mediator=mediator, business=business)
    client.force_login(mediator)
    response = client.post(f"/accompagnements/{follow.pk}/accepter/", follow=True)
    assert "Seul un gérant" in text(response)
    follow.refresh_from_db()
    assert follow.status == "pending"


@pytest.mark.django_db
def test_strangers_cannot_touch_a_follow(client, mediator, business):
    follow = FollowFactory(mediator=mediator, business=business)
    client.force_login(UserFactory())
    assert client.post(f"/accompagnements/{follow.pk}/accepter/").status_code == 404


@pytest.mark.django_db
def test_only_mediators_open_the_follow_pages(client, owner, job_seeker):
    for user in (owner, job_seeker):
        client.force_login(user)
        assert client.get("/accompagnements/").status_code == 403


@pytest.mark.django_db
def test_one_open_follow_per_pair(mediator, business):
    from tremplin.accounts.services import follow_request
    from tremplin.core.errors import DomainError

    follow_request(mediator=mediator, business=business)
    with pytest.raises(DomainError, match="déjà"):
        follow_request(mediator=mediator, business=business)
