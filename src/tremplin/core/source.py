"""The source code of the running instance, offered to its users (AGPL-3.0, section 13)."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
PROJECT_FILES = [
    "pyproject.toml",
    "requirements.txt",
    "requirements-dev.txt",
    "README.md",
    "LICENSE",
    "Makefile",
    "Procfile.demo",
    "manage.py",
]
SKIPPED_PARTS = {"__pycache__", ".mypy_cache"}
SKIPPED_SUFFIXES = {".pyc", ".mo"}


@cache
def source_zip() -> tuple[str, bytes]:
    release = version("tremplin")
    root = f"tremplin-{release}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PACKAGE.rglob("*")):
            if path.is_dir() or SKIPPED_PARTS & set(path.parts) or path.suffix in SKIPPED_SUFFIXES:
                continue
            archive.write(path, f"{root}/src/tremplin/{path.relative_to(PACKAGE)}")
        project = PACKAGE.parent.parent
        for name in PROJECT_FILES:
            if (project / name).is_file():
                archive.write(project / name, f"{root}/{name}")
    return f"{root}.zip", buffer.getvalue()
