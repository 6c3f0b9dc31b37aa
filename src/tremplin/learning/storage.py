"""Where learning media live: under PROTECTED_MEDIA_ROOT, never under MEDIA_URL.

Every video and caption file is served through a view that checks publication first (drafts
are for staff), then hands the bytes to nginx (X-Accel-Redirect) or streams them itself.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class ProtectedStorage(FileSystemStorage):
    """Reads the setting at each use (not once at start-up), like Django's default storage."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PROTECTED_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def protected_storage() -> FileSystemStorage:
    return ProtectedStorage()
