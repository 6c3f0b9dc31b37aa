"""Bulk jobs that index what they write, without the queue's round trip.

The queue's drain reloads every changed object from the database: for an import of a million
new offers, reading back what was just written and building the documents again cost a
third of the whole import. A bulk job can instead hold the document type's writer for its
whole run and hand over, after each commit of its own, the documents of the objects it has
just created. The rules of the queue still hold:

- the changes are queued in the writing transaction as always, so a crash between the
  database commit and the index commit leaves them to the next drain;
- documents are handed over only once the database has committed (``transaction.on_commit``),
  so the index never holds an object that was rolled back;
- only objects created by the job itself are handed over: nobody else can have changed them
  before the job's commit. Other changes (updates, other people's edits queued meanwhile)
  are drained from the queue, from the database, when the job ends;
- one writer at a time: the job holds the write lock, and drains leave the type to it.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from django.db import transaction

from ..memory import bulk_work
from .index import WRITER_HEAP, build_document, open_writer_locked, writer_lock
from .queue import _commit, drain_locked
from .registry import DocType, doc_type_get

log = logging.getLogger(__name__)

#: How often a bulk job commits the index (seconds): how far behind the database it may be.
COMMIT_SECONDS = 10


class DirectIndexer:
    """The writer of one document type, held by a bulk job (see :func:`indexing_directly`)."""

    def __init__(self, doc_type: DocType, writer) -> None:
        self.doc_type = doc_type
        self.writer = writer
        self.indexed = 0
        self._uncommitted: list[int] = []  # queue rows of documents added, not committed
        self._committed_at = time.monotonic()

    def add_after_commit(self, documents: dict[int, dict], change_ids: list[int]) -> None:
        """Index new objects once the current transaction commits (never if it rolls back).

        ``documents``: the values the document type's ``load`` would answer for each new
        object; ``change_ids``: the queue rows recorded for them, forgotten once indexed.
        """
        if documents:
            # robust: if the index fails, the import goes on and the changes stay queued.
            transaction.on_commit(lambda: self._index(documents, change_ids), robust=True)

    def _index(self, documents: dict[int, dict], change_ids: list[int]) -> None:
        # The documents handed over before were indexed (in the writer's thread) while the
        # job went on: commit them now and then. Each index commit makes a segment that
        # merges cost to fold in later: committing every few seconds, not at every database
        # commit, keeps the index close behind for a fraction of that work.
        if time.monotonic() - self._committed_at >= COMMIT_SECONDS:
            self.commit()
        for pk, values in documents.items():
            self.writer.add_document(build_document(self.doc_type, pk, values))
        self._uncommitted.extend(change_ids)
        self.indexed += len(documents)

    def commit(self) -> None:
        if self._uncommitted:
            _commit(self.writer, self._uncommitted)
            self._uncommitted = []
        self._committed_at = time.monotonic()


@contextmanager
def indexing_directly(doc_type_name: str):
    """Hold a document type's writer for a bulk job; drain what else was queued at the end.

    Yields a :class:`DirectIndexer`.
    """
    doc_type = doc_type_get(doc_type_name)
    with writer_lock(doc_type_name, blocking=True), bulk_work():
        writer = open_writer_locked(doc_type, heap=WRITER_HEAP)
        indexer = DirectIndexer(doc_type, writer)
        try:
            yield indexer
        except BaseException:
            writer.rollback()  # what was not committed is still queued
            raise
        indexer.commit()
        if not drain_locked(doc_type, writer):  # it waits for the merges when it drains
            writer.wait_merging_threads()
