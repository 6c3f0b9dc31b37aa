"""Factories for the learning app (content, progress, webinars)."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from tremplin.learning.models import (
    Answer,
    Chapter,
    Module,
    Path,
    Question,
    Quiz,
    Webinar,
)

LESSON_BODY = (
    "Marie tient une boulangerie à Roanne. " * 4
    + "\n\n## Ce qu'il faut savoir\n\n"
    + "Une phrase simple et claire pour les lecteurs pressés du matin. " * 50
    + "\n\n## À retenir\n\n- un point\n- un autre point\n"
)


class PathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Path

    title = factory.Sequence(lambda n: f"Parcours {n}")
    slug = factory.Sequence(lambda n: f"parcours-{n}")
    summary = "Un parcours pour essayer."
    status = "published"


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    path = factory.SubFactory(PathFactory)
    title = factory.Sequence(lambda n: f"Chapitre {n}")
    slug = factory.Sequence(lambda n: f"chapitre-{n}")
    position = factory.Sequence(lambda n: n)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    chapter = factory.SubFactory(ChapterFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    kind = "lesson"
    position = factory.Sequence(lambda n: n)
    objectives = factory.LazyFunction(lambda: ["Comprendre l'essentiel"])
    body = LESSON_BODY
    duration_minutes = 4
    status = "published"

    class Params:
        draft = factory.Trait(status="draft")


class QuizFactory(factory.django.DjangoModelFactory):
    """A quiz of ``questions`` questions (default 3), each with one right and one wrong answer."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    module = factory.SubFactory(ModuleFactory)
    pass_mark = 60

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if not create:
            return
        for index in range(3 if extracted is None else extracted):
            question = Question.objects.create(
                quiz=obj, text=f"Question {index + 1} ?", position=index
            )
            Answer.objects.create(
                question=question, text="Bonne", correct=True, feedback="Oui, c'est ça.", position=0
            )
            Answer.objects.create(
                question=question, text="Mauvaise", correct=False, feedback="Non, car…", position=1
            )


class WebinarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Webinar

    chapter = factory.SubFactory(ChapterFactory)
    title = factory.Sequence(lambda n: f"Webinaire {n}")
    description = "Une heure pour poser vos questions."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    duration_minutes = 45
    capacity = 20
    conference_url = "https://visio.exemple.fr/b/atelier-42"
    status = "published"
