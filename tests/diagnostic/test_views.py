"""Taking the diagnostic through the pages, without JavaScript: what each person sees and may
do, and the bad inputs."""

from __future__ import annotations

import re

import pytest

from tests.diagnostic.conftest import lowest_answers
from tests.helpers import messages_of, text
from tremplin.diagnostic.models import Answer, Diagnostic
from tremplin.diagnostic.sectors import sector_for_business

pytestmark = pytest.mark.django_db


def _step_data(questionnaire, sector, number, answers=None, action="next"):
    answers = answers or lowest_answers(questionnaire, sector)
    dimension = questionnaire.dimensions[number - 1]
    data = {"action": action}
    for question in dimension.questions_for(sector):
        data[question.key] = answers[question.key]
    return data


def _fill(client, base, questionnaire, sector, answers=None):
    """Post every step as a browser without JavaScript would; returns the last response."""
    response = None
    for number in range(1, len(questionnaire.dimensions) + 1):
        response = client.post(
            f"{base}etape/{number}/", _step_data(questionnaire, sector, number, answers)
        )
        assert response.status_code == 302, text(response)[:2000]
    return response


def _start_by_link(client, sector="commerce") -> str:
    response = client.post(
        "/diagnostic/", {"mode": "link", "sector": sector, "department": "", "size_band": ""}
    )
    assert response.status_code == 302
    match = re.match(r"^/diagnostic/lien/([A-Za-z0-9_-]{43})/etape/1/$", response["Location"])
    assert match, response["Location"]
    return f"/diagnostic/lien/{match[1]}/"


def test_anonymous_takes_it_step_by_step_and_gets_a_private_link(client, questionnaire, communes):
    start = text(client.get("/diagnostic/"))
    assert "27 questions, 7 étapes" in start and "Voir la méthode" in start
    base = _start_by_link(client)
    step = client.get(base + "etape/1/")
    page = text(step)
    assert "Étape 1 sur 7" in page and "Stratégie numérique" in page
    assert "http://testserver" + base in page  # the link to keep
    assert step["Cache-Control"] == "no-store, private"
    response = _fill(client, base, questionnaire, "commerce")
    assert response["Location"] == base
    result = client.get(base)
    page = text(result)
    assert "Votre résultat" in page and "Niveau général : Débutant" in page
    assert 'class="chart chart--radar"' in page and "<table" in page
    assert "Votre plan d'action" in page and "Votre lien personnel" in page
    assert "de 25 à 49" in page  # the thresholds are shown
    diagnostic = Diagnostic.objects.get()
    assert diagnostic.is_completed and diagnostic.business is None and diagnostic.created_by is None


def test_a_tampered_answer_is_refused_and_nothing_is_saved(client, questionnaire, communes):
    base = _start_by_link(client)
    data = _step_data(questionnaire, "commerce", 1)
    data["strategy_goals"] = "toujours"
    response = client.post(base + "etape/1/", data)
    assert response.status_code == 200
    assert "Cette réponse n'existe pas pour cette question (« toujours »)" in text(response)
    assert not Answer.objects.exists()
    data = _step_data(questionnaire, "commerce", 2)
    data["readiness_payments"] = ["none", "card"]
    response = client.post(base + "etape/2/", data)
    assert "ne peut pas être cochée avec d'autres réponses" in text(response)
    assert not Answer.objects.exists()


def test_unanswered_questions_block_next_but_not_later(client, questionnaire, communes):
    base = _start_by_link(client)
    response = client.post(base + "etape/1/", {"action": "next", "strategy_goals": "none"})
    assert text(response).count("Choisissez une réponse pour continuer.") == 2
    assert not Answer.objects.exists()
    response = client.post(base + "etape/1/", {"action": "later", "strategy_goals": "none"})
    assert response["Location"] == base
    resume = client.get(base, follow=True)
    assert "Vos réponses sont enregistrées" in " ".join(messages_of(resume))
    page = text(resume)
    assert "1 réponses enregistrées sur 27" in page and "Reprendre : Stratégie numérique" in page
    assert Answer.objects.get().choices == ["none"]


