"""A whole import: read, write in batches, withdraw what a full source dropped, report.

The feed is checked before anything is written (a broken file changes nothing; only files
too big to read twice are checked as they are imported). Each batch is one transaction; if a
batch fails on the database, its records are retried one by one so that only the faulty one
is refused. Nothing is withdrawn unless the whole feed was read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from typing import IO

from django.db import DatabaseError, transaction
from django.utils import timezone

from tremplin.core.memory import bulk_work
from tremplin.core.search import drain, search_change_record
from tremplin.core.search.direct import indexing_directly
from tremplin.jobs.models import ImportRun, JobListing, JobOffer, TrainingListing, TrainingOffer
from tremplin.jobs.search.documents import OFFER, TRAINING

from ..sources.base import FeedError, Issue
from ..sources.registry import reader_for
from .employers import EmployerResolver
from .kinds import JobWriter, TrainingWriter
from .reading import batches_from_child, batches_here, wants_child
from .writer import Counts

log = logging.getLogger(__name__)

#: Records written together (one savepoint: if the database refuses the batch, its records
#: are retried one by one).
BATCH = 2500
#: Batches per commit. A commit writes again every index page its batches touched; at a
#: million offers, four indexes take scattered values (date, commune, employer, job), and a
#: commit per batch wrote about five pages per offer.
BATCHES_PER_COMMIT = 10
MAX_ISSUES_KEPT = 2000


def offers_import(
    *,
    stream: IO[bytes],
    format: str,
    source_name: str,
    source=None,
    full_refresh: bool = False,
    kind: str | None = None,
    progress: Callable[[int], None] | None = None,
    index: bool = True,
    read_in_child: bool | None = None,
) -> ImportRun:
    """Import a feed; returns its :class:`ImportRun` (counts and every issue).

    ``read_in_child``: read the feed in a second process (see :mod:`.reading`); by default,
    for big feeds on a machine with two cores or more.
    """
    with bulk_work():
        return _import(
            stream=stream,
            format=format,
            source_name=source_name,
            source=source,
            full_refresh=full_refresh,
            kind=kind,
            progress=progress,
            index=index,
            read_in_child=read_in_child,
        )


def _import(
    *, stream, format, source_name, source, full_refresh, kind, progress, index, read_in_child
):
    started = timezone.now()
    _larger_cache()
    run = ImportRun.objects.create(
        source=source, source_name=source_name, format=format, started_at=started
    )
    reader = reader_for(format)(stream, kind=kind)
    try:
        reader.open()
    except FeedError as exc:
        return _finish(run, failed=True, message=str(exc))
    writer_class = TrainingWriter if reader.kind == "training" else JobWriter
    writer = writer_class(source_name=source_name, source=source, now=started)
    counts = Counts()
    issues: list[Issue] = []
    if read_in_child is None:
        read_in_child = wants_child(stream, reader)
    batches = (batches_from_child if read_in_child else batches_here)(reader, writer, BATCH)
    # The import indexes the offers it creates itself (see core.search.direct); the rest of
    # the queue is drained when it ends.
    direct = index and writer.indexes_directly
    broken: FeedError | None = None
    with indexing_directly(writer.doc_type) if direct else nullcontext() as indexer:
        writer.indexer = indexer
        try:
            with transaction.atomic() if reader.atomic else nullcontext():
                read = _write_all(batches, writer, counts, issues, progress)
                withdrawn = (
                    _withdraw_missing(reader.kind, source_name, started) if full_refresh else 0
                )
        except FeedError as exc:
            broken = exc
    index = index and not direct  # else done
    if broken and reader.atomic:
        return _finish(run, failed=True, message=f"{broken} — rien n'a été importé.")
    if broken:
        _fill(run, counts, issues, broken.read)
        return _finish(
            run,
            failed=True,
            message=f"{broken} — les offres lues avant cette erreur sont enregistrées ; "
            "aucune offre n'a été retirée.",
            index=index,
            doc_type=writer.doc_type,
        )
    _fill(run, counts, issues, read)
    run.withdrawn = withdrawn
    return _finish(run, index=index, doc_type=writer.doc_type)


def _write_all(batches, writer, counts: Counts, issues: list[Issue], progress) -> int:
    """Write every batch; returns the records read (a broken feed: FeedError, once the
    records read before the break are written)."""
    read = 0
    batches = iter(batches)
    broken: FeedError | None = None
    finished = False
    while not (finished or broken):
        with transaction.atomic():  # each batch is a savepoint within
            for _ in range(BATCHES_PER_COMMIT):
                try:
                    batch = next(batches)
                except StopIteration:
                    finished = True
                    break
                except FeedError as exc:
                    broken = exc  # what was read before it is committed
                    break
                read += batch.read
                counts.add(batch.counts)
                issues.extend(batch.issues)
                _write_batch(writer, batch.prepared, counts, issues)
                if progress and batch.read:
                    progress(batch.read)
    if broken:
        broken.read = read
        raise broken
    return read


def _larger_cache() -> None:
    """SQLite keeps 2 MB of pages by default: too few for the indexes of a million offers,
    which an import updates at random places (measured: a third less time in SQL with 256 MB).
    The setting lasts as long as this connection."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")


