"""The one spider renderer: GUI canvas, PNG/SVG export and Word reports all draw with it.

It builds on `matplotlib.figure.Figure` directly (no pyplot): no global figure registry, no GUI
backend, safe to call from the CLI or a worker. The layout is computed from measured text sizes,
so spoke labels never overlap or fall off the figure, at whatever size the GUI gives it.
Fonts are the DejaVu files shipped inside matplotlib and metadata is fixed, so the same chart
gives the same bytes on every machine with the same library versions.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import matplotlib.style
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.offsetbox import AnnotationBbox, HPacker, TextArea, VPacker
from matplotlib.patches import Patch
from matplotlib.projections.polar import PolarAxes

from zelfscan_app.reports.spider_data import (
    BAND_GREY,
    GREY,
    Series,
    SpiderChart,
    axis_angle,
    closed_polyline,
    format_percent,
    present_runs,
    series_vertices,
)

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

INK = "#1A1A1A"
GRID = "#D0D0D0"
GRID_OUTER = "#8C8C8C"
RINGS = (25.0, 50.0, 75.0, 100.0)

TITLE_PT = 17.0
SUBTITLE_PT = 11.5
LABEL_PT = 11.5
VALUE_PT = 11.5
CAPTION_PT = 9.5
RING_PT = 9.0
LEGEND_PT = 11.0
NOTE_PT = 9.0

MARGIN_IN = 0.3  # white border around everything
LABEL_PAD_IN = 0.12  # gap between the outer ring and a spoke label
LABEL_GAP_IN = 0.12  # minimum white space between two spoke labels
LABEL_WIDTH_IN = 1.75  # a spoke title wraps to lines of at most this width
HEADER_GAP_IN = 0.25
FOOTER_GAP_IN = 0.2

DEFAULT_WIDTH_IN = 8.0
DEFAULT_DPI = 150

#: Read at save time; fixed so that SVG ids and text do not depend on the run or the fonts.
_SAVE_RC: dict[RcKeyType, Any] = {
    "svg.hashsalt": "zelfscan-spider",
    "svg.fonttype": "path",
    "svg.image_inline": True,
}


@cache
def _font(style: str) -> FontProperties:
    """The DejaVu Sans files inside matplotlib itself, never a look-alike from the system."""
    names = {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "italic": "DejaVuSans-Oblique.ttf",
    }
    return FontProperties(fname=Path(matplotlib.get_data_path()) / "fonts" / "ttf" / names[style])


def _fontprops(style: str, size: float) -> FontProperties:
    font = _font(style).copy()
    font.set_size(size)
    return font


class _Pen:
    """Measures and sizes for one drawing: every size is multiplied by `scale`.

    A report figure draws at scale 1; a small GUI canvas scales text, lines and gaps down
    together, so the picture keeps its proportions instead of losing its chart to the labels.
    """

    def __init__(self, fig: Figure, scale: float) -> None:
        self.fig = fig
        self.scale = scale
        self.dpi = fig.dpi
        self.renderer = _renderer(fig)

    def pt(self, size: float) -> float:
        return size * self.scale

    def inch(self, size: float) -> float:
        return size * self.scale

    def font(self, style: str, size: float) -> FontProperties:
        return _fontprops(style, size * self.scale)

    def props(self, style: str, size: float, color: str = INK, **extra: object) -> dict:
        return {"fontproperties": self.font(style, size), "color": color, **extra}

    def extent(self, artist) -> tuple[float, float]:
        """Width and height in inches."""
        box = artist.get_window_extent(self.renderer)
        return box.width / self.dpi, box.height / self.dpi

    def wrap(self, text: str, style: str, size: float, limit_in: float) -> str:
        return _wrap_cached(text, style, size * self.scale, limit_in * self.dpi, self.dpi)


@dataclass(frozen=True, slots=True)
class _Side:
    """How a label box hangs off the end of its spoke, chosen so it never covers the chart.

    bx/by are the box point placed at the anchor (0 = left/bottom edge, 1 = right/top edge).
    """

    bx: float
    by: float
    align: Literal["left", "center", "right"]

    @classmethod
    def at(cls, angle: float) -> _Side:
        s, c = math.sin(angle), math.cos(angle)
        align: Literal["left", "center", "right"]
        if abs(s) < 0.3:
            bx, align = 0.5, "center"
        elif s > 0:
            bx, align = 0.0, "left"
        else:
            bx, align = 1.0, "right"
        return cls(bx, min(1.0, max(0.0, 0.5 - c)), align)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where the chart went (inches from the bottom-left of the figure)."""

    radius: float
    centre: tuple[float, float]
    content_top: float  # top of the highest spoke label (or the ring)
    content_bottom: float
    box_top: float  # the room that was available between header and footer
    box_bottom: float

    @property
    def spare_height(self) -> float:
        return (self.box_top - self.content_top) + (self.content_bottom - self.box_bottom)


