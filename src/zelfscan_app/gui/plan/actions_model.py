"""Qt models for the improvement actions of one scan (the rows of the plan van aanpak).

Every edit is stored at once through `services.actions.save_action`, like every answer in the
session: a draft row (a Niet-op-orde question without a stored action yet) becomes a stored action
the moment something is typed in it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from zelfscan_app.domain.pdca import (
    ReviewState,
    format_review_date,
    parse_review_date,
    review_state,
)
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Action, ActionStatus
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.services import actions as action_service
from zelfscan_app.storage.database import Database

Index = QModelIndex | QPersistentModelIndex

#: Longest text kept per cell, the same bound as a toelichting.
TEXT_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    title: str
    multiline: bool = False
    short: str = ""  # a shorter title on screen where one long word would widen the column

    @property
    def header(self) -> str:
        """The title on short lines, so nine columns fit a 1280 px window without clipping
        their titles ('Huidige / stand van / zaken'); the tooltip keeps the full title."""
        return _short_lines((self.short or self.title).replace("/", "/ "))


def _overdue(action: Action) -> bool:
    return review_state(action, date.today()) is ReviewState.OVER_DATUM


HEADER_LINE = 9  # characters per header line (a longer word keeps its own line)


def _short_lines(title: str) -> str:
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= HEADER_LINE:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(line.replace("/ ", "/") for line in lines)


#: Bijlage 5's seven columns, then the PDCA status.
COLUMNS = (
    Column("maatregel", "Maatregel/verbeterpunt", multiline=True),
    Column("huidige_stand", "Huidige stand van zaken", multiline=True),
    Column("verbeteractie", "Omschrijving verbeteractie", multiline=True),
    Column("beoogd_resultaat", "Beoogd resultaat", multiline=True),
    Column("wie", "Wie gaat het doen?"),
    Column("planning", "Planning"),
    Column("kosten", "Kosten"),
    Column("status", "Status"),
    # PDCA review date (dd-mm-jjjj), see domain.pdca
    Column("herziendatum", "Herziendatum", short="Herzien op"),
)
STATUS_COLUMN = 7
REVIEW_COLUMN = len(COLUMNS) - 1
STATUSES = tuple(ActionStatus)


class ActionsModel(QAbstractTableModel):
    """Stored actions plus drafts of one scan, editable; each edit is one committed save."""

    saved = Signal(int)  # row
    save_failed = Signal(str)

    def __init__(
        self, db: Database, questionnaire: Questionnaire, scan_id: int, parent=None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._questionnaire = questionnaire
        self._scan_id = scan_id
        self._rows: list[Action] = []
        self.reload()

    @property
    def scan_id(self) -> int:
        return self._scan_id

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = action_service.plan_actions(self._db, self._questionnaire, self._scan_id)
        self.endResetModel()

    def action(self, row: int) -> Action:
        return self._rows[row]

    def actions(self) -> tuple[Action, ...]:
        return tuple(self._rows)

    # Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return COLUMNS[section].title
            return None
        if not 0 <= section < len(self._rows):
            return None
        action = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:  # the question it improves, else the standard
            if action.question:
                return f"Vraag {action.question}"
            return f"Standaard {action.standard}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._where(action)
        return None

    def _where(self, action: Action) -> str:
        standard = self._questionnaire.standard(action.standard)
        text = f"Kwaliteitsstandaard {standard.number}: {standard.short_title}"
        if action.question and self._questionnaire.has_question(action.question):
            text += (
                f"\nVraag {action.question}: {self._questionnaire.question(action.question).text}"
            )
        if action.id is None:
            text += "\nVoorstel uit de zelfscan; wordt opgeslagen zodra u iets invult."
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        column = COLUMNS[index.column()]
        value = getattr(action, column.field)
        if column.field == "herziendatum":
            value = format_review_date(value)
            if role == Qt.ItemDataRole.ForegroundRole and _overdue(action):
                return QColor("#b42318")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value.value if isinstance(value, ActionStatus) else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return value.value if isinstance(value, ActionStatus) else (value or None)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.FontRole and action.id is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = value.value if isinstance(value, ActionStatus) else value
            return f"{column.title}: {shown or 'leeg'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = COLUMNS[index.column()]
        action = self._rows[index.row()]
        if column.field == "status":
            try:
                new_value: object = ActionStatus(str(value))
            except ValueError:
                return False
        elif column.field == "herziendatum":
            try:
                new_value = parse_review_date(str(value or ""))
            except ValueError as exc:
                self.save_failed.emit(str(exc))
                return False
        else:
            new_value = str(value or "")
            if len(new_value) > TEXT_LIMIT:
                self.save_failed.emit(f"De tekst is langer dan {TEXT_LIMIT} tekens.")
                return False
        if getattr(action, column.field) == new_value:
            return False
        change: dict[str, Any] = {column.field: new_value}  # the column's field of Action
        return self._store(index.row(), replace(action, **change))

    # Adding and removing --------------------------------------------------------------------

    def add_action(self, standard: int) -> int:
        """A new, stored, empty action at the end of its standard's rows; returns its row."""
        action = Action(standard=standard)
        try:
            action_id = action_service.save_action(self._db, self._scan_id, action)
        except ZelfscanError as exc:
            self.save_failed.emit(str(exc))
            return -1
        row = sum(1 for a in self._rows if a.standard <= standard)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, replace(action, id=action_id))
        self.endInsertRows()
        self.saved.emit(row)
        return row

    def can_remove(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].id is not None

    def remove_action(self, row: int) -> bool:
        """Delete a stored action; a Niet-op-orde question then shows its draft again."""
        if not self.can_remove(row):
            return False
        action_id = self._rows[row].id
        if action_id is None:  # never stored: nothing to delete
            return False
        try:
            action_service.delete_action(self._db, action_id)
        except ZelfscanError as exc:
            self.save_failed.emit(str(exc))
            return False
        self.reload()
        return True

    def _store(self, row: int, action: Action) -> bool:
        try:
            action_id = action_service.save_action(self._db, self._scan_id, action)
        except ZelfscanError as exc:
            self.save_failed.emit(str(exc))
            return False
        self._rows[row] = replace(action, id=action_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self.saved.emit(row)
        return True


EARLIER_COLUMNS = (
    "Zelfscan",
    "Maatregel/verbeterpunt",
    "Omschrijving verbeteractie",
    "Wie gaat het doen?",
    "Planning",
    "Status",
)


@dataclass(frozen=True, slots=True)
class EarlierRow:
    scan_label: str
    action: Action


class EarlierActionsModel(QAbstractTableModel):
    """Read-only: actions of earlier scans of the same municipality that are not yet gereed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EarlierRow] = []

    def set_rows(self, rows: list[EarlierRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> EarlierRow:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EARLIER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return EARLIER_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._rows[index.row()]
        a = entry.action
        values = (entry.scan_label, a.maatregel, a.verbeteractie, a.wie, a.planning, a.status.value)
        return values[index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
