"""CSV of job and training offers, with the documented columns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from tremplin.jobs.models import JobOffer, TrainingOffer

from .conftest import DATA, issues_text


def test_job_offers(import_file):
    run = import_file((DATA / "offres.csv").read_bytes(), format="csv")
    assert (run.read, run.created, run.rejected) == (6, 3, 3)
    report = issues_text(run)
    # C-1's description spans lines 2 and 3: the next rows start on lines 4, 5, 6…
    assert "ligne 5 : valeur obligatoire vide : intitule" in report
    assert "ligne 6 : commune inconnue « Commune Inconnue »" in report
    assert "ligne 8 : 24 colonnes au lieu de 22" in report
    assert "ligne 7 : teletravail « plus tard » inconnu" in report
    for warning in (
        "type de contrat « contrat bizarre » inconnu",
        "salaire_min « abc » n'est pas un nombre",
        "code ROME « ZZ9 » invalide",
        "teletravail « plus tard » inconnu",
        "url « pas-une-url » n'est pas une adresse web valide",
    ):
        assert warning in report
    plumber = JobOffer.objects.get(listings__source_id="C-1")
    assert plumber.commune.name == "Firminy"
    assert plumber.description == "<p>Dépannage chez les particuliers.<br>Véhicule fourni.</p>"
    assert (plumber.salary_min, plumber.salary_max, plumber.salary_period) == (
        Decimal("2100"),
        Decimal("2600"),
        "month",
    )
    assert plumber.remote == "none" and plumber.experience_months == 12
    secretary = JobOffer.objects.get(listings__source_id="C-2")
    assert (secretary.salary_min, secretary.salary_period) == (Decimal("1850.50"), "month")
    assert timezone.localtime(secretary.expires_at).date() == date(2027, 2, 28)  # all day
    assert secretary.employer.name == "Cabinet des Tilleuls"


def test_semicolons_and_windows_encoding(import_file):
    run = import_file((DATA / "offres_windows.csv").read_bytes(), format="csv")
    assert run.created == 1
    assert JobOffer.objects.get().title == "Boulangère (H/F)"
    report = issues_text(run)
    assert "colonne « colonne_inconnue » inconnue" in report
    assert "Windows-1252" in report


def test_training_offers(import_file):
    run = import_file((DATA / "formations.csv").read_bytes(), format="csv")
    assert (run.created, run.rejected) == (3, 1)
    report = issues_text(run)
    assert "valeur obligatoire vide : organisme" in report
    assert "financement « inconnu » inconnu" in report
    assert "date_debut après date_fin" in report
    cap = TrainingOffer.objects.get(listings__source_id="F-1")
    assert cap.is_certifying and cap.certification_code == "RNCP36217"
    assert set(cap.funding) == {"cpf", "region", "employer"}
    assert [s.start_date for s in cap.sessions.all()] == [date(2027, 1, 10)]
    assert cap.start_date == date(2027, 1, 10) and cap.duration_hours == 800
    online = TrainingOffer.objects.get(listings__source_id="F-2")
    assert online.is_distance and online.commune is None
    assert sorted(online.rome_links.values_list("rome_code", flat=True)) == ["D1106", "M1705"]


def test_required_columns_missing_refuses_the_file(import_file):
    run = import_file("titre,lieu\nx,y\n", format="csv")
    assert run.failed and "colonnes obligatoires absentes" in run.message
    run = import_file("identifiant,intitule\n", format="csv", kind="training")
    assert run.failed and "organisme" in run.message
