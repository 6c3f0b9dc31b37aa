"""Erasing applications and CVs when their time is up (CNIL guidance for recruitment data).

- A candidate not hired: 3 months after the recruitment ended for them (a "not retained"
  decision, or the offer closing while the application was still open).
- A hired candidate: 3 months after the hiring; the employer keeps what it needs elsewhere.
- A candidate who agreed to stay in the employer's pool: 2 years after the last contact,
  whatever the state.

Durations come from ``conf`` (JOBS_RETENTION_*_DAYS). Handled reports lose their comment with
them after JOBS_RETENTION_REPORT_DAYS.
"""

from __future__ import annotations

import os
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tremplin.jobs.models import JobOffer, Status
from tremplin.jobs.models.publishing import (
    Application,
    ApplicationStatus,
    OfferReport,
    ReportStatus,
)
from tremplin.jobs.publishing import conf
from tremplin.jobs.publishing.services.applications import application_erase

ORPHAN_GRACE = timedelta(days=1)


def _days(name: str) -> timedelta:
    return timedelta(days=conf.value(name))


@transaction.atomic
def recruitments_close(*, now=None) -> int:
    """Open applications to offers no longer online: their recruitment ends now."""
    now = now or timezone.now()
    closed_offers = JobOffer.objects.filter(
        Q(status=Status.HIDDEN) | Q(expired_at__isnull=False) | Q(expires_at__lte=now)
    ).values("pk")
    return Application.objects.filter(
        recruitment_ended_at__isnull=True,
        status__in=[ApplicationStatus.RECEIVED, ApplicationStatus.IN_REVIEW],
        offer__in=closed_offers,
    ).update(recruitment_ended_at=now)


def applications_due(*, now=None):
    now = now or timezone.now()
    not_hired = Q(
        pool_consent=False,
        recruitment_ended_at__lte=now - _days("JOBS_RETENTION_NOT_HIRED_DAYS"),
    ) & ~Q(status=ApplicationStatus.HIRED)
    hired = Q(
        pool_consent=False,
        status=ApplicationStatus.HIRED,
        recruitment_ended_at__lte=now - _days("JOBS_RETENTION_HIRED_DAYS"),
    )
    pool = Q(pool_consent=True, last_contact_at__lte=now - _days("JOBS_RETENTION_POOL_DAYS"))
    return Application.objects.filter(not_hired | hired | pool)


def applications_purge(*, now=None) -> int:
    """Erase every application (and CV file) whose retention period is over."""
    now = now or timezone.now()
    count = 0
    for application in applications_due(now=now).iterator(chunk_size=200):
        with transaction.atomic():
            application_erase(application)
        count += 1
    return count


def reports_purge(*, now=None) -> int:
    now = now or timezone.now()
    cutoff = now - _days("JOBS_RETENTION_REPORT_DAYS")
    return (
        OfferReport.objects.exclude(status=ReportStatus.OPEN)
        .filter(handled_at__lt=cutoff)
        .delete()[0]
    )


def cv_orphans_sweep(*, now=None) -> int:
    """Delete CV files no application points to (an application rolled back, a crash).

    Only files older than a day: one being uploaded right now is not an orphan.
    """
    now = now or timezone.now()
    root = os.path.join(settings.PROTECTED_MEDIA_ROOT, "cv")
    if not os.path.isdir(root):
        return 0
    known = set(Application.objects.exclude(cv="").values_list("cv", flat=True))
    cutoff = (now - ORPHAN_GRACE).timestamp()
    removed = 0
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, settings.PROTECTED_MEDIA_ROOT).replace(os.sep, "/")
            if relative not in known and os.path.getmtime(path) < cutoff:
                os.remove(path)
                removed += 1
    return removed


def retention_run(*, now=None) -> dict:
    now = now or timezone.now()
    return {
        "recruitments_closed": recruitments_close(now=now),
        "applications_erased": applications_purge(now=now),
        "reports_erased": reports_purge(now=now),
        "orphan_files_removed": cv_orphans_sweep(now=now),
    }