def test_finishing_with_a_gap_sends_back_to_the_step(client, questionnaire, communes):
    base = _start_by_link(client)
    client.post(base + "etape/1/", {"action": "later", "strategy_goals": "none"})
    last = len(questionnaire.dimensions)
    response = client.post(base + f"etape/{last}/", _step_data(questionnaire, "commerce", last))
    assert response["Location"] == base + "etape/1/"
    assert not Diagnostic.objects.get().is_completed


def test_an_unknown_link_gets_a_clear_page(client):
    for token in ("A" * 43, "pas-un-lien"):
        response = client.get(f"/diagnostic/lien/{token}/")
        assert response.status_code == 404
        assert "Ce lien ne correspond à aucun diagnostic" in text(response)
    assert client.get("/diagnostic/lien/" + "A" * 43 + "/etape/1/").status_code == 404


def test_starts_without_account_are_throttled(client, communes, monkeypatch):
    from tremplin.diagnostic.views import start

    monkeypatch.setattr(start, "START_RATE", "2/h")
    for _ in range(2):
        _start_by_link(client)
    response = client.post("/diagnostic/", {"mode": "link", "sector": "commerce"})
    assert response.status_code == 200 and "Trop de diagnostics" in text(response)
    assert Diagnostic.objects.count() == 2


def test_owner_takes_it_for_their_business_with_the_derived_sector(
    client, owner, business, questionnaire
):
    business.is_artisan = True  # a bakery registered with the chambre de métiers
    business.save()
    client.force_login(owner)
    page = text(client.get("/diagnostic/"))
    assert business.name in page and "secteur d'après son activité : Commerce" in page
    response = client.post(
        "/diagnostic/", {"mode": "business", "business": business.pk, "sector": "auto"}
    )
    diagnostic = Diagnostic.objects.get()
    assert response["Location"] == f"/diagnostic/{diagnostic.pk}/etape/1/"
    assert diagnostic.sector == sector_for_business(business) == "commerce"
    _fill(client, f"/diagnostic/{diagnostic.pk}/", questionnaire, "commerce")
    assert client.get(f"/diagnostic/{diagnostic.pk}/").status_code == 200
    myspace = text(client.get("/mon-espace/"))
    assert "Mon diagnostic numérique" in myspace and "Voir le résultat" in myspace


def test_a_business_that_is_not_mine_is_refused(client, owner, business, saint_etienne):
    from tests.factories import BusinessFactory, UserFactory

    other = BusinessFactory(owners=[UserFactory()], commune=saint_etienne)
    client.force_login(owner)
    response = client.post(
        "/diagnostic/", {"mode": "business", "business": other.pk, "sector": "auto"}
    )
    assert response.status_code == 200 and "Choisissez une entreprise de la liste" in text(response)
    assert not Diagnostic.objects.exists()


def test_results_are_private(client, take, owner, business, staff, mediator, job_seeker):
    diagnostic = take(actor=owner, business=business)
    url = f"/diagnostic/{diagnostic.pk}/"
    assert client.get(url)["Location"].startswith("/compte/login/")
    for person in (staff, mediator, job_seeker):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 404, person.role
        assert "vous n'avez pas le droit de le voir" in text(response)
        assert client.get(url + "pdf/").status_code == 404


def test_retake_shows_the_previous_result_beside_the_new_one(
    client, take, owner, business, questionnaire
):
    first = take(actor=owner, business=business)
    client.force_login(owner)
    response = client.post(f"/diagnostic/{first.pk}/refaire/")
    second = Diagnostic.objects.exclude(pk=first.pk).get()
    assert response["Location"] == f"/diagnostic/{second.pk}/etape/1/"
    assert second.previous == first
    best = {
        q.key: [q.answers[-1].key if not q.is_multiple else q.answers[1].key]
        for q in questionnaire.questions_for("commerce")
    }
    _fill(client, f"/diagnostic/{second.pk}/", questionnaire, "commerce", best)
    page = text(client.get(f"/diagnostic/{second.pk}/"))
    assert "Évolution" in page and "Tirets et carrés : le précédent" in page
    assert 'stroke-dasharray="8 5"' in page  # the previous result's outline on the radar
    history = text(client.get("/mon-espace/"))
    assert history.count("Voir le résultat") == 2


