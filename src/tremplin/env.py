"""The one place that reads the environment.

Settings read every variable through these helpers so that a typo or a bad value fails loudly
at start-up with a message naming the variable, instead of silently falling back to a default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on", "oui", "vrai"}
FALSE = {"0", "false", "no", "off", "non", "faux", ""}


class Env:
    """Typed access to a mapping of environment variables (``os.environ`` by default)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.environ.get(name)
        if value is None or value.strip() == "":
            return default
        return value.strip()

    def bool(self, name: str, default: bool = False) -> bool:
        value = self.environ.get(name)
        if value is None:
            return default
        lowered = value.strip().lower()
        if lowered in TRUE:
            return True
        if lowered in FALSE:
            return False
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a boolean: use one of true/false, 1/0, yes/no."
        )

    def int(self, name: str, default: int) -> int:
        value = self.str(name)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}={value!r} is not an integer.") from exc

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        value = self.str(name)
        if value is None:
            return list(default or [])
        return [item.strip() for item in value.split(",") if item.strip()]


def missing_production_settings(env: Env) -> list[str]:
    """Names of the variables production cannot run without.

    A public body's server must never run on a demo secret, accept any Host header, lose its
    e-mails or serve no territory: refusing to start is kinder than running half-configured.
    """
    required = ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "TREMPLIN_TERRITORY")
    return [name for name in required if env.str(name) is None]
