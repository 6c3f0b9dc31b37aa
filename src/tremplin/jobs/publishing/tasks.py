"""Periodic jobs of the publishing side: the daily digest of saved searches and the erasure of
applications and CVs whose time is up."""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from tremplin.core.scheduling import periodic
from tremplin.jobs.publishing.services import digest_send, retention_run


@periodic(every=timedelta(days=1), at="07:00")
@task()
def jobs_digest() -> dict:
    return digest_send()


@periodic(every=timedelta(days=1), at="02:45")
@task()
def jobs_applications_retention() -> dict:
    return retention_run()
