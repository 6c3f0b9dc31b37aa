"""``tremplin learning export``: a path back out as a zip of Markdown files and media.

The zip has the very layout the importer reads, so territories can share a path they edited,
and importing the zip elsewhere (or here) gives the same content.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

import yaml

from tremplin.learning.models import Module, Path
from tremplin.learning.storage import protected_storage


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    style = "|" if "\n" in value else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _document(meta: dict, body: str) -> str:
    header = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n{body.strip()}\n"


def _module_meta(module: Module, media: dict[str, str]) -> dict:
    meta: dict = {"title": module.title, "slug": module.slug, "kind": module.kind}
    meta["objectives"] = list(module.objectives or [])
    if module.kind != Module.Kind.LESSON:
        meta["duration_minutes"] = module.duration_minutes
    if module.embed_url:
        meta["embed_url"] = module.embed_url
    meta.update(media)
    if module.transcript:
        meta["transcript"] = module.transcript
    quiz = getattr(module, "quiz", None)
    if quiz is not None:
        meta["quiz"] = {
            "pass_mark": quiz.pass_mark,
            "questions": [
                {
                    "text": question.text,
                    "answers": [
                        {"text": a.text, "correct": a.correct, "feedback": a.feedback}
                        for a in question.answers.all()
                    ],
                }
                for question in quiz.questions.all()
            ],
        }
    return meta


def path_export(path: Path, target) -> int:
    """Write ``path`` (drafts included: it is the staff's copy) to ``target``; returns modules."""
    storage = protected_storage()
    root = PurePosixPath(path.slug)
    count = 0
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(
            str(root / "_path.md"),
            _document(
                {
                    "title": path.title,
                    "slug": path.slug,
                    "summary": path.summary,
                    "audience": path.audience,
                },
                path.intro,
            ),
        )
        chapters = path.chapters.prefetch_related("modules__quiz__questions__answers").order_by(
            "position", "pk"
        )
        for c_index, chapter in enumerate(chapters, start=1):
            folder = root / f"{c_index:02d}-{chapter.slug}"
            bundle.writestr(
                str(folder / "_chapter.md"),
                _document(
                    {"title": chapter.title, "slug": chapter.slug, "summary": chapter.summary},
                    chapter.intro,
                ),
            )
            for m_index, module in enumerate(chapter.modules.all(), start=1):
                media = {}
                for key in ("video", "captions"):
                    stored = getattr(module, key)
                    if stored:
                        extension = PurePosixPath(stored.name).suffix
                        name = f"media/{module.slug}{extension}"
                        with (
                            storage.open(stored.name, "rb") as handle,
                            bundle.open(str(root / name), "w") as out,
                        ):
                            for block in iter(lambda h=handle: h.read(1024 * 1024), b""):
                                out.write(block)
                        media[key] = name
                bundle.writestr(
                    str(folder / f"{m_index:02d}-{module.slug}.md"),
                    _document(_module_meta(module, media), module.body),
                )
                count += 1
    return count
