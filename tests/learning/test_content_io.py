"""Import and export of paths: the shipped content, staff edits, bad files, the zip round trip."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path as FsPath

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tremplin.learning.content_io.exporter import path_export
from tremplin.learning.content_io.format import ContentError
from tremplin.learning.content_io.importer import SHIPPED, content_import, module_db_canonical
from tremplin.learning.models import Answer, Chapter, Module, Path, Question, Status

pytestmark = pytest.mark.django_db

MODULE = """---
title: "Un module d'essai"
slug: {slug}
kind: lesson
objectives:
  - "Essayer l'import"
quiz:
  pass_mark: 60
  questions:
{questions}
---
{body}
"""
QUESTION = """    - text: "Question {n} ?"
      answers:
        - text: "Oui"
          correct: {correct}
          feedback: "Parce que."
        - text: "Non"
          correct: false
          feedback: "Parce que non."
"""
BODY = "## Une partie\n\n" + "Le boulanger ouvre sa boutique tôt le matin. " * 70


def _module(slug="essai", *, correct="true", body=BODY, questions=3):
    return MODULE.format(
        slug=slug,
        questions="".join(QUESTION.format(n=n, correct=correct) for n in range(questions)),
        body=body,
    )


@pytest.fixture
def tree(tmp_path) -> FsPath:
    root = tmp_path / "essai"
    (root / "01-debut").mkdir(parents=True)
    (root / "_path.md").write_text(
        '---\ntitle: "Parcours d\'essai"\nslug: essai\nsummary: "Pour tester."\n'
        'audience: "Tout le monde"\n---\nIntro.\n'
    )
    (root / "01-debut" / "_chapter.md").write_text(
        '---\ntitle: "Début"\nslug: debut\nsummary: "Le début."\n---\nLe chapitre.\n'
    )
    (root / "01-debut" / "01-premier.md").write_text(_module("premier"))
    (root / "01-debut" / "02-second.md").write_text(_module("second"))
    return root


def test_shipped_paths_import_published_and_complete():
    report = content_import()
    assert report.errors == []
    assert sorted(report.paths) == ["accelerateur-numerique", "bases-du-commerce-en-ligne"]
    assert Path.objects.published().count() == 2
    assert Chapter.objects.count() == 11
    assert Module.objects.published().count() == 42
    accelerator = Path.objects.get(slug="accelerateur-numerique")
    assert accelerator.chapters.count() == 7
    for chapter in Chapter.objects.all():
        assert 3 <= chapter.modules.count() <= 6, chapter
    for module in Module.objects.all():
        assert 3 <= module.duration_minutes <= 4, module.slug
        assert 3 <= module.quiz.questions.count() <= 5
    assert not Answer.objects.filter(feedback="").exists()


def test_reimport_changes_nothing_then_keeps_staff_edits_unless_forced(tree):
    first = content_import(tree)
    assert (first.created, first.updated, first.errors) == (2, 0, [])
    again = content_import(tree)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

    module = Module.objects.get(slug="premier")
    module.title = "Titre revu par l'équipe"
    module.save()
    question = Question.objects.filter(quiz__module=module).first()
    (tree / "01-debut" / "01-premier.md").write_text(_module("premier").replace("Un module", "Le"))
    kept = content_import(tree)
    assert kept.kept == ["essai/01-debut/01-premier.md"]
    assert Module.objects.get(slug="premier").title == "Titre revu par l'équipe"

    forced = content_import(tree, force=True)
    assert forced.updated == 1
    assert Module.objects.get(slug="premier").title == "Le d'essai"
    # Questions are rewritten in place: their statistics survive.
    assert Question.objects.filter(pk=question.pk).exists()


def test_file_changed_upstream_updates_an_untouched_module(tree):
    content_import(tree)
    (tree / "01-debut" / "02-second.md").write_text(_module("second").replace("Un module", "Le"))
    report = content_import(tree)
    assert (report.updated, report.kept) == (1, [])
    assert Module.objects.get(slug="second").title == "Le d'essai"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_module("casse").replace('title: "Un module', 'title: "Un "module'), "YAML valide"),
        (_module("casse", correct="false"), "aucune bonne réponse"),
        (_module("casse", body="Trop court."), "il en faut entre 450 et 700"),
        (_module("casse", questions=2), "de 3 à 5 questions"),
        (_module("casse").replace('feedback: "Parce que non."', 'feedback: ""'), "explication"),
        (_module("Casse Accent"), "minuscules"),
        (_module("casse").replace('objectives:\n  - "Essayer l\'import"\n', ""), "objectives"),
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_the_rest_goes_in(tree, text, reason):
    (tree / "01-debut" / "03-casse.md").write_text(text)
    report = content_import(tree)
    assert len(report.errors) == 1
    error = report.errors[0]
    assert error.file == "essai/01-debut/03-casse.md"
    assert reason in error.reason
    assert report.created == 2
    assert not Module.objects.filter(position=3).exists()
    assert not Module.objects.filter(slug="casse").exists()


def test_broken_path_header_imports_nothing(tree):
    (tree / "_path.md").write_text('---\ntitle: "Parcours\nslug: [\n---\n')
    report = content_import(tree)
    assert report.errors and report.errors[0].file == "essai/_path.md"
    assert "ligne" in report.errors[0].reason
    assert not Path.objects.exists() and not Module.objects.exists()


def test_same_slug_twice_is_refused(tree):
    (tree / "01-debut" / "03-double.md").write_text(_module("premier"))
    report = content_import(tree)
    assert [e.file for e in report.errors] == ["essai/01-debut/03-double.md"]
    assert "déjà pris" in report.errors[0].reason


def test_export_then_import_round_trips(tree, tmp_path, video_file, captions_file):
    content_import(tree)
    module = Module.objects.get(slug="second")
    from tremplin.learning.services.content import module_publish, module_set_media

    module.kind, module.status = "video", "draft"
    module.duration_minutes = 3
    module.transcript = "Bonjour, voici la transcription."
    module.save()
    module_set_media(module=module, video=video_file, captions=captions_file)
    module_publish(module=module)
    path = Path.objects.get(slug="essai")
    before = {m.slug: module_db_canonical(m) for m in Module.objects.all()}

    archive = tmp_path / "essai.zip"
    assert path_export(path, archive) == 2
    names = zipfile.ZipFile(archive).namelist()
    assert "essai/_path.md" in names and "essai/media/second.webm" in names

    Path.objects.all().delete()
    report = content_import(archive)
    assert report.errors == [] and report.created == 2
    after = {m.slug: module_db_canonical(m) for m in Module.objects.all()}
    assert after == before
    assert Module.objects.get(slug="second").status == Status.PUBLISHED
    # Importing the same zip again over the imported content changes nothing.
    assert content_import(archive).unchanged == 2


def test_zip_with_an_escaping_member_is_refused(tmp_path):
    archive = tmp_path / "mauvais.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("../dehors/_path.md", "---\n---\n")
    with pytest.raises(ContentError, match="chemin refusé"):
        content_import(archive)


def test_command_reports_refused_files_and_summary(tree, capsys):
    shutil.copy(tree / "01-debut" / "01-premier.md", tree / "01-debut" / "03-copie.md")
    (tree / "01-debut" / "04-vide.md").write_text('---\ntitle: "x"\n---\n')
    with pytest.raises(CommandError, match="2 fichiers refusés"):
        call_command("learning", "import", str(tree), verbosity=0)
    err = capsys.readouterr().err
    assert "Refusé — essai/01-debut/04-vide.md" in err
    assert Module.objects.count() == 2


def test_command_import_and_export(tmp_path, capsys):
    call_command("learning", "import", verbosity=0)
    out = capsys.readouterr().out
    assert "Import terminé : 2 parcours, 11 chapitres ; modules : 42 créés" in out
    target = tmp_path / "bases.zip"
    call_command("learning", "export", "bases-du-commerce-en-ligne", str(target))
    assert "12 modules" in capsys.readouterr().out
    with pytest.raises(CommandError, match="introuvable"):
        call_command("learning", "export", "inconnu", str(target))
    with pytest.raises(CommandError, match="introuvable"):
        call_command("learning", "import", str(tmp_path / "absent"))


def test_shipped_folder_exists():
    assert (SHIPPED / "accelerateur-numerique" / "_path.md").is_file()