def build_figure(
    chart: SpiderChart,
    *,
    width: float = DEFAULT_WIDTH_IN,
    height: float | None = None,
    dpi: float = DEFAULT_DPI,
) -> Figure:
    """A new Figure with the spider drawn on it (inches). Height None: as tall as it needs."""
    fig = Figure(figsize=(width, height or width * 1.5), dpi=dpi)
    FigureCanvasAgg(fig)
    scale = scale_for(width, height or width)
    layout = _draw(fig, chart, scale)
    if height is None:
        fig.set_size_inches(width, width * 1.5 - layout.spare_height + 0.01)
        _draw(fig, chart, scale)
    return fig


def scale_for(width: float, height: float) -> float:
    """Text and line scale for a figure size: 1 from about 7.5 inches, smaller below that."""
    return min(1.0, max(0.5, min(width, height * 1.1) / 7.5))


def draw_spider(fig: Figure, chart: SpiderChart) -> Axes:
    """Clear `fig` and draw `chart` on it, laid out for the figure's current size.

    The GUI calls this again on every resize, so the layout follows the widget.
    """
    width, height = (float(x) for x in fig.get_size_inches())
    scale = scale_for(width, height)
    layout = _draw(fig, chart, scale)
    if layout.radius < 0.22 * min(width, height) and scale > 0.5:
        _draw(fig, chart, max(0.5, scale * 0.8))  # labels still crowd the chart out
    return next(ax for ax in fig.axes if ax.name == "polar")


def _draw(fig: Figure, chart: SpiderChart, scale: float = 1.0) -> _Layout:
    fig.clear()
    fig.set_facecolor("white")
    pen = _Pen(fig, scale)
    width, height = (float(x) for x in fig.get_size_inches())
    margin = pen.inch(MARGIN_IN)
    text_width = width - 2 * margin

    # Header: title and subtitle, top-left.
    top = height - margin
    for gid, text, style, size, color in (
        ("title", chart.title, "bold", TITLE_PT, INK),
        ("subtitle", chart.subtitle, "regular", SUBTITLE_PT, GREY),
    ):
        if text:
            artist = fig.text(
                margin / width,
                top / height,
                pen.wrap(text, style, size, text_width),
                ha="left",
                va="top",
                gid=gid,
                **pen.props(style, size, color, linespacing=1.25),
            )
            top -= pen.extent(artist)[1] + pen.inch(0.08)
    if chart.title or chart.subtitle:
        top -= pen.inch(HEADER_GAP_IN)

    # Footer: notes at the bottom, the legend just above them.
    bottom = margin
    notes = [n for n in (chart.note, chart.gap_explanation if chart.has_gaps else "") if n]
    if notes:
        artist = fig.text(
            margin / width,
            bottom / height,
            "\n".join(pen.wrap(n, "regular", NOTE_PT, text_width) for n in notes),
            ha="left",
            va="bottom",
            gid="note",
            **pen.props("regular", NOTE_PT, GREY, linespacing=1.35),
        )
        bottom += pen.extent(artist)[1] + pen.inch(0.15)
    handles = _legend_handles(chart, pen)
    if handles:
        legend = fig.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, bottom / height),
            ncols=_legend_columns(chart, width / scale),
            frameon=False,
            prop=pen.font("regular", LEGEND_PT),
            handlelength=3.4,
            columnspacing=2.0,
            borderaxespad=0.0,
        )
        legend.set_gid("legend")
        bottom += pen.extent(legend)[1]
    if handles or notes:
        bottom += pen.inch(FOOTER_GAP_IN)

    # The chart between header and footer, with the largest radius the labels allow.
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0), projection="polar")
    assert isinstance(ax, PolarAxes)
    _style_axes(ax)
    angles = [axis_angle(i, len(chart.axes)) for i in range(len(chart.axes))]
    labels = _spoke_labels(ax, chart, angles, pen)
    sizes = [pen.extent(label) for label in labels]
    sides = [_Side.at(a) for a in angles]
    pad, gap = pen.inch(LABEL_PAD_IN), pen.inch(LABEL_GAP_IN)
    layout, shifts = _fit(
        (margin, bottom, width - margin, top), angles, sides, sizes, pad=pad, gap=gap
    )
    cx, cy = layout.centre
    r = layout.radius
    ax.set_position(((cx - r) / width, (cy - r) / height, 2 * r / width, 2 * r / height))
    for label, angle, (dx, dy) in zip(labels, angles, shifts, strict=True):
        label.xyann = (
            72.0 * (pad * math.sin(angle) + dx),
            72.0 * (pad * math.cos(angle) + dy),
        )

    _draw_grid(ax, chart, angles, pen)
    _draw_band(ax, chart)
    _draw_series(ax, chart, pen)
    return layout


