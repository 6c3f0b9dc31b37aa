"""Settings of the diagnostic app, read with defaults so that the shared settings need no edit.

- ``DIAGNOSTIC_QUESTIONNAIRES_DIR``: where the questionnaire files (``v1.yaml``, ``v2.yaml``…)
  live; the highest version is the current one. Defaults to the files shipped with Tremplin.
- ``DIAGNOSTIC_ANONYMOUS_RETENTION_DAYS``: a result reached only through its private link is
  deleted this many days after its last change (365).
- ``DIAGNOSTIC_DRAFT_RETENTION_DAYS``: an unfinished diagnostic without an account is deleted
  after this many days without change (30).
- ``DIAGNOSTIC_STATS_MIN_COUNT``: the smallest number of results behind a published figure
  (10; a smaller value is ignored).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

STATS_MIN_COUNT_FLOOR = 10


def questionnaires_dir() -> Path:
    default = Path(__file__).parent / "data" / "questionnaires"
    return Path(getattr(settings, "DIAGNOSTIC_QUESTIONNAIRES_DIR", default))


def anonymous_retention_days() -> int:
    return int(getattr(settings, "DIAGNOSTIC_ANONYMOUS_RETENTION_DAYS", 365))


def draft_retention_days() -> int:
    return int(getattr(settings, "DIAGNOSTIC_DRAFT_RETENTION_DAYS", 30))


def stats_min_count() -> int:
    return max(STATS_MIN_COUNT_FLOOR, int(getattr(settings, "DIAGNOSTIC_STATS_MIN_COUNT", 10)))