def test_anonymous_retake_and_delete_through_the_link(client, take, communes):
    first = take()
    base = f"/diagnostic/lien/{first.token}/"
    response = client.post(base + "refaire/")
    new_base = response["Location"].removesuffix("etape/1/")
    second = Diagnostic.objects.exclude(pk=first.pk).get()
    assert second.previous == first and second.token_hash != first.token_hash
    client.post(new_base + "supprimer/")
    assert not Diagnostic.objects.filter(pk=second.pk).exists()
    assert client.get(new_base).status_code == 404


def test_an_owner_attaches_a_private_link_result(client, take, owner, business):
    anonymous = take()
    client.force_login(owner)
    base = f"/diagnostic/lien/{anonymous.token}/"
    assert "Rattacher à mon entreprise" in text(client.get(base))
    response = client.post(base + "rattacher/", {"business": business.pk})
    assert response["Location"] == f"/diagnostic/{anonymous.pk}/"
    assert client.get(base).status_code == 404
    assert client.get(response["Location"]).status_code == 200


def test_pdfs(client, take, communes):
    diagnostic = take()
    response = client.get(f"/diagnostic/lien/{diagnostic.token}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    paper = client.get("/diagnostic/papier/questionnaire.pdf?secteur=artisanat")
    assert paper.content.startswith(b"%PDF")
    assert client.get("/diagnostic/papier/questionnaire.pdf?secteur=rien").status_code == 404


def test_method_page_explains_every_question_and_weight(client, questionnaire, version):
    page = text(client.get("/diagnostic/methode/"))
    for dimension in questionnaire.dimensions:
        assert dimension.label in page and dimension.why in page
        for question in dimension.questions:
            assert question.text in page
            for answer in question.answers:
                assert answer.label in page
    assert page.count("<td>3</td>") >= 6  # weights
    assert "Plusieurs réponses possibles, plafond 4 points" in page
    assert "Débutant" in page and "de 75 à 100" in page
    assert version.sha256 in page
    assert "Score du thème = 100 ×" in page  # the worked example
    source = client.get("/diagnostic/methode/v1.yaml")
    assert source.content.decode() == version.source
    assert client.get("/diagnostic/methode/v7/").status_code == 404


def test_paper_version_lists_a_sector_path_numbered_as_on_screen(client, questionnaire):
    choose = text(client.get("/diagnostic/papier/"))
    assert "?secteur=agriculture" in choose
    page = text(client.get("/diagnostic/papier/?secteur=agriculture"))
    assert "27. " in page and "28. " not in page
    assert "drive fermier" in page and "clic et retrait" not in page


def test_mon_espace_history_does_not_grow_queries(client, take, owner, business, saint_etienne):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import BusinessFactory

    take(actor=owner, business=business)
    client.force_login(owner)
    with CaptureQueriesContext(connection) as few:
        client.get("/mon-espace/")
    second = BusinessFactory(owners=[owner], commune=saint_etienne)
    for _ in range(4):
        take(actor=owner, business=business)
        take(actor=owner, business=second)
    with CaptureQueriesContext(connection) as many:
        page = text(client.get("/mon-espace/"))
    assert page.count("Voir le résultat") == 9
    assert len(many) <= len(few) + 2, [q["sql"] for q in many.captured_queries]


def test_signed_in_people_without_a_business_get_a_private_link(client, owner, job_seeker):
    client.force_login(owner)
    page = text(client.get("/diagnostic/"))
    assert "Déclarer mon entreprise pour garder mes résultats" in page
    client.force_login(job_seeker)
    page = text(client.get("/diagnostic/"))
    assert "ne sera rattaché à aucune entreprise" in page
    assert "Déclarer mon entreprise" not in page


def test_pdfs_without_pango_offer_the_online_pages(client, take, communes, monkeypatch):
    from tremplin.core import pdf

    def missing():
        raise pdf.PdfUnavailable("libpango-1.0.so.0: cannot open shared object file")

    monkeypatch.setattr("tremplin.diagnostic.pdf.weasyprint", missing)
    diagnostic = take()
    response = client.get(f"/diagnostic/lien/{diagnostic.token}/pdf/")
    assert response.status_code == 503
    assert f'href="/diagnostic/lien/{diagnostic.token}/"' in text(response)
    paper = client.get("/diagnostic/papier/questionnaire.pdf?secteur=artisanat")
    assert paper.status_code == 503
    assert 'href="/diagnostic/papier/?secteur=artisanat"' in text(paper)
