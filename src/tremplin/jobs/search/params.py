"""Search parameters, the same whether they come from the page, the API or a saved search."""

from __future__ import annotations

from dataclasses import dataclass, replace

RADIUS_CHOICES = (5, 10, 20, 30, 50, 100)
DEFAULT_RADIUS = 30
SINCE_CHOICES = (1, 3, 7, 30)
PER_PAGE = 20
MAX_PAGE = 500


@dataclass(frozen=True)
class OfferSearch:
    q: str = ""
    commune: object | None = None  # tremplin.core.models.Commune
    radius: int = DEFAULT_RADIUS
    contract: tuple[str, ...] = ()
    time: tuple[str, ...] = ()
    remote: tuple[str, ...] = ()
    domain: tuple[str, ...] = ()
    department: tuple[str, ...] = ()
    since: int | None = None  # published in the last N days
    sort: str = "relevance"  # relevance, date, distance
    page: int = 1
    per_page: int = PER_PAGE

    #: Keyword filters: parameter name -> index field.
    FILTERS = {
        "contract": "contract",
        "time": "time",
        "remote": "remote",
        "domain": "domain",
        "department": "department",
    }

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in self.FILTERS if getattr(self, name)}

    def without(self, name: str) -> OfferSearch:
        empty = None if name in {"since", "commune"} else ()
        return replace(self, **{name: empty}, page=1)

    def with_radius(self, radius: int) -> OfferSearch:
        return replace(self, radius=radius, page=1)

    @property
    def is_empty(self) -> bool:
        return not (self.q or self.commune or self.filters() or self.since)


STARTS_CHOICES = (30, 90, 180)


@dataclass(frozen=True)
class TrainingSearch:
    q: str = ""
    commune: object | None = None
    radius: int = DEFAULT_RADIUS
    mode: tuple[str, ...] = ()
    funding: tuple[str, ...] = ()
    domain: tuple[str, ...] = ()
    department: tuple[str, ...] = ()
    certifying: tuple[str, ...] = ()
    starts_within: int | None = None  # next session starts within N days
    sort: str = "relevance"  # relevance, date (next session first), distance
    page: int = 1
    per_page: int = PER_PAGE

    FILTERS = {
        "mode": "mode",
        "funding": "funding",
        "domain": "domain",
        "department": "department",
        "certifying": "certifying",
    }

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in self.FILTERS if getattr(self, name)}

    def without(self, name: str) -> TrainingSearch:
        empty = None if name in {"starts_within", "commune"} else ()
        return replace(self, **{name: empty}, page=1)

    def with_radius(self, radius: int) -> TrainingSearch:
        return replace(self, radius=radius, page=1)

    @property
    def is_empty(self) -> bool:
        return not (self.q or self.commune or self.filters() or self.starts_within)
