"""Geometry of the insights charts, drawn as inline SVG by templates/front/includes/chart_*.html.

No chart library and no JavaScript: this module turns numbers into coordinates, the templates
write the elements. Every chart also prints its numbers as text beside each mark, so colour
(and the hatching that tells series apart) is never the only carrier of a value, and the page
shows the same numbers in a table.

Coordinates are SVG user units; each chart has a `viewBox` and scales to its container, so the
sizes below are chosen to stay legible when a 400-unit chart shrinks to a 320 px screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

WIDTH = 400
BAR_HEIGHT = 16
BAR_GAP = 4
LABEL_HEIGHT = 22  # a row's label sits above its bars
ROW_GAP = 10
VALUE_ROOM = 44  # room right of the longest bar for its number
LEGEND_ROW = 22

JOURNEY_ROW = 52
JOURNEY_LINE_X = 24
JOURNEY_MAX_RADIUS = 16
JOURNEY_MIN_RADIUS = 5
JOURNEY_BAR_X = 56
JOURNEY_BAR_HEIGHT = 14


def scale(value: int, largest: int, length: float) -> float:
    """A value's length on an axis where `largest` fills `length`; 0 stays 0."""
    if value <= 0 or largest <= 0:
        return 0.0
    return round(length * value / largest, 1)


@dataclass(frozen=True)
class Bar:
    series: int  # 0, 1, 2... the series' fill pattern: templates/front/includes/chart_patterns.html
    value: int
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class BarRow:
    label: str
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class LegendEntry:
    series: int
    label: str
    y: float

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT - 3

    @property
    def text_x(self) -> float:
        return BAR_HEIGHT + 6


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    legend: list[LegendEntry]
    rows: list[BarRow]
    bar_height: int = BAR_HEIGHT


def bar_chart(rows: list[tuple[str, list[int]]], series: list[str]) -> BarChart:
    """Horizontal grouped bars: per row a label, then one bar per series with its number.

    `rows` are (label, one value per series); `series` their names, shown in a legend on top.
    All bars share one scale, so bars of different series compare.
    """
    largest = max((value for _label, values in rows for value in values), default=0)
    length = WIDTH - VALUE_ROOM
    legend = (
        [LegendEntry(index, label, index * LEGEND_ROW) for index, label in enumerate(series)]
        if len(series) > 1
        else []
    )
    y = len(legend) * LEGEND_ROW + (ROW_GAP if legend else 0)
    drawn = []
    for label, values in rows:
        label_y = y + LABEL_HEIGHT - 6  # text baseline
        y += LABEL_HEIGHT
        bars = []
        for index, value in enumerate(values):
            width = scale(value, largest, length)
            bars.append(
                Bar(
                    series=index,
                    value=value,
                    x=0,
                    y=y,
                    width=width,
                    height=BAR_HEIGHT,
                    text_x=round(width + 4, 1),
                    text_y=y + BAR_HEIGHT - 3,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        drawn.append(BarRow(label, label_y, bars))
        y += ROW_GAP
    return BarChart(width=WIDTH, height=max(y, 1), legend=legend, rows=drawn)


@dataclass(frozen=True)
class Station:
    number: int  # 1..n along the path
    label: str
    value: int
    y: float  # the station's centre
    radius: float
    bar_width: float

    @property
    def label_y(self) -> float:
        return self.y - 5

    @property
    def bar_y(self) -> float:
        return self.y + 1

    @property
    def value_x(self) -> float:
        return round(JOURNEY_BAR_X + self.bar_width + 4, 1)

    @property
    def value_y(self) -> float:
        return self.y + 13


@dataclass(frozen=True)
class Journey:
    width: int
    height: int
    line_x: int
    line_top: float
    line_bottom: float
    bar_x: int
    stations: list[Station] = field(default_factory=list)
    bar_height: int = JOURNEY_BAR_HEIGHT


def journey(steps: list[tuple[str, int]]) -> Journey:
    """The stages as one path from top to bottom: a station per stage, its circle's area and its
    bar's length in proportion to its value (the number is written next to it)."""
    largest = max((value for _label, value in steps), default=0)
    stations = []
    for index, (label, value) in enumerate(steps):
        share = value / largest if largest else 0
        radius = JOURNEY_MIN_RADIUS + (JOURNEY_MAX_RADIUS - JOURNEY_MIN_RADIUS) * math.sqrt(share)
        stations.append(
            Station(
                number=index + 1,
                label=label,
                value=value,
                y=index * JOURNEY_ROW + JOURNEY_ROW / 2,
                radius=round(radius, 1),
                bar_width=scale(value, largest, WIDTH - JOURNEY_BAR_X - VALUE_ROOM),
            )
        )
    height = len(steps) * JOURNEY_ROW
    return Journey(
        width=WIDTH,
        height=max(height, 1),
        line_x=JOURNEY_LINE_X,
        line_top=stations[0].y if stations else 0,
        line_bottom=stations[-1].y if stations else 0,
        bar_x=JOURNEY_BAR_X,
        stations=stations,
    )


def shade_steps(largest: int, steps: int = 4) -> list[tuple[int, int]]:
    """Class bounds (low, high), inclusive, for a choropleth of counts 1..largest; 0 has its
    own class. Fewer classes when there are fewer distinct counts than steps."""
    if largest <= 0:
        return []
    size = math.ceil(largest / steps)
    bounds = []
    low = 1
    while low <= largest:
        high = min(low + size - 1, largest)
        bounds.append((low, high))
        low = high + 1
    return bounds


def shade_of(value: int, bounds: list[tuple[int, int]]) -> int:
    """0 for no items, else the 1-based class of `value`."""
    for index, (low, high) in enumerate(bounds):
        if low <= value <= high:
            return index + 1
    return 0
