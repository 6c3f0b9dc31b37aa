"""Writes of a learner's progress: visits, completion, quiz attempts.

Anonymous readers may answer quizzes and see the feedback; their attempt is kept without any
identifier, for the per-question statistics. Progress is only saved with an account.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.learning.models import Module, Progress, Quiz, QuizAttempt, QuizAttemptAnswer


def _authenticated(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def module_visit(*, user, module: Module) -> Progress | None:
    """Note that the person opened the module (first visit = start), for « reprendre »."""
    if not _authenticated(user):
        return None
    now = timezone.now()
    updated = Progress.objects.filter(user=user, module=module).update(last_seen_at=now)
    if updated:
        return None
    try:
        with transaction.atomic():
            return Progress.objects.create(user=user, module=module)
    except IntegrityError:  # the same person opening it twice at once
        return None


@transaction.atomic
def module_complete(*, user, module: Module) -> Progress:
    """Mark a module without quiz as done (a module with a quiz is done when the quiz passes)."""
    if not _authenticated(user):
        raise DomainError(_("Connectez-vous pour enregistrer votre progression."), code="anonymous")
    if Quiz.objects.filter(module=module).exists():
        raise DomainError(_("Ce module se termine en réussissant son quiz."), code="quiz_required")
    module_visit(user=user, module=module)
    now = timezone.now()
    Progress.objects.filter(user=user, module=module, completed_at__isnull=True).update(
        completed_at=now, last_seen_at=now
    )
    return Progress.objects.get(user=user, module=module)


@dataclass
class QuestionResult:
    question: object
    chosen: set[int]
    correct: bool


@dataclass
class QuizResult:
    score: int
    passed: bool
    pass_mark: int
    questions: list[QuestionResult]

    @property
    def right(self) -> int:
        return sum(1 for q in self.questions if q.correct)


@transaction.atomic
def quiz_submit(*, quiz: Quiz, user, choices: dict[int, set[int]]) -> QuizResult:
    """Grade the answers (a question is right when exactly its right answers are chosen).

    Every question must be answered; otherwise nothing is recorded and the person is told which.
    """
    questions = list(quiz.questions.prefetch_related("answers"))
    missing = [n for n, q in enumerate(questions, start=1) if not choices.get(q.pk)]
    if missing:
        raise DomainError(
            _("Répondez à toutes les questions avant de valider (il manque : %(list)s).")
            % {"list": ", ".join(_("question %(n)s") % {"n": n} for n in missing)},
            code="incomplete",
        )
    results = []
    for question in questions:
        valid = {a.pk for a in question.answers.all()}
        chosen = set(choices[question.pk]) & valid
        if not chosen:
            raise DomainError(_("Cette réponse ne fait pas partie du quiz."), code="invalid")
        right = {a.pk for a in question.answers.all() if a.correct}
        results.append(QuestionResult(question=question, chosen=chosen, correct=chosen == right))
    score = round(100 * sum(r.correct for r in results) / len(results)) if results else 0
    passed = score >= quiz.pass_mark
    attempt = QuizAttempt.objects.create(
        quiz=quiz, user=user if _authenticated(user) else None, score=score, passed=passed
    )
    QuizAttemptAnswer.objects.bulk_create(
        QuizAttemptAnswer(
            attempt=attempt,
            question=r.question,
            correct=r.correct,
            chosen=",".join(str(pk) for pk in sorted(r.chosen))[:200],
        )
        for r in results
    )
    if _authenticated(user):
        module_visit(user=user, module=quiz.module)
        now = timezone.now()
        Progress.objects.filter(user=user, module=quiz.module).filter(
            Q(best_score__isnull=True) | Q(best_score__lt=score)
        ).update(best_score=score)
        if passed:
            Progress.objects.filter(
                user=user, module=quiz.module, completed_at__isnull=True
            ).update(completed_at=now)
    return QuizResult(score=score, passed=passed, pass_mark=quiz.pass_mark, questions=results)