def _renderer(fig: Figure) -> RendererBase:
    canvas = fig.canvas
    if not hasattr(canvas, "get_renderer"):
        canvas = FigureCanvasAgg(fig)
    return canvas.get_renderer()


@lru_cache(maxsize=1024)
def _wrap_cached(text: str, style: str, size: float, limit_px: float, dpi: float) -> str:
    """Wrapping measures every word; the same labels come back on every redraw, so remember."""
    return _wrap_measured(text, _fontprops(style, size), limit_px, _measurer(dpi))


@lru_cache(maxsize=8)
def _measurer(dpi: float) -> RendererAgg:
    return RendererAgg(1, 1, dpi)


def _wrap_measured(text: str, font: FontProperties, limit_px: float, renderer: RendererBase) -> str:
    """Greedy word wrap by measured width; a word longer than a line keeps its own line."""

    def fits(line: str) -> bool:
        return renderer.get_text_width_height_descent(line, font, ismath=False)[0] <= limit_px

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and not fits(candidate):
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def _legend_columns(chart: SpiderChart, width: float) -> int:
    count = len(chart.series) + (chart.band is not None)
    longest = max((len(s.label) for s in chart.series), default=0)
    fit = 3 if width >= 7.0 and longest <= 24 else 2
    return max(1, min(count, fit))


def _style_axes(ax: PolarAxes) -> None:
    ax.set_theta_zero_location("N")
    ax.set_theta_direction(-1)
    ax.set_ylim(0.0, 100.0)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.spines["polar"].set_visible(False)
    ax.patch.set_visible(False)


def _legend_handles(chart: SpiderChart, pen: _Pen) -> list[Line2D | Patch]:
    if len(chart.series) < 2 and chart.band is None:
        return []  # one polygon needs no legend: the title says whose it is
    handles: list[Line2D | Patch] = []
    for index, series in enumerate(chart.series):
        style = chart.style(index)
        handles.append(
            Line2D(
                [],
                [],
                color=style.color,
                linestyle=style.linestyle,
                linewidth=pen.pt(style.linewidth),
                marker=style.marker,
                markersize=pen.pt(8),
                markeredgecolor="white",
                label=series.label,
            )
        )
    if chart.band is not None:
        handles.append(Patch(facecolor=BAND_GREY, alpha=0.55, label=chart.band.label))
    return handles


