"""Writes on content: publication, reading time, quizzes, video and embeds.

Publication is explicit and checked here, whoever asks (back office, importer, webinar replay):
a video without WebVTT captions, an embed from a host the territory did not allow, a lesson
outside the 3–4 minute window or a quiz with a question that has no right answer stays a draft.
"""

from __future__ import annotations

import contextlib
import hashlib

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.learning.content_io.format import (
    AnswerData,
    QuestionData,
    QuizData,
    quiz_problems,
)
from tremplin.learning.media import captions_check, embed_check, video_check
from tremplin.learning.models import Answer, Module, Path, Question, Quiz, Status
from tremplin.learning.rendering import reading_duration, reading_window_error, word_count
from tremplin.learning.storage import protected_storage


def module_refresh_reading(module: Module) -> Module:
    """Count the words of a lesson and derive its duration (the middle reading pace)."""
    module.words = word_count(module.body)
    if module.kind == Module.Kind.LESSON:
        module.duration_minutes = reading_duration(module.words)
    return module


def quiz_data(module: Module) -> QuizData | None:
    quiz = getattr(module, "quiz", None) if module.pk else None
    if quiz is None:
        return None
    return QuizData(
        pass_mark=quiz.pass_mark,
        questions=[
            QuestionData(
                text=question.text,
                answers=[AnswerData(a.text, a.correct, a.feedback) for a in question.answers.all()],
            )
            for question in quiz.questions.all()
        ],
    )


def module_problems(module: Module) -> list[str]:
    """Why this module cannot be published (French sentences); empty when it can."""
    problems = []
    if not module.objectives:
        problems.append(_("indiquez au moins un objectif."))
    if module.kind == Module.Kind.LESSON:
        problem = reading_window_error(word_count(module.body))
        if problem:
            problems.append(problem)
    if module.kind == Module.Kind.VIDEO:
        if not module.video:
            problems.append(_("ajoutez le fichier vidéo."))
        if not module.captions:
            problems.append(
                _("ajoutez les sous-titres (fichier WebVTT) : une vidéo sans sous-titres ne peut "
                  "pas être publiée.")
            )  # fmt: skip
    if module.kind == Module.Kind.EMBED:
        try:
            embed_check(module.embed_url)
        except DomainError as error:
            problems.append(error.message)
    data = quiz_data(module)
    if module.kind == Module.Kind.QUIZ and data is None:
        problems.append(_("un module de type quiz doit avoir des questions."))
    if data is not None:
        problems.extend(quiz_problems(data.questions))
    return problems


@transaction.atomic
def module_publish(*, module: Module) -> Module:
    problems = module_problems(module)
    if problems:
        raise DomainError(
            _("« %(title)s » ne peut pas être publié : %(problems)s")
            % {"title": module.title, "problems": " ".join(problems)},
            code="not_publishable",
        )
    module_refresh_reading(module)
    module.status = Status.PUBLISHED
    module.published_at = module.published_at or timezone.now()
    module.save(update_fields=["status", "published_at", "words", "duration_minutes", "updated_at"])
    return module


@transaction.atomic
def module_unpublish(*, module: Module) -> Module:
    module.status = Status.DRAFT
    module.save(update_fields=["status", "updated_at"])
    return module


@transaction.atomic
def path_publish(*, path: Path) -> Path:
    if not Module.objects.filter(chapter__path=path, status=Status.PUBLISHED).exists():
        raise DomainError(
            _("Publiez d'abord au moins un module de ce parcours."), code="empty_path"
        )
    path.status = Status.PUBLISHED
    path.published_at = path.published_at or timezone.now()
    path.save(update_fields=["status", "published_at", "updated_at"])
    return path


@transaction.atomic
def path_unpublish(*, path: Path) -> Path:
    path.status = Status.DRAFT
    path.save(update_fields=["status", "updated_at"])
    return path


@transaction.atomic
def quiz_write(*, module: Module, data: QuizData | None) -> Quiz | None:
    """Write a quiz in place, question by question, so that statistics of unchanged questions
    survive a re-import; a module without quiz data loses its quiz."""
    quiz = Quiz.objects.filter(module=module).first()
    if data is None:
        if quiz is not None:
            quiz.delete()
        return None
    problems = quiz_problems(data.questions)
    if problems:
        raise DomainError(_("Quiz refusé : ") + " ".join(problems), code="quiz")
    if quiz is None:
        quiz = Quiz.objects.create(module=module, pass_mark=data.pass_mark)
    elif quiz.pass_mark != data.pass_mark:
        quiz.pass_mark = data.pass_mark
        quiz.save(update_fields=["pass_mark"])
    questions = list(quiz.questions.all())
    for position, item in enumerate(data.questions):
        question = questions[position] if position < len(questions) else None
        if question is None:
            question = Question.objects.create(quiz=quiz, text=item.text, position=position)
        elif (question.text, question.position) != (item.text, position):
            question.text, question.position = item.text, position
            question.save(update_fields=["text", "position"])
        answers = list(question.answers.all())
        for index, answer_data in enumerate(item.answers):
            values = {
                "text": answer_data.text,
                "correct": answer_data.correct,
                "feedback": answer_data.feedback,
                "position": index,
            }
            if index < len(answers):
                answer = answers[index]
                if any(getattr(answer, k) != v for k, v in values.items()):
                    for key, value in values.items():
                        setattr(answer, key, value)
                    answer.save()
            else:
                Answer.objects.create(question=question, **values)
        for extra in answers[len(item.answers) :]:
            extra.delete()
    for extra in questions[len(data.questions) :]:
        extra.delete()
    return quiz


def _store(file, *, folder: str, slug: str, extension: str) -> str:
    """Save under a name made of the slug and the content hash (stable across re-imports)."""
    digest = hashlib.sha256()
    file.seek(0)
    for block in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(block)
    file.seek(0)
    name = f"learning/{folder}/{slug}-{digest.hexdigest()[:12]}.{extension}"
    storage = protected_storage()
    if not storage.exists(name):
        name = storage.save(name, File(file, name=name))
    return name


def _delete_later(names: list[str]) -> None:
    def delete():
        storage = protected_storage()
        for name in names:
            if (
                name
                and not Module.objects.filter(video=name).exists()
                and not Module.objects.filter(captions=name).exists()
            ):
                with contextlib.suppress(OSError):
                    storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def module_set_media(
    *, module: Module, video=None, captions=None, transcript: str | None = None
) -> Module:
    """Attach a video and/or its captions. Both are checked before anything is written: a file
    that is not really a video, or captions that are not WebVTT, change nothing."""
    extension = video_check(video) if video is not None else None
    if captions is not None:
        captions_check(captions)
    old = []
    if video is not None:
        old.append(module.video.name)
        module.video.name = _store(video, folder="videos", slug=module.slug, extension=extension)
    if captions is not None:
        old.append(module.captions.name)
        module.captions.name = _store(
            captions, folder="captions", slug=module.slug, extension="vtt"
        )
    if transcript is not None:
        module.transcript = transcript
    module.kind = Module.Kind.VIDEO
    module.save()
    _delete_later([name for name in old if name not in {module.video.name, module.captions.name}])
    return module


@transaction.atomic
def module_set_embed(*, module: Module, url: str) -> Module:
    module.embed_url = embed_check(url)
    module.kind = Module.Kind.EMBED
    module.save(update_fields=["embed_url", "kind", "updated_at"])
    return module
