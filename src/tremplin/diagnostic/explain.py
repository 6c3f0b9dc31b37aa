"""What the « méthode » page and the paper version show, computed from the questionnaire.

The worked example on the méthode page is computed by the same scoring functions as real
results, so the published explanation can never drift from the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.formats import number_format

from tremplin.diagnostic.questionnaire import Dimension, Question, Questionnaire, Sector
from tremplin.diagnostic.scoring import dimension_exact, question_score, round_half_up


def decimal(value: Fraction, places: int = 2) -> str:
    """Rounded half up (Django's number_format would cut the extra digits instead)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return number_format(exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP), places)


@dataclass
class ExampleRow:
    question: Question
    chosen: list[str]  # answer labels
    points: int
    score: str  # "3 / 4 = 0,75"
    weighted: str


@dataclass
class Example:
    dimension: Dimension
    sector: Sector
    rows: list[ExampleRow]
    weight_total: int
    weighted_total: str
    exact: str
    score: int


def _example_choices(question: Question) -> list[str]:
    plain = [a for a in question.answers if not a.exclusive and a.key != "dont_know"]
    if question.is_multiple:
        return [a.key for a in plain[:2]]
    return [plain[len(plain) // 2].key]


def worked_example(questionnaire: Questionnaire) -> Example:
    """One dimension answered halfway, computed step by step (single and multiple questions)."""
    sector = questionnaire.sectors[0]
    dimension = next(
        (
            d
            for d in questionnaire.dimensions
            if {q.type for q in d.questions_for(sector.key)} == {"single", "multiple"}
        ),
        questionnaire.dimensions[0],
    )
    answers = {q.key: _example_choices(q) for q in dimension.questions_for(sector.key)}
    rows, weighted_total = [], Fraction(0)
    for question in dimension.questions_for(sector.key):
        chosen = answers[question.key]
        points = sum(question.answer(k).points for k in chosen)
        value = question_score(question, chosen)
        weighted_total += question.weight * value
        capped = min(points, question.denominator)
        product = decimal(question.weight * value)
        rows.append(
            ExampleRow(
                question=question,
                chosen=[question.answer(k).label for k in chosen],
                points=points,
                score=f"{capped} / {question.denominator} = {decimal(value)}",
                weighted=f"{question.weight} × {decimal(value)} = {product}",
            )
        )
    exact = dimension_exact(dimension, answers, sector.key)
    return Example(
        dimension=dimension,
        sector=sector,
        rows=rows,
        weight_total=sum(q.weight for q in dimension.questions_for(sector.key)),
        weighted_total=decimal(weighted_total),
        exact=decimal(exact, 1),
        score=round_half_up(exact),
    )


def numbered_path(questionnaire: Questionnaire, sector: str) -> list[tuple[Dimension, list]]:
    """Each dimension with its questions for a sector, numbered 1… as on the screen."""
    number = 0
    result = []
    for dimension in questionnaire.dimensions:
        questions = []
        for question in dimension.questions_for(sector):
            number += 1
            questions.append((number, question))
        result.append((dimension, questions))
    return result


@dataclass
class MethodSection:
    dimension: Dimension
    modules: list  # learning ModuleRef, as published today
    questions: list[tuple[Question, list[str]]]  # with the labels of the sectors asked


def method_sections(questionnaire: Questionnaire, modules: dict) -> list[MethodSection]:
    """What the méthode page lists for each dimension (``modules``: slug → ModuleRef)."""
    labels = {s.key: s.label for s in questionnaire.sectors}
    return [
        MethodSection(
            dimension=d,
            modules=[modules[slug] for slug in d.modules if slug in modules],
            questions=[(q, [labels[key] for key in q.sectors]) for q in d.questions],
        )
        for d in questionnaire.dimensions
    ]
