"""Every personal datum is declared, exported, and erased with the account."""

from __future__ import annotations

import json

import pytest
from django.apps import apps

from tests.factories import BusinessFactory, FollowFactory, UserFactory
from tests.helpers import text
from tremplin.accounts import personal_data
from tremplin.accounts.models import Business, BusinessInvitation, Follow, User
from tremplin.accounts.services import access_record
from tremplin.core.models import DailyStat

THIRD_PARTY_WITHOUT_PEOPLE = {
    "admin.LogEntry",  # staff actions in the back office: kept by Django, staff only
    "auth.Permission",
    "auth.Group",
    "contenttypes.ContentType",
    "sessions.Session",
    "django_tasks_db.DBTaskResult",
}


def test_every_model_of_the_platform_is_declared_or_exempt():
    declared = set(personal_data.declarations()) | set(personal_data.exemptions())
    ours = {
        model._meta.label for model in apps.get_models() if model.__module__.startswith("tremplin.")
    }
    assert ours - declared == set(), "declare these models in the app's privacy.py"


def test_declared_fields_exist():
    for label, declaration in personal_data.declarations().items():
        model = apps.get_model(label)
        for name in declaration.fields:
            model._meta.get_field(name)  # raises if a declaration names a missing field


def test_every_processing_states_purpose_basis_retention_recipients():
    for processing in personal_data.processings():
        for attr in ("name", "purpose", "legal_basis", "retention", "recipients"):
            assert str(getattr(processing, attr)).strip(), (processing.key, attr)


@pytest.mark.django_db
def test_export_holds_every_declared_field_of_every_row(owner, mediator, business, staff):
    business.links.create(kind="instagram", url="https://instagram.com/x")
    BusinessInvitation.objects.create(
        business=business,
        email="z@exemple.fr",
        token_hash="h",
        invited_by=owner,
        expires_at="2030-01-01T00:00:00Z",
    )
    FollowFactory(mediator=mediator, business=business, active=True)
    access_record(actor=staff, subject=owner, obj=owner, reason="vérification")
    from tremplin.core.booking import seat_book, seat_pool_ensure

    seat_book(pool=seat_pool_ensure(key="webinaire:1", capacity=3), user=owner)
    export = personal_data.personal_data_export(owner)
    for label, declaration in personal_data.declarations().items():
        rows = export[declaration.export_key]
        if label in {"accounts.AccessLogEntry", "mfa.Authenticator"}:
            continue  # the owner made no access and has no second factor
        if label.split(".")[0] not in {"accounts", "account", "core", "mfa"}:
            continue  # each domain app tests the export of its own models
        assert rows, f"{label} missing from the export"
        for row in rows:
            assert set(declaration.fields) <= set(row), label
    assert export["compte"][0]["email"] == owner.email
    assert export["acces_a_mes_donnees"][0]["par"] == staff.email
    json.dumps(export, default=str)  # serialisable


@pytest.mark.django_db
def test_download_is_a_json_file_of_my_data_only(client, owner, business):
    other = UserFactory()
    client.force_login(owner)
    response = client.post("/mon-espace/mes-donnees/telecharger/")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["compte"] == owner.email
    assert other.email not in response.content.decode()
    assert data["données"]["entreprises"][0]["name"] == business.name
    assert client.get("/mon-espace/mes-donnees/telecharger/").status_code == 405


@pytest.mark.django_db
def test_profile_correction(client, owner):
    client.force_login(owner)
    response = client.post(
        "/mon-espace/mes-donnees/", {"first_name": " Léa ", "last_name": "Perret", "language": "en"}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.first_name, owner.last_name, owner.language) == ("Léa", "Perret", "en")


@pytest.mark.django_db
def test_account_deletion_erases_the_person_and_keeps_anonymous_counts(
    client, owner, password, business, mediator, saint_etienne
):
    shared = BusinessFactory(owners=[owner, UserFactory()], commune=saint_etienne)
    FollowFactory(mediator=mediator, business=business, active=True)
    DailyStat.objects.create(date="2026-01-01", metric="accounts.signup", value=10)
    client.force_login(owner)
    wrong = client.post("/mon-espace/supprimer-mon-compte/", {"password": "pas le bon"})
    assert "pas le bon" in text(wrong)
    assert User.objects.filter(pk=owner.pk).exists()

    response = client.post("/mon-espace/supprimer-mon-compte/", {"password": password})
    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()
    assert not Business.objects.filter(pk=business.pk).exists()  # owned alone: gone
    assert Business.objects.filter(pk=shared.pk).exists()  # shared: stays with the co-owner
    assert not Follow.objects.filter(business_id=business.pk).exists()
    assert DailyStat.objects.get(date="2026-01-01").value == 10
    assert DailyStat.objects.filter(metric="accounts.deleted").exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_public_register_lists_processings_and_fields(client):
    page = text(client.get("/donnees-personnelles/"))
    for processing in personal_data.processings():
        assert str(processing.name) in page
        assert str(processing.retention) in page
    assert "Adresse e-mail" in page or "adresse e-mail" in page
