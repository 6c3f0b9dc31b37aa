"""The diagnostic in a real browser: start, a step, the result with its radar and plan, the
méthode page and the territory's statistics — each page axe-clean, nothing from elsewhere."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import check_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def loire(transactional_db):
    from tremplin.core.geo_loader import geo_load

    geo_load(departments=["42"])


@pytest.fixture
def modules(transactional_db):
    from tests.learning.factories import ModuleFactory

    for slug in ("fixer-ses-objectifs", "faire-le-point", "rgpd", "garder-le-lien-client"):
        ModuleFactory(slug=slug, title=f"Module {slug}")


def _answer_step(page):
    for fieldset in page.locator("form fieldset").all():
        radios = fieldset.locator("input[type=radio]")
        if radios.count():
            radios.nth(1).check()
        else:
            fieldset.locator("input[type=checkbox]").nth(1).check()


def test_start_step_result_and_plan(site, live_server, loire, modules):
    page = site.page
    page.goto(live_server.url + "/diagnostic/")
    assert page.locator("h1").inner_text() == "Diagnostic numérique de votre entreprise"
    check_page(site)
    page.get_by_label("Artisanat").check()
    page.get_by_label("Votre département (facultatif)").select_option("42")
    page.get_by_role("button", name="Commencer le diagnostic").click()
    page.wait_for_url(re.compile(r".*/diagnostic/lien/[A-Za-z0-9_-]{43}/etape/1/$"))
    assert "Étape 1 sur 7" in page.content()
    check_page(site)

    # « Aucune » unticks the other boxes (a comfort: the server checks it anyway).
    page.get_by_role("button", name="Étape suivante").click()
    _answer_step(page)
    page.get_by_role("button", name="Étape suivante").click()
    page.wait_for_url(re.compile(r".*/etape/2/$"))
    boxes = page.locator("input[name=readiness_payments]")
    boxes.nth(1).check()
    boxes.nth(0).check()  # « Aucun de ces moyens »
    assert not boxes.nth(1).is_checked()
    check_page(site)  # a step with errors shown is checked too, below

    for number in range(2, 8):
        _answer_step(page)
        name = "Voir mon résultat" if number == 7 else "Étape suivante"
        page.get_by_role("button", name=name).click()
        page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Votre résultat"
    assert page.locator("svg.chart--radar").count() == 1
    assert page.locator("table caption", has_text="Vos scores par thème").count() == 1
    assert page.locator(".plan-step").count() >= 1
    assert "Module fixer-ses-objectifs" in page.content()
    check_page(site)


def test_a_step_with_errors_is_accessible(site, live_server, loire):
    page = site.page
    page.goto(live_server.url + "/diagnostic/")
    page.get_by_label("Commerce").check()
    page.get_by_role("button", name="Commencer le diagnostic").click()
    page.wait_for_url(re.compile(r".*/etape/1/$"))
    page.get_by_role("button", name="Étape suivante").click()
    page.wait_for_load_state("networkidle")
    assert "Choisissez une réponse pour continuer." in page.content()
    check_page(site)


def test_method_and_paper_pages(site, live_server):
    page = site.page
    page.goto(live_server.url + "/diagnostic/methode/")
    assert page.locator("h1").inner_text() == "La méthode du diagnostic"
    check_page(site)
    page.goto(live_server.url + "/diagnostic/papier/?secteur=commerce")
    assert page.get_by_role("button", name="Imprimer").is_visible()
    check_page(site)


def test_territory_statistics(site, live_server, loire):
    from django.utils import timezone

    from tests.factories import UserFactory
    from tremplin.accounts.services import user_set_role
    from tremplin.diagnostic.models import Diagnostic, DimensionScore
    from tremplin.diagnostic.selectors import version_current

    version = version_current()
    for index in range(26):
        diagnostic = Diagnostic.objects.create(
            version=version,
            token_hash=f"{index:064d}",
            sector=("commerce", "artisanat")[index % 2],
            department_code="42",
            status="completed",
            completed_at=timezone.now(),
            overall_score=40 + index,
            level="en_progression",
            sells_online="partly",
        )
        DimensionScore.objects.bulk_create(
            DimensionScore(diagnostic=diagnostic, dimension=d.key, score=40 + index)
            for d in version.questionnaire.dimensions
        )
    staff = user_set_role(user=UserFactory(role="staff", password="x", totp=True), role="staff")
    page = site.page
    page.context.add_cookies([_session_cookie(live_server, staff)])
    page.goto(live_server.url + "/diagnostic/territoire/")
    assert page.locator("h1").inner_text() == "Statistiques du diagnostic numérique"
    assert page.locator("svg.chart--bars").count() >= 1
    check_page(site)


def _session_cookie(live_server, user):
    """Sign in without the login form (the second factor is tested elsewhere)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
