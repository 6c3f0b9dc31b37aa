"""What an import does to the database: idempotent, full refresh, never half-written."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tremplin.core.models import SearchChange
from tremplin.core.territory_spec import parse_territory_spec
from tremplin.jobs.models import Employer, ImportRun, JobListing, JobOffer

from .conftest import ft, issues_text


def test_reimport_is_idempotent_and_updates_by_source_id(import_ft):
    first = import_ft([ft("A1"), ft("A2")])
    assert (first.created, first.unchanged) == (2, 0)
    again = import_ft([ft("A1"), ft("A2")])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = import_ft([ft("A1", title="Vendeur / Vendeuse (CDI)"), ft("A2")])
    assert (changed.updated, changed.unchanged) == (1, 1)
    assert JobOffer.objects.count() == 2 and JobListing.objects.count() == 2
    offer = JobOffer.objects.get(listings__source_id="A1")
    assert offer.title == "Vendeur / Vendeuse (CDI)" and offer.slug == "vendeur-vendeuse-cdi"
    assert Employer.objects.filter(name="Boulangerie A1").count() == 1


def test_full_refresh_expires_what_the_source_no_longer_lists(import_ft):
    import_ft([ft("A1"), ft("A2"), ft("A3")], full=True)
    other = import_ft([ft("B1")], source="autre", full=True)
    assert other.withdrawn == 0
    run = import_ft([ft("A1"), ft("A3")], full=True)
    assert run.withdrawn == 1
    gone = JobOffer.objects.get(listings__source_id="A2")
    assert gone.expired_at is not None and gone.listings.get().withdrawn_at is not None
    assert JobOffer.objects.live().count() == 3  # A1, A3 and the other source's B1
    back = import_ft([ft("A1"), ft("A2"), ft("A3")], full=True)
    assert back.unchanged == 3
    gone.refresh_from_db()
    assert gone.expired_at is None and gone.listings.get().withdrawn_at is None


def test_partial_import_withdraws_nothing(import_ft):
    import_ft([ft("A1"), ft("A2")])
    run = import_ft([ft("A1")])
    assert run.withdrawn == 0 and JobOffer.objects.live().count() == 2


def test_unknown_commune_and_outside_territory(import_ft, settings):
    settings.TREMPLIN_TERRITORY = parse_territory_spec("departement:42")
    run = import_ft(
        [
            ft("IN", commune="42218"),
            ft("OUT", commune="69123"),
            dict(ft("NOWHERE"), lieuTravail={"libelle": "99 - ATLANTIDE", "commune": "99999"}),
            dict(ft("DEPT"), lieuTravail={"libelle": "42 - Loire"}),
        ]
    )
    assert (run.created, run.skipped, run.rejected) == (2, 1, 1)
    report = issues_text(run)
    assert "identifiant OUT) : hors du territoire" in report
    assert "identifiant NOWHERE) : commune inconnue « 99 - ATLANTIDE 99999 »" in report
    department_only = JobOffer.objects.get(listings__source_id="DEPT")
    assert department_only.commune is None and department_only.department.code == "42"


def test_an_offer_already_past_its_deadline_is_skipped(import_file):
    past = (timezone.localdate() - timedelta(days=2)).isoformat()
    posting = (
        '{"@type": "JobPosting", "identifier": "P1", "title": "Caissier", "validThrough": "%s",'
        ' "hiringOrganization": "Épicerie", "jobLocation": {"address": {"postalCode": "42000"}}}'
    )
    run = import_file(posting % past, format="jobposting")
    assert (run.created, run.skipped) == (0, 1)
    assert "déjà expirée" in issues_text(run)


def test_a_record_the_database_refuses_is_reported_alone(import_ft, refused_offer):
    run = import_ft([ft("OK1"), ft("BAD"), ft("OK2")])
    assert (run.created, run.rejected) == (2, 1)
    assert "identifiant BAD) : enregistrement impossible" in issues_text(run)
    # Never half-written: no listing, change or employer row for the refused offer.
    assert sorted(JobListing.objects.values_list("source_id", flat=True)) == ["OK1", "OK2"]
    assert not Employer.objects.filter(name="Boulangerie BAD").exists()
    assert SearchChange.objects.count() == 0  # the two good ones were indexed
    assert JobOffer.objects.count() == 2


def test_duplicate_ids_in_one_file(import_ft):
    run = import_ft([ft("A1"), ft("A1", title="Autre")])
    assert (run.created, run.rejected) == (1, 1)
    assert "« A1 » déjà lu plus haut" in issues_text(run)


def test_import_run_keeps_the_report(import_ft):
    run = import_ft([ft("A1"), ft("", title="x")])
    stored = ImportRun.objects.get(pk=run.pk)
    assert stored.finished_at and stored.read == 2 and stored.rejected == 1
    assert stored.issues[0]["level"] == "error"
