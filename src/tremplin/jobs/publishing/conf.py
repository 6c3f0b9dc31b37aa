"""Settings of the publishing side of the jobs app, each with a default.

Read through :func:`value` at call time (not import time) so that a territory can set them in
its settings and tests can override them. Durations are in days.
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    # CNIL guidance for recruitment data: a candidate not hired is erased 3 months after the
    # recruitment ends; with their consent, kept in the employer's pool up to 2 years after the
    # last contact. A hired candidate's application leaves the platform 3 months after hiring
    # (the employer keeps what it needs in its own staff records).
    "JOBS_RETENTION_NOT_HIRED_DAYS": 90,
    "JOBS_RETENTION_HIRED_DAYS": 90,
    "JOBS_RETENTION_POOL_DAYS": 730,
    # Reports of offers: the free comment is kept until the report is handled, then this long.
    "JOBS_RETENTION_REPORT_DAYS": 90,
    # An uploaded CV: PDF only, at most this many bytes.
    "JOBS_CV_MAX_BYTES": 5 * 1024 * 1024,
    # Reports without an account: per address (hashed in the cache, never stored).
    "JOBS_REPORT_RATE": "5/h",
    # Applications: per account, against floods.
    "JOBS_APPLY_RATE": "30/d",
    # Read-only API: per address.
    "JOBS_API_RATE": "120/m",
    # Where nginx serves PROTECTED_MEDIA_ROOT from, as an internal location.
    "JOBS_X_ACCEL_PREFIX": "/protected/",
    # Saved searches: at most this many per person, and offers per digest e-mail.
    "JOBS_SAVED_SEARCHES_MAX": 10,
    "JOBS_DIGEST_MAX_OFFERS": 10,
    # Feed and widget sizes.
    "JOBS_FEED_ITEMS": 50,
    "JOBS_WIDGET_MAX_ITEMS": 20,
}


def value(name: str):
    return getattr(settings, name, DEFAULTS[name])