def _spoke_labels(
    ax: Axes, chart: SpiderChart, angles: Sequence[float], pen: _Pen
) -> list[AnnotationBbox]:
    """One box per spoke: number and title, the scores, then grey captions (gaps, coverage)."""
    labels = []
    for axis, angle in zip(chart.axes, angles, strict=True):
        side = _Side.at(angle)
        # A no-break space keeps the number with the first word of the title.
        title = pen.wrap(
            f"{axis.number}.\u00a0{axis.title}", "regular", LABEL_PT, pen.inch(LABEL_WIDTH_IN)
        )
        rows: list[Artist] = [
            TextArea(title, textprops=pen.props("regular", LABEL_PT, multialignment=side.align))
        ]
        values = _value_row(chart, axis.number, pen)
        if values is not None:
            rows.append(values)
        captions = [c for c in (chart.gap_caption(axis.number), axis.caption) if c]
        if captions:
            limit = pen.inch(LABEL_WIDTH_IN + 0.3)
            text = "\n".join(pen.wrap(c, "italic", CAPTION_PT, limit) for c in captions)
            props = pen.props("italic", CAPTION_PT, GREY, multialignment=side.align)
            rows.append(TextArea(text, textprops=props))
        label = AnnotationBbox(
            VPacker(children=rows, align=side.align, pad=0.0, sep=pen.pt(3.0)),
            (angle, 100.0),
            xycoords="data",
            xybox=(0.0, 0.0),
            boxcoords="offset points",
            box_alignment=(side.bx, side.by),
            frameon=False,
            pad=0.0,
            annotation_clip=False,
        )
        label.set_gid(f"spoke-label-{axis.number}")
        ax.add_artist(label)
        labels.append(label)
    return labels


def _value_row(chart: SpiderChart, standard: int, pen: _Pen) -> HPacker | None:
    shown = [(i, s) for i, s in enumerate(chart.series) if chart.style(i).show_values]
    if not shown or all(s.score(standard) is None for _, s in shown):
        return None
    parts: list[Artist] = []
    for position, (index, series) in enumerate(shown):
        if position:
            joiner = pen.props("regular", VALUE_PT, GREY)
            parts.append(TextArea(chart.values_joiner, textprops=joiner))
        score = series.score(standard)
        text, color = ("–", GREY) if score is None else (format_percent(score), None)
        parts.append(
            TextArea(text, textprops=pen.props("bold", VALUE_PT, color or chart.style(index).color))
        )
    return HPacker(children=parts, align="baseline", pad=0.0, sep=0.0)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in inches, relative to the centre


def _place(
    radius: float,
    angles: Sequence[float],
    sides: Sequence[_Side],
    sizes: Sequence[tuple[float, float]],
    pad: float,
    gap: float,
) -> tuple[list[Box], list[tuple[float, float]]]:
    """Label boxes for a radius, and the sideways shift that keeps neighbours apart.

    Each box hangs at radius + pad along its spoke. Where two neighbours would touch (a wide
    title at the top or bottom next to a diagonal one), the diagonal one moves outward sideways,
    or two labels on the same side move apart vertically.
    """
    boxes: list[Box] = []
    for angle, side, (w, h) in zip(angles, sides, sizes, strict=True):
        x = (radius + pad) * math.sin(angle)
        y = (radius + pad) * math.cos(angle)
        boxes.append(
            (x - side.bx * w, y - side.by * h, x + (1 - side.bx) * w, y + (1 - side.by) * h)
        )
    shifts = [(0.0, 0.0)] * len(boxes)
    count = len(boxes)
    for i in range(count):
        j = (i + 1) % count
        a, b = boxes[i], boxes[j]
        over_x = min(a[2], b[2]) - max(a[0], b[0]) + gap
        over_y = min(a[3], b[3]) - max(a[1], b[1]) + gap
        if over_x <= 0 or over_y <= 0:
            continue
        centred = [k for k in (i, j) if sides[k].align == "center"]
        if centred:
            k = j if centred[0] == i else i  # move the one that is not centred
            dx = math.copysign(over_x, math.sin(angles[k]))
            dy = 0.0
        else:
            k = j  # same side of the chart: push the later one further along
            dx = 0.0
            dy = math.copysign(over_y, boxes[j][1] - boxes[i][1] or -1.0)
        x0, y0, x1, y1 = boxes[k]
        boxes[k] = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        shifts[k] = (shifts[k][0] + dx, shifts[k][1] + dy)
    return boxes, shifts


