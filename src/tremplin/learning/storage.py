"""Where learning media live: under PROTECTED_MEDIA_ROOT, never under MEDIA_URL.

Every video and caption file is served through a view that checks publication first (drafts
are for staff), then hands the bytes to nginx (X-Accel-Redirect) or streams them itself.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def protected_storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.PROTECTED_MEDIA_ROOT, base_url=None)
