"""The content format: Markdown files with YAML front matter, one per module.

``<path>/_path.md``, ``<path>/NN-<chapter>/_chapter.md``, ``<path>/NN-<chapter>/NN-<module>.md``,
media in ``<path>/media/``. This module reads and checks them into plain data (no database);
the importer writes that data, the exporter writes it back. The same canonical form is built
from database rows, so that a fingerprint tells whether staff changed a module since import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath

import frontmatter
import yaml
from django.utils.translation import gettext as _

from tremplin.learning.rendering import reading_window_error, word_count

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
POSITION = re.compile(r"^(\d{1,3})-")
KINDS = ("lesson", "video", "embed", "quiz")
# Words the URLs under /apprendre/ already use: a path cannot take them as its slug.
RESERVED_SLUGS = {"attestations", "webinaires", "statistiques", "apercu", "medias", "reprendre"}
# Words after a path in URLs (…/<path>/reprendre/): no module may take them.
RESERVED_MODULE_SLUGS = {"reprendre", "attestation"}
QUESTIONS_MIN, QUESTIONS_MAX = 3, 5
ANSWERS_MIN, ANSWERS_MAX = 2, 4


class ContentError(Exception):
    """A file that cannot be imported, with the reason in French."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file} : {reason}")
        self.file = file
        self.reason = reason


@dataclass
class AnswerData:
    text: str
    correct: bool
    feedback: str


@dataclass
class QuestionData:
    text: str
    answers: list[AnswerData]


@dataclass
class QuizData:
    pass_mark: int
    questions: list[QuestionData]


@dataclass
class ModuleData:
    slug: str
    title: str
    kind: str
    position: int
    objectives: list[str]
    body: str
    duration_minutes: int | None = None
    transcript: str = ""
    embed_url: str = ""
    video: FsPath | None = None
    captions: FsPath | None = None
    quiz: QuizData | None = None
    source: str = ""


@dataclass
class ChapterData:
    slug: str
    title: str
    summary: str
    intro: str
    position: int
    modules: list[ModuleData] = field(default_factory=list)
    source: str = ""


@dataclass
class PathData:
    slug: str
    title: str
    summary: str
    audience: str
    intro: str
    chapters: list[ChapterData] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    source: str = ""
    root: FsPath | None = None


# ---- reading files ------------------------------------------------------------------------


def _load(file: FsPath, label: str):
    try:
        return frontmatter.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ContentError(label, _("le fichier n'est pas en UTF-8.")) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _(" (ligne %(line)s)") % {"line": mark.line + 1} if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(
            label,
            _(
                "l'en-tête (front matter) n'est pas du YAML valide%(where)s : %(problem)s. "
                "Vérifiez les guillemets et l'indentation."
            )
            % {"where": where, "problem": problem},
        ) from exc


def _text(meta: dict, key: str, label: str, *, required: bool = True, limit: int = 0) -> str:
    value = meta.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str | int | float):
        raise ContentError(label, _("« %(key)s » doit être un texte.") % {"key": key})
    value = str(value).strip()
    if required and not value:
        raise ContentError(label, _("« %(key)s » manque dans l'en-tête.") % {"key": key})
    if limit and len(value) > limit:
        raise ContentError(
            label, _("« %(key)s » dépasse %(limit)s caractères.") % {"key": key, "limit": limit}
        )
    return value


def _slug(meta: dict, label: str) -> str:
    slug = _text(meta, "slug", label, limit=100)
    if not SLUG.match(slug):
        raise ContentError(
            label,
            _("l'identifiant « %(slug)s » ne doit contenir que des minuscules sans accent, des "
              "chiffres et des tirets.") % {"slug": slug},
        )  # fmt: skip
    return slug


def _position(name: str, label: str) -> int:
    match = POSITION.match(name)
    if not match:
        raise ContentError(
            label, _("le nom doit commencer par un numéro d'ordre, par exemple « 01-… ».")
        )
    return int(match.group(1))


