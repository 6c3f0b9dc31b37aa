"""WCAG 2.1 contrast arithmetic, used to refuse territory colours that people could not read."""

from __future__ import annotations

import re

HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
AA_TEXT = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    if not HEX_COLOR.match(color):
        raise ValueError(f"{color!r} is not a #rrggbb colour")
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(color: str, other: str, weight: float) -> str:
    """``weight`` of ``color`` blended into ``other`` (tints for backgrounds)."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(x * weight + y * (1 - weight)):02x}" for x, y in zip(a, b, strict=True)
    )
