"""Refreshing the sources staff configure: each refresh is an import, each source its timer.

A source's refresh task runs, then enqueues itself for the source's next time (django-tasks'
``run_after``); a daily check restarts the timer of any source whose time passed unnoticed
(a worker that was down). Claiming a slot is a conditional update: no refresh runs twice.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from tremplin.jobs.models import ImportRun, OfferSource

from ..importing.run import offers_import
from ..sources import fetch as fetch_module
from ..sources.base import FeedError

log = logging.getLogger(__name__)


def _open(source: OfferSource):
    if source.url:
        return fetch_module.fetch(source.url)
    try:
        return open(source.path, "rb")
    except OSError as exc:
        raise FeedError(f"fichier illisible sur le serveur : {exc.strerror}") from exc


def source_refresh(*, source: OfferSource) -> ImportRun:
    """Fetch and import one configured source (a full list: what it dropped is withdrawn)."""
    now = timezone.now()
    try:
        stream = _open(source)
    except FeedError as exc:
        run = ImportRun.objects.create(
            source=source,
            source_name=source.key,
            format=source.format,
            started_at=now,
            finished_at=timezone.now(),
            failed=True,
            message=str(exc),
        )
    else:
        with stream:
            run = offers_import(
                stream=stream,
                format=source.format,
                source_name=source.key,
                source=source,
                full_refresh=source.full_refresh,
                kind=source.kind if source.format == "csv" else None,
            )
    status = (
        OfferSource.RunStatus.FAILED
        if run.failed
        else OfferSource.RunStatus.PARTIAL
        if run.rejected
        else OfferSource.RunStatus.OK
    )
    OfferSource.objects.filter(pk=source.pk).update(
        last_run_at=run.finished_at or now,
        last_status=status,
        last_summary=run_summary(run),
    )
    return run


def run_summary(run: ImportRun) -> str:
    if run.failed and not run.read:
        return f"Échec : {run.message}"
    text = (
        f"{run.read} lues : {run.created} nouvelles, {run.updated} mises à jour, "
        f"{run.unchanged} inchangées, {run.merged} doublons rattachés, {run.withdrawn} retirées, "
        f"{run.skipped} hors territoire ou expirées, {run.rejected} refusées."
    )
    return f"{text} {run.message}".strip()


def source_claim(*, source_id: int, slot, now=None) -> OfferSource | None:
    """Take the refresh of a source's slot, or None if it is not due or someone took it.

    ``slot`` is the ``next_run_at`` the caller was scheduled for; the conditional update moves
    it forward, so two workers (or a duplicate timer) never refresh the same slot twice.
    """
    now = now or timezone.now()
    source = OfferSource.objects.filter(pk=source_id, active=True).first()
    if source is None or source.next_run_at != slot or (slot and slot > now):
        return None
    with transaction.atomic():
        taken = OfferSource.objects.filter(pk=source_id, next_run_at=slot).update(
            next_run_at=now + source.interval
        )
    if not taken:
        return None
    source.refresh_from_db()
    return source


def sources_due(*, now=None) -> list[OfferSource]:
    """Active sources whose refresh is due (never run, or their time has passed)."""
    now = now or timezone.now()
    return [
        source
        for source in OfferSource.objects.filter(active=True).order_by("pk")
        if source.next_run_at is None or source.next_run_at <= now
    ]
