"""Services: media checks, publishing rules, quizzes, progress, resume, certificates."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from tests.learning.conftest import DATA
from tests.learning.factories import ChapterFactory, ModuleFactory, PathFactory, QuizFactory
from tremplin.core.errors import DomainError
from tremplin.learning import selectors
from tremplin.learning.media import captions_check, embed_check, video_check
from tremplin.learning.models import Answer, Certificate, Module, Progress, QuizAttempt
from tremplin.learning.services import certificates, content, progress

pytestmark = pytest.mark.django_db


def _upload(name, data, kind="application/octet-stream"):
    return SimpleUploadedFile(name, data, kind)


# ---- media ---------------------------------------------------------------------------------


def test_real_videos_pass_the_check(video_file, mp4_file):
    assert video_check(video_file) == "webm"
    assert video_check(mp4_file) == "mp4"


@pytest.mark.parametrize(
    "data",
    [
        (DATA / "pas-une-video.mp4").read_bytes(),
        (DATA / "mire.vtt").read_bytes(),
        b"%PDF-1.7\n" + b"0" * 100,
        b"\x89PNG\r\n\x1a\n" + b"0" * 100,
    ],
)
def test_a_file_that_is_not_a_video_is_refused_whatever_its_name(data):
    with pytest.raises(DomainError, match="n'est pas une vidéo MP4 ou WebM"):
        video_check(_upload("film.mp4", data, "video/mp4"))


def test_captions_must_be_webvtt(captions_file):
    assert captions_check(captions_file) == 2
    srt = b"1\n00:00:01,000 --> 00:00:02,000\nBonjour\n"
    with pytest.raises(DomainError, match="n'est pas un sous-titrage WebVTT valide"):
        captions_check(_upload("film.vtt", srt))
    with pytest.raises(DomainError, match="UTF-8"):
        captions_check(_upload("film.vtt", b"\xff\xfe\x00W\x00E"))
    with pytest.raises(DomainError, match="aucune réplique"):
        captions_check(_upload("film.vtt", b"WEBVTT\n\n"))


def test_embeds_only_from_allowed_hosts(settings):
    settings.VIDEO_HOSTS = ["https://video.territoire.fr"]
    assert embed_check("https://video.territoire.fr/videos/embed/abc")
    for url in ["https://video.ailleurs.com/embed/abc", "http://video.territoire.fr/embed/abc", ""]:
        with pytest.raises(DomainError, match="hébergeur autorisé"):
            embed_check(url)


def test_bad_media_changes_nothing(video_file, captions_file):
    module = ModuleFactory(kind="video", draft=True)
    with pytest.raises(DomainError):
        content.module_set_media(
            module=module, video=video_file, captions=_upload("x.vtt", b"pas du vtt")
        )
    module.refresh_from_db()
    assert not module.video and not module.captions
    content.module_set_media(module=module, video=video_file, captions=captions_file)
    module.refresh_from_db()
    assert module.video.name.endswith(".webm") and module.captions.name.endswith(".vtt")


# ---- publishing ----------------------------------------------------------------------------


def test_video_needs_captions_before_publishing(video_file, captions_file):
    module = ModuleFactory(kind="video", draft=True, body="")
    content.module_set_media(module=module, video=video_file)
    with pytest.raises(DomainError, match="sous-titres"):
        content.module_publish(module=module)
    assert Module.objects.get(pk=module.pk).status == "draft"
    content.module_set_media(module=module, captions=captions_file)
    content.module_publish(module=module)
    assert Module.objects.get(pk=module.pk).status == "published"


def test_published_video_without_captions_is_refused_by_the_database():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ModuleFactory(kind="video", status="published", video="learning/videos/x.webm")


def test_quiz_with_a_question_without_right_answer_cannot_be_published():
    quiz = QuizFactory(module=ModuleFactory(draft=True))
    Answer.objects.filter(question__quiz=quiz, question__position=1).update(correct=False)
    with pytest.raises(DomainError, match="aucune bonne réponse"):
        content.module_publish(module=Module.objects.get(pk=quiz.module.pk))


def test_lesson_must_read_in_three_to_four_minutes():
    module = ModuleFactory(draft=True, body="Trop court pour une leçon.")
    with pytest.raises(DomainError, match="entre 450 et 700"):
        content.module_publish(module=module)
    module.body = "mot " * 800
    with pytest.raises(DomainError, match="800 mots"):
        content.module_publish(module=module)
    module.body = "mot " * 560
    content.module_publish(module=module)
    assert (module.words, module.duration_minutes) == (560, 3)


def test_path_needs_a_published_module():
    path = PathFactory(status="draft")
    ModuleFactory(chapter=ChapterFactory(path=path), draft=True)
    with pytest.raises(DomainError, match="au moins un module"):
        content.path_publish(path=path)


# ---- quizzes and progress ------------------------------------------------------------------


def _choices(quiz, *, wrong=0):
    choices = {}
    for index, question in enumerate(quiz.questions.all()):
        pick = [a for a in question.answers.all() if a.correct != (index < wrong)]
        choices[question.pk] = {pick[0].pk}
    return choices


def test_quiz_grades_records_and_completes_on_pass():
    quiz = QuizFactory(pass_mark=60)
    user = UserFactory()
    failed = progress.quiz_submit(quiz=quiz, user=user, choices=_choices(quiz, wrong=2))
    assert (failed.score, failed.passed, failed.right) == (33, False, 1)
    item = Progress.objects.get(user=user, module=quiz.module)
    assert item.completed_at is None and item.best_score == 33
    passed = progress.quiz_submit(quiz=quiz, user=user, choices=_choices(quiz, wrong=1))
    assert (passed.score, passed.passed) == (67, True)
    item.refresh_from_db()
    assert item.completed_at is not None and item.best_score == 67
    # Retaking with a lower score keeps the best one.
    progress.quiz_submit(quiz=quiz, user=user, choices=_choices(quiz, wrong=3))
    item.refresh_from_db()
    assert item.best_score == 67
    assert QuizAttempt.objects.filter(user=user).count() == 3


def test_pass_mark_is_per_quiz():
    strict = QuizFactory(pass_mark=100)
    result = progress.quiz_submit(quiz=strict, user=None, choices=_choices(strict, wrong=1))
    assert result.score == 67 and not result.passed


def test_anonymous_attempt_is_kept_without_identity_and_no_progress():
    from django.contrib.auth.models import AnonymousUser

    quiz = QuizFactory()
    progress.quiz_submit(quiz=quiz, user=AnonymousUser(), choices=_choices(quiz))
    attempt = QuizAttempt.objects.get()
    assert attempt.user is None and attempt.answers.count() == 3
    assert not Progress.objects.exists()


def test_unanswered_question_records_nothing():
    quiz = QuizFactory()
    choices = _choices(quiz)
    del choices[quiz.questions.last().pk]
    with pytest.raises(DomainError, match="question 3"):
        progress.quiz_submit(quiz=quiz, user=UserFactory(), choices=choices)
    assert not QuizAttempt.objects.exists()


def test_answer_of_another_question_is_refused():
    quiz = QuizFactory()
    other = QuizFactory()
    choices = {q.pk: {other.questions.first().answers.first().pk} for q in quiz.questions.all()}
    with pytest.raises(DomainError, match="ne fait pas partie"):
        progress.quiz_submit(quiz=quiz, user=None, choices=choices)


def test_module_without_quiz_is_completed_by_hand_and_with_quiz_only_by_passing():
    user = UserFactory()
    plain = ModuleFactory()
    progress.module_complete(user=user, module=plain)
    assert Progress.objects.get(user=user, module=plain).completed_at is not None
    quiz = QuizFactory()
    with pytest.raises(DomainError, match="réussissant son quiz"):
        progress.module_complete(user=user, module=quiz.module)


def test_resume_where_i_left_off():
    path = PathFactory()
    chapter = ChapterFactory(path=path)
    first, second, third = (ModuleFactory(chapter=chapter, position=i) for i in range(3))
    user = UserFactory()
    assert selectors.path_outline(path=path, user=user).resume == first
    progress.module_complete(user=user, module=first)
    progress.module_visit(user=user, module=third)  # opened, not finished
    outline = selectors.path_outline(path=path, user=user)
    assert outline.resume == third
    assert (outline.done, outline.total, outline.minutes_left) == (1, 3, 8)
    progress.module_complete(user=user, module=third)
    assert selectors.path_outline(path=path, user=user).resume == second


# ---- certificates --------------------------------------------------------------------------


def _finished_path(user):
    path = PathFactory(title="Les bases")
    for position in range(2):
        module = ModuleFactory(chapter=ChapterFactory(path=path), position=position)
        progress.module_complete(user=user, module=module)
    return path


def test_certificate_needs_every_module_then_is_issued_once():
    user = UserFactory()
    path = PathFactory()
    module = ModuleFactory(chapter=ChapterFactory(path=path))
    with pytest.raises(DomainError, match="Terminez d'abord"):
        certificates.certificate_issue(user=user, path=path, full_name="Léa Perret")
    progress.module_complete(user=user, module=module)
    with pytest.raises(DomainError, match="nom"):
        certificates.certificate_issue(user=user, path=path, full_name="   ")
    first = certificates.certificate_issue(user=user, path=path, full_name=" Léa   Perret ")
    assert first.full_name == "Léa Perret"
    assert certificates.CODE.match(first.code)
    assert certificates.certificate_issue(user=user, path=path, full_name="Autre") == first
    assert Certificate.objects.count() == 1


def test_code_normalize():
    assert certificates.code_normalize(" abcd efgh-jkmn ") == "ABCD-EFGH-JKMN"


def test_certificate_pdf_uses_the_platform_font():
    user = UserFactory()
    certificate = certificates.certificate_issue(
        user=user, path=_finished_path(user), full_name="Léa Perret"
    )
    pdf = certificates.certificate_pdf(
        certificate, verify_url="https://exemple.fr/v", territory="Loire"
    )
    assert pdf.startswith(b"%PDF")
    assert b"Atkinson" in _pdf_objects(pdf)  # the font is embedded (subset)


def _pdf_objects(pdf: bytes) -> bytes:
    import re
    import zlib

    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return pdf + b"".join(out)


def test_pdf_unavailable_without_pango(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name.startswith("weasyprint"):
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real(name, *args, **kwargs)

    user = UserFactory()
    certificate = certificates.certificate_issue(
        user=user, path=_finished_path(user), full_name="Léa Perret"
    )
    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(certificates.PdfUnavailable):
        certificates.certificate_pdf(certificate, verify_url="https://x.fr", territory="Loire")
