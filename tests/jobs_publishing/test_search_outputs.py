"""Feeds, widget, API lists and digests answer what the search answers (real index)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone

from tests.helpers import text
from tests.jobs_publishing.conftest import make_offer
from tremplin.jobs.publishing import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(business, saint_etienne, lyon, index):
    made = {
        "vendeuse": make_offer(business=business, commune=saint_etienne),
        "cuisinier": make_offer(
            business=None, commune=lyon, title="Cuisinier ou cuisinière", contract_type="cdd"
        ),
        "vendeur_lyon": make_offer(
            business=None,
            commune=lyon,
            title="Vendeur en prêt-à-porter",
            published_at=timezone.now() - timedelta(days=5),
        ),
    }
    index()
    return made


def test_results_follow_words_place_and_filters(offers):
    found = search.results(QueryDict("q=vendeuse"), sort="date")
    assert {o.pk for o in found.offers} == {offers["vendeuse"].pk, offers["vendeur_lyon"].pk}
    near = search.results(QueryDict("q=vendeur&commune=42218&rayon=10"))
    assert [o.pk for o in near.offers] == [offers["vendeuse"].pk]
    cdd = search.results(QueryDict("contrat=cdd"))
    assert [o.pk for o in cdd.offers] == [offers["cuisinier"].pk]
    assert search.results(QueryDict("departement=69")).total == 2


def test_atom_feed_of_a_search(client, offers):
    response = client.get("/emplois/flux.atom?q=vendeur&departement=69")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = text(response)
    import re

    titles = re.findall(r"<entry><title>([^<]*)</title>", body)
    assert titles == ["Vendeur en prêt-à-porter — Boulangerie du Centre — Lyon"]
    assert (
        '<link href="http://testserver/emplois/?departement=69&q=vendeur" rel="alternate"/>' in body
    )


def test_api_list_with_the_search_parameters_and_pagination(client, offers):
    data = client.get("/api/offres", {"departement": "69", "par_page": 1, "tri": "date"}).json()
    assert (data["total"], data["pages"], data["per_page"]) == (2, 2, 1)
    assert data["results"][0]["title"] == "Cuisinier ou cuisinière"
    second = client.get("/api/offres", {"departement": "69", "par_page": 1, "page": 2}).json()
    assert len(second["results"]) == 1
    assert client.get("/api/offres", {"par_page": 500}).status_code == 422


def test_api_list_has_no_n_plus_one(client, offers, lyon, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(expected: int) -> int:
        client.get("/api/offres")  # warm: branding, territory
        with CaptureQueriesContext(connection) as context:
            assert len(client.get("/api/offres").json()["results"]) == expected
        return len(context.captured_queries)

    three = queries(3)
    for number in range(4):
        make_offer(business=None, commune=lyon, title=f"Serveur ou serveuse {number}")
    index()
    assert queries(7) == three


def test_widget_is_framable_by_the_territory_partners_only(client, offers, settings):
    settings.FRAME_ANCESTORS = ["https://www.ville.example.fr"]
    response = client.get("/emplois/widget/", {"region": "84", "q": "vendeur", "n": "5"})
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.ville.example.fr" in policy
    assert "X-Frame-Options" not in response
    page = text(response)
    assert "Vendeur en prêt-à-porter" in page and "Cuisinier" not in page
    assert 'target="_blank"' in page
    # Every other page still refuses to be framed.
    other = client.get("/mentions-legales/")
    assert other["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in other["Content-Security-Policy"]


def test_widget_counts_and_limits(client, offers, settings):
    settings.JOBS_WIDGET_MAX_ITEMS = 2
    page = text(client.get("/emplois/widget/", {"departement": "69", "n": "50"}))
    assert page.count('class="widget__item"') == 2


def test_digest_from_the_real_index(job_seeker, offers, index):
    from django.core import mail

    from tremplin.jobs.publishing.services import digest_send, saved_search_create

    saved = saved_search_create(user=job_seeker, params=QueryDict("q=cuisinier"))
    assert digest_send() == {"checked": 1, "sent": 0}  # nothing published since the save
    fresh = make_offer(
        business=None,
        commune=offers["cuisinier"].commune,
        title="Cuisinier de collectivité",
        published_at=timezone.now(),
    )
    index()
    saved.refresh_from_db()
    result = digest_send(now=timezone.now() + timedelta(seconds=1))
    assert result == {"checked": 1, "sent": 1}
    assert fresh.title in mail.outbox[-1].body


@pytest.fixture
def training(saint_etienne, index):
    from tremplin.core.search import search_change_record
    from tremplin.jobs.models import TrainingOffer
    from tremplin.jobs.search.documents import TRAINING

    now = timezone.now()
    made = TrainingOffer.objects.create(
        title="CAP boulanger",
        slug="cap-boulanger",
        organisation="CFA de la Loire",
        objectives="<p>Préparer le CAP.</p>",
        commune=saint_etienne,
        department_id=saint_etienne.department_id,
        latitude=saint_etienne.latitude,
        longitude=saint_etienne.longitude,
        published_at=now,
        refreshed_at=now,
        start_date=(now + timedelta(days=30)).date(),
        funding=["cpf", "region"],
    )
    search_change_record(TRAINING, [made.pk])
    index()
    return made


def test_trainings_in_the_api_and_their_feed(client, training):
    data = client.get("/api/formations", {"q": "boulanger", "departement": "42"}).json()
    assert data["total"] == 1
    assert data["results"][0]["organisation"] == "CFA de la Loire"
    assert data["results"][0]["funding"] == ["cpf", "region"]
    assert client.get(f"/api/formations/{training.pk}").json()["title"] == "CAP boulanger"
    feed = text(client.get("/formations/flux.atom?q=boulanger"))
    assert "<title>CAP boulanger — CFA de la Loire</title>" in feed
    assert "CAP boulanger" not in text(client.get("/formations/flux.atom?departement=69"))


def test_search_page_offers_its_feed_and_an_alert(client, offers):
    body = text(client.get("/emplois/?q=vendeur&departement=69"))
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Ces offres en flux Atom" '
        'href="/emplois/flux.atom?departement=69&q=vendeur">' in body
    )
    assert 'href="/emplois/alertes/creer/?departement=69&q=vendeur"' in body
    # Live results (htmx) carry the actions of the new criteria.
    partial = text(client.get("/emplois/?q=cuisinier", headers={"HX-Request": "true"}))
    assert 'href="/emplois/flux.atom?q=cuisinier"' in partial
