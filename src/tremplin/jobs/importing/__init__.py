"""Writing what readers read: places and employers resolved, duplicates merged, changes queued.

- :mod:`.places`, :mod:`.employers`: in-memory lookups built once per import;
- :mod:`.writer`: one batch of records in one transaction (never a half-written offer);
- :mod:`.run`: a whole import, its report (:class:`~tremplin.jobs.models.ImportRun`) and the
  withdrawal of what a full source no longer lists.
"""
