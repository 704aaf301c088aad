"""The scans in the database as a table model, with a proxy for search and sort."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from zelfscan_app.dutch_dates import short_date
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.table_model import HeaderedTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (answered, total)

Index = QModelIndex | QPersistentModelIndex


def dutch_timestamp(value: datetime, today: date | None = None) -> str:
    today = today or date.today()
    if value.date() == today:
        return f"vandaag {value:%H:%M}"
    return f"{value:%d-%m-%Y %H:%M}"


class ScanListModel(HeaderedTableModel):
    GEMEENTE, REGIO, DATUM, SOORT, VOORTGANG, GEWIJZIGD, ROUTEKAART = range(7)

    def __init__(self, total_questions: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []  # storage.repository.ScanListItem (not imported: start-up)
        self._total = total_questions
        self._phases: dict[str, str] = {}  # gemeente → routekaart phase (gui/kit)
        self._headers = (
            self.tr("Gemeente"),
            self.tr("Regio"),
            self.tr("Datum"),
            self.tr("Soort meting"),
            self.tr("Voortgang"),
            self.tr("Laatst gewijzigd"),
            self.tr("Routekaart"),
        )

    def set_items(self, items: Sequence[Any], total_questions: int | None = None) -> None:
        self.beginResetModel()
        self._items = list(items)
        if total_questions is not None:
            self._total = total_questions
        self.endResetModel()

    def set_total(self, total_questions: int) -> None:
        """The number of questions became known (the questionnaire was read)."""
        if total_questions != self._total:
            self._total = total_questions
            if self._items:
                column = self.VOORTGANG
                self.dataChanged.emit(
                    self.index(0, column), self.index(len(self._items) - 1, column)
                )

    def set_phases(self, phases: dict[str, str]) -> None:
        """Each municipality's routekaart phase, known once the database layer is loaded."""
        self._phases = dict(phases)
        if self._items:
            column = self.ROUTEKAART
            self.dataChanged.emit(self.index(0, column), self.index(len(self._items) - 1, column))

    def item(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, scan_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == scan_id:
                return row
        return None

    def _row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == ID_ROLE:
            return item.id
        if role == PROGRESS_ROLE:
            return (item.answered, self._total or 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.warning:
                return item.warning
            if column == self.VOORTGANG and self._total:
                return arg(self.tr("%1 van %2 vragen beantwoord"), item.answered, self._total)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._headers[column]}: {self._display(item, column)}"
        return None

    def _display(self, item: Any, column: int) -> str:
        if column == self.GEMEENTE:
            return item.gemeente + ("  ⚠" if item.warning else "")
        if column == self.REGIO:
            return item.regio
        if column == self.DATUM:
            return short_date(item.datum)
        if column == self.SOORT:
            return item.soort.value
        if column == self.VOORTGANG:
            if not self._total:
                return str(item.answered)
            return arg(self.tr("%1 van %2"), item.answered, self._total)
        if column == self.ROUTEKAART:
            return self._phases.get(item.gemeente, "")
        return dutch_timestamp(item.updated_at)

    def _sort_key(self, item: Any, column: int):
        if column == self.GEMEENTE:
            return item.gemeente.casefold()
        if column == self.REGIO:
            return item.regio.casefold()
        if column == self.DATUM:
            return item.datum.isoformat()
        if column == self.SOORT:
            return item.soort.value
        if column == self.VOORTGANG:
            return item.answered
        if column == self.ROUTEKAART:
            return self._phases.get(item.gemeente, "")
        return item.updated_at.isoformat()


class ScanFilterProxy(QSortFilterProxyModel):
    """Search in gemeente, regio, datum and soort (case-insensitive, every word must match)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateFilter is deprecated there
            self.beginFilterChange()
            self._words = text.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = " ".join(
            str(model.data(model.index(source_row, column, source_parent)))
            for column in range(model.columnCount())
        ).casefold()
        return all(word in haystack for word in self._words)
