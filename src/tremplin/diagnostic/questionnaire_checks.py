"""The rules a questionnaire file must follow, each broken rule reported with its place.

Kept apart from :mod:`questionnaire` (the data types) so that each stays short. Every problem
is collected, not only the first, so an author fixes the file in one go.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from django.utils.translation import gettext as _

from tremplin.diagnostic.questionnaire import (
    ANSWER_KEYS,
    DIMENSION_KEYS,
    LEVEL_KEYS,
    MAX_ANSWER_POINTS,
    MULTIPLE,
    QUESTION_KEYS,
    SECTOR_KEYS,
    SELLS_ONLINE_ANSWERS,
    SELLS_ONLINE_QUESTION,
    SINGLE,
    SLUG,
    TOP_KEYS,
    Answer,
    Dimension,
    Level,
    Question,
    Questionnaire,
    QuestionnaireError,
    Sector,
)
from tremplin.diagnostic.questionnaire_fields import FieldReporter, key_hint

WEIGHT_MIN, WEIGHT_MAX = 1, 3


class Checker(FieldReporter):
    """The structure and the scoring rules of a questionnaire file."""

    def questionnaire(self, data) -> Questionnaire:
        if isinstance(data, dict) and "questions" in data:
            keys = [q.get("key", "?") for q in data["questions"] or [] if isinstance(q, dict)]
            self.error(
                "",
                _(
                    "des questions sont placées hors de toute dimension (%(keys)s) : chaque "
                    "question doit figurer dans la liste « questions » d'une dimension."
                )
                % {"keys": ", ".join(map(str, keys)) or "?"},
            )
            data = {k: v for k, v in data.items() if k != "questions"}
        top = self.mapping(data, "", TOP_KEYS, TOP_KEYS)
        if top is None:
            raise QuestionnaireError(self.errors)
        version = self.integer(top, "version", "", 1, None)
        published = self._date(top.get("published"))
        duration = self.integer(top, "duration_minutes", "", 1, 60)
        levels = self._levels(top.get("levels"))
        sectors = self._sectors(top.get("sectors"))
        sector_keys = {s.key for s in sectors}
        dimensions = self._dimensions(top.get("dimensions"), sector_keys)
        self._paths(dimensions, sectors)
        result = Questionnaire(
            version=version,
            title=self.text(top, "title", ""),
            published=published,
            summary=self.text(top, "summary", ""),
            duration_minutes=duration,
            levels=levels,
            sectors=sectors,
            dimensions=dimensions,
        )
        if self.errors:
            raise QuestionnaireError(self.errors)
        return result

    def _date(self, value) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(
                "published",
                _("la date de publication doit s'écrire « AAAA-MM-JJ » (reçu : %(value)r).")
                % {"value": value},
            )
            return date.min

    def _list(self, value, place: str, what: str) -> list:
        if not isinstance(value, list) or not value:
            self.error(place, _("%(what)s : une liste non vide est attendue.") % {"what": what})
            return []
        return value

    def _levels(self, value) -> tuple[Level, ...]:
        raw = []
        for index, item in enumerate(self._list(value, "levels", _("niveaux")), 1):
            place = _("niveau n° %(n)s") % {"n": index}
            data = self.mapping(item, place, LEVEL_KEYS, LEVEL_KEYS)
            if data is None:
                continue
            raw.append(
                (
                    self.key(data, place),
                    self.text(data, "label", place),
                    self.integer(data, "min", place, 0, 100),
                    self.text(data, "description", place),
                )
            )
        self.unique([r[0] for r in raw], "levels", _("niveau"))
        mins = [r[2] for r in raw]
        if raw and (mins[0] != 0 or any(b <= a for a, b in pairwise(mins))):
            self.error(
                "levels",
                _(
                    "les seuils (min) doivent commencer à 0 et augmenter strictement "
                    "(reçu : %(mins)s)."
                )
                % {"mins": ", ".join(map(str, mins))},
            )
        ends = [m - 1 for m in mins[1:]] + [100]
        return tuple(
            Level(key=k, label=label, min=low, max=high, description=desc)
            for (k, label, low, desc), high in zip(raw, ends, strict=True)
        )

    def _sectors(self, value) -> tuple[Sector, ...]:
        sectors = []
        for index, item in enumerate(self._list(value, "sectors", _("secteurs")), 1):
            place = _("secteur n° %(n)s") % {"n": index}
            data = self.mapping(item, place, SECTOR_KEYS, SECTOR_KEYS)
            if data is not None:
                sectors.append(
                    Sector(key=self.key(data, place), label=self.text(data, "label", place))
                )
        self.unique([s.key for s in sectors], "sectors", _("secteur"))
        return tuple(sectors)

    def _dimensions(self, value, sector_keys: set[str]) -> tuple[Dimension, ...]:
        dimensions = []
        for index, item in enumerate(self._list(value, "dimensions", _("dimensions")), 1):
            dimension = self._dimension(item, index, sector_keys)
            if dimension is not None:
                dimensions.append(dimension)
        self.unique([d.key for d in dimensions], "dimensions", _("dimension"))
        self.unique([q.key for d in dimensions for q in d.questions], "dimensions", _("question"))
        return tuple(dimensions)

    def _dimension(self, item, index: int, sector_keys: set[str]) -> Dimension | None:
        hint = key_hint(item)
        place = (
            _("dimension « %(key)s »") % {"key": hint}
            if hint
            else _("dimension n° %(n)s") % {"n": index}
        )
        data = self.mapping(item, place, DIMENSION_KEYS, DIMENSION_KEYS)
        if data is None:
            return None
        key = self.key(data, place)
        modules = data.get("modules") or []
        if not isinstance(modules, list) or not all(
            isinstance(m, str) and SLUG.match(m) for m in modules
        ):
            self.error(
                place,
                _("« modules » doit être une liste d'identifiants de modules (par exemple rgpd)."),
            )
            modules = []
        questions = []
        raw_questions = data.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            self.error(place, _("la dimension n'a aucune question."))
            raw_questions = []
        for q_index, raw in enumerate(raw_questions, 1):
            question = self._question(raw, q_index, key, place, sector_keys)
            if question is not None:
                questions.append(question)
        return Dimension(
            key=key,
            label=self.text(data, "label", place),
            weight=self.integer(data, "weight", place, WEIGHT_MIN, WEIGHT_MAX),
            intro=self.text(data, "intro", place),
            why=self.text(data, "why", place),
            strength=self.text(data, "strength", place),
            priority=self.text(data, "priority", place),
            modules=tuple(modules),
            questions=tuple(questions),
        )

    def _question(self, raw, index, dimension_key, dim_place, sector_keys) -> Question | None:
        hint = key_hint(raw)
        place = (
            _("%(dimension)s, question « %(key)s »") % {"dimension": dim_place, "key": hint}
            if hint
            else _("%(dimension)s, question n° %(n)s") % {"dimension": dim_place, "n": index}
        )
        required = QUESTION_KEYS - {"help", "sectors", "max_points"}
        data = self.mapping(raw, place, QUESTION_KEYS, required)
        if data is None:
            return None
        key = self.key(data, place)
        if key and dimension_key and not key.startswith(f"{dimension_key}_"):
            self.error(
                place,
                _("la clé de la question doit commencer par « %(prefix)s » (sa dimension).")
                % {"prefix": f"{dimension_key}_"},
            )
        kind = data.get("type")
        if kind not in (SINGLE, MULTIPLE):
            self.error(
                place,
                _("« type » doit valoir « single » ou « multiple » (reçu : %(value)r).")
                % {"value": kind},
            )
        weight = self.integer(data, "weight", place, WEIGHT_MIN, WEIGHT_MAX)
        sectors = self._question_sectors(data, place, sector_keys)
        answers = self._answers(data, place, kind)
        max_points = self._max_points(data, place, kind, answers)
        if key == SELLS_ONLINE_QUESTION and (
            kind != SINGLE or tuple(a.key for a in answers) != SELLS_ONLINE_ANSWERS
        ):
            self.error(
                place,
                _(
                    "cette question sert aux statistiques de vente en ligne : elle doit être "
                    "« single » avec exactement les réponses no, partly et yes, dans cet ordre."
                ),
            )
        return Question(
            key=key,
            text=self.text(data, "text", place),
            help=self.text(data, "help", place, required=False),
            type=kind if kind in (SINGLE, MULTIPLE) else SINGLE,
            weight=weight,
            sectors=sectors,
            max_points=max_points,
            answers=answers,
        )

    def _question_sectors(self, data, place, sector_keys) -> tuple[str, ...]:
        if "sectors" not in data:
            return ()
        value = data["sectors"]
        if not isinstance(value, list) or not value:
            self.error(place, _("« sectors » doit être une liste non vide de secteurs."))
            return ()
        unknown = [str(s) for s in value if s not in sector_keys]
        if unknown:
            self.error(
                place,
                _("secteur inconnu : %(unknown)s (secteurs déclarés : %(known)s).")
                % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(sector_keys))},
            )
        return tuple(s for s in value if s in sector_keys)

    def _answers(self, data, place, kind) -> tuple[Answer, ...]:
        answers = []
        raw_answers = data.get("answers")
        if not isinstance(raw_answers, list) or len(raw_answers) < 2:
            self.error(place, _("une question doit proposer au moins deux réponses."))
            return ()
        for index, raw in enumerate(raw_answers, 1):
            hint = key_hint(raw)
            a_place = (
                _("%(question)s, réponse « %(key)s »") % {"question": place, "key": hint}
                if hint
                else _("%(question)s, réponse n° %(n)s") % {"question": place, "n": index}
            )
            item = self.mapping(raw, a_place, ANSWER_KEYS, ANSWER_KEYS - {"exclusive"})
            if item is None:
                continue
            key = self.key(item, a_place)
            points = self.integer(item, "points", a_place, 0, MAX_ANSWER_POINTS)
            exclusive = item.get("exclusive", False)
            if not isinstance(exclusive, bool):
                self.error(a_place, _("« exclusive » vaut true ou false."))
                exclusive = False
            if exclusive and kind != MULTIPLE:
                self.error(a_place, _("« exclusive » n'a de sens que pour une question multiple."))
            if exclusive and points != 0:
                self.error(a_place, _("une réponse exclusive (« aucune ») vaut 0 point."))
            answers.append(
                Answer(
                    key=key,
                    label=self.text(item, "label", a_place),
                    points=points,
                    exclusive=exclusive,
                )
            )
        self.unique([a.key for a in answers], place, _("réponse"))
        if kind == SINGLE and answers and max(a.points for a in answers) != MAX_ANSWER_POINTS:
            self.error(place, _("la meilleure réponse d'une question « single » vaut 4 points."))
        if kind == MULTIPLE and answers and not any(a.exclusive for a in answers):
            self.error(
                place,
                _("une question multiple doit proposer une réponse « aucune » (exclusive: true)."),
            )
        return tuple(answers)

    def _max_points(self, data, place, kind, answers) -> int | None:
        if kind != MULTIPLE:
            if "max_points" in data:
                self.error(place, _("« max_points » ne s'emploie que pour une question multiple."))
            return None
        if "max_points" not in data:
            self.error(place, _("le champ « max_points » manque (question multiple)."))
            return 1
        value = self.integer(data, "max_points", place, 1, None)
        reachable = sum(a.points for a in answers if not a.exclusive)
        if answers and value > reachable:
            self.error(
                place,
                _(
                    "« max_points » (%(value)s) dépasse le total des points possibles "
                    "(%(reachable)s) : personne ne pourrait obtenir le score maximal."
                )
                % {"value": value, "reachable": reachable},
            )
        return value

    def _paths(self, dimensions, sectors) -> None:
        """Every respondent, whatever their sector, must get a score in every dimension."""
        for sector in sectors:
            for dimension in dimensions:
                if dimension.questions and not dimension.questions_for(sector.key):
                    self.error(
                        _("dimension « %(key)s »") % {"key": dimension.key},
                        _("aucune question pour le secteur « %(sector)s ».")
                        % {"sector": sector.key},
                    )
