"""The spider in a Qt widget: the same renderer as the PNG and the Word report.

Importing this module loads matplotlib, so only the results view imports it, on first use.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from zelfscan_app.reports.spider import draw_spider
from zelfscan_app.reports.spider_data import SpiderChart, format_percent


class SpiderCanvas(FigureCanvasQTAgg):
    """Shows one `SpiderChart`; the layout is redone for every new size of the widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Figure(figsize=(6.0, 6.0), dpi=100))
        if parent is not None:
            self.setParent(parent)
        self._chart: SpiderChart | None = None
        self._stale_layout = False
        self.setMinimumSize(380, 380)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Spindiagram"))

    @property
    def chart(self) -> SpiderChart | None:
        return self._chart

    def set_chart(self, chart: SpiderChart | None) -> None:
        """Draw a new chart now (the figure reflects it on return), paint when Qt is ready."""
        self._chart = chart
        self._layout()
        self.setAccessibleDescription(describe(chart) if chart is not None else "")
        self.draw_idle()

    def _layout(self) -> None:
        self._stale_layout = False
        if self._chart is None:
            self.figure.clear()
        else:
            draw_spider(self.figure, self._chart)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._stale_layout = True  # re-laid out at the next paint, once per burst of resizes
        self.draw_idle()

    def draw(self) -> None:
        if self._stale_layout:
            self._layout()
        super().draw()


def describe(chart: SpiderChart) -> str:
    """The chart's numbers as a sentence, for screen readers."""
    parts = []
    for axis in chart.axes:
        values = []
        for series in chart.series:
            score = series.score(axis.number)
            value = format_percent(score) if score is not None else chart.gap_note
            values.append(f"{series.label} {value}" if len(chart.series) > 1 else value)
        parts.append(f"{axis.number}. {axis.title}: {', '.join(values)}")
    return "; ".join(parts)
