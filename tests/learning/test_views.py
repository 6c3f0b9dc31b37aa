"""The learner's and staff's pages: what people see, permissions, sizes, media serving."""

from __future__ import annotations

import gzip
import re

import pytest

from tests.factories import UserFactory
from tests.helpers import text
from tests.learning.factories import ChapterFactory, ModuleFactory, PathFactory, QuizFactory
from tremplin.learning.models import Progress, QuizAttempt
from tremplin.learning.services import certificates, content, progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    path = PathFactory(title="Accélérateur", slug="accelerateur")
    chapter = ChapterFactory(path=path, title="Préparer")
    first = ModuleFactory(
        chapter=chapter, slug="faire-le-point", title="Faire le point", position=1
    )
    quiz = QuizFactory(module=first)
    second = ModuleFactory(chapter=chapter, slug="budget", title="Budget", position=2)
    return path, first, quiz, second


def _right(quiz):
    return {
        f"question-{q.pk}": [str(a.pk) for a in q.answers.all() if a.correct]
        for q in quiz.questions.all()
    }


def test_anyone_reads_a_path_and_its_modules_without_an_account(client, course):
    _path, _first, _quiz, _second = course
    listing = text(client.get("/apprendre/"))
    assert "Accélérateur" in listing
    page = client.get("/apprendre/accelerateur/")
    body = text(page)
    assert page.status_code == 200
    assert "Faire le point" in body and "Budget" in body
    assert "environ 8 minutes de lecture" in body
    assert "Commencer le parcours" in body
    module = text(client.get("/apprendre/accelerateur/faire-le-point/"))
    assert "Question 1\u00a0?" in module and "Suivant :" in module
    assert "Connectez-vous" not in module or "enregistrer" in module
    assert not Progress.objects.exists()


def test_drafts_are_hidden_from_learners_and_previewed_by_staff(client, staff, course):
    _path, first, _quiz, _second = course
    draft = ModuleFactory(chapter=first.chapter, slug="brouillon", draft=True)
    assert client.get("/apprendre/accelerateur/brouillon/").status_code == 404
    assert client.get(f"/apprendre/apercu/{draft.pk}/").status_code == 302
    client.force_login(staff)
    preview = client.get(f"/apprendre/apercu/{draft.pk}/")
    assert preview.status_code == 200 and "Aperçu" in text(preview)
    hidden_path = PathFactory(status="draft", slug="cache")
    assert client.get("/apprendre/cache/").status_code == 404
    assert hidden_path.pk


def test_progress_time_remaining_resume_and_completion(client, course):
    _path, first, quiz, _second = course
    user = UserFactory()
    client.force_login(user)
    client.get("/apprendre/accelerateur/faire-le-point/")
    assert Progress.objects.get(user=user, module=first).completed_at is None
    page = text(client.get("/apprendre/accelerateur/"))
    assert "0 modules terminés sur 2" in page and "Temps restant : environ 8 minutes" in page
    assert "Reprendre où j'en étais" in page
    assert client.get("/apprendre/accelerateur/reprendre/").url.endswith("/faire-le-point/")

    result = client.post("/apprendre/accelerateur/faire-le-point/quiz/", _right(quiz))
    body = text(result)
    assert "Votre score : 100 %" in body and "Quiz réussi" in body
    assert "Oui, c'est ça." in body and "Non, car…" in body  # feedback on every answer
    assert Progress.objects.get(user=user, module=first).completed_at is not None
    # On another device (a new session), « reprendre » goes to the next module.
    client.logout()
    client.force_login(user)
    assert client.get("/apprendre/accelerateur/reprendre/").url.endswith("/budget/")

    done = client.post("/apprendre/accelerateur/budget/termine/")
    assert done.status_code == 302
    page = text(client.get("/apprendre/accelerateur/"))
    assert "Parcours terminé" in page and "Obtenir mon attestation" in page


def test_anonymous_quiz_shows_feedback_and_keeps_only_an_anonymous_attempt(client, course):
    _path, _first, quiz, _second = course
    answers = _right(quiz)
    first_question = quiz.questions.first()
    answers[f"question-{first_question.pk}"] = [str(first_question.answers.get(correct=False).pk)]
    body = text(client.post("/apprendre/accelerateur/faire-le-point/quiz/", answers))
    assert "Votre score : 67 %" in body and "Votre réponse :" in body
    assert QuizAttempt.objects.get().user is None


def test_incomplete_quiz_says_which_question_and_records_nothing(client, course):
    _path, _first, quiz, _second = course
    answers = _right(quiz)
    answers.pop(f"question-{quiz.questions.last().pk}")
    response = client.post("/apprendre/accelerateur/faire-le-point/quiz/", answers)
    assert response.status_code == 400
    assert "il manque : question 3" in text(response)
    assert not QuizAttempt.objects.exists()
    # What was ticked stays ticked.
    assert "checked" in response.content.decode()


