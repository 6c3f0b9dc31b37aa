"""Learning data is declared, exported with the account, and erased (or anonymised) with it."""

from __future__ import annotations

import json

import pytest

from tests.factories import UserFactory
from tests.learning.factories import ModuleFactory, QuizFactory, WebinarFactory
from tremplin.accounts import personal_data
from tremplin.accounts.services import account_delete
from tremplin.core.models import SeatPool
from tremplin.learning.models import Certificate, Progress, QuizAttempt, WebinarRegistration
from tremplin.learning.services import certificates, progress
from tremplin.learning.services.webinars import webinar_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner():
    user = UserFactory()
    quiz = QuizFactory()
    progress.quiz_submit(
        quiz=quiz,
        user=user,
        choices={q.pk: {a.pk for a in q.answers.all() if a.correct} for q in quiz.questions.all()},
    )
    certificates.certificate_issue(user=user, path=quiz.module.chapter.path, full_name="Léa P.")
    webinar_register(webinar=WebinarFactory(), user=user)
    return user


def test_every_learning_model_is_declared_or_exempt():
    declared = set(personal_data.declarations()) | set(personal_data.exemptions())
    from django.apps import apps

    ours = {m._meta.label for m in apps.get_app_config("learning").get_models()}
    assert ours <= declared


def test_export_holds_progress_answers_certificates_and_registrations(learner):
    export = personal_data.personal_data_export(learner)
    for key in (
        "progression_modules",
        "tentatives_quiz",
        "reponses_quiz",
        "attestations",
        "inscriptions_webinaires",
    ):
        assert export[key], key
    assert export["attestations"][0]["full_name"] == "Léa P."
    json.dumps(export, default=str)


def test_deleting_the_account_erases_and_anonymises(learner):
    other = UserFactory()
    ModuleFactory()
    account_delete(user=learner)
    assert not Progress.objects.exists()
    assert not Certificate.objects.exists()
    assert not WebinarRegistration.objects.exists()
    attempt = QuizAttempt.objects.get()
    assert attempt.user is None and attempt.answers.count() == 3  # anonymous statistics stay
    assert SeatPool.objects.get().taken == 0  # the seat went back to the pool
    assert other.pk
