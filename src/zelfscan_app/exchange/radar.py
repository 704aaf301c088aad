"""The native Excel radar chart, built once for the scan workbook and the regional workbook.

Both sheets list the standards in column A under a header row with the scores beside them; the
chart reads those cells, so the spider in Excel shows exactly the numbers on the sheet (in the
blank form they are formulas and the spider follows the answers). The first series is the
score or mean, a solid blue line with circles; further series (the region's lowest and
highest) each get their own colour, dash and marker, so they can be told apart in grey print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zelfscan_app.exchange.sheet_style import BLUE

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True, slots=True)
class SeriesLook:
    """How one series is drawn: line colour (RGB hex), width in EMU, dash, marker and size."""

    colour: str
    width: int
    symbol: str
    size: int
    dash: str | None = None


@dataclass(frozen=True, slots=True)
class RadarLook:
    """What differs between the two workbooks' radar charts."""

    title: str
    major_unit: int
    main: SeriesLook  # the score (one scan) or the mean (a region)
    others: Sequence[SeriesLook] = ()  # lowest and highest, in column order
    width_cm: float = 17
    height_cm: float = 13
    number_format: str | None = None
    #: The plot area as fractions of the chart (x, y, w, h); None: Excel decides.
    plot_area: tuple[float, float, float, float] | None = None


def add_radar(
    ws: Worksheet,
    look: RadarLook,
    *,
    header_row: int,
    last_row: int,
    columns: Sequence[int],
    legend: bool,
    anchor: str = "G1",
) -> None:
    """Add a radar chart of `columns` (titles in `header_row`) over the standards in column A."""
    from openpyxl.chart import RadarChart, Reference
    from openpyxl.chart.layout import Layout, ManualLayout
    from openpyxl.chart.legend import Legend
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.line import LineProperties

    chart = RadarChart()
    chart.type = "marker"
    chart.title = look.title
    chart.style = 2
    for column in columns:
        data = Reference(ws, min_col=column, min_row=header_row, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = look.major_unit
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    if look.number_format is not None:
        chart.y_axis.number_format = look.number_format
    chart.display_blanks = "gap"
    for series, series_look in zip(chart.series, (look.main, *look.others), strict=False):
        s = series_look
        series.graphicalProperties = GraphicalProperties(
            ln=LineProperties(solidFill=s.colour, w=s.width, prstDash=s.dash)
        )
        series.marker.symbol = s.symbol
        series.marker.size = s.size
        series.marker.graphicalProperties = GraphicalProperties(solidFill=s.colour)
        series.marker.graphicalProperties.line.solidFill = s.colour
    if legend:
        chart.legend = Legend()
        chart.legend.position = "b"
    else:
        chart.legend = None
    if look.plot_area is not None:
        x, y, w, h = look.plot_area
        chart.layout = Layout(manualLayout=ManualLayout(x=x, y=y, w=w, h=h))
    chart.width = look.width_cm
    chart.height = look.height_cm
    ws.add_chart(chart, anchor)


#: The scan workbook's Resultaten sheet: one scan's score per standard.
SCAN_RADAR = RadarLook(
    title="Score per kwaliteitsstandaard (%)",
    major_unit=20,
    main=SeriesLook(BLUE, 28575, "circle", 7),  # 2.25 pt
)

#: The regional workbook's Resultaten sheet: the mean, with lowest and highest when shown.
REGION_RADAR = RadarLook(
    title="Gemiddelde score per kwaliteitsstandaard (%)",
    major_unit=25,
    main=SeriesLook(BLUE, 31750, "circle", 7),  # 2.5 pt
    # Lowest: an orange dotted line with triangles; highest: a dark dashed line with diamonds.
    others=(
        SeriesLook("C55A11", 19050, "triangle", 6, dash="sysDot"),
        SeriesLook("404040", 19050, "diamond", 6, dash="dash"),
    ),
    width_cm=18,
    height_cm=14,
    number_format="0",
    plot_area=(0.12, 0.1, 0.76, 0.72),
)
