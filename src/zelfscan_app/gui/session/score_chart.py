"""A plain horizontal bar chart of the standard scores (placeholder for the spider widget).

Kept behind `set_scores(scores)` so that the spider renderer can take its place later.
A standard without answers is drawn as a gap ('nog geen antwoorden'), never as 0 %.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from zelfscan_app.domain.scoring import StandardScore
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg


class ScoreChart(QWidget):
    def __init__(self, titles: Mapping[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles = dict(titles)
        self._scores: tuple[StandardScore, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Scores per kwaliteitsstandaard"))

    def set_scores(self, scores: Sequence[StandardScore]) -> None:
        self._scores = tuple(scores)
        lines = []
        for s in self._scores:
            title = self._titles.get(s.standard, str(s.standard))
            if s.score is None:
                lines.append(arg(self.tr("%1: nog geen antwoorden"), title))
            else:
                lines.append(
                    arg(
                        self.tr("%1: %2 procent op orde, %3 van %4 beantwoord"),
                        title,
                        round(s.score),
                        s.answered,
                        s.total,
                    )
                )
        self.setAccessibleDescription("; ".join(lines))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return round(self.fontMetrics().height() * 2.6)

    def sizeHint(self) -> QSize:
        return QSize(640, self._row_height() * max(1, len(self._scores)) + 40)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row_h = self._row_height()
        label_w = min(
            self.width() * 0.5,
            max((metrics.horizontalAdvance(self._label(s)) for s in self._scores), default=0) + 16,
        )
        value_w = metrics.horizontalAdvance("100 %") + 16
        left = label_w
        right = self.width() - value_w
        top = 8
        bar_w = max(40.0, right - left)

        # Grid: 0, 25, 50, 75, 100 %
        grid = QPen(QColor(style.LINE), 1, Qt.PenStyle.DashLine)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        bottom = top + row_h * len(self._scores)
        for tick in range(0, 101, 25):
            x = left + bar_w * tick / 100
            p.setPen(grid)
            p.drawLine(round(x), top, round(x), bottom)
            p.setPen(QColor(style.MUTED))
            p.setFont(small)
            p.drawText(
                QRectF(x - 30, bottom + 4, 60, 20), Qt.AlignmentFlag.AlignHCenter, f"{tick}%"
            )
        p.setFont(self.font())

        for i, s in enumerate(self._scores):
            y = top + i * row_h
            p.setPen(QColor(style.TEXT))
            p.drawText(
                QRectF(0, y, label_w - 12, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(self._label(s), Qt.TextElideMode.ElideRight, int(label_w - 12)),
            )
            bar = QRectF(left, y + row_h * 0.22, bar_w, row_h * 0.56)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(style.BLUE_SOFT))
            p.drawRoundedRect(bar, 3, 3)
            if s.score is None:
                p.setBrush(QBrush(QColor(style.LINE), Qt.BrushStyle.BDiagPattern))
                p.drawRoundedRect(bar, 3, 3)
                p.setPen(QColor(style.MUTED))
                p.drawText(
                    bar.adjusted(10, 0, 0, 0),
                    Qt.AlignmentFlag.AlignVCenter,
                    self.tr("nog geen antwoorden"),
                )
                continue
            filled = QRectF(bar)
            filled.setWidth(max(0.0, bar_w * s.score / 100))
            p.setBrush(QColor(style.BLUE))
            if filled.width() > 0:
                p.drawRoundedRect(filled, 3, 3)
            p.setPen(QColor(style.TEXT))
            p.drawText(
                QRectF(right + 8, y, value_w, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                f"{round(s.score)}%",
            )
            if s.answered < s.total:
                p.setPen(QColor(style.MUTED))
                p.setFont(small)
                p.drawText(
                    QRectF(left, y + row_h * 0.78, bar_w, row_h * 0.22 + 4),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    arg(self.tr("%1 van %2 vragen beantwoord"), s.answered, s.total),
                )
                p.setFont(self.font())
        p.end()

    def _label(self, s: StandardScore) -> str:
        return f"{s.standard}. {self._titles.get(s.standard, '')}"
