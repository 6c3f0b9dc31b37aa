"""Fingerprints of content, the same whether read from files or from database rows.

The importer compares the fingerprint of a module as the files say it with the one stored at
the last import: equal means staff have not edited it since (their edits are kept unless the
import is forced).
"""

from __future__ import annotations

import hashlib
import json

from tremplin.learning.content_io.format import ModuleData, QuizData


def _sha256_file(file) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def quiz_canonical(quiz: QuizData | None) -> dict | None:
    if quiz is None:
        return None
    return {
        "pass_mark": quiz.pass_mark,
        "questions": [
            {"text": q.text, "answers": [[a.text, a.correct, a.feedback] for a in q.answers]}
            for q in quiz.questions
        ],
    }


def module_canonical(data: ModuleData) -> dict:
    return {
        "title": data.title,
        "kind": data.kind,
        "objectives": list(data.objectives),
        "body": data.body.strip(),
        "duration": data.duration_minutes if data.kind != "lesson" else None,
        "transcript": data.transcript.strip(),
        "embed_url": data.embed_url,
        "video": _sha256_file(data.video) if data.video else "",
        "captions": _sha256_file(data.captions) if data.captions else "",
        "quiz": quiz_canonical(data.quiz),
    }


def chapter_canonical(title: str, summary: str, intro: str) -> dict:
    return {"title": title, "summary": summary, "intro": intro.strip()}


def path_canonical(title: str, summary: str, audience: str, intro: str) -> dict:
    return {"title": title, "summary": summary, "audience": audience, "intro": intro.strip()}