def quiz_problems(questions: list[QuestionData]) -> list[str]:
    """What is wrong with a quiz, in French; an empty list when it can be published."""
    problems = []
    if not QUESTIONS_MIN <= len(questions) <= QUESTIONS_MAX:
        problems.append(
            _("un quiz compte de %(min)s à %(max)s questions (ici %(count)s).")
            % {"min": QUESTIONS_MIN, "max": QUESTIONS_MAX, "count": len(questions)}
        )
    for number, question in enumerate(questions, start=1):
        if not question.text.strip():
            problems.append(_("la question %(n)s n'a pas d'intitulé.") % {"n": number})
        if not ANSWERS_MIN <= len(question.answers) <= ANSWERS_MAX:
            problems.append(
                _("la question %(n)s doit proposer de %(min)s à %(max)s réponses.")
                % {"n": number, "min": ANSWERS_MIN, "max": ANSWERS_MAX}
            )
        if not any(answer.correct for answer in question.answers):
            problems.append(
                _("la question %(n)s (« %(text)s ») n'a aucune bonne réponse : marquez au moins "
                  "une réponse juste.") % {"n": number, "text": question.text[:60]}
            )  # fmt: skip
        for letter, answer in zip("ABCD", question.answers, strict=False):
            if not answer.text.strip():
                problems.append(
                    _("la réponse %(l)s de la question %(n)s est vide.")
                    % {"l": letter, "n": number}
                )
            if not answer.feedback.strip():
                problems.append(
                    _("la réponse %(l)s de la question %(n)s n'a pas d'explication (feedback).")
                    % {"l": letter, "n": number}
                )
    return problems


def _quiz(raw, label: str) -> QuizData | None:
    if raw in (None, "", {}):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise ContentError(label, _("« quiz » doit contenir une liste « questions »."))
    pass_mark = raw.get("pass_mark", 60)
    if not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
        raise ContentError(label, _("« pass_mark » doit être un pourcentage entre 1 et 100."))
    questions = []
    for item in raw["questions"]:
        if not isinstance(item, dict) or not isinstance(item.get("answers"), list):
            raise ContentError(label, _("chaque question doit avoir « text » et « answers »."))
        answers = []
        for answer in item["answers"]:
            if not isinstance(answer, dict):
                raise ContentError(label, _("chaque réponse doit avoir « text » et « feedback »."))
            answers.append(
                AnswerData(
                    text=str(answer.get("text") or "").strip(),
                    correct=answer.get("correct") is True,
                    feedback=str(answer.get("feedback") or "").strip(),
                )
            )
        questions.append(QuestionData(text=str(item.get("text") or "").strip(), answers=answers))
    problems = quiz_problems(questions)
    if problems:
        raise ContentError(label, _("quiz : ") + " ".join(problems))
    return QuizData(pass_mark=pass_mark, questions=questions)


def _media(meta: dict, key: str, root: FsPath | None, label: str) -> FsPath | None:
    name = _text(meta, key, label, required=False)
    if not name:
        return None
    if root is None or ".." in FsPath(name).parts or FsPath(name).is_absolute():
        raise ContentError(label, _("« %(key)s » : chemin de fichier refusé.") % {"key": key})
    file = root / name
    if not file.is_file():
        raise ContentError(
            label, _("« %(key)s » : fichier introuvable (%(name)s).") % {"key": key, "name": name}
        )
    return file


