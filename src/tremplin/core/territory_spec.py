"""Parse the TREMPLIN_TERRITORY setting.

A territory is written as one or more ``kind:codes`` parts separated by ``;``, for example
``region:84`` (Auvergne-Rhône-Alpes), ``departement:42,43``, ``epci:244200770``,
``commune:42218`` or ``commune:42218,42207;departement:43``. Internally it is always a set
of communes (see :mod:`tremplin.core.territory`), but the syntax is checked here, without the
database, so that a typo stops the platform at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = {
    "region": re.compile(r"^\d{2}$"),
    "departement": re.compile(r"^(\d{2}|2A|2B|97\d)$"),
    "epci": re.compile(r"^\d{9}$"),
    "commune": re.compile(r"^(\d{5}|2[AB]\d{3})$"),
}
ALIASES = {
    "région": "region",
    "département": "departement",
    "insee": "commune",
    "dep": "departement",
}


class TerritorySpecError(ValueError):
    """The territory setting cannot be understood."""


@dataclass(frozen=True)
class TerritorySpec:
    parts: tuple[tuple[str, tuple[str, ...]], ...]

    def __str__(self) -> str:
        return ";".join(f"{kind}:{','.join(codes)}" for kind, codes in self.parts)

    def codes(self, kind: str) -> tuple[str, ...]:
        return tuple(code for k, codes in self.parts if k == kind for code in codes)


def parse_territory_spec(text: str | None) -> TerritorySpec:
    if not text or not text.strip():
        raise TerritorySpecError("empty territory")
    parts = []
    for raw in text.split(";"):
        raw = raw.strip()
        if not raw:
            continue
        kind, sep, codes_text = raw.partition(":")
        kind = ALIASES.get(kind.strip().lower(), kind.strip().lower())
        if not sep or kind not in KINDS:
            raise TerritorySpecError(
                f"{raw!r}: write kind:codes, with kind among {', '.join(sorted(KINDS))}"
            )
        codes = tuple(code.strip().upper() for code in codes_text.split(",") if code.strip())
        if not codes:
            raise TerritorySpecError(f"{raw!r}: no code after {kind}:")
        for code in codes:
            if not KINDS[kind].match(code):
                raise TerritorySpecError(f"{code!r} is not a valid {kind} code")
        parts.append((kind, codes))
    if not parts:
        raise TerritorySpecError("empty territory")
    return TerritorySpec(parts=tuple(parts))
