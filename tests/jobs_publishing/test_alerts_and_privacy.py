"""Saved searches with one-click unsubscribe; personal data exported and erased."""

from __future__ import annotations

import os
import re

import pytest
from django.http import QueryDict

from tests.factories import UserFactory
from tests.helpers import text
from tremplin.accounts import personal_data
from tremplin.core.errors import DomainError
from tremplin.jobs.models.publishing import Application, SavedSearch
from tremplin.jobs.publishing.services import (
    saved_search_create,
    saved_search_unsubscribe,
    unsubscribe_token,
)
from tremplin.jobs.publishing.services.alerts import saved_search_from_token

pytestmark = pytest.mark.django_db


def test_saving_the_same_search_twice_is_refused(job_seeker, saint_etienne):
    params = QueryDict("q=vendeur&commune=42218&rayon=20&contrat=cdi&page=3&tri=date")
    saved = saved_search_create(user=job_seeker, params=params)
    assert saved.query_string == "commune=42218&contrat=cdi&q=vendeur&rayon=20"
    assert "vendeur" in saved.name and "Saint-Étienne" in saved.name
    same = QueryDict("contrat=cdi&rayon=20&q=vendeur&commune=42218")
    with pytest.raises(DomainError, match="déjà dans vos alertes"):
        saved_search_create(user=job_seeker, params=same)
    with pytest.raises(DomainError, match="au moins un critère"):
        saved_search_create(user=job_seeker, params=QueryDict("page=2"))


def test_too_many_alerts_are_refused(job_seeker, settings):
    settings.JOBS_SAVED_SEARCHES_MAX = 2
    for word in ("vendeur", "boulanger"):
        saved_search_create(user=job_seeker, params=QueryDict(f"q={word}"))
    with pytest.raises(DomainError, match="déjà 2 alertes"):
        saved_search_create(user=job_seeker, params=QueryDict("q=coiffeur"))


def test_token_unsubscribes_that_alert_only(job_seeker):
    saved = saved_search_create(user=job_seeker, params=QueryDict("q=vendeur"))
    other = saved_search_create(user=job_seeker, params=QueryDict("q=boulanger"))
    saved_search_unsubscribe(token=unsubscribe_token(saved))
    saved.refresh_from_db()
    other.refresh_from_db()
    assert (saved.is_active, other.is_active) == (False, True)
    with pytest.raises(DomainError, match="pas valable"):
        saved_search_unsubscribe(token=unsubscribe_token(saved)[:-2] + "xx")


def test_one_click_unsubscribe_from_the_mail_client(client, job_seeker):
    saved = saved_search_create(user=job_seeker, params=QueryDict("q=vendeur"))
    url = f"/emplois/alertes/desabonnement/{unsubscribe_token(saved)}/"
    page = client.get(url)  # a link checker opening the page changes nothing
    assert "Me désabonner" in text(page)
    assert SavedSearch.objects.get().is_active
    response = client.post(url, {"List-Unsubscribe": "One-Click"})  # RFC 8058, no session
    assert response.status_code == 200
    assert not SavedSearch.objects.get().is_active
    assert client.post("/emplois/alertes/desabonnement/abc/").status_code == 404


def test_alert_pages_in_my_space(client, job_seeker):
    client.force_login(job_seeker)
    response = client.post(
        "/emplois/alertes/creer/", {"query": "q=serveur&contrat=cdd", "name": "Serveur en CDD"}
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    page = text(client.get("/mon-espace/"))
    assert "Mes alertes emploi" in page and "Serveur en CDD" in page
    client.post(f"/emplois/alertes/{saved.pk}/activer/", {"active": "0"})
    saved.refresh_from_db()
    assert not saved.is_active
    client.force_login(UserFactory())
    assert client.post(f"/emplois/alertes/{saved.pk}/supprimer/").status_code == 404
    client.force_login(job_seeker)
    client.post(f"/emplois/alertes/{saved.pk}/supprimer/")
    assert not SavedSearch.objects.exists()


def test_export_holds_applications_and_alerts(job_seeker, application):
    saved_search_create(user=job_seeker, params=QueryDict("q=vendeur"))
    export = personal_data.personal_data_export(job_seeker)
    assert export["candidatures"][0]["message"] == "Bonjour, je suis disponible."
    assert export["candidatures"][0]["cv_filename"] == "Mon CV.pdf"
    assert export["alertes_emploi"][0]["query_string"] == "q=vendeur"


def test_account_deletion_erases_applications_and_cv_files(
    job_seeker, application, django_capture_on_commit_callbacks
):
    from tremplin.accounts.services import account_delete

    path = application.cv.path
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=job_seeker)
    assert not Application.objects.exists()
    assert not os.path.exists(path)


