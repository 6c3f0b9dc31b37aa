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
from django.utils import timezone

from .registry import DocType, doc_type_get, doc_types

log = logging.getLogger(__name__)

DRAIN_BATCH = 2000
COMMIT_EVERY = 50_000


def search_change_record(doc_type: str, ids: Iterable[int], *, action: str = "upsert") -> int:
    """Queue the (re)indexing of objects; call it in the transaction that changed them."""
    doc_type_get(doc_type)  # fail loudly on a typo, not silently in the worker
    ids = [str(pk) for pk in ids]
    if not ids:
        return 0
    _insert(doc_type, ids, action)
    _schedule_drain()
    return len(ids)


def _insert(doc_type: str, ids: list[str], action: str) -> None:
    """Rows as plain tuples: imports queue hundreds of thousands of changes."""
    from tremplin.core.models import SearchChange

    quote = connection.ops.quote_name
    meta = SearchChange._meta
    columns = ", ".join(
        quote(meta.get_field(n).column) for n in ("doc_type", "object_id", "action", "created_at")
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            params = [value for pk in chunk for value in (doc_type, pk, action, now)]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            # The table and columns come from the model; every value is a parameter.
            sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES {values}"  # noqa: S608
            cursor.execute(sql, params)


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
            applied += drain_locked(doc_type)
    return applied


def drain_locked(doc_type: DocType) -> int:
    """Drain one document type's changes; the caller holds its write lock."""
    from tremplin.core.models import SearchChange

    from .index import open_writer_locked, write_documents

    queued = SearchChange.objects.filter(doc_type=doc_type.name).order_by("id")
    if not queued.exists():
        return 0
    writer = open_writer_locked(doc_type)
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
    for start in range(0, len(done), 5000):
        SearchChange.objects.filter(id__in=done[start : start + 5000]).delete()
