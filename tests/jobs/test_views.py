"""The pages people see: search pages (with and without JavaScript) and offer pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from extruct.jsonld import JsonLdExtractor

from tests.helpers import text
from tremplin.jobs.models import JobOffer, TrainingOffer

from .conftest import LHEO, ft

REQUIRED = {
    "title",
    "description",
    "datePosted",
    "validThrough",
    "hiringOrganization",
    "jobLocation",
    "employmentType",
}


@pytest.fixture
def offer(import_ft):
    import_ft(
        [
            ft(
                "A1",
                title="Vendeuse en boulangerie (H/F)",
                employer="Boulangerie Moulin",
                description="Vous accueillez la clientèle.\n\nVous tenez la caisse.",
                salary="Mensuel de 1850.0 Euros à 2000.0 Euros sur 12.0 mois",
            )
        ]
    )
    return JobOffer.objects.get()


def test_search_page_without_javascript(client, offer):
    response = client.get(reverse("jobs:offer_list"), {"q": "vendeur", "contrat": "cdi"})
    page = text(response)
    assert response.status_code == 200
    assert '<form method="get"' in page and 'role="search"' in page
    assert "1 offre" in page and "<mark>Vendeuse</mark> en boulangerie (H/F)" in page
    assert 'id="f-contrat-cdi" checked' in page
    assert 'id="count-f-contrat-cdi"' in page
    assert "Appliquer les filtres" in page  # the button that works without JavaScript
    # The radius and the sort say what is chosen, the menu which section this is.
    assert '<option value="30" selected>30 km</option>' in page
    assert '<option value="relevance" selected>Pertinence</option>' in page
    assert page.count(" selected>") == 2
    assert '<a href="/emplois/" aria-current="page">' in page
    assert page.count('aria-current="page"') == 1
    # Trainings sort by the same values with other labels: each page keeps its own.
    trainings = text(client.get(reverse("jobs:training_list"), {"tri": "date"}))
    assert '<option value="date" selected>Prochaine session</option>' in trainings
    wider = text(client.get(reverse("jobs:offer_list"), {"rayon": "50", "tri": "date"}))
    assert '<option value="50" selected>50 km</option>' in wider
    assert '<option value="date" selected>Date de publication</option>' in wider


def test_htmx_gets_the_results_and_the_counts_only(client, offer):
    response = client.get(reverse("jobs:offer_list"), {"q": "vendeur"}, HTTP_HX_REQUEST="true")
    page = text(response)
    assert page.startswith('<div id="search-results"')
    assert 'hx-swap-oob="true"' in page and 'id="results-announce" hx-swap-oob="innerHTML"' in page
    assert "<html" not in page


def test_nothing_found_page_helps(client, offer, communes):
    response = client.get(reverse("jobs:offer_list"), {"q": "vendeur", "contrat": "stage"})
    page = text(response)
    assert "Aucune offre" in page
    assert "Sans le filtre « Type de contrat »" in page and "1 résultat" in page


def test_unknown_commune_says_so_and_still_searches(client, offer):
    response = client.get(reverse("jobs:offer_list"), {"q": "vendeur", "commune": "Zzyzx"})
    page = text(response)
    assert "Aucune commune ne correspond à « Zzyzx »" in page
    assert "1 offre" in page


def test_list_pages_make_a_fixed_number_of_queries(
    client, import_ft, django_assert_max_num_queries
):
    import_ft([ft(str(i), title=f"Caissier {i}") for i in range(25)])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("jobs:offer_list"), {"q": "caissier"})
    assert text(response).count('class="card result"') == 20


def test_offer_page_shows_everything_with_valid_jobposting(client, offer, rome):
    response = client.get(offer.get_absolute_url())
    page = text(response)
    assert response.status_code == 200
    for shown in (
        "Boulangerie Moulin",
        "Saint-Étienne",
        "CDI",
        "de 1\xa0850 € à 2\xa0000 € par mois",
        "Code ROME D1106",
        "D'où vient cette offre",
        "Voir l'offre d'origine",
    ):
        assert shown in page, shown
    data = JsonLdExtractor().extract(response.content.decode())
    posting = next(d for d in data if d.get("@type") == "JobPosting")
    assert set(posting) >= REQUIRED
    assert posting["hiringOrganization"]["name"] == "Boulangerie Moulin"
    assert posting["jobLocation"]["address"]["addressLocality"] == "Saint-Étienne"
    assert posting["jobLocation"]["address"]["addressCountry"] == "FR"
    assert posting["employmentType"] == ["FULL_TIME"]
    assert posting["baseSalary"]["value"]["unitText"] == "MONTH"
    assert posting["url"].endswith(offer.get_absolute_url())


def test_short_and_wrong_addresses_redirect(client, offer):
    assert client.get(f"/emplois/{offer.pk}/").url == offer.get_absolute_url()
    assert client.get(f"/emplois/{offer.pk}-autre-chose/").url == offer.get_absolute_url()


def test_expired_offer_says_so_then_is_gone(client, offer):
    JobOffer.objects.filter(pk=offer.pk).update(expired_at=timezone.now() - timedelta(days=3))
    response = client.get(offer.get_absolute_url())
    page = text(response)
    assert response.status_code == 200
    assert "Cette offre n'est plus disponible" in page
    assert 'name="robots" content="noindex"' in page
    assert "application/ld+json" not in page and "Voir l'offre d'origine" not in page
    JobOffer.objects.filter(pk=offer.pk).update(expired_at=timezone.now() - timedelta(days=31))
    gone = client.get(offer.get_absolute_url())
    assert gone.status_code == 410 and "Cette offre n'est plus disponible" in text(gone)


def test_hidden_or_pending_offers_are_not_public(client, offer):
    JobOffer.objects.filter(pk=offer.pk).update(status="hidden")
    assert client.get(offer.get_absolute_url()).status_code == 404
    JobOffer.objects.filter(pk=offer.pk).update(status="pending")
    assert client.get(f"/emplois/{offer.pk}/").status_code == 404


def test_offer_and_training_link_to_each_other(client, import_ft, import_file):
    import_file(LHEO.read_bytes(), format="lheo")
    import_ft([ft("A1", title="Vendeur conseil", rome="D1214", commune="69123")])
    offer = JobOffer.objects.get()
    training = TrainingOffer.objects.get(rome_links__rome_code="D1214")
    page = text(client.get(offer.get_absolute_url()))
    assert "Se former à ce métier" in page and training.get_absolute_url() in page
    training_page = text(client.get(training.get_absolute_url()))
    assert "Les métiers auxquels elle prépare" in training_page
    assert offer.get_absolute_url() in training_page
    assert "Centre de formation Exemple" in training_page and "RNCP37098" in training_page
    assert "du 7 septembre 2026 au 12 février 2027" in training_page


def test_training_search_page(client, import_file, django_assert_max_num_queries):
    import_file(LHEO.read_bytes(), format="lheo")
    with django_assert_max_num_queries(12):
        response = client.get(
            reverse("jobs:training_list"), {"q": "vendre", "modalite": "distance"}
        )
    page = text(response)
    assert "1 formation" in page and "<mark>Vendre</mark>" in page


def test_navigation_and_home_list_both_services(client, db):
    page = text(client.get("/"))
    assert 'href="/emplois/"' in page and 'href="/formations/"' in page
    assert "Offres d'emploi" in page and "Formations" in page