def test_employer_leaving_alone_takes_received_applications_and_offers_away(
    owner, application, offer, django_capture_on_commit_callbacks
):
    from tremplin.accounts.services import account_delete

    path = application.cv.path
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=owner)
    assert not Application.objects.exists()
    assert not os.path.exists(path)
    offer.refresh_from_db()
    assert offer.status == "hidden"


def test_public_register_names_the_retention(client):
    page = text(client.get("/donnees-personnelles/"))
    assert "Candidatures aux offres d'emploi" in page
    assert "90 jours après la fin du recrutement" in page
    assert "730 jours après le dernier contact" in page


def test_daily_digest_sends_new_offers_with_unsubscribe_headers(job_seeker, offer, monkeypatch):
    from django.core import mail

    from tremplin.jobs.publishing import search
    from tremplin.jobs.publishing.services import digest_send

    saved = saved_search_create(user=job_seeker, params=QueryDict("q=vendeur"))
    seen = {}

    def fake_new_offers(query_string, *, since, until, limit):
        seen.update(query=query_string, since=since)
        return [offer], 3

    monkeypatch.setattr(search, "new_offers", fake_new_offers)
    result = digest_send()
    assert result == {"checked": 1, "sent": 1}
    assert seen["query"] == "q=vendeur"
    message = mail.outbox[-1]
    assert message.to == [job_seeker.email]
    assert offer.title in message.body and "Et 2 autres offres" in message.body
    # The token is signed with a timestamp: read it from the header rather than
    # signing again (a second may have passed).
    header = message.extra_headers["List-Unsubscribe"]
    match = re.fullmatch(r"<https?://[^/]+/emplois/alertes/desabonnement/([^/]+)/>", header)
    assert match, header
    token = match.group(1)
    assert saved_search_from_token(token) == saved
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    saved.refresh_from_db()
    assert saved.last_sent_at is not None and saved.checked_until >= seen["since"]
    # Nothing new: no e-mail, the mark still moves; a paused alert is skipped.
    monkeypatch.setattr(search, "new_offers", lambda *a, **k: ([], 0))
    assert digest_send() == {"checked": 1, "sent": 0}
    saved_search_unsubscribe(token=token)
    assert digest_send() == {"checked": 0, "sent": 0}
    assert len(mail.outbox) == 1


def test_one_broken_search_does_not_stop_the_others(job_seeker, offer, monkeypatch):
    from tremplin.jobs.publishing import search
    from tremplin.jobs.publishing.services import digest_send

    saved_search_create(user=job_seeker, params=QueryDict("q=vendeur"))
    saved_search_create(user=job_seeker, params=QueryDict("q=boulanger"))

    def flaky(query_string, **kwargs):
        if "vendeur" in query_string:
            raise RuntimeError("index indisponible")
        return [offer], 1

    monkeypatch.setattr(search, "new_offers", flaky)
    assert digest_send() == {"checked": 2, "sent": 1}


def test_an_alert_can_be_described_from_my_space(client, job_seeker, saint_etienne):
    client.force_login(job_seeker)
    page = text(client.get("/emplois/alertes/creer/"))
    assert "Métier ou mots-clés" in page
    empty = client.post("/emplois/alertes/creer/", {"name": "Tout"})
    assert "au moins un critère" in text(empty)
    assert not SavedSearch.objects.exists()
    client.post(
        "/emplois/alertes/creer/",
        {
            "q": "aide à domicile",
            "commune": "Saint-Étienne (42000)",
            "commune_code": "42218",
            "rayon": "20",
            "contrat": ["cdi"],
        },
    )
    saved = SavedSearch.objects.get()
    assert saved.query_string == "commune=42218&contrat=cdi&q=aide+%C3%A0+domicile&rayon=20"


def test_the_offer_page_carries_the_publishing_actions(client, offer, external_offer):
    page = text(client.get(offer.get_absolute_url()))
    assert f"/emplois/postuler/{offer.pk}/" in page
    assert f"/emplois/signaler/{offer.pk}/" in page
    other = text(client.get(external_offer.get_absolute_url()))
    assert "https://candidat.exemple.fr/offre/" in other
    assert "/emplois/postuler/" not in other
