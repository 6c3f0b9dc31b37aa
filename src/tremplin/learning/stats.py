"""Aggregated statistics for the territory's staff: never a person, only counts and medians."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Q

from tremplin.learning.models import Module, Progress, Question, QuizAttempt, QuizAttemptAnswer


@dataclass
class QuestionStats:
    number: int
    text: str
    answers: int
    correct: int

    @property
    def rate(self) -> int | None:
        return round(100 * self.correct / self.answers) if self.answers else None


@dataclass
class ModuleStats:
    number: int
    module: Module
    starts: int = 0
    completions: int = 0
    median_seconds: int | None = None
    attempts: int = 0
    passed: int = 0
    reach: int = 0  # % of the path's learners who opened this module (drop-off)
    questions: list[QuestionStats] = field(default_factory=list)

    @property
    def completion_rate(self) -> int | None:
        return round(100 * self.completions / self.starts) if self.starts else None

    @property
    def pass_rate(self) -> int | None:
        return round(100 * self.passed / self.attempts) if self.attempts else None

    @property
    def median_minutes(self) -> str:
        if self.median_seconds is None:
            return "—"
        return f"{self.median_seconds / 60:.1f}".replace(".", ",")


@dataclass
class PathStats:
    learners: int
    completed_all: int
    modules: list[ModuleStats]


def path_stats(path) -> PathStats:
    modules = list(
        Module.objects.published()
        .filter(chapter__path=path)
        .select_related("chapter")
        .order_by("chapter__position", "chapter__pk", "position", "pk")
    )
    ids = [m.pk for m in modules]
    rows = {
        r["module"]: r
        for r in Progress.objects.filter(module__in=ids)
        .values("module")
        .annotate(starts=Count("pk"), completions=Count("pk", filter=Q(completed_at__isnull=False)))
    }
    durations: dict[int, list[float]] = {}
    for module_id, started, completed in Progress.objects.filter(
        module__in=ids, completed_at__isnull=False
    ).values_list("module", "started_at", "completed_at"):
        durations.setdefault(module_id, []).append((completed - started).total_seconds())
    attempts = {
        r["quiz__module"]: r
        for r in QuizAttempt.objects.filter(quiz__module__in=ids)
        .values("quiz__module")
        .annotate(total=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
    }
    answers = {
        r["question"]: r
        for r in QuizAttemptAnswer.objects.filter(question__quiz__module__in=ids)
        .values("question")
        .annotate(total=Count("pk"), correct=Count("pk", filter=Q(correct=True)))
    }
    questions: dict[int, list[Question]] = {}
    for question in Question.objects.filter(quiz__module__in=ids).select_related("quiz"):
        questions.setdefault(question.quiz.module_id, []).append(question)
    learners = Progress.objects.filter(module__in=ids).values("user").distinct().count()
    completed_all = (
        Progress.objects.filter(module__in=ids, completed_at__isnull=False)
        .values("user")
        .annotate(done=Count("pk"))
        .filter(done=len(ids))
        .count()
        if ids
        else 0
    )
    result = []
    for number, module in enumerate(modules, start=1):
        row = rows.get(module.pk, {})
        attempt = attempts.get(module.pk, {})
        times = durations.get(module.pk)
        stats = ModuleStats(
            number=number,
            module=module,
            starts=row.get("starts", 0),
            completions=row.get("completions", 0),
            median_seconds=round(statistics.median(times)) if times else None,
            attempts=attempt.get("total", 0),
            passed=attempt.get("passed", 0),
        )
        stats.reach = round(100 * stats.starts / learners) if learners else 0
        for q_number, question in enumerate(questions.get(module.pk, []), start=1):
            counts = answers.get(question.pk, {})
            stats.questions.append(
                QuestionStats(
                    number=q_number,
                    text=question.text,
                    answers=counts.get("total", 0),
                    correct=counts.get("correct", 0),
                )
            )
        result.append(stats)
    return PathStats(learners=learners, completed_all=completed_all, modules=result)


@dataclass
class Bar:
    label: str
    value: int | None  # None: nothing to measure (no attempt yet), drawn as « — »
    width: float
    y: int
    second_value: int | None = None  # e.g. completions beside starts
    second_width: float | None = None


@dataclass
class Chart:
    """A horizontal bar chart drawn as server-side SVG (no script, no library)."""

    title: str
    bars: list[Bar]
    height: int
    unit: str = ""
    width: int = 640
    left: int = 48


def chart(
    title: str, values: list[tuple[str, int | None]], *, unit: str = "", maximum=None
) -> Chart:
    top = maximum if maximum is not None else max([v or 0 for _l, v in values] + [1])
    span = 640 - 48 - 80
    bars = [
        Bar(
            label=label,
            value=value,
            width=round(span * (value or 0) / top, 1) if top else 0,
            y=8 + i * 26,
        )
        for i, (label, value) in enumerate(values)
    ]
    return Chart(title=title, bars=bars, height=16 + 26 * len(values), unit=unit)
