"""Where each municipality sits per standard: a dot per municipality, the band, and the mean.

A mean alone hides whether a region is uniformly middling or split into leaders and laggards;
this strip shows it. Municipalities with the same score stack up; a stack too tall for its row
becomes a pill with the count. Painted with QPainter (no matplotlib) so it stays crisp and cheap
with 342 municipalities. Below the minimum group size of an anonymised report nothing is drawn
but the reason: no score may be shown there, not even the mean.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from zelfscan_app.domain.caution import count_text
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.reports.spider_data import PALETTE, format_percent
from zelfscan_app.services.region import RegionReport

INK = QColor(style.TEXT)
MUTED = QColor(style.MUTED)
GRID = QColor(style.LINE)
TRACK = QColor("#eef2f6")
BAND = QColor("#c9d3de")
DOT = QColor(21, 66, 115, 150)  # the app's dark blue, partly transparent so stacks read
PILL = QColor(style.BLUE)
TICKS = (0, 25, 50, 75, 100)


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    title: str
    mean: float | None
    low: float | None
    high: float | None
    n: int
    groups: tuple[tuple[float, tuple[str, ...]], ...]  # score → labels of municipalities there
    overlays: tuple[tuple[float, int], ...]  # score, overlay index
    count: str = ""  # 'x van y' beside the mean (domain.caution.count_text), '' when hidden


class SpreadView(QWidget):
    """Per standard a 0–100% track with a dot per municipality, the min–max band and the mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spreadView")
        self.setAccessibleName(self.tr("Spreiding per kwaliteitsstandaard"))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._rows: list[_Row] = []
        self._spread = True
        self._overlay_labels: list[str] = []
        self._hits: list[tuple[QRectF, str]] = []
        self._message = ""  # shown instead of the rows when no scores may be shown

    # Content --------------------------------------------------------------------------------
    def set_report(self, report: RegionReport | None, overlays: list[str] | None = None) -> None:
        self._rows = []
        self._hits = []
        self._overlay_labels = []
        self._message = report.disclosure.reason if report is not None else ""
        if report is not None and not report.suppressed:  # below the group size: no scores
            summary = report.summary
            q = report.picture.questionnaire
            self._spread = report.per_municipality
            chosen = list(overlays or []) if self._spread else []
            self._overlay_labels = [report.label(n) for n in chosen]
            for s in summary.standards:
                groups: dict[float, list[str]] = defaultdict(list)
                lifted: list[tuple[float, int]] = []
                if self._spread:
                    for c in report.ordered():
                        score = summary.per_municipality[c.name].get(s.standard)
                        if score is None:
                            continue
                        groups[round(score, 1)].append(report.label(c.name))
                        if c.name in chosen:
                            lifted.append((score, chosen.index(c.name)))
                self._rows.append(
                    _Row(
                        s.standard,
                        q.standard(s.standard).short_title,
                        s.mean,
                        s.min if self._spread else None,
                        s.max if self._spread else None,
                        s.n,
                        tuple((k, tuple(v)) for k, v in sorted(groups.items())),
                        tuple(lifted),
                        count_text(q, summary, s.standard, suppressed=not self._spread, short=True),
                    )
                )
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The numbers as sentences, for screen readers and tests."""
        if not self._rows and self._message:
            return self._message
        parts = []
        for row in self._rows:
            mean = format_percent(row.mean) if row.mean is not None else self.tr("geen score")
            text = arg(self.tr("%1. %2: gemiddeld %3"), row.number, row.title, mean)
            if row.count:
                text += arg(self.tr(" (%1 op orde)"), row.count)
            if row.low is not None and row.high is not None:
                text += arg(
                    self.tr(", laagste %1, hoogste %2"),
                    format_percent(row.low),
                    format_percent(row.high),
                )
            text += ", " + gemeenten(row.n)
            parts.append(text)
        return "; ".join(parts)

    # Geometry -----------------------------------------------------------------------------
    def _metrics(self) -> tuple[QFontMetricsF, float, float]:
        fm = QFontMetricsF(self.font())
        row_height = max(44.0, fm.height() * 2.6)
        label_width = max(
            [fm.horizontalAdvance(f"{r.number}. {r.title}") for r in self._rows] or [100.0]
        )
        return fm, row_height, label_width + 20

    def sizeHint(self) -> QSize:
        fm, row_height, label_width = self._metrics()
        height = fm.height() * 2.2 + row_height * max(1, len(self._rows)) + fm.height() * 3
        return QSize(int(label_width + 440), int(height))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(int(self._metrics()[2] + 240), hint.height())

    def hasHeightForWidth(self) -> bool:
        return False

    # Painting ---------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._hits = []
        if not self._rows:
            if self._message:
                painter.setPen(MUTED)
                margin = 16
                painter.drawText(
                    QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                    | int(Qt.TextFlag.TextWordWrap),
                    self._message,
                )
            painter.end()
            return
        fm, row_height, label_width = self._metrics()
        small = QFontMetricsF(self._small_font())
        mean_width = (
            max(
                fm.horizontalAdvance("100%"),
                small.horizontalAdvance(self.tr("gemiddeld")),
                *(small.horizontalAdvance(r.count) for r in self._rows),
            )
            + 16
        )
        left = label_width + 16  # room for a pill on 0%
        right = self.width() - mean_width - 16 - small.horizontalAdvance("100%") / 2
        top = fm.height() * 2.0

        def x_of(score: float) -> float:
            return left + (right - left) * score / 100.0

        bottom = top + row_height * len(self._rows)
        painter.setFont(self._small_font())
        for tick in TICKS:
            x = x_of(tick)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            painter.setPen(MUTED)
            text = f"{tick}%"
            painter.drawText(
                QPointF(x - small.horizontalAdvance(text) / 2, top - 8 - small.descent()), text
            )
        header = self.tr("gemiddeld")
        painter.drawText(
            QPointF(
                self.width() - mean_width - 8 + (mean_width - small.horizontalAdvance(header)) / 2,
                top - 8 - small.descent(),
            ),
            header,
        )
        for index, row in enumerate(self._rows):
            y = top + row_height * index + row_height / 2
            self._paint_row(painter, row, y, row_height, left, right, x_of, fm, mean_width)
        self._paint_legend(painter, bottom + fm.height() * 0.8, 12.0, fm)
        painter.end()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.85))
        return font

    def _paint_row(self, painter, row, y, row_height, left, right, x_of, fm, mean_width) -> None:
        small = QFontMetricsF(self._small_font())
        painter.setFont(self.font())
        painter.setPen(INK)
        painter.drawText(
            QRectF(0, y - row_height / 2, left - 30, row_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{row.number}. {row.title}",
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(QRectF(left, y - 3, right - left, 6), 3, 3)
        if row.low is not None and row.high is not None:
            painter.setBrush(BAND)
            x0, x1 = x_of(row.low), x_of(row.high)
            painter.drawRoundedRect(QRectF(x0 - 7, y - 7, max(14.0, x1 - x0 + 14), 14), 7, 7)
        if row.mean is not None:  # behind the dots, so a pill's number stays readable
            painter.setPen(QPen(INK, 2))
            x = x_of(row.mean)
            painter.drawLine(QPointF(x, y - row_height / 2 + 4), QPointF(x, y + row_height / 2 - 2))
        radius = 4.5
        step = 2 * radius + 1
        per_column = max(1, int((row_height - 8) // step))
        for score, labels in row.groups:
            x = x_of(score)
            count = len(labels)
            if count <= per_column * 3:  # a small grid of dots, centred on the score
                columns = -(-count // per_column)
                height = min(count, per_column) * step - 1
                for k in range(count):
                    column, place = divmod(k, per_column)
                    cx = x + (column - (columns - 1) / 2) * step
                    cy = y - height / 2 + radius + place * step
                    painter.setBrush(DOT)
                    painter.setPen(QPen(QColor("white"), 1))
                    painter.drawEllipse(QPointF(cx, cy), radius, radius)
                width = columns * step
                hit = QRectF(x - width / 2, y - height / 2, width, height)
            else:  # too many to count by eye: a pill with the number
                text = str(count)
                width = max(2 * radius + 8, small.horizontalAdvance(text) + 12)
                hit = QRectF(x - width / 2, y - row_height / 2 + 5, width, row_height - 10)
                painter.setBrush(PILL)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawRoundedRect(hit, width / 2, width / 2)
                painter.setFont(self._small_font())
                painter.setPen(QColor("white"))
                painter.drawText(hit, Qt.AlignmentFlag.AlignCenter, text)
            self._hits.append((hit.adjusted(-3, -3, 3, 3), self._tip(row, score, labels)))
        for offset, (score, which) in enumerate(row.overlays):
            self._marker(painter, QPointF(x_of(score), y + (offset % 3 - 1) * 4), which, 7.5)
        if row.mean is not None:
            # A notch above the row marks the mean: it stays visible over a stack or a pill.
            x = x_of(row.mean)
            top = y - row_height / 2
            painter.setPen(QPen(QColor("white"), 1))
            painter.setBrush(INK)
            painter.drawPolygon(
                QPolygonF([QPointF(x - 6, top), QPointF(x + 6, top), QPointF(x, top + 8)])
            )
            bold = QFont(self.font())
            bold.setWeight(QFont.Weight.Bold)
            painter.setFont(bold)
            painter.setPen(INK)
            cell = QRectF(self.width() - mean_width - 8, y - row_height / 2, mean_width, row_height)
            if row.count:  # the percentage with its 'x van y' below it
                cell.setHeight(row_height * 0.62)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, format_percent(row.mean))
            if row.count:
                painter.setFont(self._small_font())
                painter.setPen(MUTED)
                below = QRectF(cell.left(), cell.bottom() - 2, mean_width, row_height * 0.38)
                painter.drawText(below, Qt.AlignmentFlag.AlignHCenter, row.count)
        else:
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(self.width() - mean_width - 8, y - row_height / 2, mean_width, row_height),
                Qt.AlignmentFlag.AlignCenter,
                "–",
            )

    def _marker(self, painter: QPainter, centre: QPointF, which: int, size: float) -> None:
        style = PALETTE[1 + which]
        painter.setBrush(QColor(style.color))
        painter.setPen(QPen(QColor("white"), 1.5))
        x, y = centre.x(), centre.y()
        if style.marker == "s":
            painter.drawRect(QRectF(x - size * 0.8, y - size * 0.8, size * 1.6, size * 1.6))
        elif style.marker in ("^", "v"):
            sign = -1 if style.marker == "^" else 1
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, y + sign * size),
                        QPointF(x - size, y - sign * size * 0.8),
                        QPointF(x + size, y - sign * size * 0.8),
                    ]
                )
            )
        elif style.marker == "D":
            path = QPainterPath()
            path.moveTo(x, y - size)
            path.lineTo(x + size, y)
            path.lineTo(x, y + size)
            path.lineTo(x - size, y)
            path.closeSubpath()
            painter.drawPath(path)
        else:
            painter.drawEllipse(centre, size * 0.85, size * 0.85)

    def _paint_legend(self, painter: QPainter, y: float, left: float, fm: QFontMetricsF) -> None:
        painter.setFont(self._small_font())
        small = QFontMetricsF(painter.font())
        x = left
        baseline = y + small.ascent()
        mid = y + small.height() / 2

        def text(t: str) -> None:
            nonlocal x
            painter.setPen(MUTED)
            painter.drawText(QPointF(x, baseline), t)
            x += small.horizontalAdvance(t) + 22

        if self._spread:
            painter.setPen(QPen(QColor("white"), 1))
            painter.setBrush(DOT)
            painter.drawEllipse(QPointF(x + 5, mid), 5, 5)
            x += 16
            text(self.tr("een gemeente"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAND)
            painter.drawRoundedRect(QRectF(x, mid - 7, 30, 14), 7, 7)
            x += 38
            text(self.tr("laagste tot hoogste"))
        painter.setPen(QPen(INK, 2))
        painter.drawLine(QPointF(x + 6, mid - 8), QPointF(x + 6, mid + 8))
        painter.setPen(QPen(QColor("white"), 1))
        painter.setBrush(INK)
        painter.drawPolygon(
            QPolygonF([QPointF(x, mid - 9), QPointF(x + 12, mid - 9), QPointF(x + 6, mid - 1)])
        )
        x += 18
        text(self.tr("gemiddelde"))
        for index, label in enumerate(self._overlay_labels):
            self._marker(painter, QPointF(x + 6, mid), index, 6.5)
            x += 18
            text(label)

    @staticmethod
    def _tip(row: _Row, score: float, labels: tuple[str, ...]) -> str:
        shown = ", ".join(labels[:12]) + (
            f" en {len(labels) - 12} andere" if len(labels) > 12 else ""
        )
        return f"{row.number}. {row.title} — {format_percent(score)}: {shown}"

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            pos = QPointF(event.pos())
            for rect, tip in self._hits:
                if rect.contains(pos):
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)
