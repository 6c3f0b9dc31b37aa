"""Periodic jobs: the one place where apps declare them, and the tick that enqueues them.

django-tasks runs work now or later but has no calendar, and these servers have no systemd
timers. Apps decorate a task with :func:`periodic`; the ``tremplin scheduler`` process calls
:func:`scheduler_tick` every few seconds. Each occurrence (job, slot) is written to
:class:`PeriodicRun` under a unique constraint in the same transaction as the enqueue, so two
schedulers, a restart or a slow tick can never enqueue a job twice for the same slot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

log = logging.getLogger(__name__)

_REFERENCE = datetime(2000, 1, 3)  # a Monday at midnight, so weekly jobs fall on Mondays


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: object
    every: timedelta
    at: time | None = None

    def slot(self, now: datetime) -> datetime:
        """Start of the period ``now`` falls in, in the site's time zone.

        With ``at``, periods of a day or more start at that local time (a daily purge at 03:00).
        """
        local = timezone.localtime(now).replace(tzinfo=None)
        offset = timedelta(hours=self.at.hour, minutes=self.at.minute) if self.at else timedelta()
        periods = (local - _REFERENCE - offset) // self.every
        start = _REFERENCE + offset + periods * self.every
        return timezone.make_aware(start)


_jobs: dict[str, PeriodicJob] = {}


def periodic(*, every: timedelta, at: str | None = None, name: str | None = None):
    """Declare a django-tasks task periodic: ``@periodic(every=timedelta(days=1), at="03:00")``."""

    def register(task):
        job_name = name or task.module_path
        if job_name in _jobs and _jobs[job_name].task is not task:
            raise ValueError(f"periodic job {job_name!r} declared twice")
        at_time = time.fromisoformat(at) if at else None
        _jobs[job_name] = PeriodicJob(name=job_name, task=task, every=every, at=at_time)
        return task

    return register


def periodic_jobs() -> dict[str, PeriodicJob]:
    return dict(_jobs)


def scheduler_tick(now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been enqueued yet; return their names."""
    from tremplin.core.models import PeriodicRun

    now = now or timezone.now()
    enqueued = []
    for job in _jobs.values():
        slot = job.slot(now)
        if PeriodicRun.objects.filter(job=job.name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = PeriodicRun.objects.create(job=job.name, slot=slot)
                result = job.task.enqueue()
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
        except IntegrityError:
            # Another scheduler took this slot between our check and our insert.
            continue
        log.info("enqueued periodic job %s for %s", job.name, slot.isoformat())
        enqueued.append(job.name)
    return enqueued
