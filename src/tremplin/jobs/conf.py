"""Settings of the jobs app, each with a default (override them in the project settings)."""

from __future__ import annotations

from django.conf import settings


def stale_days() -> int:
    """An offer no source has listed for this many days expires (default 60)."""
    return int(getattr(settings, "JOBS_STALE_DAYS", 60))


def gone_after_days() -> int:
    """An expired offer's page answers 410 Gone this many days after it expired (30)."""
    return int(getattr(settings, "JOBS_GONE_AFTER_DAYS", 30))


def source_max_bytes() -> int:
    """Largest feed a configured source may download (50 MB)."""
    return int(getattr(settings, "JOBS_SOURCE_MAX_BYTES", 50 * 1024 * 1024))


def source_timeout() -> int:
    """Seconds to wait for a configured source's server (30)."""
    return int(getattr(settings, "JOBS_SOURCE_TIMEOUT", 30))
