"""The spider renderer, checked from the drawn data rather than from pixels."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.offsetbox import AnnotationBbox
from matplotlib.text import Text

from zelfscan_app.reports.spider import (
    build_figure,
    draw_spider,
    render_png,
    render_svg,
    series_lines,
)
from zelfscan_app.reports.spider_data import (
    PALETTE,
    Band,
    Series,
    SpiderChart,
    axis_angle,
    chart_axes,
    format_percent,
    series_vertices,
)

SCORES = {k: 10.0 * k - 5.0 for k in range(1, 11)}  # 5, 15, ..., 95: every spoke differs


@pytest.fixture
def axes(questionnaire):
    return chart_axes(questionnaire)


def _labels(fig: Figure) -> dict[int, AnnotationBbox]:
    return {
        int(a.get_gid().rsplit("-", 1)[1]): a
        for a in fig.findobj(AnnotationBbox)
        if (a.get_gid() or "").startswith("spoke-label-")
    }


def _label_text(label: AnnotationBbox) -> str:
    return "\n".join(t.get_text() for t in label.findobj(Text))


def _polar(fig: Figure):
    return next(ax for ax in fig.axes if ax.name == "polar")


def test_vertex_for_standard_k_sits_at_score_k(axes) -> None:
    chart = SpiderChart(axes, (Series("Aldermeer", SCORES),))
    fig = build_figure(chart)
    (line,) = series_lines(fig)
    angles, radii = line.get_xdata(), line.get_ydata()
    assert len(angles) == 11  # ten spokes and back to the first
    for index, number in enumerate(range(1, 11)):
        assert angles[index] == pytest.approx(axis_angle(index, 10))
        assert radii[index] == pytest.approx(SCORES[number])
    assert (angles[10], radii[10]) == (pytest.approx(2 * math.pi), pytest.approx(SCORES[1]))

    # And on the page: standard 1 straight up, clockwise, distance proportional to the score.
    ax = _polar(fig)
    centre = ax.transData.transform((0.0, 0.0))
    rim = np.linalg.norm(ax.transData.transform((0.0, 100.0)) - centre)
    for index, number in enumerate(range(1, 11)):
        x, y = ax.transData.transform((angles[index], radii[index])) - centre
        assert math.hypot(x, y) == pytest.approx(rim * SCORES[number] / 100.0, rel=1e-6)
        expected = axis_angle(index, 10)
        assert x == pytest.approx(math.hypot(x, y) * math.sin(expected), abs=1e-6)
        assert y == pytest.approx(math.hypot(x, y) * math.cos(expected), abs=1e-6)


def test_series_vertices_is_the_drawn_geometry(axes) -> None:
    chart = SpiderChart(axes, (Series("A", SCORES),))
    vertices = series_vertices(chart, chart.series[0])
    assert [v.standard for v in vertices] == list(range(1, 11))
    assert vertices[0].xy == pytest.approx((0.0, 0.05))  # straight up, 5% of the radius
    assert vertices[2].xy[0] > 0  # standard 3 is on the right: clockwise


def test_missing_score_is_a_gap_not_zero(axes) -> None:
    scores = {**SCORES, 4: None, 5: 0.0}
    chart = SpiderChart(axes, (Series("Oosterwaal", scores),))
    fig = build_figure(chart)
    (line,) = series_lines(fig)
    radii = line.get_ydata()
    assert math.isnan(radii[3])  # the line is broken at standard 4 ...
    assert radii[4] == 0.0  # ... while a real 0 goes to the centre
    # The gap is marked: note under the spoke, dashed spoke, explanation below the chart.
    labels = _labels(fig)
    assert "geen antwoord" in _label_text(labels[4])
    assert "geen antwoord" not in _label_text(labels[5])
    assert "0%" in _label_text(labels[5])
    spoke = next(a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == "spoke-4")
    assert spoke.get_linestyle() != "-"
    note = next(t for t in fig.texts if t.get_gid() == "note")
    assert "geen score (niet 0%)" in note.get_text()
    # No filled area reaches towards spoke 4.
    fills = [
        p for p in fig.findobj() if (getattr(p, "get_gid", lambda: "")() or "") == "series-fill-0"
    ]
    assert fills
    gap_angle = axis_angle(3, 10)
    for patch in fills:
        vertices = patch.get_path().vertices
        assert not np.any(np.isclose(vertices[:, 0], gap_angle) & (vertices[:, 1] > 0))


def test_complete_chart_has_no_gap_note(axes) -> None:
    fig = build_figure(SpiderChart(axes, (Series("A", SCORES),), note="Uitleg."))
    note = next(t for t in fig.texts if t.get_gid() == "note")
    assert note.get_text() == "Uitleg."
    assert not any("geen antwoord" in _label_text(a) for a in _labels(fig).values())


def test_comparison_shows_both_polygons_and_values(axes) -> None:
    earlier = {k: 50.0 for k in range(1, 11)} | {10: None}
    chart = SpiderChart(
        axes,
        (
            Series("Nulmeting", earlier, replace(PALETTE[1], show_values=True), "nulmeting"),
            Series("Evaluatie", SCORES, PALETTE[0]),
        ),
        values_joiner=" → ",
    )
    fig = build_figure(chart)
    lines = series_lines(fig)
    assert [line.get_label() for line in lines] == ["Nulmeting", "Evaluatie"]
    assert list(lines[0].get_ydata()[:9]) == [50.0] * 9
    assert math.isnan(lines[0].get_ydata()[9])
    assert list(lines[1].get_ydata()[:10]) == [SCORES[k] for k in range(1, 11)]
    assert lines[0].get_color() != lines[1].get_color()
    assert lines[0].get_linestyle() != lines[1].get_linestyle()  # also apart in grey print
    legend = next(lg for lg in fig.legends if lg.get_gid() == "legend")
    assert [t.get_text() for t in legend.get_texts()] == ["Nulmeting", "Evaluatie"]
    assert "geen antwoord in nulmeting" in _label_text(_labels(fig)[10])
    text_one = _label_text(_labels(fig)[1]).split("\n")
    assert text_one[-3:] == ["50%", " → ", "5%"]


def test_single_series_has_no_legend(axes) -> None:
    fig = build_figure(SpiderChart(axes, (Series("A", SCORES),)))
    assert not fig.legends


def band_patches(fig) -> dict[int, object]:
    """The drawn spread bars by standard number (gid 'band-<n>')."""
    found = {}
    for artist in fig.findobj():
        gid = getattr(artist, "get_gid", lambda: "")() or ""
        if gid.startswith("band-"):
            found[int(gid.removeprefix("band-"))] = artist
    return found


def test_band_between_min_and_max(axes) -> None:
    low = {k: 20.0 for k in range(1, 11)}
    high = {k: 80.0 for k in range(1, 11)}
    chart = SpiderChart(axes, (Series("Gemiddelde", SCORES),), band=Band("Spreiding", low, high))
    fig = build_figure(chart)
    bands = band_patches(fig)
    assert sorted(bands) == list(range(1, 11))
    for band in bands.values():
        assert set(np.round(band.get_path().vertices[:, 1], 6)) == {20.0, 80.0}
    legend = fig.legends[0]
    assert "Spreiding" in [t.get_text() for t in legend.get_texts()]


def test_band_vertices_are_the_numbers_per_axis(axes) -> None:
    """Minimums of 17–33 % between neighbours at 0 % stay at 17–33 %, not at the centre."""
    low = {1: 0.0, 2: 0.0, 3: 17.0, 4: 0.0, 5: 0.0, 6: 33.0, 7: 0.0, 8: 25.0, 9: 0.0, 10: 50.0}
    high = {k: 100.0 for k in range(1, 11)} | {9: 60.0, 3: 83.0}
    chart = SpiderChart(axes, (Series("Gemiddelde", SCORES),), band=Band("Spreiding", low, high))
    bands = band_patches(build_figure(chart))
    for index, axis in enumerate(axes):
        vertices = bands[axis.number].get_path().vertices
        angles, radii = vertices[:, 0], vertices[:, 1]
        assert radii.min() == pytest.approx(low[axis.number])
        assert radii.max() == pytest.approx(high[axis.number])
        # The bar sits on its own spoke, nowhere near the neighbours.
        spoke = axis_angle(index, len(axes))
        assert np.all(np.abs(angles - spoke) < math.pi / len(axes))
        inner = angles[np.isclose(radii, low[axis.number])]
        assert inner.min() < spoke < inner.max()  # the inner edge is an arc at the minimum


def test_band_breaks_at_missing_standard(axes) -> None:
    low = {k: 20.0 for k in range(1, 11)} | {6: None}
    high = {k: 80.0 for k in range(1, 11)} | {6: None}
    chart = SpiderChart(axes, (Series("G", SCORES),), band=Band("Spreiding", low, high))
    bands = band_patches(build_figure(chart))
    assert 6 not in bands and len(bands) == 9


def _boxes_overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize(
    ("width", "height"), [(8.0, None), (5.0, 5.5), (11.0, 7.0), (6.0, 9.0), (12.0, 12.0)]
)
def test_labels_fit_and_never_overlap(axes, width, height) -> None:
    captions = {3: "2 van 5 beantwoord", 8: "1 van 6 beantwoord"}
    chart = SpiderChart(
        chart_axes_with(axes, captions),
        (
            Series("Nulmeting 3 maart 2025", {**SCORES, 6: None}, short_label="nulmeting"),
            Series("Evaluatie 5 oktober 2026", {**SCORES, 9: None}),
        ),
        title="Een gemeente met een lange naam aan de rivier",
        subtitle="Zelfscan Kwaliteitskader · nulmeting en evaluatie",
        note="Score: percentage van de beantwoorde vragen dat ‘Op orde’ is. " * 2,
    )
    fig = build_figure(chart, width=width, height=height)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    labels = list(_labels(fig).values())
    boxes = [label.get_window_extent(renderer) for label in labels]
    for box in boxes:
        assert page.x0 <= box.x0 and box.x1 <= page.x1, "label cut off at the side"
        assert page.y0 <= box.y0 and box.y1 <= page.y1, "label cut off at top or bottom"
    for a, b in combinations(boxes, 2):
        assert not _boxes_overlap(a, b), "two spoke labels overlap"
    # Title, legend and notes keep clear of the labels and of the chart disc.
    disc = _polar(fig).get_window_extent(renderer)
    others = [t.get_window_extent(renderer) for t in fig.texts]
    others += [lg.get_window_extent(renderer) for lg in fig.legends]
    for other in others:
        assert page.x0 <= other.x0 and other.x1 <= page.x1 + 0.5
        assert not _boxes_overlap(other, disc)
        for box in boxes:
            assert not _boxes_overlap(other, box)
    # Labels stay outside the outer ring.
    ax = _polar(fig)
    centre = ax.transData.transform((0.0, 0.0))
    rim = np.linalg.norm(ax.transData.transform((0.0, 100.0)) - centre)
    for box in boxes:
        nearest = np.clip(centre, [box.x0, box.y0], [box.x1, box.y1])
        assert np.linalg.norm(nearest - centre) > rim


def chart_axes_with(axes, captions):
    return tuple(replace(a, caption=captions.get(a.number, "")) for a in axes)


def test_default_figure_is_as_tall_as_needed(axes) -> None:
    fig = build_figure(SpiderChart(axes, (Series("A", SCORES),), title="Aldermeer"))
    width, height = fig.get_size_inches()
    assert width == 8.0
    assert 5.5 < height < 10.0


def test_png_is_deterministic_and_has_no_clock_or_version(axes) -> None:
    chart = SpiderChart(
        axes, (Series("A", SCORES), Series("B", {**SCORES, 2: None})), title="Aldermeer"
    )
    first, second = render_png(chart), render_png(chart)
    assert first == second
    assert first.startswith(b"\x89PNG")
    assert b"Software" not in first and b"matplotlib" not in first.lower()
    assert b"Aldermeer" in first  # the title travels as PNG metadata


def test_svg_is_deterministic_without_date(axes) -> None:
    chart = SpiderChart(axes, (Series("A", {**SCORES, 2: None}),), title="Aldermeer")
    first, second = render_svg(chart), render_svg(chart)
    assert first == second
    assert first.lstrip().startswith(b"<?xml")
    assert b"<dc:date>" not in first
    assert b"Zelfscan Kwaliteitskader" in first


def test_png_is_the_same_in_another_process(axes, tmp_path) -> None:
    script = (
        "import sys\n"
        "from zelfscan_app.questionnaire_file import default_questionnaire\n"
        "from zelfscan_app.reports.spider import render_png\n"
        "from zelfscan_app.reports.spider_data import Series, SpiderChart, chart_axes\n"
        f"scores = {SCORES!r}\n"
        "chart = SpiderChart(chart_axes(default_questionnaire()), (Series('A', scores),))\n"
        "sys.stdout.buffer.write(render_png(chart))\n"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert other.stdout == render_png(SpiderChart(axes, (Series("A", SCORES),)))


def test_draw_spider_follows_the_figure_size(axes) -> None:
    chart = SpiderChart(axes, (Series("A", SCORES),))
    fig = Figure(figsize=(9.0, 7.0), dpi=100)
    ax_big = draw_spider(fig, chart)
    big = ax_big.get_position().width * 9.0
    fig.set_size_inches(5.0, 4.5)
    ax_small = draw_spider(fig, chart)
    small = ax_small.get_position().width * 5.0
    assert 0 < small < big
    assert len(series_lines(fig)) == 1  # redrawn, not drawn twice


def test_bad_scores_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        Series("A", {1: 120.0})
    assert Series("A", {1: float("nan")}).score(1) is None


def test_format_percent_rounds_half_up() -> None:
    assert format_percent(62.5) == "63%"
    assert format_percent(100.0 * 2 / 3) == "67%"
    assert format_percent(0.0) == "0%"


def test_importing_chart_descriptions_does_not_load_matplotlib() -> None:
    code = (
        "import sys\n"
        "import zelfscan_app.cli.main, zelfscan_app.services.charts\n"
        "import zelfscan_app.reports, zelfscan_app.reports.spider_data\n"
        "import zelfscan_app.gui.results, zelfscan_app.gui.app\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib loaded too early'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
