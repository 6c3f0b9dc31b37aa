"""The shared kernel's housekeeping, run by the scheduler."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from tremplin.core.models import PeriodicRun
from tremplin.core.scheduling import periodic

# Task arguments may hold personal data (an e-mail being sent): keep finished ones a week only,
# long enough to investigate a failure.
FINISHED_TASKS_DAYS = 7
PERIODIC_RUNS_DAYS = 30


@periodic(every=timedelta(days=1), at="03:10")
@task()
def prune_finished_tasks() -> int:
    cutoff = timezone.now() - timedelta(days=FINISHED_TASKS_DAYS)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


@periodic(every=timedelta(days=1), at="03:20")
@task()
def prune_periodic_runs() -> int:
    cutoff = timezone.now() - timedelta(days=PERIODIC_RUNS_DAYS)
    deleted, _ = PeriodicRun.objects.filter(slot__lt=cutoff).delete()
    return deleted


@periodic(every=timedelta(days=1), at="03:30")
@task()
def clear_expired_sessions() -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
