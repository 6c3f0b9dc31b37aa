"""Retention of diagnostics taken with a private link."""

from __future__ import annotations

import logging
from datetime import timedelta

from django_tasks import task

from tremplin.core.scheduling import periodic
from tremplin.diagnostic.services import diagnostics_purge

log = logging.getLogger(__name__)


@periodic(every=timedelta(days=1), at="03:40")
@task()
def purge_private_link_diagnostics() -> dict:
    drafts, results = diagnostics_purge()
    log.info("diagnostic purge: %s unfinished, %s results", drafts, results)
    return {"drafts": drafts, "results": results}
