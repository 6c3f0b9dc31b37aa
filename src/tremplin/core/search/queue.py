"""The change queue: record in the writing transaction, drain into the index afterwards.

A service that changes something searchable calls :func:`search_change_record` inside its
transaction. The rows commit (or roll back) with the change itself; after the commit a task is
enqueued that drains the queue in order, one writer per document type at a time. The drain
reloads each object from the database, so the index ends up with what was committed, whatever
the order in which concurrent transactions committed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from ..memory import bulk_work
from .registry import DocType, doc_type_get, doc_types

log = logging.getLogger(__name__)

DRAIN_BATCH = 2000
COMMIT_EVERY = 50_000


def search_change_record(doc_type: str, ids: Iterable[int], *, action: str = "upsert") -> int:
    """Queue the (re)indexing of objects; call it in the transaction that changed them."""
    return len(search_changes_queue(doc_type, ids, action=action))


def search_changes_queue(doc_type: str, ids: Iterable[int], *, action: str = "upsert") -> list:
    """:func:`search_change_record`, answering the ids of the queued rows (a bulk job that
    indexes its own writes deletes them once its index is committed)."""
    from tremplin.core.models import SearchChange

    from ..sql import insert_rows

    doc_type_get(doc_type)  # fail loudly on a typo, not silently in the worker
    ids = [str(pk) for pk in ids]
    if not ids:
        return []
    now = timezone.now()
    # Rows as plain tuples: imports queue hundreds of thousands of changes.
    rows = insert_rows(
        SearchChange,
        ["doc_type", "object_id", "action", "created_at"],
        [(doc_type, pk, action, now) for pk in ids],
        returning=True,
    )
    _schedule_drain()
    return rows


def _schedule_drain() -> None:
    """Enqueue one drain after the current transaction commits (once per transaction)."""
    pending = getattr(connection, "run_on_commit", [])
    if any(item[1] is _enqueue_drain for item in pending):
        return
    transaction.on_commit(_enqueue_drain, robust=True)


def _enqueue_drain() -> None:
    from django_tasks_db.models import DBTaskResult

    from .tasks import search_drain

    waiting = DBTaskResult.objects.ready().filter(task_path=search_drain.module_path)
    if waiting.exists():
        return
    search_drain.enqueue()


def drain(names: Iterable[str] | None = None) -> int:
    """Apply every queued change to the index; returns how many changes were applied.

    A document type another process is writing is left to that process.
    """
    from .index import writer_lock

    applied = 0
    for doc_type in doc_types():
        if names is not None and doc_type.name not in names:
            continue
        with writer_lock(doc_type.name, blocking=False) as acquired:
            if not acquired:
                log.info("search drain: %s is being written by another process", doc_type.name)
                continue
            with bulk_work():
                applied += drain_locked(doc_type)
    return applied


def drain_locked(doc_type: DocType, writer=None) -> int:
    """Drain one document type's changes; the caller holds its write lock (and may hand
    over the index writer it holds)."""
    from tremplin.core.models import SearchChange

    from .index import open_writer_locked, write_documents

    queued = SearchChange.objects.filter(doc_type=doc_type.name).order_by("id")
    if not queued.exists():
        return 0
    writer = writer or open_writer_locked(doc_type)
    applied = 0
    done: list[int] = []
    last_id = 0
    while True:
        rows = list(queued.filter(id__gt=last_id).values_list("id", "object_id")[:DRAIN_BATCH])
        if not rows:
            break
        last_id = rows[-1][0]
        ids = list(dict.fromkeys(int(object_id) for _, object_id in rows))
        write_documents(writer, doc_type, ids)
        done.extend(row_id for row_id, _ in rows)
        applied += len(rows)
        if len(done) >= COMMIT_EVERY:
            _commit(writer, done)
            done = []
    _commit(writer, done)
    writer.wait_merging_threads()
    return applied


def _commit(writer, done: list[int]) -> None:
    """Commit the index, then forget the rows it now reflects (a crash between: redone)."""
    from tremplin.core.models import SearchChange

    writer.commit()
    # Row ids come in runs (a drain reads them in order, an import queues its own in one
    # statement): a range per run, rather than tens of thousands of ids.
    ranges = _runs(sorted(done))
    for start in range(0, len(ranges), 100):
        condition = Q()
        for low, high in ranges[start : start + 100]:
            condition |= Q(id__gte=low, id__lte=high) if high > low else Q(id=low)
        SearchChange.objects.filter(condition).delete()


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] → [(1, 3), (7, 8)]."""
    runs: list[tuple[int, int]] = []
    for pk in ids:
        if runs and pk == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], pk)
        else:
            runs.append((pk, pk))
    return runs