def test_module_with_quiz_is_not_completed_by_hand(client, course):
    client.force_login(UserFactory())
    response = client.post("/apprendre/accelerateur/faire-le-point/termine/", follow=True)
    assert "se termine en réussissant son quiz" in text(response)


def test_module_page_is_light_and_uses_only_shared_assets(client, course):
    response = client.get("/apprendre/accelerateur/faire-le-point/")
    html = response.content
    size = len(gzip.compress(html))
    assert size < 50 * 1024, size
    assets = re.findall(rb'(?:src|href)="([^"]+\.(?:css|js|woff2))', html)
    assert assets and all(a.startswith((b"/static/", b"/theme.css")) for a in assets), assets
    assert b"<script>" not in html and b"style=" not in html


def test_path_page_queries_do_not_grow_with_modules(client, django_assert_max_num_queries):
    path = PathFactory(slug="grand")
    for _c in range(5):
        chapter = ChapterFactory(path=path)
        for _m in range(5):
            QuizFactory(module=ModuleFactory(chapter=chapter))
    user = UserFactory()
    client.force_login(user)
    for module in path.chapters.first().modules.all():
        progress.module_visit(user=user, module=module)
    with django_assert_max_num_queries(16):
        assert client.get("/apprendre/grand/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/apprendre/").status_code == 200


