"""The participants of a scan as an editable table (naam, organisatie, rol)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex


def _cleaned(text: str) -> str:
    """A name as typed, cleaned by `domain.names.clean_name` (NFC, NBSP and other white space
    as one space, zero-width leftovers removed). Text it refuses (a control or bidi character)
    is kept, collapsed, so the dialog's check names the problem instead of losing the input."""
    from zelfscan_app.domain.names import NameProblem, clean_name

    try:
        return clean_name(text)
    except NameProblem:
        return " ".join(text.split())


class ParticipantsModel(QAbstractTableModel):
    changed = Signal()

    def __init__(self, participants: Iterable[Any] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = [[p.naam, p.organisatie, p.rol] for p in participants]
        self._headers = (self.tr("Naam"), self.tr("Organisatie"), self.tr("Rol / functie"))
        for signal in (self.dataChanged, self.rowsInserted, self.rowsRemoved, self.modelReset):
            signal.connect(self.changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of an elided cell
            return value or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._headers[index.column()]}: {value}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = _cleaned(str(value or ""))
        if self._rows[index.row()][index.column()] == text:
            return False
        self._rows[index.row()][index.column()] = text
        self.dataChanged.emit(index, index)
        return True

    def add_row(self, naam: str = "", organisatie: str = "", rol: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([naam, organisatie, rol])
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def participants(self, *, include_empty: bool = False) -> list[Any]:
        from zelfscan_app.domain.scan import Participant

        people = [Participant(*row) for row in self._rows]
        if include_empty:
            return people
        return [p for p in people if p.naam or p.organisatie or p.rol]