def _fit(
    box: tuple[float, float, float, float],
    angles: Sequence[float],
    sides: Sequence[_Side],
    sizes: Sequence[tuple[float, float]],
    *,
    pad: float,
    gap: float,
) -> tuple[_Layout, list[tuple[float, float]]]:
    """Largest radius (inches) for which ring plus labels fit in `box`, centred in it.

    Label boxes do not change size with the radius, so the drawing's reach grows with the
    radius: bisect for the largest one that fits, then centre the whole in the box.
    """
    x0, y0, x1, y1 = box

    def reach(radius: float) -> tuple[float, float, float, float]:
        boxes, _ = _place(radius, angles, sides, sizes, pad, gap)
        left = max([radius, *(-b[0] for b in boxes)])
        right = max([radius, *(b[2] for b in boxes)])
        down = max([radius, *(-b[1] for b in boxes)])
        up = max([radius, *(b[3] for b in boxes)])
        return left, right, up, down

    def fits(radius: float) -> bool:
        left, right, up, down = reach(radius)
        return left + right <= x1 - x0 and up + down <= y1 - y0

    low, high = 0.0, max(0.0, min(x1 - x0, y1 - y0) / 2)
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (mid, high) if fits(mid) else (low, mid)
    radius = max(low, 0.25)
    left, right, up, down = reach(radius)
    cx = x0 + left + ((x1 - x0) - left - right) / 2
    cy = y0 + down + ((y1 - y0) - up - down) / 2
    _, shifts = _place(radius, angles, sides, sizes, pad, gap)
    return _Layout(radius, (cx, cy), cy + up, cy - down, y1, y0), shifts


def _draw_grid(ax: Axes, chart: SpiderChart, angles: Sequence[float], pen: _Pen) -> None:
    closed = [*angles, 2.0 * math.pi]
    for ring in RINGS:
        outer = ring == 100.0
        ax.plot(
            closed,
            [ring] * len(closed),
            color=GRID_OUTER if outer else GRID,
            linewidth=pen.pt(1.3 if outer else 0.9),
            zorder=1,
            gid=f"ring-{ring:.0f}",
        )
    for axis, angle in zip(chart.axes, angles, strict=True):
        missing = chart.missing(axis.number)
        gap = bool(missing) and len(missing) == len(chart.series)
        ax.plot(
            [angle, angle],
            [0.0, 100.0],
            color=GREY if gap else GRID,
            linewidth=pen.pt(1.4 if gap else 0.9),
            linestyle=(0, (3.0, 3.0)) if gap else "solid",
            zorder=1,
            gid=f"spoke-{axis.number}",
        )
    # Ring values on the chord between the first two spokes, where no label hangs.
    half = math.pi / len(angles)
    halo = [patheffects.withStroke(linewidth=pen.pt(3.0), foreground="white")]
    for ring in RINGS:
        ax.text(
            half,
            ring * math.cos(half),
            f"{ring:.0f}%",
            ha="center",
            va="center",
            zorder=30,  # above the polygons: a scale that hides behind data is no scale
            path_effects=halo,
            gid=f"ring-label-{ring:.0f}",
            **pen.props("regular", RING_PT, GREY),
        )


#: Share of the angle between two spokes that one spoke's spread bar covers.
BAND_WIDTH = 0.34
BAND_ARC_POINTS = 9


def band_sectors(chart: SpiderChart) -> list[tuple[int, list[float], list[float]]]:
    """Per spoke with a score: (standard, angles, radii) of a bar from lowest to highest.

    The spread is drawn per axis, not as a ring between two polygons: a ring's inner edge is a
    straight chord, so a minimum of 17 % between two neighbours at 0 % vanished into the centre.
    """
    band = chart.band
    if band is None:
        return []
    count = len(chart.axes)
    half = math.pi * BAND_WIDTH / count
    sectors = []
    for low, high in zip(
        series_vertices(chart, Series("low", band.low)),
        series_vertices(chart, Series("high", band.high)),
        strict=True,
    ):
        if low.radius is None or high.radius is None:
            continue
        steps = [
            low.angle - half + 2 * half * i / (BAND_ARC_POINTS - 1) for i in range(BAND_ARC_POINTS)
        ]
        sectors.append(
            (
                low.standard,
                steps + steps[::-1],
                [high.radius] * len(steps) + [low.radius] * len(steps),
            )
        )
    return sectors


