"""The published scoring model, as plain functions of a questionnaire and answers.

- one answer (``single``): the question scores points / 4;
- several answers (``multiple``): min(sum of the points ticked, max_points) / max_points; an
  exclusive answer (« aucune ») scores 0 and cannot be ticked with another;
- a dimension scores 100 × Σ(weight × question score) / Σ(weight) over the questions shown to
  the respondent (their sector's path), rounded half up to a whole number;
- the overall score is the weighted mean of the rounded dimension scores (each weight 1 in
  version 1), rounded half up; the level is the highest whose threshold it reaches.

Computed with exact fractions so that a hand computation gives the same figure: rounding
happens once, on what the person sees, and the overall score is computed from the dimension
scores shown to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError
from tremplin.diagnostic.questionnaire import Dimension, Level, Question, Questionnaire


class AnswerError(DomainError):
    """An answer that does not belong to the question (tampered form, stale page)."""


def round_half_up(value: Fraction) -> int:
    return int((Decimal(value.numerator) / Decimal(value.denominator)).quantize(0, ROUND_HALF_UP))


def check_choices(question: Question, choices: list[str]) -> list[str]:
    """The answer keys, checked against the question; raise AnswerError otherwise."""
    if not choices:
        raise AnswerError(
            _("Répondez à la question « %(text)s ».") % {"text": question.text}, code="missing"
        )
    for key in choices:
        if question.answer(key) is None:
            raise AnswerError(
                _(
                    "La réponse « %(key)s » n'existe pas pour la question « %(text)s ». "
                    "La page a peut-être été modifiée : rechargez-la et choisissez parmi les "
                    "réponses proposées."
                )
                % {"key": key, "text": question.text},
                code="unknown_answer",
            )
    if len(set(choices)) != len(choices) or (not question.is_multiple and len(choices) > 1):
        raise AnswerError(
            _("Une seule réponse est possible à la question « %(text)s ».")
            % {"text": question.text},
            code="too_many",
        )
    exclusive = [question.answer(k) for k in choices if question.answer(k).exclusive]
    if exclusive and len(choices) > 1:
        raise AnswerError(
            _("« %(label)s » ne peut pas être cochée avec d'autres réponses.")
            % {"label": exclusive[0].label},
            code="exclusive",
        )
    order = [a.key for a in question.answers]
    return sorted(choices, key=order.index)


def question_score(question: Question, choices: list[str]) -> Fraction:
    """Between 0 and 1."""
    choices = check_choices(question, choices)
    points = sum(question.answer(key).points for key in choices)
    if question.is_multiple:
        return Fraction(min(points, question.max_points), question.max_points)
    return Fraction(points, question.denominator)


def dimension_exact(dimension: Dimension, answers: dict[str, list[str]], sector: str) -> Fraction:
    """100 × Σ(weight × score) / Σ(weight), unrounded; every question shown must be answered."""
    questions = dimension.questions_for(sector)
    total = Fraction(0)
    for question in questions:
        total += question.weight * question_score(question, answers.get(question.key, []))
    return 100 * total / sum(q.weight for q in questions)


def dimension_score(dimension: Dimension, answers: dict[str, list[str]], sector: str) -> int:
    return round_half_up(dimension_exact(dimension, answers, sector))


@dataclass(frozen=True)
class Scores:
    dimensions: dict[str, int]  # dimension key -> 0..100, in the questionnaire's order
    overall: int
    level: Level


def overall_score(questionnaire: Questionnaire, dimension_scores: dict[str, int]) -> int:
    weights = {d.key: d.weight for d in questionnaire.dimensions}
    total = sum(weights[key] * score for key, score in dimension_scores.items())
    return round_half_up(Fraction(total, sum(weights[key] for key in dimension_scores)))


def score(questionnaire: Questionnaire, answers: dict[str, list[str]], sector: str) -> Scores:
    """Every dimension, the overall score and the level of one respondent's answers."""
    dimensions = {d.key: dimension_score(d, answers, sector) for d in questionnaire.dimensions}
    overall = overall_score(questionnaire, dimensions)
    return Scores(dimensions=dimensions, overall=overall, level=questionnaire.level_for(overall))
