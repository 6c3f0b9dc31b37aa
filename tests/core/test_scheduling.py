"""Periodic jobs are enqueued once per slot, whatever the number of schedulers."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tremplin.core.models import PeriodicRun
from tremplin.core.scheduling import PeriodicJob, periodic_jobs, scheduler_tick


def at(hour, minute=0, day=22):
    return timezone.make_aware(datetime(2026, 11, day, hour, minute))


def test_every_app_job_is_declared_once():
    names = set(periodic_jobs())
    assert {
        "tremplin.core.tasks.prune_finished_tasks",
        "tremplin.accounts.tasks.accounts_retention",
    } <= names


def test_daily_slot_starts_at_the_declared_local_time():
    job = PeriodicJob(
        name="x", task=None, every=timedelta(days=1), at=datetime.strptime("03:10", "%H:%M").time()
    )
    assert job.slot(at(9)) == at(3, 10)
    assert job.slot(at(3, 9)) == at(3, 10, day=21)
    hourly = PeriodicJob(name="y", task=None, every=timedelta(hours=1))
    assert hourly.slot(at(9, 59)) == at(9)


@pytest.mark.django_db
def test_tick_enqueues_each_job_once_per_slot():
    now = at(12)
    first = scheduler_tick(now)
    assert set(first) == set(periodic_jobs())
    queued = DBTaskResult.objects.count()
    assert queued == len(first)
    assert scheduler_tick(now + timedelta(hours=2)) == []  # same daily slot
    assert DBTaskResult.objects.count() == queued
    next_day = scheduler_tick(now + timedelta(days=1))
    assert set(next_day) == set(first)
    assert PeriodicRun.objects.count() == 2 * len(first)


@pytest.mark.django_db(transaction=True)
def test_concurrent_schedulers_never_enqueue_twice():
    now = at(15)
    barrier = threading.Barrier(8)
    errors = []

    def run():
        try:
            barrier.wait()
            scheduler_tick(now)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert PeriodicRun.objects.count() == len(periodic_jobs())
    assert DBTaskResult.objects.count() == len(periodic_jobs())


@pytest.mark.django_db
def test_enqueued_jobs_run_in_the_worker(run_tasks):
    scheduler_tick(at(4))
    assert run_tasks() == len(periodic_jobs())
    assert not DBTaskResult.objects.failed().exists()
