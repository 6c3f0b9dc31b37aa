"""Settings come from the environment; production refuses to start half-configured."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tremplin.core.territory_spec import TerritorySpecError, parse_territory_spec
from tremplin.env import Env, missing_production_settings

PRODUCTION = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "tremplin.exemple.fr",
    "EMAIL_URL": "smtp://user:pass@smtp.exemple.fr:587",
    "TREMPLIN_TERRITORY": "departement:42",
}


def test_booleans_integers_and_lists_are_parsed():
    env = Env({"A": "oui", "B": "0", "N": "12", "L": "a.fr, b.fr,,"})
    assert env.bool("A") is True
    assert env.bool("B") is False
    assert env.bool("MISSING", True) is True
    assert env.int("N", 3) == 12
    assert env.list("L") == ["a.fr", "b.fr"]


def test_a_bad_boolean_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        Env({"DEBUG": "peut-être"}).bool("DEBUG")


def test_production_lists_what_is_missing():
    assert missing_production_settings(Env({})) == [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "EMAIL_URL",
        "TREMPLIN_TERRITORY",
    ]
    assert missing_production_settings(Env(PRODUCTION)) == []


def _settings_in_subprocess(environ: dict[str, str], code: str) -> subprocess.CompletedProcess:
    drop = {*PRODUCTION, "DEBUG", "DATABASE_URL", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(environ)
    env["DJANGO_SETTINGS_MODULE"] = "tremplin.settings"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_its_settings():
    result = _settings_in_subprocess({"DEBUG": "false"}, "import django; django.setup()")
    assert result.returncode != 0
    assert "refuses to start without SECRET_KEY, ALLOWED_HOSTS, EMAIL_URL" in result.stderr


def test_production_settings_are_read_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.EMAIL_DELIVERY_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, "
        "s.TREMPLIN_TERRITORY, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.DATABASES['default']['ENGINE'])"
    )
    result = _settings_in_subprocess(
        {**PRODUCTION, "DEBUG": "false", "DATABASE_URL": "postgres://u:p@db.exemple.fr/tremplin"},
        code,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['tremplin.exemple.fr']",
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.exemple.fr",
        "587",
        "departement:42",
        "True",
        "True",
        "django.db.backends.postgresql",
    ]


def test_every_retention_period_comes_from_the_environment():
    """Each app's purge and the public register read the period the operator set."""
    code = (
        "import django; django.setup(); "
        "from tremplin.jobs.publishing import conf as jobs; "
        "from tremplin.diagnostic import conf as diagnostic; "
        "print(jobs.value('JOBS_RETENTION_NOT_HIRED_DAYS'), "
        "jobs.value('JOBS_RETENTION_POOL_DAYS'), "
        "diagnostic.anonymous_retention_days(), diagnostic.draft_retention_days())"
    )
    result = _settings_in_subprocess(
        {
            **PRODUCTION,
            "DEBUG": "false",
            "RETENTION_APPLICATION_NOT_HIRED_DAYS": "60",
            "RETENTION_APPLICATION_POOL_DAYS": "365",
            "RETENTION_DIAGNOSTIC_LINK_DAYS": "180",
            "RETENTION_DIAGNOSTIC_DRAFT_DAYS": "15",
        },
        code,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "365", "180", "15"]


def test_a_wrong_territory_stops_the_start():
    result = _settings_in_subprocess(
        {**PRODUCTION, "DEBUG": "false", "TREMPLIN_TERRITORY": "canton:12"},
        "import django; django.setup()",
    )
    assert result.returncode != 0
    assert "TREMPLIN_TERRITORY" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("region:84", "region:84"),
        ("département:42,43", "departement:42,43"),
        ("commune:42218;epci:244200770", "commune:42218;epci:244200770"),
        ("insee:2A004", "commune:2A004"),
    ],
)
def test_territory_specs(text, expected):
    assert str(parse_territory_spec(text)) == expected


@pytest.mark.parametrize("text", ["", "region", "region:8", "canton:42", "commune:4221"])
def test_bad_territory_specs(text):
    with pytest.raises(TerritorySpecError):
        parse_territory_spec(text)
