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

from tremplin.core.search import drain, search_change_record
from tremplin.jobs.models import ImportRun, JobListing, JobOffer, TrainingListing, TrainingOffer
from tremplin.jobs.search.documents import OFFER, TRAINING

from ..sources.base import FeedError, Issue, Rejected
from ..sources.registry import reader_for
from .employers import EmployerResolver
from .kinds import JobWriter, TrainingWriter
from .writer import Counts

log = logging.getLogger(__name__)

BATCH = 1000
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
) -> ImportRun:
    """Import a feed; returns its :class:`ImportRun` (counts and every issue)."""
    started = timezone.now()
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
    try:
        with transaction.atomic() if reader.atomic else nullcontext():
            read = _read_all(reader, writer, counts, issues, progress)
            withdrawn = _withdraw_missing(reader.kind, source_name, started) if full_refresh else 0
    except FeedError as exc:
        if reader.atomic:
            return _finish(run, failed=True, message=f"{exc} — rien n'a été importé.")
        _fill(run, counts, issues, exc.read)
        return _finish(
            run,
            failed=True,
            message=f"{exc} — les offres lues avant cette erreur sont enregistrées ; "
            "aucune offre n'a été retirée.",
            index=index,
            doc_type=writer.doc_type,
        )
    _fill(run, counts, issues, read)
    run.withdrawn = withdrawn
    return _finish(run, index=index, doc_type=writer.doc_type)


def _read_all(reader, writer, counts: Counts, issues: list[Issue], progress) -> int:
    read = 0
    pending = []
    try:
        for item in reader.records():
            if isinstance(item, Issue):
                issues.append(item)
                continue
            read += 1
            if isinstance(item, Rejected):
                issues.append(item.issue)
                counts.rejected += 1
            else:
                pending.append(item)
            if len(pending) >= BATCH:
                _write_batch(writer, pending, counts, issues)
                pending = []
            if progress:
                progress(1)
        _write_batch(writer, pending, counts, issues)
    except FeedError as exc:
        exc.read = read
        raise
    return read


def _write_batch(writer, records, counts: Counts, issues: list[Issue]) -> None:
    if not records:
        return
    batch_counts = Counts()
    batch_issues: list[Issue] = []
    try:
        with transaction.atomic():
            prepared = [
                p
                for p in (writer.prepare(r, batch_issues, batch_counts) for r in records)
                if p is not None
            ]
            writer.write(prepared, batch_counts)
    except DatabaseError:
        log.warning("import batch failed, retrying its records one by one", exc_info=True)
        # Employers created by the failed batch were rolled back with it: forget them.
        writer.employers = EmployerResolver()
        batch_counts, batch_issues = Counts(), []
        writer.seen_ids.difference_update(r.source_id for r in records)
        for record in records:
            one_counts, one_issues = Counts(), []
            try:
                with transaction.atomic():
                    prepared = writer.prepare(record, one_issues, one_counts)
                    writer.write([prepared] if prepared else [], one_counts)
            except DatabaseError as exc:
                one_counts = Counts(rejected=1)
                one_issues = [Issue(record.position, f"enregistrement impossible : {exc}")]
                writer.employers = EmployerResolver()  # its cache may hold rolled-back rows
            batch_counts.add(one_counts)
            batch_issues.extend(one_issues)
    counts.add(batch_counts)
    issues.extend(batch_issues)


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
