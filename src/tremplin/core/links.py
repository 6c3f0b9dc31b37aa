"""Absolute links for e-mails, whether or not a request is at hand."""

from django.conf import settings


def absolute_url(path: str, request=None) -> str:
    """``https://host/path``: from the request when there is one, else from SITE_URL (tasks)."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path
