"""Tables of a comparison over time: the change per standard and per question."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.domain.scoring import QuestionChange, StandardDelta
from zelfscan_app.gui import style
from zelfscan_app.gui.table_model import HeaderedTableModel
from zelfscan_app.reports.spider_data import format_percent
from zelfscan_app.services.charts import ScanComparison, scan_label

Index = QModelIndex | QPersistentModelIndex

GREEN = QColor(style.GREEN)
RED = QColor(style.RED)


def _percent(value: float | None) -> str:
    return format_percent(value) if value is not None else "–"


def _difference(delta: float | None) -> str:
    if delta is None:
        return "–"
    points = round(delta)
    if points == 0:
        return "0"
    return f"+{points}" if points > 0 else f"−{-points}"


def _two_lines(scan) -> str:
    """'Nulmeting\n03-03-2025': a scan as a narrow column title (a table's date format; the
    tooltip has the date in words)."""
    return f"{scan.soort.value.capitalize()}\n{scan.datum:%d-%m-%Y}"


class _TableModel(HeaderedTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()

    def _row_count(self) -> int:
        return len(self._rows())

    def _rows(self) -> tuple:
        raise NotImplementedError


class StandardChangeModel(_TableModel):
    """Per standard: score before, score after, and the difference in percentage points."""

    def __init__(self, questionnaire: Questionnaire, parent=None) -> None:
        super().__init__(parent)
        self._questionnaire = questionnaire
        self._deltas: tuple[StandardDelta, ...] = ()
        self._tips: dict[int, str] = {}
        self._set_headers(self.tr("Eerder"), self.tr("Nu"))

    def _set_headers(self, before: str, after: str) -> None:
        self._headers = (
            self.tr("Nr"),
            self.tr("Kwaliteitsstandaard"),
            before,
            after,
            self.tr("Verschil\n(procentpunt)"),
        )

    def set_comparison(self, result: ScanComparison | None) -> None:
        self.beginResetModel()
        if result is None:
            self._deltas = ()
            self._set_headers(self.tr("Eerder"), self.tr("Nu"))
        else:
            self._deltas = result.comparison.standards
            self._set_headers(_two_lines(result.before), _two_lines(result.after))
        self._tips = (
            {} if result is None else {2: scan_label(result.before), 3: scan_label(result.after)}
        )
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        tip = self._tips.get(section)  # the date in words
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and tip:
            return tip
        return super().headerData(section, orientation, role)

    def delta(self, row: int) -> StandardDelta:
        return self._deltas[row]

    def _rows(self) -> tuple:
        return self._deltas

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        d = self._deltas[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            title = self._questionnaire.standard(d.standard).short_title
            return (
                str(d.standard),
                title,
                _percent(d.before),
                _percent(d.after),
                _difference(d.delta),
            )[column]
        if role == Qt.ItemDataRole.UserRole:
            return (d.standard, None, d.before, d.after, d.delta)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and d.delta:
            return GREEN if d.delta > 0 else RED
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QuestionChangeModel(_TableModel):
    """Per question whose answer differs: before, after and what kind of change it is."""

    def __init__(self, questionnaire: Questionnaire, parent=None) -> None:
        super().__init__(parent)
        self._questionnaire = questionnaire
        self._changes: tuple[QuestionChange, ...] = ()
        self._headers = (
            self.tr("Vraag"),
            self.tr("Standaard"),
            self.tr("Eerder"),
            self.tr("Nu"),
            self.tr("Verandering"),
            self.tr("Vraag (kort)"),
        )

    def set_comparison(self, result: ScanComparison | None) -> None:
        self.beginResetModel()
        self._changes = () if result is None else result.comparison.changes
        self.endResetModel()

    def change(self, row: int) -> QuestionChange:
        return self._changes[row]

    def _rows(self) -> tuple:
        return self._changes

    def kind(self, change: QuestionChange) -> str:
        if change.improved:
            return self.tr("Verbeterd")
        if change.worsened:
            return self.tr("Verslechterd")
        if change.before is None:
            return self.tr("Nieuw beantwoord")
        return self.tr("Niet meer beantwoord")

    def _value(self, value: AnswerValue | None) -> str:
        return value.value if value is not None else self.tr("Niet beantwoord")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        change = self._changes[index.row()]
        column = index.column()
        question = self._questionnaire.question(change.question)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(change.question),
                str(question.standard),
                self._value(change.before),
                self._value(change.after),
                self.kind(change),
                question.short_title or question.text,  # one line; the full text in the tooltip
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return question.text
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            if change.improved:
                return GREEN
            if change.worsened:
                return RED
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 1):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