def _draw_band(ax: Axes, chart: SpiderChart) -> None:
    for standard, angles, radii in band_sectors(chart):
        ax.fill(
            angles,
            radii,
            color=BAND_GREY,
            alpha=0.55,
            linewidth=0,
            zorder=2,
            gid=f"band-{standard}",
        )


def _draw_series(ax: Axes, chart: SpiderChart, pen: _Pen) -> None:
    # Areas first, then the filled series' line, then the unfilled (dashed) ones on top: where
    # two scans score the same, the dashes show on the solid line instead of vanishing under it.
    order = sorted(range(len(chart.series)), key=lambda i: -chart.style(i).fill_alpha)
    for index in order:
        style = chart.style(index)
        if style.fill_alpha > 0:
            for run in present_runs(series_vertices(chart, chart.series[index])):
                ax.fill(
                    [0.0, *(v.angle for v in run)],
                    [0.0, *(v.radius for v in run)],
                    color=style.color,
                    alpha=style.fill_alpha,
                    linewidth=0,
                    zorder=3,
                    gid=f"series-fill-{index}",
                )
    for rank, index in enumerate(order):
        style = chart.style(index)
        filled = style.fill_alpha > 0
        angles, radii = closed_polyline(series_vertices(chart, chart.series[index]))
        ax.plot(
            angles,
            radii,
            color=style.color,
            linestyle=style.linestyle,
            linewidth=pen.pt(style.linewidth),
            marker=style.marker,
            markersize=pen.pt(8.5 if filled else 7.0),
            markeredgecolor="white",
            markeredgewidth=pen.pt(1.2 if filled else 0.9),
            solid_joinstyle="round",
            dash_joinstyle="round",
            label=chart.series[index].label,
            zorder=5 + rank,
            clip_on=False,
            gid=f"series-{index}",
        )


def series_lines(fig: Figure) -> list[Line2D]:
    """The drawn polygon lines in series order (what tests compare with `series_vertices`)."""
    found = {}
    for artist in fig.findobj(Line2D):
        gid = artist.get_gid() or ""
        if gid.startswith("series-") and gid[7:].isdigit():
            found[int(gid[7:])] = artist
    return [found[i] for i in sorted(found)]


@contextmanager
def _fixed_style() -> Iterator[None]:
    """Library defaults plus fixed save settings, whatever matplotlibrc the user has."""
    with matplotlib.rc_context():
        matplotlib.style.use("default")
        matplotlib.rcParams.update(_SAVE_RC)
        yield


def render_png(
    chart: SpiderChart,
    *,
    width: float = DEFAULT_WIDTH_IN,
    height: float | None = None,
    dpi: float = DEFAULT_DPI,
) -> bytes:
    """PNG bytes; no date or software version inside, so identical input gives identical bytes."""
    with _fixed_style():
        fig = build_figure(chart, width=width, height=height, dpi=dpi)
        buffer = io.BytesIO()
        fig.savefig(
            buffer,
            format="png",
            dpi=dpi,
            facecolor="white",
            metadata={
                "Software": None,
                "Title": chart.title or None,
                "Description": chart.description or None,
            },
        )
    return buffer.getvalue()


def render_svg(
    chart: SpiderChart,
    *,
    width: float = DEFAULT_WIDTH_IN,
    height: float | None = None,
) -> bytes:
    """SVG bytes with text as paths (looks the same without the font), no date, fixed ids."""
    with _fixed_style():
        fig = build_figure(chart, width=width, height=height, dpi=72)
        buffer = io.BytesIO()
        fig.savefig(
            buffer,
            format="svg",
            facecolor="white",
            metadata={
                "Date": None,
                "Creator": "Zelfscan Kwaliteitskader",
                "Title": chart.title or None,
                "Description": chart.description or None,
            },
        )
    return buffer.getvalue()


def render_chart(chart: SpiderChart, suffix: str) -> bytes:
    """PNG or SVG bytes by suffix (ValueError for anything else)."""
    suffix = suffix.lower()
    if suffix == ".png":
        return render_png(chart)
    if suffix == ".svg":
        return render_svg(chart)
    raise ValueError(f"unsupported chart format {suffix!r}")
