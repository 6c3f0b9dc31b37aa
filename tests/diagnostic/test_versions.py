"""Versions: a result stays tied to the version it was answered on."""

from __future__ import annotations

import copy
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.diagnostic.conftest import V1, best_answers
from tests.helpers import text
from tremplin.core.errors import DomainError
from tremplin.diagnostic import selectors, services
from tremplin.diagnostic.models import QuestionnaireVersion


@pytest.fixture
def folder(settings, tmp_path):
    settings.DIAGNOSTIC_QUESTIONNAIRES_DIR = tmp_path
    return tmp_path


def test_first_use_publishes_the_newest_file(db):
    version = selectors.version_current()
    assert version.number == 1
    assert version.source == V1.read_text(encoding="utf-8")
    assert len(version.sha256) == 64
    assert selectors.version_current().pk == version.pk
    assert QuestionnaireVersion.objects.count() == 1


def test_publishing_again_changes_nothing_and_edits_are_refused_once_used(
    db, folder, v1_data, write_version, take
):
    path = write_version(v1_data)
    version, status = services.questionnaire_publish(path=path)
    assert status == "created"
    assert services.questionnaire_publish(path=path)[1] == "same"
    edited = copy.deepcopy(v1_data)
    edited["title"] = "Un autre titre"
    write_version(edited)
    assert services.questionnaire_publish(path=path)[1] == "updated"  # no result yet
    take()
    edited["title"] = "Encore un autre"
    write_version(edited)
    with pytest.raises(DomainError, match=r"v2\.yaml"):
        services.questionnaire_publish(path=path)
    version.refresh_from_db()
    assert version.title == "Un autre titre"


def test_a_new_version_never_changes_old_results(db, folder, v1_data, write_version, take, client):
    write_version(v1_data)
    old = take(answers=best_answers(selectors.version_current().questionnaire, "commerce"))
    assert old.overall_score == 100
    v2 = copy.deepcopy(v1_data)
    v2["version"] = 2
    v2["dimensions"][0]["label"] = "Stratégie (v2)"
    v2["dimensions"][0]["questions"][0]["weight"] = 1
    v2["dimensions"][0]["questions"][0]["answers"][4]["points"] = 2
    v2["dimensions"][0]["questions"][0]["answers"][0]["points"] = 4
    write_version(v2, name="v2.yaml")
    current = selectors.version_current()
    assert current.number == 2
    new = take(answers=best_answers(current.questionnaire, "commerce"))
    assert new.version == current
    old.refresh_from_db()
    assert old.version.number == 1 and old.overall_score == 100
    page = text(client.get(f"/diagnostic/lien/{old.token}/"))
    assert "Stratégie numérique" in page and "Stratégie (v2)" not in page
    assert "/diagnostic/methode/v1/" in page
    method_v1 = text(client.get("/diagnostic/methode/v1/"))
    assert "Stratégie numérique" in method_v1 and "voir la version en cours (2)" in method_v1


def test_a_broken_newer_file_keeps_the_current_version(db, folder, v1_data, write_version, caplog):
    write_version(v1_data)
    assert selectors.version_current().number == 1
    broken = copy.deepcopy(v1_data)
    broken["version"] = 2
    broken["dimensions"][0]["questions"][0]["weight"] = 9
    write_version(broken, name="v2.yaml")
    with caplog.at_level(logging.ERROR):
        assert selectors.version_current().number == 1
    assert "« weight » doit être un entier de 1 à 3 (reçu : 9)" in caplog.text


def test_command_checks_and_publishes(db, folder, v1_data, write_version, capsys):
    good = write_version(v1_data)
    call_command("diagnostic", "check", str(good))
    assert "version 1 valide (commerce 27" in capsys.readouterr().out
    broken = copy.deepcopy(v1_data)
    broken["questions"] = [broken["dimensions"][0]["questions"].pop()]
    bad = write_version(broken, name="v3.yaml")
    with pytest.raises(CommandError, match="1 fichier"):
        call_command("diagnostic", "check", str(bad))
    assert "hors de toute dimension" in capsys.readouterr().err
    call_command("diagnostic", "publish", str(good))
    assert "version 1 publiée" in capsys.readouterr().out
    assert not QuestionnaireVersion.objects.filter(number=3).exists()
