"""Questionnaire files on disk: ``v1.yaml``, ``v2.yaml``… in the questionnaires directory."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from tremplin.diagnostic.conf import questionnaires_dir
from tremplin.diagnostic.questionnaire import Questionnaire, QuestionnaireError, parse_text

FILE_NAME = re.compile(r"^v(?P<number>[1-9][0-9]*)\.ya?ml$")


@dataclass(frozen=True)
class VersionFile:
    path: Path
    number: int
    text: str
    sha256: str
    questionnaire: Questionnaire


def version_files(directory: Path | None = None) -> list[tuple[int, Path]]:
    """(number, path) of every questionnaire file, oldest first."""
    directory = directory or questionnaires_dir()
    found = []
    for path in directory.glob("v*.y*ml"):
        match = FILE_NAME.match(path.name)
        if match:
            found.append((int(match["number"]), path))
    return sorted(found)


def read_version_file(path: Path) -> VersionFile:
    """Read and check one file; raise QuestionnaireError (French, with the place) if wrong."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise QuestionnaireError(
            [_("%(file)s : fichier illisible (%(error)s).") % {"file": path, "error": exc}]
        ) from exc
    except UnicodeDecodeError as exc:
        raise QuestionnaireError(
            [_("%(file)s : le fichier doit être encodé en UTF-8.") % {"file": path.name}]
        ) from exc
    questionnaire = parse_text(text, source=path.name)
    match = FILE_NAME.match(path.name)
    if match and int(match["number"]) != questionnaire.version:
        raise QuestionnaireError(
            [
                _("%(file)s : le fichier annonce la version %(version)s ; renommez-le.")
                % {"file": path.name, "version": questionnaire.version}
            ]
        )
    return VersionFile(
        path=path,
        number=questionnaire.version,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        questionnaire=questionnaire,
    )
