"""Reads of the diagnostic app, scoped by who is asking."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from tremplin.accounts.models import Business, Role
from tremplin.accounts.selectors import follow_is_active
from tremplin.core.errors import DomainError
from tremplin.diagnostic.models import Answer, Diagnostic, DimensionScore, QuestionnaireVersion
from tremplin.diagnostic.questionnaire import Dimension, Level, Question, Questionnaire, validate
from tremplin.diagnostic.versions import version_files

log = logging.getLogger(__name__)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
STRENGTH_FROM = 50  # a dimension at 50 or more is a strength; below, a priority

_questionnaires: dict[tuple[int, str], Questionnaire] = {}


def questionnaire_of(version: QuestionnaireVersion) -> Questionnaire:
    """The stored definition, checked again and kept in memory (versions never change)."""
    key = (version.pk, version.sha256)
    if key not in _questionnaires:
        _questionnaires[key] = validate(version.definition, source=f"version {version.number}")
    return _questionnaires[key]


def version_current() -> QuestionnaireVersion:
    """The newest published version; a newer file on disk is published on first use."""
    from tremplin.diagnostic.services import questionnaire_publish

    latest = QuestionnaireVersion.objects.order_by("-number").first()
    files = version_files()
    if files and (latest is None or files[-1][0] > latest.number):
        try:
            latest, _status = questionnaire_publish(path=files[-1][1])
        except DomainError as exc:
            log.error("questionnaire file not published: %s", exc.message)
            if latest is None:
                raise
    if latest is None:
        raise DomainError("Aucun questionnaire n'est publié (tremplin diagnostic publish).")
    return latest


def version_by_number(number: int) -> QuestionnaireVersion | None:
    return QuestionnaireVersion.objects.filter(number=number).first()


def versions() -> list[QuestionnaireVersion]:
    return list(QuestionnaireVersion.objects.defer("source", "definition").order_by("-number"))


# --- Who may see what ----------------------------------------------------------------------
def _with_related(qs: QuerySet[Diagnostic]) -> QuerySet[Diagnostic]:
    return qs.select_related(
        "version", "business__commune__department", "previous", "assisted_by", "created_by"
    ).prefetch_related("scores", "previous__scores")


def diagnostic_by_token(token: str) -> Diagnostic | None:
    """A diagnostic reached through its private link (never one attached to a business)."""
    from tremplin.diagnostic.services import token_hash

    if not TOKEN.match(token or ""):
        return None
    return (
        _with_related(Diagnostic.objects.filter(business__isnull=True))
        .filter(token_hash=token_hash(token))
        .first()
    )


def diagnostic_for_user(user, pk: int) -> tuple[Diagnostic, str] | None:
    """(diagnostic, "owner"|"mediator") if this person may see it, else None.

    The owners see their business's diagnostics. A mediator sees one only while the business's
    follow-up is active, and only if they filled it in with the owner or the owner shared it.
    The territory's staff never see an individual result.
    """
    if not user.is_authenticated:
        return None
    diagnostic = _with_related(Diagnostic.objects.filter(business__isnull=False, pk=pk)).first()
    if diagnostic is None:
        return None
    if diagnostic.business.memberships.filter(user=user).exists():
        return diagnostic, "owner"
    if (
        user.role == Role.MEDIATOR
        and (diagnostic.assisted_by_id == user.pk or diagnostic.shared_with_mediator)
        and follow_is_active(mediator=user, business=diagnostic.business)
    ):
        return diagnostic, "mediator"
    return None


def owners_of(business: Business) -> list:
    return [m.user for m in business.memberships.select_related("user")]


# --- Taking it -----------------------------------------------------------------------------
@dataclass
class Step:
    number: int
    dimension: Dimension
    questions: list[Question]
    answered: int

    @property
    def complete(self) -> bool:
        return self.answered == len(self.questions)


def steps_of(diagnostic: Diagnostic, answers: dict[str, list[str]]) -> list[Step]:
    questionnaire = diagnostic.version.questionnaire
    steps = []
    for number, dimension in enumerate(questionnaire.dimensions, 1):
        questions = dimension.questions_for(diagnostic.sector)
        steps.append(
            Step(number, dimension, questions, sum(1 for q in questions if q.key in answers))
        )
    return steps


def answers_of(diagnostic: Diagnostic) -> dict[str, list[str]]:
    return dict(Answer.objects.filter(diagnostic=diagnostic).values_list("question", "choices"))


# --- Results -------------------------------------------------------------------------------
@dataclass
class DimensionRow:
    key: str
    label: str
    score: int
    previous: int | None
    text: str  # the strength or priority sentence

    @property
    def delta(self) -> int | None:
        return None if self.previous is None else self.score - self.previous

    @property
    def is_strength(self) -> bool:
        return self.score >= STRENGTH_FROM


@dataclass
class ResultSummary:
    diagnostic: Diagnostic
    questionnaire: Questionnaire
    level: Level
    rows: list[DimensionRow]
    previous: Diagnostic | None
    previous_level: Level | None = None
    strengths: list[DimensionRow] = field(default_factory=list)
    priorities: list[DimensionRow] = field(default_factory=list)

    @property
    def overall_delta(self) -> int | None:
        if self.previous is None:
            return None
        return self.diagnostic.overall_score - self.previous.overall_score


def _scores(diagnostic: Diagnostic) -> dict[str, int]:
    return {s.dimension: s.score for s in diagnostic.scores.all()}


def result_summary(diagnostic: Diagnostic) -> ResultSummary:
    questionnaire = diagnostic.version.questionnaire
    scores = _scores(diagnostic)
    previous = diagnostic.previous if diagnostic.previous_id else None
    if previous is not None and not previous.is_completed:
        previous = None
    before = _scores(previous) if previous else {}
    rows = [
        DimensionRow(
            key=d.key,
            label=d.label,
            score=scores[d.key],
            previous=before.get(d.key),
            text=d.strength if scores[d.key] >= STRENGTH_FROM else d.priority,
        )
        for d in questionnaire.dimensions
        if d.key in scores
    ]
    previous_level = None
    if previous is not None:
        previous_level = next(
            (v for v in previous.version.questionnaire.levels if v.key == previous.level), None
        )
    return ResultSummary(
        diagnostic=diagnostic,
        questionnaire=questionnaire,
        level=questionnaire.level_for(diagnostic.overall_score),
        rows=rows,
        previous=previous,
        previous_level=previous_level,
        strengths=sorted((r for r in rows if r.is_strength), key=lambda r: -r.score),
        priorities=sorted((r for r in rows if not r.is_strength), key=lambda r: r.score),
    )


def business_history(business: Business) -> list[Diagnostic]:
    """Every diagnostic of a business, newest first (unfinished ones included)."""
    return list(
        business.diagnostics.select_related("version", "assisted_by").order_by("-started_at")
    )


def owner_histories(user) -> list[tuple[Business, list[Diagnostic]]]:
    """For « Mon espace »: each business the person manages, with its diagnostics."""
    businesses = (
        Business.objects.owned_by(user)
        .prefetch_related(
            Prefetch(
                "diagnostics",
                queryset=Diagnostic.objects.select_related("version", "assisted_by").order_by(
                    "-started_at"
                ),
                to_attr="diagnostic_list",
            )
        )
        .order_by("name")
    )
    return [(b, b.diagnostic_list) for b in businesses]


def visible_to_mediator(mediator, businesses) -> dict[int, list[Diagnostic]]:
    """Per followed business, the diagnostics this mediator may open (assisted or shared)."""
    found: dict[int, list[Diagnostic]] = {}
    rows = (
        Diagnostic.objects.filter(business__in=businesses)
        .filter(Q(assisted_by=mediator) | Q(shared_with_mediator=True))
        .select_related("version")
        .order_by("-started_at")
    )
    for diagnostic in rows:
        found.setdefault(diagnostic.business_id, []).append(diagnostic)
    return found


def dimension_scores_of(diagnostics: list[Diagnostic]) -> dict[int, dict[str, int]]:
    rows = DimensionScore.objects.filter(diagnostic__in=diagnostics)
    found: dict[int, dict[str, int]] = {}
    for row in rows:
        found.setdefault(row.diagnostic_id, {})[row.dimension] = row.score
    return found
