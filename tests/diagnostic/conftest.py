"""Fixtures of the diagnostic tests: the published questionnaire, answers, results."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from django.utils import timezone

from tremplin.diagnostic import selectors, services
from tremplin.diagnostic.models import Diagnostic, DimensionScore
from tremplin.diagnostic.versions import version_files

V1 = version_files()[0][1]


@pytest.fixture
def communes(db):
    """A tiny geography (two communes of the default territory) instead of two whole
    départements: these tests only need a commune for a business and the territory's
    départements; the demo test loads the real thing."""
    from tremplin.core.models import Commune, Department, PostalCode, Region

    region = Region.objects.create(code="84", name="Auvergne-Rhône-Alpes")
    for code, name, insee, town, postal, lat, lon in [
        ("42", "Loire", "42218", "Saint-Étienne", "42000", 45.43, 4.39),
        ("69", "Rhône", "69123", "Lyon", "69001", 45.76, 4.83),
    ]:
        department = Department.objects.create(code=code, name=name, region=region)
        commune = Commune.objects.create(
            insee=insee,
            name=town,
            search_name=town.lower(),
            department=department,
            latitude=lat,
            longitude=lon,
            population=100_000,
        )
        PostalCode.objects.create(code=postal, commune=commune)


@pytest.fixture
def v1_data() -> dict:
    """The shipped questionnaire as plain data, to break on purpose in a test."""
    return yaml.safe_load(V1.read_text(encoding="utf-8"))


@pytest.fixture
def write_version(tmp_path):
    """Write questionnaire data as ``vN.yaml`` in a folder of its own; returns the path."""

    def write(data: dict | str, name: str = "v1.yaml") -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def version(db):
    return selectors.version_current()


@pytest.fixture
def questionnaire(version):
    return version.questionnaire


def lowest_answers(questionnaire, sector: str) -> dict[str, list[str]]:
    """Everything at 0 points (the first answer, or « aucune »)."""
    return {q.key: [q.answers[0].key] for q in questionnaire.questions_for(sector)}


def best_answers(questionnaire, sector: str) -> dict[str, list[str]]:
    answers = {}
    for q in questionnaire.questions_for(sector):
        if q.is_multiple:
            answers[q.key] = [a.key for a in q.answers if not a.exclusive]
        else:
            answers[q.key] = [max(q.answers, key=lambda a: a.points).key]
    return answers


@pytest.fixture
def take(db):
    """Fill in and complete a diagnostic through the services (on the current version)."""

    def do(*, actor=None, business=None, sector="commerce", answers=None, when=None, **extra):
        version = selectors.version_current()
        when = when or timezone.now()
        diagnostic, token = services.diagnostic_start(
            actor=actor, version=version, sector=sector, business=business, now=when, **extra
        )
        answers = answers or lowest_answers(version.questionnaire, sector)
        services.diagnostic_save_answers(diagnostic=diagnostic, answers=answers, now=when)
        diagnostic = services.diagnostic_complete(diagnostic=diagnostic, now=when)
        diagnostic.token = token
        return diagnostic

    return do


@pytest.fixture
def make_results(version):
    """Completed diagnostics written directly (fast), for the statistics."""

    def make(
        count: int,
        *,
        score: int = 50,
        sector="commerce",
        department="42",
        size="1-2",
        online="no",
        when=None,
        **extra,
    ) -> list[Diagnostic]:
        when = when or timezone.now() - timedelta(days=1)
        made = []
        for _ in range(count):
            import secrets

            diagnostic = Diagnostic.objects.create(
                version=version,
                token_hash=secrets.token_hex(32),
                sector=sector,
                department_code=department,
                size_band=size,
                status="completed",
                completed_at=when,
                overall_score=score,
                level="avance" if score >= 50 else "debutant",
                sells_online=online,
                **extra,
            )
            DimensionScore.objects.bulk_create(
                DimensionScore(diagnostic=diagnostic, dimension=d.key, score=score)
                for d in version.questionnaire.dimensions
            )
            made.append(diagnostic)
        return made

    return make
