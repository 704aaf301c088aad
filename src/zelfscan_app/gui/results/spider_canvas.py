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
        self._laid_out_for: tuple[int, int, float] | None = None  # widget size and pixel ratio
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
        self._fit_figure()
        if self._chart is None:
            self.figure.clear()
        else:
            draw_spider(self.figure, self._chart)

    def _fit_figure(self) -> None:
        """The figure at the widget's size now, as matplotlib's resize handler sets it.

        A widget given its size while hidden (a window laid out before it is shown) gets the
        resize event only when shown: laid out at that size already, it need not be laid out
        again then (for the regional view that second layout cost half a second)."""
        ratio = self.device_pixel_ratio
        size = self.size()
        if size.width() > 0 and size.height() > 0:
            dpi = self.figure.dpi
            self.figure.set_size_inches(
                size.width() * ratio / dpi, size.height() * ratio / dpi, forward=False
            )
        self._laid_out_for = (size.width(), size.height(), ratio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        now = (event.size().width(), event.size().height(), self.device_pixel_ratio)
        if now != self._laid_out_for:
            self._stale_layout = True  # re-laid out at the next paint, once per burst
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
