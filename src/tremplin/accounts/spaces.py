"""The registry of "Mon espace" sections.

Each app adds its section (in its ``myspace.py``) with a function that returns the section's
context for the person, or None when there is nothing to show them: the page only shows what
exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    context: Callable[[object], dict | None]  # request -> context or None
    order: int = 100


_sections: dict[str, Section] = {}


def section_register(section: Section) -> None:
    _sections[section.key] = section


def sections_for(request) -> list[tuple[Section, dict]]:
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request)
        if context is not None:
            shown.append((section, context))
    return shown
