"""The only place the jobs app reaches the network: a feed URL the territory's staff set.

Tests replace :func:`fetch` with a fake; nothing else in the app opens a connection.
"""

from __future__ import annotations

import io

from ..conf import source_max_bytes, source_timeout
from .base import FeedError


def fetch(url: str) -> io.BytesIO:
    import requests

    if not url.startswith(("https://", "http://")):
        raise FeedError("seules les adresses http:// ou https:// sont acceptées")
    limit = source_max_bytes()
    try:
        with requests.get(
            url,
            timeout=source_timeout(),
            stream=True,
            headers={"User-Agent": "Tremplin (plateforme emploi du territoire)"},
        ) as response:
            if response.status_code != 200:
                raise FeedError(f"le serveur de la source a répondu {response.status_code}")
            data = io.BytesIO()
            for chunk in response.iter_content(64 * 1024):
                data.write(chunk)
                if data.tell() > limit:
                    raise FeedError(f"la source dépasse {limit // (1024 * 1024)} Mo")
    except requests.RequestException as exc:
        raise FeedError(f"source injoignable : {exc.__class__.__name__}") from exc
    data.seek(0)
    return data
