"""Published where people look: sitemap, API (detail, docs, rate limit), widget code."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.helpers import text

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_offers_only(client, offer, external_offer):
    from tremplin.jobs.models import JobOffer

    hidden = JobOffer.objects.get(pk=external_offer.pk)
    hidden.status = "hidden"
    hidden.save()
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "/sitemap-offres.xml" in text(index)
    page = text(client.get("/sitemap-offres.xml"))
    assert offer.get_absolute_url() in page
    assert external_offer.get_absolute_url() not in page


def test_sitemap_drops_expired_offers(client, offer):
    offer.expires_at = timezone.now() - timezone.timedelta(days=1)
    offer.save()
    assert offer.get_absolute_url() not in text(client.get("/sitemap-offres.xml"))


def test_api_detail_returns_a_live_offer_and_404_otherwise(client, offer, settings):
    response = client.get(f"/api/offres/{offer.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == offer.title
    assert data["place"]["insee"] == "42218"
    assert data["url"].startswith(settings.SITE_URL)
    offer.status = "hidden"
    offer.save()
    assert client.get(f"/api/offres/{offer.pk}").status_code == 404


def test_api_docs_are_served_locally_without_validator(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = text(response)
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert '"validatorUrl": null' in page
    schema = client.get("/api/openapi.json").json()
    assert "/api/offres" in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/offres"]["get"]["parameters"]}
    assert {"q", "commune", "rayon", "contrat", "departement", "page", "par_page"} <= names


def test_api_is_rate_limited_per_address(client, offer, settings, fresh_cache):
    settings.JOBS_API_RATE = "3/m"
    codes = [client.get(f"/api/offres/{offer.pk}").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_api_limit_cannot_be_dodged_with_a_forged_forwarded_header(
    client, offer, settings, fresh_cache
):
    """Served without a proxy, X-Forwarded-For comes from the client: it must not count."""
    settings.JOBS_API_RATE = "3/m"
    codes = [
        client.get(
            f"/api/offres/{offer.pk}", headers={"X-Forwarded-For": f"203.0.113.{n}"}
        ).status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_widget_code_for_staff_only_with_preview(client, staff, owner, communes, settings):
    settings.FRAME_ANCESTORS = ["https://www.ville.example.fr"]
    client.force_login(owner)
    assert client.get("/emplois/widget/code/").status_code == 302
    client.force_login(staff)
    response = client.get(
        "/emplois/widget/code/",
        {
            "title": "Emplois à Saint-Étienne",
            "place": "commune",
            "commune": "Saint-Étienne (42000)",
            "commune_code": "42218",
            "radius": "20",
            "count": "5",
            "height": "500",
            "contract": ["cdi", "cdd"],
        },
    )
    page = text(response)
    assert '<iframe src="http://testserver' in page or "<iframe src=" in page
    assert "/emplois/widget/?titre=Emplois" in page
    assert "commune=42218" in page and "rayon=20" in page and "contrat=cdi" in page
    assert 'title="Emplois à Saint-Étienne"' in page
    assert "https://www.ville.example.fr" in page
    assert "frame-src 'self';" in response["Content-Security-Policy"] + ";"


def test_widget_code_needs_a_place(client, staff, communes):
    client.force_login(staff)
    page = text(
        client.get(
            "/emplois/widget/code/",
            {"title": "x", "place": "region", "count": "5", "height": "500", "radius": "20"},
        )
    )
    assert "Choisissez-la pour ce type de widget." in page
    assert "<iframe src=" not in page
