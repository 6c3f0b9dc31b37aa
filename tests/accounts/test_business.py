"""Declaring a business: the SIRET, the activity, the commune, co-owners."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.factories import BusinessFactory, UserFactory
from tests.helpers import text
from tremplin.accounts.models import Business, BusinessInvitation
from tremplin.accounts.siret import siret_is_valid, validate_siret
from tremplin.core.models import DailyStat

VALID = "73282932000074"  # a real SIRET whose Luhn key is right
LA_POSTE = "35600000000048"  # La Poste's head office (Luhn)
LA_POSTE_OFFICE = "35600000049837"  # a post office: digits add up to a multiple of 5


@pytest.mark.parametrize("siret", [VALID, "732 829 320 00074", LA_POSTE, LA_POSTE_OFFICE])
def test_valid_sirets(siret):
    assert siret_is_valid(siret)
    validate_siret(siret)


@pytest.mark.parametrize(
    ("siret", "code"),
    [
        ("73282932000075", "checksum"),
        ("7328293200007", "length"),
        ("ABCDEFGHIJKLMN", "length"),
        ("35600000049838", "checksum"),
    ],
)
def test_invalid_sirets_say_why(siret, code):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_siret(siret)
    assert error.value.code == code


def _form(**overrides):
    data = {
        "name": "Boulangerie Fayolle",
        "siret": "",
        "naf_code": "10.71C",
        "naf_code_code": "",
        "commune": "Saint-Étienne",
        "commune_code": "",
        "size_band": "1-2",
        "sells_online": "partly",
        "website": "www.boulangerie-fayolle.fr",
        "link_instagram": "https://instagram.com/fayolle",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_owner_declares_a_business_without_javascript(client, owner, communes):
    client.force_login(owner)
    response = client.post("/mon-espace/entreprises/nouvelle/", _form(naf_code="10.71C"))
    assert response.status_code == 302, text(response)[:3000]
    business = Business.objects.get()
    assert business.commune.insee == "42218"
    assert business.naf_code == "10.71C" and business.naf_section == "C"
    assert business.website == "https://www.boulangerie-fayolle.fr"
    assert business.links.get().url == "https://instagram.com/fayolle"
    assert list(business.members.all()) == [owner]
    assert DailyStat.objects.get(metric="accounts.business_declared").dimension == "42"
    page = client.get("/mon-espace/").content.decode()
    assert "Boulangerie Fayolle" in page and "Saint-Étienne (42000)" in page


@pytest.mark.django_db
def test_lookup_codes_sent_by_the_combobox_are_used(client, owner, communes):
    client.force_login(owner)
    response = client.post(
        "/mon-espace/entreprises/nouvelle/",
        _form(
            naf_code="10.71C — Cuisson de produits de boulangerie",
            naf_code_code="10.71C",
            commune="Lyon (69001)",
            commune_code="69123",
        ),
    )
    assert response.status_code == 302
    assert Business.objects.get().commune.insee == "69123"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("siret", "12345678901234", "clé de contrôle est fausse"),
        ("commune", "Atlantide", "Aucune commune ne correspond"),
        ("commune", "Saint", "Plusieurs communes correspondent"),
        ("naf_code", "astronautique lunaire", "Aucune activité ne correspond"),
        ("name", "", "Ce champ est obligatoire"),
        ("website", "pas une adresse", "Saisissez une URL valide"),
    ],
)
def test_bad_input_is_explained_and_changes_nothing(client, owner, communes, field, value, message):
    client.force_login(owner)
    response = client.post("/mon-espace/entreprises/nouvelle/", _form(**{field: value}))
    assert response.status_code == 200
    assert message in text(response)
    assert not Business.objects.exists()


@pytest.mark.django_db
def test_a_siret_can_be_declared_only_once(client, owner, saint_etienne):
    BusinessFactory(siret=VALID, commune=saint_etienne)
    client.force_login(owner)
    response = client.post("/mon-espace/entreprises/nouvelle/", _form(siret=VALID))
    assert response.status_code == 200
    assert "déjà déclarée" in text(response)
    assert Business.objects.count() == 1


@pytest.mark.django_db
def test_job_seekers_cannot_declare_a_business(client, job_seeker):
    client.force_login(job_seeker)
    response = client.get("/mon-espace/entreprises/nouvelle/", follow=True)
    assert "Seul un compte « chef d'entreprise »" in text(response)


@pytest.mark.django_db
def test_owner_edits_only_their_own_business(client, owner, business, communes):
    other = BusinessFactory(owners=[UserFactory()], commune=business.commune)
    client.force_login(owner)
    assert client.get(f"/mon-espace/entreprises/{other.pk}/modifier/").status_code == 404
    assert client.post(f"/mon-espace/entreprises/{other.pk}/modifier/", _form()).status_code == 404
    response = client.post(
        f"/mon-espace/entreprises/{business.pk}/modifier/",
        _form(name="Nouveau nom", sells_online="yes"),
    )
    assert response.status_code == 302
    business.refresh_from_db()
    assert business.name == "Nouveau nom" and business.sells_online == "yes"
    other.refresh_from_db()
    assert other.name != "Nouveau nom"


@pytest.mark.django_db
def test_co_owner_invitation_round_trip(client, owner, business, password):
    client.force_login(owner)
    response = client.post(
        f"/mon-espace/entreprises/{business.pk}/inviter/", {"email": "Associee@Exemple.fr"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    path = re.search(r"(/invitation/\S+/)", mail.outbox[0].body).group(1)
    invitation = BusinessInvitation.objects.get()
    assert invitation.email == "associee@exemple.fr"
    assert path.split("/")[2] not in invitation.token_hash  # only a hash is stored

    stranger = UserFactory(email="quelquun@exemple.fr")
    client.force_login(stranger)
    client.post(path)
    assert stranger not in business.members.all()

    partner = UserFactory(email="associee@exemple.fr")
    client.force_login(partner)
    assert "vous invite à gérer" in client.get(path).content.decode()
    client.post(path)
    assert set(business.members.all()) == {owner, partner}
    again = client.post(path, follow=True)
    assert "déjà servi" in again.content.decode()


@pytest.mark.django_db
def test_expired_invitation_is_refused(client, owner, business):
    from django.utils import timezone

    client.force_login(owner)
    client.post(f"/mon-espace/entreprises/{business.pk}/inviter/", {"email": "x@exemple.fr"})
    path = re.search(r"(/invitation/\S+/)", mail.outbox[0].body).group(1)
    partner = UserFactory(email="x@exemple.fr")
    client.force_login(partner)
    BusinessInvitation.objects.update(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    response = client.post(path, follow=True)
    assert "a expiré" in text(response)
    assert partner not in business.members.all()


@pytest.mark.django_db
def test_last_owner_leaving_deletes_the_business(client, owner, business):
    partner = UserFactory()
    business.memberships.create(user=partner)
    client.force_login(owner)
    client.post(f"/mon-espace/entreprises/{business.pk}/quitter/")
    assert Business.objects.filter(pk=business.pk).exists()
    client.force_login(partner)
    client.post(f"/mon-espace/entreprises/{business.pk}/quitter/")
    assert not Business.objects.filter(pk=business.pk).exists()
