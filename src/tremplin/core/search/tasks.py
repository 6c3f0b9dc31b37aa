"""The task that drains the search change queue (enqueued after each committing write).

It is also periodic, as a safety net: a worker restarted between a commit and its drain, or a
drain skipped because a rebuild held the lock, is caught up at the latest at the next run.
"""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from tremplin.core.scheduling import periodic


@periodic(every=timedelta(hours=6))
@task()
def search_drain() -> int:
    from .queue import drain

    return drain()
