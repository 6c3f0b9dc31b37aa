"""Periodic work of the learning app: webinar reminders and the retention purge."""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from tremplin.core.scheduling import periodic
from tremplin.learning.services.webinars import (
    webinar_registrations_purge,
    webinar_reminders_send,
)


@periodic(every=timedelta(days=1), at="10:00")
@task()
def webinar_reminders() -> int:
    """The day before each webinar, one reminder per registrant (never two: see the service)."""
    return webinar_reminders_send()


@periodic(every=timedelta(days=1), at="03:20")
@task()
def learning_retention() -> int:
    return webinar_registrations_purge()