def test_certificate_request_download_and_public_verification(client, course):
    _path, first, _quiz, second = course
    user = UserFactory(first_name="Léa", last_name="Perret")
    client.force_login(user)
    assert "Terminez d'abord" in text(client.get("/apprendre/accelerateur/attestation/"))
    progress.quiz_submit(quiz=first.quiz, user=user, choices={
        q.pk: {a.pk for a in q.answers.all() if a.correct} for q in first.quiz.questions.all()
    })  # fmt: skip
    progress.module_complete(user=user, module=second)
    form = text(client.get("/apprendre/accelerateur/attestation/"))
    assert 'value="Léa Perret"' in form
    response = client.post("/apprendre/accelerateur/attestation/", {"full_name": "Léa Perret"})
    code = user.learning_certificates.get().code
    assert response.url == f"/apprendre/attestations/{code}/"
    pdf = client.get(f"/apprendre/attestations/{code}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    other = client_for(UserFactory())
    assert other.get(f"/apprendre/attestations/{code}/pdf/").status_code == 404
    client.logout()
    public = client.get(f"/apprendre/attestations/{code.lower().replace('-', '')}/", follow=True)
    body = text(public)
    assert "Cette attestation est authentique" in body and "Léa Perret" in body
    assert "Accélérateur" in body
    assert client.get("/apprendre/attestations/AAAA-BBBB-CCCC/").status_code == 404
    lookup = client.get("/apprendre/attestations/", {"code": code.lower()})
    assert lookup.url == f"/apprendre/attestations/{code}/"
    bad = client.get("/apprendre/attestations/", {"code": "123"}, follow=True)
    assert "n'a pas la bonne forme" in text(bad)


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_pdf_unavailable_page(client, course, monkeypatch):
    path, first, _quiz, second = course
    user = UserFactory()
    Progress.objects.create(user=user, module=first, completed_at="2026-01-01T10:00:00Z")
    Progress.objects.create(user=user, module=second, completed_at="2026-01-01T10:00:00Z")
    certificate = certificates.certificate_issue(user=user, path=path, full_name="Léa")

    def unavailable(*args, **kwargs):
        raise certificates.PdfUnavailable("no pango")

    monkeypatch.setattr("tremplin.learning.views.certificates.render_pdf", unavailable)
    client.force_login(user)
    response = client.get(f"/apprendre/attestations/{certificate.code}/pdf/")
    assert response.status_code == 503 and "code de vérification reste valable" in text(response)


def test_myspace_lists_paths_in_progress_and_certificates(client, course):
    path, first, _quiz, second = course
    user = UserFactory()
    progress.module_complete(user=user, module=second)
    client.force_login(user)
    page = text(client.get("/mon-espace/"))
    assert "Mes parcours" in page and "1 modules terminés sur 2" in page
    Progress.objects.filter(user=user).update(completed_at="2026-01-01T10:00:00Z")
    Progress.objects.create(user=user, module=first, completed_at="2026-01-01T10:00:00Z")
    certificate = certificates.certificate_issue(user=user, path=path, full_name="Léa")
    page = text(client.get("/mon-espace/"))
    assert "Mes attestations" in page and certificate.code in page


def test_home_and_navigation_show_apprendre(client):
    page = text(client.get("/"))
    assert 'href="/apprendre/"' in page and "Apprendre" in page


# ---- media -----------------------------------------------------------------------------------


@pytest.fixture
def video_module(course, video_file, captions_file):
    _path, first, _quiz, _second = course
    module = ModuleFactory(chapter=first.chapter, slug="video", kind="video", draft=True, body="")
    content.module_set_media(module=module, video=video_file, captions=captions_file)
    return module


def test_video_page_has_native_player_with_captions(client, video_module):
    content.module_publish(module=video_module)
    html = client.get("/apprendre/accelerateur/video/").content.decode()
    assert "<video controls" in html
    assert f'<track kind="captions" src="/apprendre/medias/{video_module.pk}/captions/"' in html


def test_media_served_with_ranges_and_hidden_while_draft(client, staff, video_module):
    url = f"/apprendre/medias/{video_module.pk}/video/"
    assert client.get(url).status_code == 404  # draft: not for the public
    client.force_login(staff)
    staff_view = client.get(url)
    _body(staff_view)
    assert staff_view.status_code == 200, staff_view
    assert staff_view["Cache-Control"] == "private, no-store"
    client.logout()
    content.module_publish(module=video_module)
    size = video_module.video.size
    full = client.get(url)
    assert full.status_code == 200 and full["Accept-Ranges"] == "bytes"
    assert _body(full)[:4] == b"\x1a\x45\xdf\xa3"
    part = client.get(url, HTTP_RANGE="bytes=0-99")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 0-99/{size}"
    assert len(_body(part)) == 100
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert tail["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
    assert len(_body(tail)) == 10
    assert client.get(url, HTTP_RANGE=f"bytes={size + 5}-").status_code == 416
    captions = client.get(f"/apprendre/medias/{video_module.pk}/captions/")
    assert captions["Content-Type"].startswith("text/vtt")
    assert _body(captions).startswith(b"WEBVTT")
    assert client.get(f"/apprendre/medias/{video_module.pk}/autre/").status_code == 404


def _body(response) -> bytes:
    data = b"".join(response.streaming_content)
    # Close the file only: response.close() would also end the test's database connection.
    for closer in response._resource_closers:
        closer()
    return data


def test_media_through_nginx_when_x_accel_is_on(client, settings, video_module):
    settings.X_ACCEL_REDIRECT = True
    content.module_publish(module=video_module)
    response = client.get(f"/apprendre/medias/{video_module.pk}/video/")
    assert response["X-Accel-Redirect"] == "/protected/" + video_module.video.name
    assert response.content == b""


def test_embed_frame_from_allowed_host(client, settings, course):
    settings.VIDEO_HOSTS = ["https://video.territoire.fr"]
    _path, first, _quiz, _second = course
    module = ModuleFactory(chapter=first.chapter, slug="embed", kind="embed", body="", draft=True)
    content.module_set_embed(module=module, url="https://video.territoire.fr/videos/embed/x")
    content.module_publish(module=module)
    assert (
        'src="https://video.territoire.fr/videos/embed/x"'
        in client.get("/apprendre/accelerateur/embed/").content.decode()
    )


# ---- statistics ------------------------------------------------------------------------------


def test_stats_are_for_staff_and_aggregate_only(client, staff, course):
    _path, first, quiz, second = course
    learners = UserFactory.create_batch(3)
    for index, user in enumerate(learners):
        progress.module_visit(user=user, module=first)
        answers = {q.pk: {a.pk for a in q.answers.all() if a.correct} for q in quiz.questions.all()}
        if index == 0:
            q = quiz.questions.first()
            answers[q.pk] = {q.answers.get(correct=False).pk}
        progress.quiz_submit(quiz=quiz, user=user, choices=answers)
    progress.module_complete(user=learners[0], module=second)

    assert client.get("/apprendre/statistiques/accelerateur/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/apprendre/statistiques/accelerateur/").status_code == 302
    client.force_login(staff)
    page = client.get("/apprendre/statistiques/accelerateur/")
    body = text(page)
    assert "3 apprenants avec un compte" in body and "<svg" in body
    for learner in learners:
        assert learner.email not in body
    csv_modules = client.get("/apprendre/statistiques/accelerateur/modules.csv").content.decode()
    lines = csv_modules.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("numero;chapitre;module")
    assert lines[1].split(";")[4:6] == ["3", "3"]  # starts, completions of module 1
    assert lines[2].split(";")[4:6] == ["1", "1"]
    assert lines[2].split(";")[8] == "33"  # a third of the learners reached module 2
    questions = client.get("/apprendre/statistiques/accelerateur/questions.csv").content.decode()
    first_row = questions.lstrip("\ufeff").splitlines()[1].split(";")
    assert first_row[4:7] == ["3", "2", "67"]
    assert client.get("/apprendre/statistiques/accelerateur/autre.csv").status_code == 404


def test_staff_find_statistics_and_back_office_from_my_space(client, staff):
    client.force_login(staff)
    page = text(client.get("/mon-espace/"))
    assert "/apprendre/statistiques/" in page and "/admin/learning/" in page
