"""What a spider diagram shows, and where each vertex sits — without importing matplotlib.

Services and the GUI build a `SpiderChart` from scores; `reports.spider` draws it. Keeping the
input and its geometry here means a chart can be described (and tested) cheaply, and matplotlib
only loads when something is actually drawn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Literal, TypeAlias

from zelfscan_app.domain.questionnaire import Questionnaire

#: A matplotlib line style: a named one, or (offset, (on, off, ...)) in points.
LineStyle: TypeAlias = (
    Literal["solid", "dashed", "dashdot", "dotted"] | tuple[float, tuple[float, ...]]
)

# Okabe & Ito (2008): distinguishable with every common form of colour blindness.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#6B6B6B"
BAND_GREY = "#BFBFBF"


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    """Colour plus a line style and marker, so series differ in grey-scale print too."""

    color: str
    linestyle: LineStyle = "solid"
    marker: str = "o"
    linewidth: float = 2.6
    fill_alpha: float = 0.0
    show_values: bool = False


#: Series styles by position: the first is the scan itself (filled, values printed).
PALETTE: tuple[SeriesStyle, ...] = (
    SeriesStyle(BLUE, "solid", "o", 3.0, 0.16, show_values=True),
    SeriesStyle(VERMILLION, (0, (5.0, 2.5)), "s", 2.4),
    SeriesStyle(BLUISH_GREEN, (0, (1.5, 1.5)), "^", 2.6),
    SeriesStyle(REDDISH_PURPLE, (0, (6.0, 2.0, 1.5, 2.0)), "D", 2.2),
    SeriesStyle(SKY_BLUE, "solid", "v", 2.2),
    SeriesStyle(ORANGE, (0, (3.0, 1.5)), "P", 2.2),
    SeriesStyle(BLACK, (0, (1.0, 1.0)), "X", 1.8),
)

#: The regional mean: black, so it reads as the reference line among municipalities.
MEAN_STYLE = SeriesStyle(BLACK, (0, (4.0, 2.0)), "o", 2.4)


def _frozen_scores(scores: Mapping[int, float | None]) -> Mapping[int, float | None]:
    clean: dict[int, float | None] = {}
    for standard, value in scores.items():
        if value is not None:
            value = float(value)
            if math.isnan(value):
                value = None
            elif not 0.0 <= value <= 100.0:
                raise ValueError(f"score {value} for standard {standard} is outside 0–100")
        clean[int(standard)] = value
    return MappingProxyType(clean)


@dataclass(frozen=True, slots=True)
class Series:
    """One polygon: a label for the legend and a score (0–100, or None = gap) per standard."""

    label: str
    scores: Mapping[int, float | None]
    style: SeriesStyle | None = None
    short_label: str = ""  # used in gap notes under a spoke, e.g. 'nulmeting'

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", _frozen_scores(self.scores))

    def score(self, standard: int) -> float | None:
        return self.scores.get(standard)


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded min–max range per standard (the spread of a region's municipalities)."""

    label: str
    low: Mapping[int, float | None]
    high: Mapping[int, float | None]

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", _frozen_scores(self.low))
        object.__setattr__(self, "high", _frozen_scores(self.high))


@dataclass(frozen=True, slots=True)
class AxisSpec:
    """One spoke: the standard's number and short title, plus an optional grey caption."""

    number: int
    title: str
    caption: str = ""

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass(frozen=True, slots=True)
class SpiderChart:
    """Everything the renderer needs; the same value gives the same picture, byte for byte."""

    axes: tuple[AxisSpec, ...]
    series: tuple[Series, ...] = ()
    band: Band | None = None
    title: str = ""
    subtitle: str = ""
    note: str = ""
    gap_note: str = "geen antwoord"
    values_joiner: str = "  "
    gap_explanation: str = (
        "Onderbroken lijn: geen antwoord voor die standaard, dus geen score (niet 0%)."
    )
    description: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if len(self.axes) < 3:
            raise ValueError("a spider diagram needs at least three axes")

    def style(self, index: int) -> SeriesStyle:
        own = self.series[index].style
        return own if own is not None else PALETTE[index % len(PALETTE)]

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(a.number for a in self.axes)

    def missing(self, standard: int) -> tuple[Series, ...]:
        """The series without a score for this standard."""
        return tuple(s for s in self.series if s.score(standard) is None)

    def gap_caption(self, standard: int) -> str:
        """The note under a spoke where a series has no score ('' when all have one)."""
        missing = self.missing(standard)
        if not missing:
            return ""
        if len(missing) == len(self.series):
            return self.gap_note
        names = ", ".join(s.short_label or s.label for s in missing)
        return f"{self.gap_note} in {names}"

    @property
    def has_gaps(self) -> bool:
        return any(self.missing(n) for n in self.numbers)


def format_percent(score: float) -> str:
    """Whole percent, half rounded up (62.5 → 63%), the same in chart, table and report."""
    return f"{int(Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP))}%"


def chart_axes(
    questionnaire: Questionnaire, captions: Mapping[int, str] | None = None
) -> tuple[AxisSpec, ...]:
    """One spoke per standard, in questionnaire order, titled with its short title."""
    captions = captions or {}
    return tuple(
        AxisSpec(s.number, s.short_title, captions.get(s.number, ""))
        for s in questionnaire.standards
    )


def axis_angle(index: int, count: int) -> float:
    """Angle in radians of spoke `index`, measured clockwise from the top (12 o'clock)."""
    return 2.0 * math.pi * index / count


@dataclass(frozen=True, slots=True)
class Vertex:
    standard: int
    angle: float
    radius: float | None  # None: a gap, the line is broken here

    @property
    def xy(self) -> tuple[float, float] | None:
        """Position in a unit where 100% = 1, x to the right, y up (for tests and checks)."""
        if self.radius is None:
            return None
        r = self.radius / 100.0
        return (r * math.sin(self.angle), r * math.cos(self.angle))


def series_vertices(chart: SpiderChart, series: Series) -> tuple[Vertex, ...]:
    """The polygon of one series, one vertex per spoke, in spoke order."""
    count = len(chart.axes)
    return tuple(
        Vertex(axis.number, axis_angle(i, count), series.score(axis.number))
        for i, axis in enumerate(chart.axes)
    )


def closed_polyline(vertices: Iterable[Vertex]) -> tuple[list[float], list[float]]:
    """Angles and radii of the drawn line: closed back to the first spoke, NaN at gaps.

    NaN makes matplotlib break the line, so a missing standard is a visible gap in the polygon
    and never a dip to the centre.
    """
    points = list(vertices)
    if not points:
        return [], []
    points.append(points[0])
    angles = [p.angle for p in points[:-1]] + [2.0 * math.pi]
    radii = [math.nan if p.radius is None else p.radius for p in points]
    return angles, radii


def present_runs(vertices: tuple[Vertex, ...]) -> list[list[Vertex]]:
    """Maximal runs of consecutive spokes with a score, wrapping around the circle.

    A complete series is a single run whose first vertex is repeated at the end (closed).
    """
    n = len(vertices)
    present = [v.radius is not None for v in vertices]
    if all(present):
        return [[*vertices, vertices[0]]]
    if not any(present):
        return []
    start = next(i for i in range(n) if not present[i])  # begin just after a gap
    runs: list[list[Vertex]] = []
    current: list[Vertex] = []
    for step in range(1, n + 1):
        i = (start + step) % n
        if present[i]:
            current.append(vertices[i])
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
