"""Geometry of the server-rendered SVG charts (radar, bars, monthly trend).

Charts are drawn on the server so that they need no script, print well and go into the PDF.
They must read in grey scale: series differ by line style (solid, dashed) and marker shape
(filled circle, hollow square), never by colour alone, and every chart comes with its data
table. Templates in ``diagnostic/charts/`` turn these numbers into SVG elements.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

from django.utils.formats import number_format


def _r(value: float) -> float:
    return round(value, 1)


@dataclass
class Point:
    x: float
    y: float
    value: int

    @property
    def corner_x(self) -> float:  # a square marker centred on the point
        return _r(self.x - 5)

    @property
    def corner_y(self) -> float:
        return _r(self.y - 5)


@dataclass
class Series:
    name: str
    style: str  # "current" (solid, circles) or "previous" (dashed, squares)
    points: list[Point]
    legend_x: float = 0.0

    @property
    def legend_marker_x(self) -> float:
        return self.legend_x + 20

    @property
    def legend_line_end(self) -> float:
        return self.legend_x + 40

    @property
    def legend_text_x(self) -> float:
        return self.legend_x + 50

    @property
    def polygon(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass
class Axis:
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    lines: list[str]


@dataclass
class Ring:
    value: int
    polygon: str
    label_x: float
    label_y: float


@dataclass
class Radar:
    width: int
    height: int
    cx: float
    cy: float
    axes: list[Axis]
    rings: list[Ring]
    series: list[Series]
    legend_y: float

    @property
    def legend_text_y(self) -> float:
        return self.legend_y + 5

    @property
    def legend_corner_y(self) -> float:
        return self.legend_y - 5


def _wrap(label: str, width: int = 16) -> list[str]:
    return textwrap.wrap(label, width=width) or [label]


def radar(labels: list[str], series: list[tuple[str, str, list[int]]]) -> Radar:
    """``series``: (name, style, values 0–100 in the order of ``labels``)."""
    width, height, radius = 680, 540, 165
    cx, cy = width / 2, 250
    count = len(labels)

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * value / 100
        return _r(cx + distance * math.cos(angle)), _r(cy + distance * math.sin(angle))

    axes = []
    for index, label in enumerate(labels):
        x, y = at(index, 100)
        lx, ly = at(index, 118)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        lines = _wrap(label)
        if ly < cy - 20:
            ly -= 18 * (len(lines) - 1)  # grow upwards above the centre
        axes.append(Axis(x=x, y=y, label_x=lx, label_y=_r(ly + 5), anchor=anchor, lines=lines))
    rings = []
    for value in (25, 50, 75, 100):
        polygon = " ".join("{},{}".format(*at(i, value)) for i in range(count))
        rings.append(
            Ring(
                value=value,
                polygon=polygon,
                label_x=_r(cx + 4),
                label_y=_r(cy - radius * value / 100 - 3),
            )
        )
    drawn = [
        Series(
            name,
            style,
            [Point(*at(i, v), value=v) for i, v in enumerate(values)],
            legend_x=30 + 300 * index,
        )
        for index, (name, style, values) in enumerate(series)
    ]
    return Radar(
        width=width,
        height=height,
        cx=cx,
        cy=cy,
        axes=axes,
        rings=rings,
        series=drawn,
        legend_y=height - 22,
    )


@dataclass
class Bar:
    label: str
    value: float | None  # None: hidden (too few results)
    y: float
    width: float = 0.0
    text_x: float = 0.0

    @property
    def text(self) -> str:
        """The value as the page's language writes it (« 45,3 » in French)."""
        return "" if self.value is None else number_format(self.value, decimal_pos=1)


@dataclass
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]
    ticks: list[tuple[int, float]] = field(default_factory=list)


def bar_chart(rows: list[tuple[str, float | None]], *, maximum: float = 100) -> BarChart:
    """Horizontal bars (label, value); long labels are cut to fit, the table has them whole."""
    label_width, plot, bar_height, gap = 230, 340, 22, 12
    bars = []
    for index, (label, value) in enumerate(rows):
        y = 30 + index * (bar_height + gap)
        bar = Bar(label=label if len(label) <= 30 else label[:29] + "…", value=value, y=y)
        if value is not None:
            bar.width = _r(plot * value / maximum)
            bar.text_x = _r(label_width + bar.width + 6)
        else:
            bar.text_x = label_width + 6
        bars.append(bar)
    ticks = [(t, _r(label_width + plot * t / maximum)) for t in (0, 25, 50, 75, 100)]
    height = 40 + len(rows) * (bar_height + gap)
    return BarChart(
        width=label_width + plot + 70,
        height=height,
        label_width=label_width,
        bar_height=bar_height,
        bars=bars,
        ticks=ticks,
    )


@dataclass
class TrendPoint:
    x: float
    y: float | None
    value: float | None


@dataclass
class TrendSeries:
    name: str
    style: str
    points: list[TrendPoint]

    @property
    def segments(self) -> list[str]:
        """Polylines between consecutive shown months: a hidden month breaks the line."""
        parts, current = [], []
        for point in self.points:
            if point.y is None:
                if len(current) > 1:
                    parts.append(" ".join(current))
                current = []
            else:
                current.append(f"{point.x},{point.y}")
        if len(current) > 1:
            parts.append(" ".join(current))
        return parts


@dataclass
class TrendChart:
    width: int
    height: int
    left: int
    top: int
    bottom: float
    months: list[tuple[str, float]]
    ticks: list[tuple[int, float]]
    series: list[TrendSeries]


def trend_chart(months: list[str], series: list[tuple[str, str, list[float | None]]]) -> TrendChart:
    """Lines by month, 0–100 (a score or a percentage)."""
    left, top, plot_h = 50, 20, 220
    step = 56
    width = left + max(len(months), 2) * step + 20
    bottom = top + plot_h

    def x_of(i: int) -> float:
        return left + step / 2 + i * step

    def y_of(value: float | None) -> float | None:
        return None if value is None else _r(bottom - plot_h * value / 100)

    drawn = [
        TrendSeries(name, style, [TrendPoint(x_of(i), y_of(v), v) for i, v in enumerate(values)])
        for name, style, values in series
    ]
    return TrendChart(
        width=width,
        height=bottom + 80,
        left=left,
        top=top,
        bottom=bottom,
        months=[(label, x_of(i)) for i, label in enumerate(months)],
        ticks=[(t, y_of(t)) for t in (0, 25, 50, 75, 100)],
        series=drawn,
    )
