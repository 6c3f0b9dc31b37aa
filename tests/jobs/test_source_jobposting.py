"""schema.org JobPosting: one object, a list, an @graph, or embedded in a career page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tremplin.jobs.models import JobOffer

from .conftest import DATA, issues_text


def test_single_object_with_everything(import_file):
    run = import_file((DATA / "jobposting_single.json").read_bytes(), format="jobposting")
    assert (run.created, run.rejected) == (1, 0)
    offer = JobOffer.objects.get()
    assert offer.listings.get().source_id == "GD-2026-07"
    assert offer.commune.name == "Montbrison"
    assert offer.employer.name == "Garage Dupuis"
    assert (offer.contract_type, offer.working_time) == ("cdi", "full")
    assert (offer.salary_min, offer.salary_max, offer.salary_period) == (
        Decimal("1900"),
        Decimal("2300"),
        "month",
    )
    assert offer.experience_months == 24
    assert offer.rome_code == "I1604"
    assert offer.expires_at.date() == date(2027, 1, 31)
    assert "<script" not in offer.description and "alert" not in offer.description
    assert "<li>Diagnostic électronique</li>" in offer.description


def test_list_with_a_bad_row_and_remote_work(import_file):
    run = import_file((DATA / "jobposting_list.json").read_bytes(), format="jobposting")
    assert (run.read, run.created, run.rejected) == (3, 2, 1)
    assert "JobPosting n° 2 : intitulé (« title ») manquant" in issues_text(run)
    hairdresser = JobOffer.objects.get(title="Coiffeur / Coiffeuse")
    assert hairdresser.commune.insee == "42218" and hairdresser.working_time == "part"
    assert hairdresser.listings.get().source_id == "https://salon-lea.example/emploi/1"
    remote = JobOffer.objects.get(title__startswith="Développeuse")
    assert remote.remote == "full" and remote.commune is None
    assert remote.contract_type == "independant"
    assert (remote.salary_min, remote.salary_period) == (Decimal("450"), "day")
    # No identifier, no URL: a fingerprint, stable from one import to the next.
    assert remote.listings.get().source_id.startswith("empreinte-")
    again = import_file((DATA / "jobposting_list.json").read_bytes(), format="jobposting")
    assert (again.created, again.unchanged) == (0, 2)


def test_graph_several_places_and_bad_fields(import_file):
    run = import_file((DATA / "jobposting_graph.json").read_bytes(), format="jobposting")
    assert (run.created, run.rejected) == (1, 1)
    report = issues_text(run)
    assert "plusieurs lieux de travail" in report
    assert "« Jardinier (H/F) »" in report and "commune inconnue « Ville Imaginaire »" in report
    desk = JobOffer.objects.get()
    assert desk.commune.name == "Roanne" and desk.contract_type == "cdd"


def test_embedded_in_a_career_page(import_file):
    run = import_file((DATA / "career_page.html").read_bytes(), format="jobposting", source="fdm")
    assert run.created == 2
    seller = JobOffer.objects.get(listings__source_id="FDM-1")
    assert (seller.contract_type, seller.working_time) == ("cdd", "part")
    assert JobOffer.objects.get(listings__source_id="FDM-2").contract_type == "alternance"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{pas du json", "JSON invalide ligne 1"),
        ('{"@type": "Organization", "name": "x"}', "aucune offre JobPosting"),
        ("<html><body>Rien</body></html>", "aucune offre JobPosting"),
        ("", "le fichier est vide"),
    ],
)
def test_unreadable_feeds_change_nothing(import_file, data, message):
    run = import_file(data, format="jobposting")
    assert run.failed and message in run.message
    assert not JobOffer.objects.exists()
