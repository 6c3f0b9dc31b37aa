"""Applications and CVs are erased on schedule — tried with the clock moved forward."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tremplin.jobs.models.publishing import Application
from tremplin.jobs.publishing.services import application_move, retention_run
from tremplin.jobs.publishing.tasks import jobs_applications_retention

pytestmark = pytest.mark.django_db


def run_at(when):
    with time_machine.travel(when, tick=False):
        return retention_run()


def test_not_retained_is_erased_three_months_after_the_decision(
    application, owner, django_capture_on_commit_callbacks
):
    path = application.cv.path
    application_move(
        actor=owner, application=application, status="not_retained", expected_version=1
    )
    decided = timezone.now()
    assert run_at(decided + timedelta(days=89))["applications_erased"] == 0
    assert Application.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert run_at(decided + timedelta(days=91))["applications_erased"] == 1
    assert not Application.objects.exists()
    assert not os.path.exists(path)


def test_open_application_ends_with_the_offer_then_is_erased(application, offer):
    offer.expired_at = timezone.now()
    offer.save()
    start = timezone.now()
    result = run_at(start + timedelta(days=1))
    assert result["recruitments_closed"] == 1
    application.refresh_from_db()
    assert application.recruitment_ended_at is not None
    assert run_at(start + timedelta(days=60))["applications_erased"] == 0
    assert run_at(start + timedelta(days=92))["applications_erased"] == 1


def test_pool_consent_keeps_two_years_after_last_contact(application, owner, job_seeker):
    from tremplin.jobs.publishing.services import application_pool_consent

    application_pool_consent(candidate=job_seeker, application=application, consent=True)
    application_move(
        actor=owner, application=application, status="not_retained", expected_version=1
    )
    now = timezone.now()
    assert run_at(now + timedelta(days=400))["applications_erased"] == 0
    assert run_at(now + timedelta(days=729))["applications_erased"] == 0
    assert run_at(now + timedelta(days=731))["applications_erased"] == 1


def test_hired_leaves_the_platform_after_its_own_delay(application, owner, settings):
    settings.JOBS_RETENTION_HIRED_DAYS = 30
    application_move(actor=owner, application=application, status="hired", expected_version=1)
    now = timezone.now()
    assert run_at(now + timedelta(days=29))["applications_erased"] == 0
    assert run_at(now + timedelta(days=31))["applications_erased"] == 1


def test_durations_are_configurable(application, owner, settings):
    settings.JOBS_RETENTION_NOT_HIRED_DAYS = 10
    application_move(
        actor=owner, application=application, status="not_retained", expected_version=1
    )
    assert run_at(timezone.now() + timedelta(days=11))["applications_erased"] == 1


def test_live_offer_open_application_is_kept(application):
    assert run_at(timezone.now() + timedelta(days=400))["applications_erased"] == 0


def test_orphan_cv_files_are_swept_but_not_fresh_ones(application, settings):
    folder = settings.PROTECTED_MEDIA_ROOT / "cv" / "2020" / "01"
    folder.mkdir(parents=True)
    orphan = folder / "abandonne.pdf"
    orphan.write_bytes(b"%PDF-1.4")
    result = run_at(timezone.now() + timedelta(days=2))
    assert result["orphan_files_removed"] == 1
    assert not orphan.exists()
    assert os.path.exists(application.cv.path)  # still referenced


def test_handled_reports_lose_their_comment(offer, staff):
    from tremplin.jobs.models.publishing import OfferReport
    from tremplin.jobs.publishing.services import report_create, reports_dismiss

    report_create(offer=offer, reason="filled", comment="Poste pris par ma cousine Julie")
    reports_dismiss(actor=staff, offer=offer)
    assert run_at(timezone.now() + timedelta(days=91))["reports_erased"] == 1
    assert not OfferReport.objects.exists()


def test_the_periodic_task_is_declared_and_runs(run_tasks):
    from tremplin.core.scheduling import periodic_jobs

    names = periodic_jobs()
    assert "tremplin.jobs.publishing.tasks.jobs_applications_retention" in names
    assert "tremplin.jobs.publishing.tasks.jobs_digest" in names
    jobs_applications_retention.enqueue()
    assert run_tasks() == 1
