"""Gemeenten × kwaliteitsstandaarden as a heat map: the number in every cell, the colour as a hint.

Colours are the report's score classes (orange tints low, blue tints high, grey in between):
distinguishable with every common colour-vision deficiency, light enough for dark text, and the
same in the Word report and the regional workbook. The first column is checkable: a checked
municipality is drawn over the regional spider.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from zelfscan_app.domain.scoring import StandardScore, standard_scores
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.reports.scan_context import score_colour
from zelfscan_app.reports.spider_data import format_percent
from zelfscan_app.services.region import MAX_OVERLAYS, Contribution, RegionReport

Index = QModelIndex | QPersistentModelIndex

NAME = 0
INK = QColor(style.TEXT)
WARN_INK = QColor(style.WARN_INK)
NO_SCORE = "–"


class HeatMapModel(QAbstractTableModel):
    """One row per municipality (in the report's order), one column per standard."""

    overlaysChanged = Signal(list)  # real names, in the order they were checked
    overlayRefused = Signal(str)  # why a municipality could not be added

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._report: RegionReport | None = None
        self._rows: list[Contribution] = []
        self._scores: list[dict[int, StandardScore]] = []
        self._standards: list[int] = []
        self._titles: dict[int, str] = {}
        self._overlays: list[str] = []

    # Content --------------------------------------------------------------------------------
    def set_report(self, report: RegionReport | None) -> None:
        self.beginResetModel()
        self._report = report
        if report is None or not report.per_municipality:
            self._rows, self._scores = [], []
        else:
            self._rows = report.ordered()
            asked = set(report.picture.question_numbers)
            q = report.picture.questionnaire
            self._scores = [
                {
                    s.standard: s
                    for s in standard_scores(
                        q, {k: v for k, v in c.scan.values.items() if k in asked}
                    )
                }
                for c in self._rows
            ]
        shown = report.picture.questionnaire if report else None
        self._standards = [s.number for s in shown.standards] if shown else []
        self._titles = {s.number: s.short_title for s in shown.standards} if shown else {}
        names = {c.name for c in self._rows}
        self._overlays = [n for n in self._overlays if n in names]
        self.endResetModel()

    @property
    def overlays(self) -> list[str]:
        return list(self._overlays)

    def set_overlays(self, names: list[str]) -> None:
        known = {c.name for c in self._rows}
        self._overlays = [n for n in names if n in known][:MAX_OVERLAYS]
        if self._rows:
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self._rows) - 1, NAME))
        self.overlaysChanged.emit(self.overlays)

    def contribution(self, row: int) -> Contribution:
        return self._rows[row]

    def row_of(self, name: str) -> int:
        return next(i for i, c in enumerate(self._rows) if c.name == name)

    def standard_of(self, column: int) -> int | None:
        index = column - 1
        return self._standards[index] if 0 <= index < len(self._standards) else None

    def _answered_column(self) -> int:
        return len(self._standards) + 1

    # Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._standards else len(self._standards) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        standard = self.standard_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME:
                return self.tr("Gemeente")
            if standard is not None:
                return str(standard)
            return self.tr("Vragen")
        if role == Qt.ItemDataRole.ToolTipRole:
            if standard is not None:
                return arg(
                    self.tr("Kwaliteitsstandaard %1. %2 (score in %)"),
                    standard,
                    self._titles[standard],
                )
            if section == NAME:
                return self.tr("Vink een gemeente aan om haar in het spinnenweb te tonen")
            return self.tr("Beantwoorde vragen van het totaal")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._report is None:
            return None
        row, column = index.row(), index.column()
        c = self._rows[row]
        standard = self.standard_of(column)
        score = self._scores[row][standard] if standard is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, column, score)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            if column == NAME:
                return row  # the report's order: names A–Z, codes A, B, …, AA
            if score is not None:
                return -1.0 if score.score is None else score.score
            return c.answered
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME:
            checked = c.name in self._overlays
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and score is not None:
            return QColor(f"#{score_colour(score.score)}")
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self._answered_column() and not c.complete:
                return WARN_INK
            return INK if score is not None else None
        if role == Qt.ItemDataRole.FontRole and (
            column == NAME or (column == self._answered_column() and not c.complete)
        ):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tooltip(c, column, score)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != NAME:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        name = self._rows[index.row()].name
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked and name not in self._overlays:
            if len(self._overlays) >= MAX_OVERLAYS:
                self.overlayRefused.emit(
                    arg(
                        self.tr("Er passen %1 gemeenten in het spinnenweb; vink er eerst een uit."),
                        MAX_OVERLAYS,
                    )
                )
                return False
            self._overlays.append(name)
        elif not checked and name in self._overlays:
            self._overlays.remove(name)
        else:
            return False
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.overlaysChanged.emit(self.overlays)
        return True

    # Texts ------------------------------------------------------------------------------------
    def _display(self, c: Contribution, column: int, score: StandardScore | None) -> str:
        assert self._report is not None
        if column == NAME:
            return self._report.label(c.name)
        if score is not None:  # the header says '%'; bare numbers keep the columns narrow
            return NO_SCORE if score.score is None else format_percent(score.score)[:-1]
        return f"{c.answered}/{c.total}"

    def _tooltip(self, c: Contribution, column: int, score: StandardScore | None) -> str:
        assert self._report is not None
        label = self._report.label(c.name)
        if score is not None:
            title = f"{score.standard}. {self._titles[score.standard]}"
            if score.score is None:
                return arg(self.tr("%1 · %2: geen antwoorden, dus geen score"), label, title)
            return arg(
                self.tr("%1 · %2: %3 (%4 van %5 beantwoorde vragen op orde)"),
                label,
                title,
                format_percent(score.score),
                score.op_orde,
                score.answered,
            )
        if column == self._answered_column():
            return arg(self.tr("%1: %2 van %3 vragen beantwoord"), label, c.answered, c.total)
        return f"{label}: {self._report.scan_text(c)}"
