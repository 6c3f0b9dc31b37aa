"""Job and training offers in a real browser: search (with and without a click on the
button: htmx updates live), filters with their counts, an offer page, a training page, a
search that finds nothing — each page axe-clean."""

from __future__ import annotations

import io
import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import check_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _ft(source_id, title, contract="CDI", commune="42218", employer="Boulangerie Moulin"):
    return {
        "id": source_id,
        "intitule": title,
        "description": f"Vous accueillez la clientèle et tenez la caisse ({source_id}).",
        "dateCreation": "2026-11-20T08:00:00Z",
        "lieuTravail": {"libelle": "42 - SAINT-ETIENNE", "commune": commune},
        "romeCode": "D1106",
        "entreprise": {"nom": employer},
        "typeContrat": contract,
        "dureeTravailLibelleConverti": "Temps plein",
        "salaire": {"libelle": "Mensuel de 1850.0 Euros sur 12.0 mois"},
    }


@pytest.fixture
def offers(transactional_db, settings, tmp_path):
    from tremplin.core.geo_loader import geo_load
    from tremplin.core.search import readers_forget
    from tremplin.jobs.importing.run import offers_import

    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    readers_forget()
    geo_load(departments=["42"])
    offers = [
        _ft(f"V{i}", "Vendeuse en boulangerie (H/F)", employer=f"Boulangerie {i}")
        for i in range(25)
    ]
    offers += [_ft("C1", "Caissier (H/F)", contract="CDD", commune="42095")]
    offers_import(
        stream=io.BytesIO(json.dumps({"resultats": offers}).encode()),
        format="francetravail",
        source_name="francetravail",
    )
    csv = (
        "identifiant;intitule;organisme;objectifs;commune;modalite;date_debut;date_fin;rome\n"
        "F1;Vendre en boutique;CFA du commerce;Accueillir et conseiller.;42218;presentiel;"
        "2027-02-01;2027-06-30;D1106\n"
    )
    offers_import(stream=io.BytesIO(csv.encode()), format="csv", source_name="cfa")
    yield
    readers_forget()


def test_search_filters_and_pages(site, live_server, offers):
    page = site.page
    page.goto(live_server.url + "/emplois/?q=vendeur")
    check_page(site)
    assert page.locator("#results-title").inner_text() == "25 offres"
    assert page.locator(".result mark").first.inner_text() == "Vendeuse"
    # Live: typing changes the results without pressing the button.
    page.get_by_label("Quoi ?").fill("caissier")
    expect(page.locator("#results-title")).to_have_text("1 offre")
    assert "q=caissier" in page.url
    # A filter: the results and the counts next to every filter follow.
    page.get_by_label("Quoi ?").fill("")
    expect(page.locator("#results-title")).to_have_text("26 offres")
    page.locator("label[for='f-contrat-cdd']").click()
    expect(page.locator("#results-title")).to_have_text("1 offre")
    assert page.locator("#count-f-contrat-cdi").inner_text().startswith("25")
    check_page(site)
    page.locator("label[for='f-contrat-cdd']").click()
    expect(page.locator("#results-title")).to_have_text("26 offres")
    page.get_by_role("link", name="Suivante").click()
    expect(page.locator("#results-title")).to_be_focused()
    assert "page=2" in page.url
    check_page(site)


def test_offer_page(site, live_server, offers):
    page = site.page
    page.goto(live_server.url + "/emplois/?q=caissier")
    page.get_by_role("link", name="Caissier (H/F)").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Caissier (H/F)"
    assert page.locator("script[type='application/ld+json']").count() == 1
    check_page(site)
    page.get_by_role("link", name="Vendre en boutique").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Vendre en boutique"
    check_page(site)


def test_training_search_and_nothing_found(site, live_server, offers):
    page = site.page
    page.goto(live_server.url + "/formations/")
    check_page(site)
    page.goto(live_server.url + "/emplois/?q=plombier&contrat=cdi")
    assert "Aucune offre" in page.locator("#results-title").inner_text()
    check_page(site)


def test_search_works_without_javascript(browser, live_server, offers):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(live_server.url + "/emplois/")
    page.get_by_label("Quoi ?").fill("caissier")
    with page.expect_navigation():
        page.get_by_role("button", name="Rechercher").click()
    assert page.locator("#results-title").inner_text() == "1 offre"
    page.locator("label[for='f-contrat-cdd']").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer les filtres").click()
    assert "contrat=cdd" in page.url
    context.close()
