"""Background work of the jobs app: refreshing configured sources, expiring offers.

The search index's drain task lives in core; importing it here registers its schedule.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from tremplin.core.scheduling import periodic
from tremplin.core.search import tasks as _search_tasks  # noqa: F401 - registers the drain


@task()
def source_refresh_task(source_id: int, slot: str = "") -> str:
    """Refresh one source if its slot is still due, then set its timer for the next one."""
    from tremplin.jobs.services.sources import run_summary, source_claim, source_refresh

    source = source_claim(source_id=source_id, slot=parse_datetime(slot) if slot else None)
    if source is None:
        return "rien à faire : pas encore l'heure, source inactive, ou déjà actualisée"
    summary = run_summary(source_refresh(source=source))
    source_schedule(source)
    return summary


def source_schedule(source) -> None:
    """Enqueue a source's next refresh at its ``next_run_at`` (now if never run)."""
    slot = source.next_run_at
    when = slot if slot and slot > timezone.now() else None
    runner = source_refresh_task.using(run_after=when) if when else source_refresh_task
    runner.enqueue(source.pk, slot.isoformat() if slot else "")


@periodic(every=timedelta(days=1), at="02:30")
@task()
def sources_check_task() -> int:
    """Restart the timers of sources whose time passed (a worker was down, a new source)."""
    from tremplin.jobs.services.sources import sources_due

    due = sources_due()
    for source in due:
        source_schedule(source)
    return len(due)


@periodic(every=timedelta(days=1), at="04:00")
@task()
def offers_expire_task() -> int:
    """Past their date, or not seen for 60 days: expired (search already hides the first)."""
    from tremplin.jobs.services import offers_expire, trainings_expire

    return offers_expire() + trainings_expire()
