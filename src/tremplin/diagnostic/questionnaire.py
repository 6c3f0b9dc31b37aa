"""The questionnaire as data: strict loading and validation of a version file.

The questionnaire is public (the « méthode » page is generated from it) and results must stay
tied to the exact version they were answered on, so the file is checked strictly before it is
published: an unknown key, a weight out of range or a question outside any dimension is refused
with a French message that names the place, and nothing is stored. The same checks run again on
the copy stored in the database, so code never scores against a malformed definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import yaml
from django.utils.translation import gettext as _

from tremplin.core.errors import DomainError

KEY = re.compile(r"^[a-z][a-z0-9_]*$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SINGLE, MULTIPLE = "single", "multiple"
MAX_ANSWER_POINTS = 4
SELLS_ONLINE_QUESTION = "readiness_sells_online"
SELLS_ONLINE_ANSWERS = ("no", "partly", "yes")

TOP_KEYS = {"version", "title", "published", "summary", "duration_minutes", "levels", "sectors"}
TOP_KEYS |= {"dimensions"}
LEVEL_KEYS = {"key", "label", "min", "description"}
SECTOR_KEYS = {"key", "label"}
DIMENSION_KEYS = {"key", "label", "weight", "intro", "why", "strength", "priority", "modules"}
DIMENSION_KEYS |= {"questions"}
QUESTION_KEYS = {"key", "text", "help", "type", "weight", "sectors", "max_points", "answers"}
ANSWER_KEYS = {"key", "label", "points", "exclusive"}


class QuestionnaireError(DomainError):
    """A questionnaire file that cannot be published; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors), code="questionnaire")


@dataclass(frozen=True)
class Answer:
    key: str
    label: str
    points: int
    exclusive: bool = False


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    help: str
    type: str
    weight: int
    sectors: tuple[str, ...]
    max_points: int | None
    answers: tuple[Answer, ...]

    @property
    def is_multiple(self) -> bool:
        return self.type == MULTIPLE

    @property
    def denominator(self) -> int:
        """What the chosen points are divided by: 4 for one answer, max_points for several."""
        return self.max_points if self.is_multiple else MAX_ANSWER_POINTS

    def applies_to(self, sector: str) -> bool:
        return not self.sectors or sector in self.sectors

    def answer(self, key: str) -> Answer | None:
        return next((a for a in self.answers if a.key == key), None)


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    weight: int
    intro: str
    why: str
    strength: str
    priority: str
    modules: tuple[str, ...]
    questions: tuple[Question, ...]

    def questions_for(self, sector: str) -> list[Question]:
        return [q for q in self.questions if q.applies_to(sector)]


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    min: int
    max: int
    description: str


@dataclass(frozen=True)
class Sector:
    key: str
    label: str


@dataclass(frozen=True)
class Questionnaire:
    version: int
    title: str
    published: date
    summary: str
    duration_minutes: int
    levels: tuple[Level, ...]
    sectors: tuple[Sector, ...]
    dimensions: tuple[Dimension, ...]

    @cached_property
    def _questions(self) -> dict[str, tuple[Dimension, Question]]:
        return {q.key: (d, q) for d in self.dimensions for q in d.questions}

    def question(self, key: str) -> Question | None:
        found = self._questions.get(key)
        return found[1] if found else None

    def dimension(self, key: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.key == key), None)

    def dimension_of(self, question_key: str) -> Dimension | None:
        found = self._questions.get(question_key)
        return found[0] if found else None

    def sector(self, key: str) -> Sector | None:
        return next((s for s in self.sectors if s.key == key), None)

    def questions_for(self, sector: str) -> list[Question]:
        return [q for d in self.dimensions for q in d.questions_for(sector)]

    def level_for(self, score: int) -> Level:
        """The highest level whose threshold the (rounded) overall score reaches."""
        return [level for level in self.levels if score >= level.min][-1]

    def to_dict(self) -> dict:
        """The plain structure stored in the database (and validated again when read back)."""
        return {
            "version": self.version,
            "title": self.title,
            "published": self.published.isoformat(),
            "summary": self.summary,
            "duration_minutes": self.duration_minutes,
            "levels": [
                {"key": v.key, "label": v.label, "min": v.min, "description": v.description}
                for v in self.levels
            ],
            "sectors": [{"key": s.key, "label": s.label} for s in self.sectors],
            "dimensions": [_dimension_dict(d) for d in self.dimensions],
        }


def _dimension_dict(d: Dimension) -> dict:
    return {
        "key": d.key,
        "label": d.label,
        "weight": d.weight,
        "intro": d.intro,
        "why": d.why,
        "strength": d.strength,
        "priority": d.priority,
        "modules": list(d.modules),
        "questions": [_question_dict(q) for q in d.questions],
    }


def _question_dict(q: Question) -> dict:
    data = {"key": q.key, "text": q.text, "help": q.help, "type": q.type, "weight": q.weight}
    if q.sectors:
        data["sectors"] = list(q.sectors)
    if q.max_points is not None:
        data["max_points"] = q.max_points
    data["answers"] = [
        {"key": a.key, "label": a.label, "points": a.points}
        | ({"exclusive": True} if a.exclusive else {})
        for a in q.answers
    ]
    return data


class _StrictLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two identical keys silently; a published file must not."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, _("clé « %(key)s » en double") % {"key": key}, key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_text(text: str, *, source: str) -> Questionnaire:
    """Read a questionnaire file's text; raise QuestionnaireError naming every problem."""
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f", ligne {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise QuestionnaireError(
            [
                _("%(source)s%(line)s : ce n'est pas un fichier YAML valide (%(problem)s).")
                % {"source": source, "line": line, "problem": problem}
            ]
        ) from exc
    return validate(data, source=source)


def validate(data, *, source: str) -> Questionnaire:
    from tremplin.diagnostic.questionnaire_checks import Checker

    return Checker(source).questionnaire(data)
