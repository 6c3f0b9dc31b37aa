"""A job seeker applies with a CV, the employer reads the list; the widget page — each
screen axe-clean, self-contained and within the CSP."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import check_page
from tests.jobs_publishing.pdfs import make_pdf

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "une vitrine bien rangée le matin"


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    from tests.factories import BusinessFactory, UserFactory
    from tests.jobs_publishing.conftest import make_offer
    from tremplin.core.geo_loader import geo_load
    from tremplin.core.models import Commune

    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.FRAME_ANCESTORS = []
    geo_load(departments=["42"])
    commune = Commune.objects.get(insee="42218")
    owner = UserFactory(role="business_owner", password=PASSWORD, email="patronne@exemple.fr")
    seeker = UserFactory(role="job_seeker", password=PASSWORD, email="thomas@exemple.fr")
    business = BusinessFactory(owners=[owner], commune=commune, name="Boulangerie Fayolle")
    offer = make_offer(business=business, commune=commune)
    from tremplin.core.search import drain, readers_forget

    drain()
    readers_forget()
    yield {"owner": owner, "seeker": seeker, "offer": offer}
    readers_forget()


def login(page, base, email):
    """Sign in by handing the browser a session made on the server (the login page has its own
    browser test)."""
    from django.conf import settings
    from django.test import Client

    from tremplin.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base}]
    )


def test_apply_then_employer_reads_the_list(site, live_server, world, tmp_path):
    page = site.page
    login(page, live_server.url, "thomas@exemple.fr")
    page.goto(f"{live_server.url}/emplois/postuler/{world['offer'].pk}/")
    check_page(site)
    cv = tmp_path / "CV Thomas.pdf"
    cv.write_bytes(make_pdf())
    page.get_by_label("Votre message à l'employeur").fill("Bonjour, je suis disponible dès lundi.")
    page.get_by_label("Votre CV (facultatif)").set_input_files(str(cv))
    page.get_by_role("button", name="Envoyer ma candidature").click()
    page.wait_for_url(re.compile(r".*/mon-espace/$"))
    assert "Votre candidature est envoyée" in page.content()
    check_page(site)  # « Mon espace » with the applications section

    page.context.clear_cookies()
    login(page, live_server.url, "patronne@exemple.fr")
    page.goto(live_server.url + "/emplois/employeur/candidatures/")
    check_page(site)
    page.get_by_role("link", name=world["seeker"].full_name, exact=True).click()
    page.wait_for_load_state("networkidle")
    check_page(site)
    page.get_by_label("Nouvel état").select_option("in_review")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state("networkidle")
    assert "En cours d'examen" in page.content()


def test_apply_form_shows_errors_accessibly(site, live_server, world, tmp_path):
    page = site.page
    login(page, live_server.url, "thomas@exemple.fr")
    page.goto(f"{live_server.url}/emplois/postuler/{world['offer'].pk}/")
    fake = tmp_path / "cv.pdf"
    fake.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    page.get_by_label("Votre message à l'employeur").fill("Bonjour")
    page.get_by_label("Votre CV (facultatif)").set_input_files(str(fake))
    page.get_by_role("button", name="Envoyer ma candidature").click()
    page.wait_for_load_state("networkidle")
    assert "c'est un fichier ZIP" in page.content()
    check_page(site)


def test_api_docs_render_with_local_assets_and_the_csp(site, live_server, world):
    """Swagger UI is django-ninja's page, not ours: no axe audit, but it must render from the
    platform's own files, within the strict CSP, with no validator badge fetched elsewhere."""
    page = site.page
    page.goto(live_server.url + "/api/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=15000)
    page.wait_for_load_state("networkidle")
    assert "offres d'emploi" in page.inner_text(".swagger-ui .info").lower()
    assert site.csp_violations() == []


def test_widget_page(site, live_server, world):
    page = site.page
    page.goto(
        live_server.url + "/emplois/widget/?region=84&n=5&titre=Offres+pr%C3%A8s+de+chez+vous"
    )
    assert page.locator("h1").inner_text() == "Offres près de chez vous"
    assert world["offer"].title in page.content()
    check_page(site)
