"""The registry of demo loaders: each app owns its demo data in its ``demo.py``.

A loader is an idempotent function (safe to run again, same result for the same seed) that
builds on its app's services. ``tremplin demo`` runs them in order.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from tremplin.core.services import database_statistics_refresh

BULK_SECONDS = 2.0


@dataclass
class DemoContext:
    seed: int
    territory: object  # tremplin.core.territory.Territory
    out: Callable[[str], None] = print
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role, email, password)
    progress: Callable[..., object] | None = None

    def rng(self, name: str) -> random.Random:
        """A generator of its own per loader, so that adding a loader changes no other data."""
        return random.Random(f"{self.seed}:{name}")  # noqa: S311 - demo data, not secrets


@dataclass(frozen=True)
class DemoLoader:
    name: str
    order: int
    load: Callable[[DemoContext], str]


_loaders: dict[str, DemoLoader] = {}


def demo_loader(*, name: str, order: int = 100):
    def register(function: Callable[[DemoContext], str]):
        _loaders[name] = DemoLoader(name=name, order=order, load=function)
        return function

    return register


def demo_loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))


def demo_run(context: DemoContext, only: set[str] | None = None) -> list[tuple[str, str]]:
    """Run the loaders, each in its own transaction; returns (name, summary) pairs."""
    results = []
    for loader in demo_loaders():
        if only and loader.name not in only:
            continue
        started = time.monotonic()
        with transaction.atomic():
            summary = loader.load(context)
            if time.monotonic() - started > BULK_SECONDS:
                # A long loader wrote a lot: the next ones query what it wrote.
                database_statistics_refresh()
        context.out(f"  {loader.name}: {summary}")
        results.append((loader.name, summary))
    return results
