"""Learning in a real browser: a path, a module with its quiz, a video, a webinar — axe-clean,
self-contained, usable with the keyboard and at 200 % zoom on a phone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.e2e.conftest import check_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(transactional_db):
    from tremplin.learning.content_io.importer import content_import

    report = content_import()
    assert report.errors == []


@pytest.fixture
def learner(transactional_db):
    from tests.factories import UserFactory

    return UserFactory(email="lea@exemple.fr", password="le marché ouvre à sept heures")


def _login(page, base, user):
    page.goto(base + "/compte/login/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill("le marché ouvre à sept heures")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")


def test_path_page(site, live_server, content, learner):
    page = site.page
    page.goto(live_server.url + "/apprendre/")
    check_page(site)
    page.get_by_role("link", name="Accélérateur numérique").click()
    assert page.locator("h1").inner_text() == "Accélérateur numérique"
    check_page(site)
    _login(page, live_server.url, learner)
    page.goto(live_server.url + "/apprendre/accelerateur-numerique/")
    assert "0 modules terminés sur 30" in page.content()
    check_page(site)


def test_module_page_with_quiz_by_keyboard_and_at_200_percent(site, live_server, content):
    page = site.page
    page.goto(live_server.url + "/apprendre/accelerateur-numerique/nom-de-domaine/")
    check_page(site)
    # Answer every question with the keyboard only: Tab to the first radio, arrows to move.
    questions = page.locator("fieldset.learning-question")
    for index in range(questions.count()):
        questions.nth(index).locator("input").first.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Valider mes réponses").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Votre score" in page.content()
    assert page.locator(".learning-feedback li").count() >= 8  # feedback on every answer
    check_page(site)

    # A phone at 200 % zoom: 320 CSS pixels wide, nothing to scroll sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(
        live_server.url + "/apprendre/accelerateur-numerique/les-options-pour-vendre-en-ligne/"
    )
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    check_page(site)


def test_video_module_with_captions(site, live_server, content, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.learning.conftest import DATA
    from tremplin.learning.models import Chapter, Module
    from tremplin.learning.services.content import module_publish, module_set_media

    settings.PROTECTED_MEDIA_ROOT = tmp_path
    module = Module.objects.create(
        chapter=Chapter.objects.get(slug="ouvrir-sa-boutique-en-ligne"),
        title="Une mire de test",
        slug="mire",
        kind="video",
        position=9,
        objectives=["Voir le lecteur vidéo"],
        duration_minutes=3,
        transcript="Bonjour et bienvenue. Voici une mire de test.",
    )
    module_set_media(
        module=module,
        video=SimpleUploadedFile("mire.webm", (DATA / "mire.webm").read_bytes()),
        captions=SimpleUploadedFile("mire.vtt", (DATA / "mire.vtt").read_bytes()),
    )
    module_publish(module=module)
    page = site.page
    page.goto(live_server.url + "/apprendre/accelerateur-numerique/mire/")
    video = page.locator("video")
    video.wait_for()
    page.wait_for_function("document.querySelector('video').readyState >= 1")
    assert page.evaluate("document.querySelector('video').textTracks[0].kind") == "captions"
    video.focus()
    assert page.evaluate("document.activeElement.tagName") == "VIDEO"
    check_page(site)


def test_webinar_page(site, live_server, content, learner):
    from django.utils import timezone

    from tremplin.learning.models import Chapter, Webinar

    webinar = Webinar.objects.create(
        chapter=Chapter.objects.get(slug="commencer-a-vendre"),
        title="Facture électronique : questions-réponses",
        starts_at=timezone.now() + timedelta(days=3),
        capacity=10,
        conference_url="https://visio.exemple.fr/b/facture",
        status="published",
    )
    page = site.page
    page.goto(live_server.url + f"/apprendre/webinaires/{webinar.pk}/")
    assert "visio.exemple.fr" not in page.content()
    check_page(site)
    _login(page, live_server.url, learner)
    page.goto(live_server.url + f"/apprendre/webinaires/{webinar.pk}/")
    page.get_by_role("button", name="Je m'inscris").click()
    page.wait_for_load_state("networkidle")
    assert "https://visio.exemple.fr/b/facture" in page.content()
    check_page(site)
