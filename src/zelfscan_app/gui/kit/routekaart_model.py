"""The routekaart checklist as a Qt table model: phase rows, then their steps and beslismomenten.

Ticking, a date, an owner or a note is stored at once through `services.routekaart.save_item`
(no save button), like every answer in the session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from zelfscan_app.domain.pdca import format_review_date, parse_review_date
from zelfscan_app.domain.routekaart import ItemKind, ItemProgress, Phase, Routekaart, Scope
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.table_model import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class _Row:
    phase: Phase
    kind: ItemKind | None = None  # None: the phase's own heading row
    key: str = ""
    text: str = ""


class RoutekaartModel(HeaderedTableModel):
    KLAAR, STAP, DATUM, EIGENAAR, NOTITIE = range(5)

    saved = Signal(str)  # item key
    save_failed = Signal(str)

    def __init__(self, db, kaart: Routekaart, parent=None) -> None:
        super().__init__(parent)
        from zelfscan_app.services import routekaart as service

        self._service = service
        self._db = db
        self._kaart = kaart
        self._scope = Scope.GEMEENTE
        self._naam = ""
        self._progress: dict[str, ItemProgress] = {}
        self._headers = (
            self.tr("Klaar"),
            self.tr("Stap of beslismoment"),
            self.tr("Datum"),
            self.tr("Eigenaar"),
            self.tr("Notitie"),
        )
        self._rows: list[_Row] = []
        for phase in kaart.phases:
            self._rows.append(_Row(phase))
            self._rows.extend(
                _Row(phase, kind, item.key, item.text) for kind, item in phase.items()
            )

    def load(self, scope: Scope, naam: str, progress: dict[str, ItemProgress]) -> None:
        self.beginResetModel()
        self._scope, self._naam, self._progress = scope, naam, dict(progress)
        self.endResetModel()

    @property
    def progress(self) -> dict[str, ItemProgress]:
        return dict(self._progress)

    def heading_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.kind is None]

    def row_of(self, key: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.key == key)

    def _row_count(self) -> int:
        return len(self._rows)

    def _entry(self, row: _Row) -> ItemProgress:
        return self._progress.get(row.key) or ItemProgress(key=row.key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if row.kind is None:
            return self._phase_data(row.phase, column, role)
        entry = self._entry(row)
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.CheckStateRole and column == self.KLAAR:
            return Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.STAP:
                prefix = self.tr("Beslismoment: ") if row.kind is ItemKind.BESLISMOMENT else ""
                return prefix + row.text
            if column == self.DATUM:
                return format_review_date(entry.datum)
            if column == self.EIGENAAR:
                return entry.eigenaar
            if column == self.NOTITIE:
                return entry.notitie
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DATUM:
            return self.tr("Datum als dd-mm-jjjj")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STAP and entry.done:
            return QBrush(QColor(style.MUTED))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            done = self.tr("afgerond") if entry.done else self.tr("open")
            return f"{self._headers[column]}: {self.data(index) or done}"
        return None

    def _phase_data(self, phase: Phase, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole and column == self.KLAAR:  # spans the row
            items = phase.items()
            done = sum(1 for _k, i in items if self._entry(_Row(phase, _k, i.key)).done)
            return arg(self.tr("%1  (%2 van %3 afgerond)"), phase.label, done, len(items))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(style.BLUE_SOFT))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(style.BLUE))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if row.kind is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._naam:
            return flags
        if index.column() == self.KLAAR:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (self.DATUM, self.EIGENAAR, self.NOTITIE):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._naam:
            return False
        row = self._rows[index.row()]
        if row.kind is None:
            return False
        entry = self._entry(row)
        column = index.column()
        if column == self.KLAAR and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            # Ticking a step dates it today unless a date was already given.
            new = replace(entry, done=done, datum=entry.datum or (date.today() if done else None))
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == self.DATUM:
            try:
                new = replace(entry, datum=parse_review_date(str(value or "")))
            except ValueError as exc:
                self.save_failed.emit(str(exc))
                return False
        elif column == self.EIGENAAR:
            new = replace(entry, eigenaar=" ".join(str(value or "").split()))
        elif column == self.NOTITIE:
            new = replace(entry, notitie=str(value or "").strip())
        else:
            return False
        if new == entry:
            return False
        try:
            self._service.save_item(self._db, self._scope, self._naam, new)
        except ZelfscanError as exc:
            self.save_failed.emit(str(exc))
            return False
        self._progress[row.key] = new
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        heading = next(i for i, r in enumerate(self._rows) if r.phase is row.phase)
        self.dataChanged.emit(self.index(heading, self.KLAAR), self.index(heading, self.KLAAR))
        self.saved.emit(row.key)
        return True
