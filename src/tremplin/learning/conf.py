"""Settings of the learning app, read with defaults so that the app works without any."""

from __future__ import annotations

from django.conf import settings

# A lesson is read in 3 to 4 minutes at 150 to 180 words a minute: between 450 and 700 words.
WORDS_PER_MINUTE_SLOW = 150
WORDS_PER_MINUTE_FAST = 180
READING_MINUTES_MIN = 3
READING_MINUTES_MAX = 4
WORDS_MIN = 450
WORDS_MAX = 700

# Size limits of uploads (bytes).
VIDEO_MAX_BYTES = getattr(settings, "LEARNING_VIDEO_MAX_BYTES", 2 * 1024**3)
CAPTIONS_MAX_BYTES = getattr(settings, "LEARNING_CAPTIONS_MAX_BYTES", 2 * 1024**2)


def retention_days(key: str, default: int) -> int:
    return int(getattr(settings, "TREMPLIN_RETENTION_DAYS", {}).get(key, default))


# Registrations to a webinar are kept this long after the session.
WEBINAR_REGISTRATION_DAYS = retention_days("webinar_registration", 365)
# The internal nginx location that maps to PROTECTED_MEDIA_ROOT (see docs/learning.md).
X_ACCEL_PREFIX = getattr(settings, "LEARNING_X_ACCEL_PREFIX", "/protected/")


def video_hosts() -> list[str]:
    return list(getattr(settings, "VIDEO_HOSTS", []) or [])
