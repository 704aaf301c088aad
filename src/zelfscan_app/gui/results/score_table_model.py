"""The scores per standard as a table: every number in the spider, readable and copyable."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.table_model import HeaderedTableModel
from zelfscan_app.services.charts import StandardResult

Index = QModelIndex | QPersistentModelIndex

NR, TITLE, SCORE, ANSWERED, NIET_OP_ORDE, TOELICHTINGEN = range(6)


class ScoreTableModel(HeaderedTableModel):
    """One row per standard. Qt.UserRole gives a sortable raw value (score, counts)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[StandardResult, ...] = ()
        self._headers = (
            self.tr("Nr"),
            self.tr("Kwaliteitsstandaard"),
            self.tr("Score"),
            self.tr("Beantwoord"),
            self.tr("Niet op orde"),
            self.tr("Toelichtingen"),
        )

    def set_results(self, rows: tuple[StandardResult, ...]) -> None:
        """Replace the rows; with the same standards only the cells change (keeps selection)."""
        same_shape = [r.number for r in rows] == [r.number for r in self._rows]
        if same_shape and rows:
            self._rows = tuple(rows)
            last = self.index(len(rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def result(self, row: int) -> StandardResult:
        return self._rows[row]

    def row_of(self, standard: int) -> int:
        return next(i for i, r in enumerate(self._rows) if r.number == standard)

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NR, SCORE, ANSWERED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: StandardResult, column: int) -> str:
        if column == NR:
            return str(row.number)
        if column == TITLE:
            return row.title
        if column == SCORE:
            return row.score_text
        if column == ANSWERED:
            return arg(self.tr("%1 van %2"), row.score.answered, row.score.total)
        if column == NIET_OP_ORDE:
            numbers = row.niet_op_orde
            if not numbers:
                return "–"
            return arg(self.tr("vraag %1"), ", ".join(str(n) for n in numbers))
        if column == TOELICHTINGEN:
            return " · ".join(f"{q.number}: {q.toelichting.strip()}" for q in row.toelichtingen)
        return ""

    def _tooltip(self, row: StandardResult, column: int) -> str | None:
        if column == TITLE:
            return row.text
        if column == TOELICHTINGEN and row.toelichtingen:
            return "\n".join(
                arg(self.tr("Vraag %1: %2"), q.number, q.toelichting.strip())
                for q in row.toelichtingen
            )
        return None

    def _raw(self, row: StandardResult, column: int) -> object:
        return {
            NR: row.number,
            TITLE: row.title,
            SCORE: row.score.score,
            ANSWERED: row.score.answered,
            NIET_OP_ORDE: len(row.niet_op_orde),
            TOELICHTINGEN: len(row.toelichtingen),
        }.get(column)
