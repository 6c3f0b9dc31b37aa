"""The ``tremplin`` command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tremplin.test_settings"}
    return subprocess.run(
        [sys.executable, "-m", "tremplin.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for name in ("geo", "demo", "scheduler", "migrate", "db_worker"):
        assert name in result.stdout


def test_unknown_command_is_a_clear_error():
    result = run("import-everything")
    assert result.returncode == 2
    assert "commande inconnue" in result.stderr


@pytest.mark.parametrize("command", ["geo", "demo", "scheduler", "demo-code"])
def test_each_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage" in result.stdout.lower()
