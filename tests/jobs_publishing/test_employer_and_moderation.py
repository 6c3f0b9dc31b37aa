"""Employers post offers with a preview; staff moderate posted, imported and reported offers."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.factories import UserFactory
from tests.helpers import messages_of, text
from tremplin.jobs.models import JobOffer
from tremplin.jobs.models.publishing import ModerationDecision, OfferReport

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Boulanger ou boulangère",
    "description": "Fabrication du pain.\n\n- Levée à 4 h\n- **CAP** apprécié",
    "commune": "Saint-Étienne (42000)",
    "commune_code": "42218",
    "contract_type": "cdd",
    "working_time": "full",
    "salary_min": "1 900",
    "salary_max": "2 100,50 €",
    "salary_period": "month",
    "positions": "1",
}


@pytest.fixture
def posting(client, owner, business):
    client.force_login(owner)
    return client


def test_preview_shows_the_offer_and_saves_nothing(posting, business):
    response = posting.post(
        "/emplois/employeur/offres/nouvelle/", {**FORM, "business": business.pk, "preview": "1"}
    )
    page = text(response)
    assert "Aperçu : ce que liront les candidats" in page
    assert "<li>Levée à 4 h</li>" in page and "<strong>CAP</strong>" in page
    assert "de 1 900 à 2 100,50 €" in page.replace("\xa0", " ").replace("\u202f", " ")
    assert not JobOffer.objects.exists()


def test_submit_creates_a_pending_offer_linked_to_the_business(posting, business, owner):
    response = posting.post(
        "/emplois/employeur/offres/nouvelle/", {**FORM, "business": business.pk, "submit": "1"}
    )
    assert response.status_code == 302
    offer = JobOffer.objects.get()
    assert offer.status == "pending"
    assert offer.employer.business == business
    assert str(offer.salary_max) == "2100.50"
    assert offer.commune.insee == "42218"
    assert ModerationDecision.objects.get(offer=offer).action == "submit"
    assert "en relecture" in text(posting.get("/emplois/employeur/offres/"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"salary_min": "à négocier"}, "« à négocier » n'est pas un montant"),
        ({"title": ""}, "Une offre doit avoir un intitulé."),
        (
            {"commune": "Tataouine-les-Bains", "commune_code": ""},
            "Aucune commune ne correspond à « Tataouine-les-Bains »",
        ),
        ({"salary_min": "3000", "salary_max": "2000"}, "Le maximum doit être supérieur"),
        ({"salary_period": ""}, "Précisez si le salaire est de l'heure"),
    ],
)
def test_bad_inputs_get_a_clear_message_and_nothing_changes(posting, business, changes, message):
    response = posting.post(
        "/emplois/employeur/offres/nouvelle/",
        {**FORM, "business": business.pk, "submit": "1", **changes},
    )
    assert response.status_code == 200
    assert message in text(response)
    assert not JobOffer.objects.exists()


def test_a_commune_outside_the_territory_is_refused(posting, business, communes):
    response = posting.post(
        "/emplois/employeur/offres/nouvelle/",
        {
            **FORM,
            "business": business.pk,
            "submit": "1",
            "commune": "Paris",
            "commune_code": "75056",
        },
    )
    assert not JobOffer.objects.exists()
    assert response.status_code == 200


def test_edit_goes_back_to_moderation_and_only_the_owner_may(posting, offer, business):
    response = posting.get(f"/emplois/employeur/offres/{offer.pk}/modifier/")
    assert "Vendeur ou vendeuse en boulangerie" in text(response)
    response = posting.post(
        f"/emplois/employeur/offres/{offer.pk}/modifier/",
        {**FORM, "business": business.pk, "submit": "1", "title": "Vendeuse qualifiée"},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.title, offer.status) == ("Vendeuse qualifiée", "pending")
    posting.force_login(UserFactory())
    assert posting.get(f"/emplois/employeur/offres/{offer.pk}/modifier/").status_code in {302, 404}


def test_job_seeker_cannot_post(client, job_seeker):
    client.force_login(job_seeker)
    response = client.get("/emplois/employeur/offres/nouvelle/", follow=True)
    assert "Seul un compte « chef d'entreprise »" in " ".join(messages_of(response))


def test_staff_approve_then_the_employer_is_told(client, staff, offer, owner):
    JobOffer.objects.filter(pk=offer.pk).update(status="pending")
    client.force_login(staff)
    queue = text(client.get("/emplois/moderation/"))
    assert offer.title in queue
    response = client.post(f"/emplois/moderation/{offer.pk}/publier/", follow=True)
    assert "L'offre est publiée" in " ".join(messages_of(response))
    offer.refresh_from_db()
    assert offer.status == "published"
    assert mail.outbox[-1].to == [owner.email] and "en ligne" in mail.outbox[-1].subject


def test_hiding_needs_a_reason_and_restoring_works(client, staff, external_offer):
    client.force_login(staff)
    response = client.post(f"/emplois/moderation/{external_offer.pk}/masquer/", {"reason": ""})
    assert "Indiquez le motif" in " ".join(messages_of(client.get(response["Location"])))
    external_offer.refresh_from_db()
    assert external_offer.status == "published"
    client.post(f"/emplois/moderation/{external_offer.pk}/masquer/", {"reason": "Arnaque avérée"})
    external_offer.refresh_from_db()
    assert (external_offer.status, external_offer.moderation_reason) == ("hidden", "Arnaque avérée")
    client.post(f"/emplois/moderation/{external_offer.pk}/retablir/")
    external_offer.refresh_from_db()
    assert external_offer.status == "published"
    actions = list(
        ModerationDecision.objects.filter(offer=external_offer).values_list("action", flat=True)
    )
    assert sorted(actions) == ["hide", "restore"]


def test_moderation_is_for_staff_only(client, owner, offer):
    client.force_login(owner)
    assert client.get("/emplois/moderation/").status_code == 302
    assert (
        client.post(f"/emplois/moderation/{offer.pk}/masquer/", {"reason": "x"}).status_code == 302
    )
    offer.refresh_from_db()
    assert offer.status == "published"


def test_anyone_reports_an_offer_without_an_account(client, external_offer):
    response = client.post(
        f"/emplois/signaler/{external_offer.pk}/",
        {"reason": "scam", "comment": "On me demande 50 € de frais de dossier."},
    )
    assert response.status_code == 302
    report = OfferReport.objects.get()
    assert (report.reason, report.status) == ("scam", "open")
    assert {f.name for f in OfferReport._meta.fields} >= {"reason", "comment"}
    assert not any("ip" in f.name or "user" in f.name for f in OfferReport._meta.fields)


def test_reports_are_rate_limited_per_address(client, external_offer, settings, fresh_cache):
    settings.JOBS_REPORT_RATE = "2/h"
    url = f"/emplois/signaler/{external_offer.pk}/"
    for _ in range(2):
        assert client.post(url, {"reason": "filled"}).status_code == 302
    response = client.post(url, {"reason": "filled"})
    assert response.status_code == 429
    assert "beaucoup de signalements" in text(response)
    assert OfferReport.objects.count() == 2


def test_a_hidden_offer_cannot_be_reported_and_reports_are_upheld(client, staff, external_offer):
    from tremplin.jobs.publishing.services import offer_hide, report_create

    report_create(offer=external_offer, reason="discrimination")
    offer_hide(actor=staff, offer=external_offer, reason="Discrimination par l'âge")
    assert OfferReport.objects.get().status == "upheld"
    assert client.get(f"/emplois/signaler/{external_offer.pk}/").status_code == 404


def test_two_staff_hiding_at_once_journal_one_decision(staff, external_offer):
    from tremplin.core.errors import DomainError
    from tremplin.jobs.publishing.services import offer_hide

    offer_hide(actor=staff, offer=external_offer, reason="Doublon frauduleux")
    with pytest.raises(DomainError, match="déjà « masquée »"):
        offer_hide(actor=staff, offer=external_offer, reason="Doublon frauduleux")
    assert ModerationDecision.objects.count() == 1


def test_back_office_actions_hide_with_a_reason(client, staff, external_offer):
    client.force_login(staff)
    url = "/admin/jobs/moderatedoffer/"
    assert external_offer.title in text(client.get(url))
    assert external_offer.title in text(client.get(url + "?source=francetravail"))
    assert external_offer.title not in text(client.get(url + "?source=tremplin"))
    client.post(
        url,
        {"action": "hide", "_selected_action": [external_offer.pk], "reason": "Offre expirée"},
    )
    external_offer.refresh_from_db()
    assert (external_offer.status, external_offer.moderation_reason) == ("hidden", "Offre expirée")
    client.post(url, {"action": "restore", "_selected_action": [external_offer.pk], "reason": ""})
    external_offer.refresh_from_db()
    assert external_offer.status == "published"
