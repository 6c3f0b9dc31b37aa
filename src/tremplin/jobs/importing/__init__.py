"""Writing what readers read: places and employers resolved, duplicates merged, changes queued.

- :mod:`.places`, :mod:`.employers`: in-memory lookups built once per import;
- :mod:`.reading`: the feed read into prepared batches, by a second process for big feeds;
- :mod:`.writer`: one batch of records in one transaction (never a half-written offer);
- :mod:`.kinds`: what job and training offers are made of (and the search documents of the
  offers an import creates, which it indexes itself);
- :mod:`.run`: a whole import, its report (:class:`~tremplin.jobs.models.ImportRun`) and the
  withdrawal of what a full source no longer lists.
"""
