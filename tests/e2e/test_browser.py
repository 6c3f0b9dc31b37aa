"""A new user's path in a real browser: home, sign-up, confirmation, commune search,
declaring a business with the commune autocomplete — each page axe-clean."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.e2e.conftest import check_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "le marché ouvre à sept heures"


@pytest.fixture
def loire(transactional_db):
    from tremplin.core.geo_loader import geo_load

    geo_load(departments=["42"])


def test_home_page_is_accessible_and_self_contained(site, live_server, loire):
    page = site.page
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text().startswith("Tremplin")
    check_page(site)
    # Keyboard: the first Tab reaches the skip link, which becomes visible.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0


def test_signup_confirm_and_declare_a_business(site, live_server, loire):
    page = site.page
    page.goto(live_server.url + "/compte/signup/")
    check_page(site)
    page.get_by_label("Chef d'entreprise, commerçant·e ou artisan·e").check()
    page.get_by_label("Adresse e-mail").fill("lea.perret@exemple.fr")
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("button", name="Création de compte").click()
    page.wait_for_load_state("networkidle")
    assert "Vérifiez votre adresse" in page.content() or "confirm" in page.url
    check_page(site)

    link = re.search(r"https?://\S+/compte/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/compte/" + link.split("/compte/", 1)[1])
    check_page(site)
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(re.compile(r".*/mon-espace/$"))
    check_page(site)

    page.get_by_role("link", name="Déclarer mon entreprise").first.click()
    check_page(site)
    page.get_by_label("Nom de l'entreprise").fill("Fleurs de Léa")
    activity = page.get_by_label("Activité principale")
    activity.fill("47.76Z")
    commune = page.get_by_role("combobox", name=re.compile("Commune"))
    commune.press_sequentially("st eti", delay=60)
    option = page.locator("#id_commune_list [role=option]").first
    option.wait_for()
    assert "Saint-Étienne" in option.inner_text()
    assert commune.get_attribute("aria-expanded") == "true"
    check_page(site)  # with the listbox open
    commune.press("ArrowDown")
    commune.press("Enter")
    assert commune.input_value() == "Saint-Étienne (42000)"
    assert page.locator("input[name=commune_code]").input_value() == "42218"
    page.get_by_label("En partie").check()
    page.get_by_role("button", name="Déclarer mon entreprise").click()
    page.wait_for_url(re.compile(r".*/mon-espace/$"))
    assert "Fleurs de Léa" in page.content()
    check_page(site)

    from tremplin.accounts.models import Business

    business = Business.objects.get()
    assert business.commune.insee == "42218"
    assert business.sells_online == "partly"


def test_commune_search_without_javascript_and_with_htmx(site, browser, live_server, loire):
    page = site.page
    page.goto(live_server.url + "/communes/")
    page.get_by_label("Nom de la commune ou code postal").fill("42000")
    page.get_by_role("button", name="Rechercher").click()
    page.locator("#commune-results h2").wait_for()
    assert "Saint-Étienne" in page.locator("#commune-results").inner_text()
    check_page(site)
    page.get_by_role("link", name="Saint-Étienne").click()
    assert page.locator("h1").inner_text() == "Saint-Étienne"
    check_page(site)

    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    nojs = context.new_page()
    nojs.goto(live_server.url + "/communes/?q=st+eti")
    assert "Saint-Étienne" in nojs.locator("#commune-results").inner_text()
    context.close()


def test_pages_reflow_at_200_percent_zoom(site, live_server, loire):
    page = site.page
    page.set_viewport_size({"width": 640, "height": 900})  # 1280 px at 200 %
    for path in ["/", "/compte/signup/", "/communes/42218/", "/donnees-personnelles/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways at 200 % zoom"


def test_legal_and_data_pages_are_accessible(site, live_server, loire):
    for path in [
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
        "/plan-du-site/",
        "/code-source/",
        "/compte/login/",
        "/page-qui-n-existe-pas/",
    ]:
        site.page.goto(live_server.url + path)
        check_page(site)


def test_english_is_switchable(site, live_server, loire):
    page = site.page
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "What you can do here" in page.content()
    check_page(site)
