"""The services the platform offers, as the home page and the navigation show them.

Each app registers its own entries, so the home page presents only what is installed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch

from tremplin.core.links import reverse_plain

_entries: dict[str, ServiceEntry] = {}


@dataclass(frozen=True)
class ServiceEntry:
    key: str
    title: str  # lazy translations
    description: str
    url_name: str
    order: int = 100
    in_nav: bool = True
    audience: str = ""  # who it is for, in a few words

    @property
    def url(self) -> str:
        try:
            return reverse_plain(self.url_name)
        except NoReverseMatch:
            return ""


def service_register(entry: ServiceEntry) -> None:
    _entries[entry.key] = entry


def services() -> list[ServiceEntry]:
    return sorted(
        (e for e in _entries.values() if e.url), key=lambda entry: (entry.order, entry.key)
    )
