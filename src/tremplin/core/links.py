"""Links: absolute ones for e-mails (with or without a request), and plain URL names."""

from django.conf import settings


def absolute_url(path: str, request=None) -> str:
    """``https://host/path``: from the request when there is one, else from SITE_URL (tasks)."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


_plain: dict[tuple, str] = {}


def reverse_plain(name: str, current_app: str | None = None) -> str:
    """``reverse(name)`` for a URL name without arguments, worked out once per process.

    A page names about thirty such URLs (navigation, footer, forms), and Django's ``reverse``
    walks the resolver each time: more than a millisecond of every page on a 2-core server.
    The answer depends only on the URLconf, the script prefix and the application namespace,
    which are all in the key.
    """
    from django.urls import get_script_prefix, get_urlconf, reverse

    key = (name, current_app, get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)
    found = _plain.get(key)
    if found is None:
        if len(_plain) > 10_000:  # names come from templates and code: never that many
            _plain.clear()
        found = _plain[key] = reverse(name, current_app=current_app)
    return found