def _write_batch(writer, prepared, counts: Counts, issues: list[Issue]) -> None:
    """One transaction; if the database refuses it, each record alone, so that only the
    faulty one is refused."""
    if not prepared:
        return
    batch_counts = Counts()
    try:
        with transaction.atomic():
            writer.write(prepared, batch_counts)
    except DatabaseError:
        log.warning("import batch failed, retrying its records one by one", exc_info=True)
        # Employers created by the failed batch were rolled back with it: forget them.
        writer.employers = EmployerResolver()
        batch_counts = Counts()
        for one in prepared:
            one_counts = Counts()
            try:
                with transaction.atomic():
                    writer.write([one], one_counts)
            except DatabaseError as exc:
                one_counts = Counts(rejected=1)
                issues.append(Issue(one.record.position, f"enregistrement impossible : {exc}"))
                writer.employers = EmployerResolver()  # its cache may hold rolled-back rows
            batch_counts.add(one_counts)
    counts.add(batch_counts)


@transaction.atomic
def _withdraw_missing(kind: str, source_name: str, started) -> int:
    """Listings this source no longer publishes are withdrawn; offers left with no listing
    expire (and leave the index)."""
    if kind == "training":
        Listing, Offer, fk, doc_type = TrainingListing, TrainingOffer, "training", TRAINING
    else:
        Listing, Offer, fk, doc_type = JobListing, JobOffer, "offer", OFFER
    now = timezone.now()
    gone = Listing.objects.filter(
        source_name=source_name, withdrawn_at__isnull=True, last_seen_at__lt=started
    )
    offer_ids = set(gone.values_list(f"{fk}_id", flat=True))
    count = gone.update(withdrawn_at=now)
    still_listed = set(
        Listing.objects.filter(
            **{f"{fk}_id__in": offer_ids}, withdrawn_at__isnull=True
        ).values_list(f"{fk}_id", flat=True)
    )
    ended = list(
        Offer.objects.filter(pk__in=offer_ids - still_listed, expired_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if ended:
        Offer.objects.filter(pk__in=ended).update(expired_at=now)
        search_change_record(doc_type, ended)
    return count


def _fill(run: ImportRun, counts: Counts, issues: list[Issue], read: int) -> None:
    run.read = read
    for name in ("created", "updated", "unchanged", "merged", "rejected", "skipped"):
        setattr(run, name, getattr(counts, name))
    run.issues = [i.as_dict() for i in issues[:MAX_ISSUES_KEPT]]
    if len(issues) > MAX_ISSUES_KEPT:
        run.issues.append(
            {"position": "…", "reason": f"{len(issues) - MAX_ISSUES_KEPT} autres", "level": "info"}
        )


def _finish(run: ImportRun, *, failed=False, message="", index=False, doc_type="") -> ImportRun:
    run.failed = failed
    run.message = message
    run.finished_at = timezone.now()
    run.save()
    if index and doc_type:
        drain([doc_type])
    return run
