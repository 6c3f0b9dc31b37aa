"""Small helpers shared by tests."""

from __future__ import annotations

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.factories import TOTP_SECRET


def totp_code(secret: str = TOTP_SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def text(response) -> str:
    """The page's HTML with entities decoded (apostrophes come out as &#x27;)."""
    import html

    return html.unescape(response.content.decode())
