from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from tremplin.accounts.models import AccessLogEntry


def access_record(
    *,
    actor,
    subject=None,
    obj: models.Model | None = None,
    action: str = AccessLogEntry.Action.VIEW,
    reason: str,
    object_type: str = "",
) -> AccessLogEntry | None:
    """Journal a read of someone else's personal data. Reading one's own data is not journaled.

    ``subject`` is the person the data is about (a User, or None for a list); ``obj`` the record
    read. Later apps call this for CVs, notes and assisted diagnostics.
    """
    if subject is not None and actor is not None and subject.pk == actor.pk:
        return None
    return AccessLogEntry.objects.create(
        actor=actor,
        actor_label=getattr(actor, "email", "") or "",
        actor_role=getattr(actor, "role", "") or "",
        subject_id=subject.pk if subject is not None else None,
        action=action,
        object_type=object_type or (obj._meta.label if obj is not None else ""),
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:200] if obj is not None else "",
        reason=reason[:200],
    )


def access_journal_purge(*, now=None) -> int:
    """Delete entries older than the retention period: the only deletion the journal allows."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TREMPLIN_RETENTION_DAYS["access_journal"])
    old = models.QuerySet(AccessLogEntry).filter(at__lt=cutoff)
    # Bypass the append-only manager on purpose; a raw delete of whole old rows only.
    return old._raw_delete(old.db)
