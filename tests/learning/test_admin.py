"""The back office: bad uploads and quizzes are refused with a French message, nothing changes;
publishing follows the same rules as everywhere; « Enregistrer et prévisualiser »."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import text
from tests.learning.conftest import DATA
from tests.learning.factories import ModuleFactory, QuizFactory
from tremplin.learning.models import Answer, Module

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def _module_post(module, **extra):
    data = {
        "chapter": module.chapter_id,
        "title": module.title,
        "slug": module.slug,
        "kind": module.kind,
        "position": module.position,
        "objectives": "Comprendre\nAgir",
        "body": module.body,
        "duration_minutes": module.duration_minutes,
        "transcript": "",
        "embed_url": "",
        "status": module.status,
        "quiz-TOTAL_FORMS": "0",
        "quiz-INITIAL_FORMS": "0",
        "quiz-MIN_NUM_FORMS": "0",
        "quiz-MAX_NUM_FORMS": "1",
    }
    data.update(extra)
    return data


def test_staff_edit_a_module_and_preview_it(admin_client):
    module = ModuleFactory()
    url = f"/admin/learning/module/{module.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200 and "Enregistrer et prévisualiser" in text(page)
    response = admin_client.post(url, _module_post(module, title="Titre revu", _preview="1"))
    assert response.status_code == 302
    assert response.url == f"/apprendre/apercu/{module.pk}/"
    module.refresh_from_db()
    assert module.title == "Titre revu" and module.objectives == ["Comprendre", "Agir"]


def test_upload_that_is_not_a_video_is_refused_and_changes_nothing(admin_client):
    module = ModuleFactory(kind="video", draft=True, body="")
    fake = SimpleUploadedFile("film.mp4", (DATA / "pas-une-video.mp4").read_bytes(), "video/mp4")
    response = admin_client.post(
        f"/admin/learning/module/{module.pk}/change/",
        _module_post(module, video_upload=fake, title="Changé"),
    )
    assert response.status_code == 200
    assert "n'est pas une vidéo MP4 ou WebM" in text(response)
    module.refresh_from_db()
    assert module.title != "Changé" and not module.video


def test_captions_that_are_not_webvtt_are_refused(admin_client):
    module = ModuleFactory(kind="video", draft=True, body="")
    srt = SimpleUploadedFile("film.srt", b"1\n00:00:01,000 --> 00:00:02,000\nBonjour\n")
    response = admin_client.post(
        f"/admin/learning/module/{module.pk}/change/", _module_post(module, captions_upload=srt)
    )
    assert "n'est pas un sous-titrage WebVTT valide" in text(response)
    module.refresh_from_db()
    assert not module.captions


def test_publishing_a_video_without_captions_is_refused(admin_client, video_file):
    module = ModuleFactory(kind="video", draft=True, body="")
    response = admin_client.post(
        f"/admin/learning/module/{module.pk}/change/",
        _module_post(module, video_upload=video_file, status="published"),
    )
    assert response.status_code == 200
    assert "sous-titres" in text(response)
    assert Module.objects.get(pk=module.pk).status == "draft"


def test_publishing_a_video_with_its_captions_in_one_go(admin_client, video_file, captions_file):
    module = ModuleFactory(kind="video", draft=True, body="")
    response = admin_client.post(
        f"/admin/learning/module/{module.pk}/change/",
        _module_post(
            module, video_upload=video_file, captions_upload=captions_file, status="published"
        ),
    )
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.status == "published" and module.video and module.captions


def test_question_without_a_right_answer_is_refused(admin_client):
    quiz = QuizFactory(module=ModuleFactory(draft=True))
    question = quiz.questions.first()
    answers = list(question.answers.all())
    data = {
        "quiz": quiz.pk,
        "position": 0,
        "text": question.text,
        "answers-TOTAL_FORMS": "2",
        "answers-INITIAL_FORMS": "2",
        "answers-MIN_NUM_FORMS": "2",
        "answers-MAX_NUM_FORMS": "1000",
    }
    for index, answer in enumerate(answers):
        data.update(
            {
                f"answers-{index}-id": answer.pk,
                f"answers-{index}-question": question.pk,
                f"answers-{index}-position": index,
                f"answers-{index}-text": answer.text,
                f"answers-{index}-feedback": answer.feedback,
                # every "correct" box left unticked
            }
        )
    response = admin_client.post(f"/admin/learning/question/{question.pk}/change/", data)
    assert response.status_code == 200
    assert "aucune bonne réponse" in text(response)
    assert Answer.objects.filter(question=question, correct=True).count() == 1


def test_embed_from_a_host_not_allowed_is_refused(admin_client, settings):
    settings.VIDEO_HOSTS = ["https://video.territoire.fr"]
    module = ModuleFactory(kind="embed", draft=True, body="")
    response = admin_client.post(
        f"/admin/learning/module/{module.pk}/change/",
        _module_post(module, embed_url="https://video.ailleurs.com/embed/1"),
    )
    assert "hébergeur autorisé" in text(response)


def test_staff_group_may_edit_learning_content():
    from tremplin.accounts.services.users import staff_group

    codenames = set(staff_group().permissions.values_list("codename", flat=True))
    assert {"change_module", "add_webinar", "change_answer"} <= codenames


def _webinar_post(webinar, **extra):
    data = {
        "chapter": webinar.chapter_id,
        "title": webinar.title,
        "description": webinar.description,
        "starts_at_0": webinar.starts_at.strftime("%d/%m/%Y"),
        "starts_at_1": webinar.starts_at.strftime("%H:%M:%S"),
        "duration_minutes": webinar.duration_minutes,
        "capacity": webinar.capacity,
        "host_name": "",
        "conference_url": webinar.conference_url,
        "status": webinar.status,
    }
    data.update(extra)
    return data


def test_webinar_replay_upload_becomes_a_draft_module(admin_client, video_file):
    from tests.learning.factories import WebinarFactory

    webinar = WebinarFactory()
    response = admin_client.post(
        f"/admin/learning/webinar/{webinar.pk}/change/",
        _webinar_post(webinar, replay_video=video_file),
    )
    assert response.status_code == 302, text(response)[:2000]
    webinar.refresh_from_db()
    assert webinar.replay.status == "draft" and webinar.replay.kind == "video"


def test_webinar_capacity_cannot_drop_below_registrations(admin_client):
    from tests.factories import UserFactory
    from tests.learning.factories import WebinarFactory
    from tremplin.learning.services.webinars import webinar_register

    webinar = WebinarFactory(capacity=5)
    for user in UserFactory.create_batch(3):
        webinar_register(webinar=webinar, user=user)
    response = admin_client.post(
        f"/admin/learning/webinar/{webinar.pk}/change/", _webinar_post(webinar, capacity=2)
    )
    assert "3 personnes sont déjà inscrites" in text(response)
    webinar.refresh_from_db()
    assert webinar.capacity == 5
    ok = admin_client.post(
        f"/admin/learning/webinar/{webinar.pk}/change/", _webinar_post(webinar, capacity=8)
    )
    assert ok.status_code == 302
    from tremplin.core.models import SeatPool

    assert SeatPool.objects.get(key=webinar.pool_key).capacity == 8
