"""The reporting side of the questionnaire checks: each problem with its place, in French.

:class:`FieldReporter` reads one field at a time (a text, an integer in a range, a key) and
records what is wrong instead of stopping, so that an author sees every problem at once.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tremplin.diagnostic.questionnaire import KEY


def key_hint(item) -> str:
    """The item's key, to name the place in messages (checked properly later)."""
    key = item.get("key") if isinstance(item, dict) else None
    return key if isinstance(key, str) and key else ""


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class FieldReporter:
    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[str] = []

    # --- reporting -----------------------------------------------------------------------
    def error(self, place: str, message: str) -> None:
        where = f"{self.source}, {place}" if place else self.source
        self.errors.append(f"{where} : {message}")

    def mapping(self, value, place: str, allowed: set[str], required: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.error(place, _("une liste de champs « clé: valeur » est attendue ici."))
            return None
        for key in sorted(set(value) - allowed, key=str):
            self.error(
                place,
                _("champ inconnu « %(key)s » (champs possibles : %(allowed)s).")
                % {"key": key, "allowed": ", ".join(sorted(allowed))},
            )
        for key in sorted(required - set(value)):
            self.error(place, _("le champ « %(key)s » manque.") % {"key": key})
        return value

    def text(self, data: dict, name: str, place: str, *, required: bool = True) -> str:
        value = data.get(name, "")
        if value is None or (not required and value == ""):
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            if name in data:
                self.error(
                    place,
                    _("« %(name)s » doit être un texte non vide (entre guillemets).")
                    % {"name": name},
                )
            return ""
        return value.strip()

    def integer(self, data: dict, name: str, place: str, low: int, high: int | None) -> int:
        value = data.get(name)
        if name not in data:
            return low
        if not _is_int(value) or value < low or (high is not None and value > high):
            bounds = (
                _("un entier de %(low)s à %(high)s") % {"low": low, "high": high}
                if high is not None
                else _("un entier supérieur ou égal à %(low)s") % {"low": low}
            )
            self.error(
                place,
                _("« %(name)s » doit être %(bounds)s (reçu : %(value)r).")
                % {"name": name, "bounds": bounds, "value": value},
            )
            return low
        return value

    def key(self, data: dict, place: str) -> str:
        value = data.get("key")
        if "key" not in data:
            return ""
        if not isinstance(value, str):
            self.error(
                place,
                _(
                    "la clé doit être un texte entre guillemets (reçu : %(value)r ; en YAML, "
                    "no, yes, on et off sans guillemets deviennent vrai ou faux)."
                )
                % {"value": value},
            )
            return ""
        if not KEY.match(value):
            self.error(
                place,
                _(
                    "la clé « %(key)s » doit être écrite en minuscules sans accent, avec des "
                    "tirets bas (par exemple « strategy_goals »)."
                )
                % {"key": value},
            )
        return value

    def unique(self, items: list, place: str, what: str) -> None:
        seen = set()
        for item in items:
            if item and item in seen:
                self.error(
                    place, _("%(what)s « %(key)s » en double.") % {"what": what, "key": item}
                )
            seen.add(item)
