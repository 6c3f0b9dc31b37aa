"""France Travail's "API Offres d'emploi v2" JSON, real-world quirks included."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tremplin.jobs.models import ImportRun, JobOffer

from .conftest import FRANCE_TRAVAIL, ft, issues_text


def test_the_reference_file(import_file):
    run = import_file(FRANCE_TRAVAIL.read_bytes(), format="francetravail")
    assert (run.read, run.created, run.rejected, run.failed) == (2, 2, 0, False)
    bakery = JobOffer.objects.get(listings__source_id="999AAAA")
    assert bakery.employer.name == "BOULANGERIE EXEMPLE"
    assert bakery.commune.insee == "42218"
    assert bakery.contract_type == "cdd" and bakery.working_time == "full"
    assert (bakery.salary_min, bakery.salary_period) == (Decimal("1850.00"), "month")
    assert bakery.experience_months == 0
    assert bakery.rome_code == "D1106"
    assert bakery.description.startswith("<p>Au sein d'une boulangerie")
    assert bakery.listings.get().url == "https://candidat.example/offres/recherche/detail/999AAAA"
    web = JobOffer.objects.get(listings__source_id="999AAAB")
    assert web.employer is None  # no entreprise.nom: no employer, the offer still goes in
    assert web.commune.insee == "69383"  # Lyon 3e arrondissement
    assert (web.salary_min, web.salary_max, web.salary_period) == (
        Decimal("32000.00"),
        Decimal("38000.00"),
        "year",
    )
    assert web.listings.get().url == "https://partenaire.example/offre/123"
    assert "agence.example" not in str(JobOffer.objects.values())  # contacts are not imported


def test_bare_list_and_quirks(import_file):
    offers = [
        ft("Q1", salary="Mensuel de 28000.0 Euros à 40000.0 Euros"),
        ft("Q2", salary="Salaire à négocier"),
        dict(ft("Q3"), entreprise={}, contact={}, agence={}, competences=[{"libelle": "x"}]),
    ]
    run = import_file(json.dumps(offers), format="francetravail")
    assert run.created == 3 and run.rejected == 0
    q1 = JobOffer.objects.get(listings__source_id="Q1")
    assert (q1.salary_min, q1.salary_max, q1.salary_period) == (
        Decimal("28000.00"),
        Decimal("40000.00"),
        "year",
    )
    q2 = JobOffer.objects.get(listings__source_id="Q2")
    assert q2.salary_min is None and q2.salary_label == "Salaire à négocier"
    report = issues_text(run)
    assert "identifiant Q1" in report and "annuel présenté comme mensuel" in report
    assert "« Salaire à négocier » sans montant" in report


def test_bad_rows_are_reported_with_their_position_and_good_ones_go_in(import_file):
    offers = [
        ft("OK1"),
        {"intitule": "Sans identifiant"},
        ft("NOTITLE", title=""),
        "texte",
        ft("OK2"),
    ]
    run = import_file(json.dumps({"resultats": offers}, indent=1), format="francetravail")
    assert (run.read, run.created, run.rejected) == (5, 2, 3)
    report = issues_text(run)
    assert "offre n° 2 (ligne" in report and "identifiant (« id ») manquant" in report
    assert "identifiant NOTITLE) : intitulé (« intitule ») manquant" in report
    assert "offre n° 4" in report and "ce n'est pas un objet JSON" in report


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "le fichier est vide"),
        (b"<html>", "ne commence ni par"),
        (b'{"autre": []}', "la liste « resultats » est absente"),
        (b'{"resultats": [{"id": "A", "intitule": "x"}, {"id": ', "JSON invalide ligne 1"),
    ],
)
def test_malformed_feed_changes_nothing(import_file, data, message):
    run = import_file(data, format="francetravail")
    assert run.failed and message in run.message
    assert not JobOffer.objects.exists()


def test_broken_small_file_imports_nothing_at_all(import_file):
    good = json.dumps({"resultats": [ft(f"G{i}") for i in range(1500)]})
    run = import_file(good[:-40], format="francetravail")  # cut near the end
    assert run.failed and "rien n'a été importé" in run.message
    assert not JobOffer.objects.exists()


def test_big_file_is_streamed_and_a_late_error_keeps_what_was_read(import_file, monkeypatch):
    from tremplin.jobs.sources import francetravail

    monkeypatch.setattr(francetravail, "WHOLE_FILE_BYTES", 100)
    text = json.dumps({"resultats": [ft(f"S{i}") for i in range(1200)]})
    run = import_file(text[:-40], format="francetravail", full=True)
    assert run.failed and "aucune offre n'a été retirée" in run.message
    # Every whole offer before the break (the last one is cut), not only the full batches.
    assert JobOffer.objects.count() == 1199
    assert run.read == 1199


def test_command_reads_stdin_and_summarises(communes, monkeypatch, capsys):
    import io
    import sys

    data = json.dumps([ft("C1"), ft("C2", title="")]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    call_command("import_offers", "--format", "francetravail", "-", verbosity=0)
    captured = capsys.readouterr()
    assert "1 nouvelles" in captured.out and "1 refusées" in captured.out
    assert "refusée — offre n° 2" in captured.err
    assert ImportRun.objects.get().source_name == "francetravail"


def test_command_refuses_what_it_cannot_read(communes, tmp_path):
    with pytest.raises(CommandError, match="Impossible de lire"):
        call_command("import_offers", "--format", "francetravail", str(tmp_path / "nope.json"))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="Import refusé"):
        call_command("import_offers", "--format", "francetravail", str(broken), verbosity=0)


@pytest.mark.parametrize(
    "value",
    [
        "Vendeur",
        "",
        None,
        42,
        " Vendeur",
        "Vendeur ",
        "Vendeur  en boulangerie",
        "Vendeur\nen\tboulangerie",
        "Vendeur\u00a0(H/F)",
        "Vendeur\u2009\u202fsurgelés",
        "Aide\r\nsoignant",
        "x" * 300,
        " " + "y" * 300,
    ],
)
def test_clip_collapses_spaces_and_cuts_whatever_the_path(value):
    from tremplin.jobs.sources.base import clip

    expected = " ".join(str(value or "").split())[:200]
    assert clip(value, 200) == expected