def module_read(file: FsPath, *, label: str, root: FsPath | None = None) -> ModuleData:
    post = _load(file, label)
    meta = post.metadata
    kind = _text(meta, "kind", label, required=False) or "lesson"
    if kind not in KINDS:
        raise ContentError(
            label,
            _("« kind » doit valoir lesson, video, embed ou quiz (ici « %(kind)s »).")
            % {"kind": kind},
        )
    objectives = meta.get("objectives") or []
    if (
        not isinstance(objectives, list)
        or not objectives
        or not all(isinstance(o, str) and o.strip() for o in objectives)
    ):
        raise ContentError(label, _("« objectives » doit être une liste d'au moins un objectif."))
    slug = _slug(meta, label)
    if slug in RESERVED_MODULE_SLUGS:
        raise ContentError(label, _("l'identifiant « %(slug)s » est réservé.") % {"slug": slug})
    data = ModuleData(
        slug=slug,
        title=_text(meta, "title", label, limit=200),
        kind=kind,
        position=_position(file.name, label),
        objectives=[o.strip() for o in objectives],
        body=post.content.strip(),
        transcript=_text(meta, "transcript", label, required=False),
        embed_url=_text(meta, "embed_url", label, required=False),
        quiz=_quiz(meta.get("quiz"), label),
        source=label,
    )
    duration = meta.get("duration_minutes")
    if duration is not None and (not isinstance(duration, int) or not 1 <= duration <= 600):
        raise ContentError(label, _("« duration_minutes » doit être un nombre de minutes."))
    data.duration_minutes = duration
    if kind == "lesson":
        problem = reading_window_error(word_count(data.body))
        if problem:
            raise ContentError(label, problem)
    elif kind == "quiz" and data.quiz is None:
        raise ContentError(label, _("un module de type quiz doit contenir un « quiz »."))
    elif kind == "video":
        data.video = _media(meta, "video", root, label)
        data.captions = _media(meta, "captions", root, label)
        if data.video is None:
            raise ContentError(label, _("un module vidéo doit indiquer son fichier « video »."))
    elif kind == "embed" and not data.embed_url:
        raise ContentError(label, _("un module intégré doit indiquer « embed_url »."))
    if kind in {"video", "embed"} and duration is None:
        raise ContentError(label, _("indiquez la durée de la vidéo (« duration_minutes »)."))
    return data


def chapter_read(directory: FsPath, *, label: str) -> ChapterData:
    file = directory / "_chapter.md"
    if not file.is_file():
        raise ContentError(label, _("le fichier « _chapter.md » manque."))
    post = _load(file, f"{label}/_chapter.md")
    meta = post.metadata
    where = f"{label}/_chapter.md"
    return ChapterData(
        slug=_slug(meta, where),
        title=_text(meta, "title", where, limit=200),
        summary=_text(meta, "summary", where, required=False),
        intro=post.content.strip(),
        position=_position(directory.name, label),
        source=where,
    )


def path_read(root: FsPath, *, label: str = "") -> PathData:
    """Read a whole path; files with problems are listed in ``errors`` and left out."""
    label = label or root.name
    where = f"{label}/_path.md"
    if not (root / "_path.md").is_file():
        raise ContentError(
            where, _("le fichier « _path.md » manque : ce dossier n'est pas un parcours.")
        )
    post = _load(root / "_path.md", where)
    meta = post.metadata
    slug = _slug(meta, where)
    if slug in RESERVED_SLUGS:
        raise ContentError(where, _("l'identifiant « %(slug)s » est réservé.") % {"slug": slug})
    data = PathData(
        slug=slug,
        title=_text(meta, "title", where, limit=200),
        summary=_text(meta, "summary", where),
        audience=_text(meta, "audience", where, required=False, limit=300),
        intro=post.content.strip(),
        source=where,
        root=root,
    )
    seen: dict[str, str] = {}
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "media"):
        chapter_label = f"{label}/{directory.name}"
        try:
            chapter = chapter_read(directory, label=chapter_label)
        except ContentError as error:
            data.errors.append(error)
            continue
        for file in sorted(directory.glob("*.md")):
            if file.name == "_chapter.md":
                continue
            module_label = f"{chapter_label}/{file.name}"
            try:
                module = module_read(file, label=module_label, root=root)
            except ContentError as error:
                data.errors.append(error)
                continue
            if module.slug in seen:
                data.errors.append(
                    ContentError(
                        module_label,
                        _("l'identifiant « %(slug)s » est déjà pris par %(other)s.")
                        % {"slug": module.slug, "other": seen[module.slug]},
                    )
                )
                continue
            seen[module.slug] = module_label
            chapter.modules.append(module)
        data.chapters.append(chapter)
    return data
