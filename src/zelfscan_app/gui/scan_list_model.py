"""The scans in the database as a table model, read a page at a time, searched and sorted by the
database.

A region's shared database holds thousands of scans. The model asks its source (the database,
through `services.scans.DatabaseScanList`, or the start-up fast path,
`storage.scan_list_fast.FastScanList`) for the rows of the first screen and the number of rows
there are; the view asks for more when it scrolls to the end (Qt's canFetchMore/fetchMore).
Search and header sort change the query and read the first page again, so they always cover
every scan, not only the rows read so far.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from zelfscan_app.dutch_dates import short_date
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.table_model import HeaderedTableModel
from zelfscan_app.storage.items import ScanListItem, ScanListQuery

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (answered, total)

Index = QModelIndex | QPersistentModelIndex


def dutch_timestamp(value: datetime, today: date | None = None) -> str:
    today = today or date.today()
    if value.date() == today:
        return f"vandaag {value:%H:%M}"
    return f"{value:%d-%m-%Y %H:%M}"


class ScanListSource(Protocol):
    """Where the rows come from: counts and pages of a `ScanListQuery`."""

    def count(self, query: ScanListQuery) -> int: ...

    def fetch(self, query: ScanListQuery, offset: int, limit: int | None) -> list[ScanListItem]: ...


#: Sort key → value of an item, as the database sorts (`scan_list_fast._ORDER`).
_ITEM_KEYS: dict[str, Callable[[ScanListItem], Any]] = {
    "gemeente": lambda i: i.gemeente.casefold(),
    "regio": lambda i: i.regio.strip().casefold(),
    "datum": lambda i: i.datum,
    "soort": lambda i: i.soort.value,
    "voortgang": lambda i: i.answered,
    "gewijzigd": lambda i: i.updated_at,
}


class ItemsSource:
    """A fixed list as a source (the trash), searched and sorted as the database would."""

    def __init__(self, items: Sequence[ScanListItem]) -> None:
        self._items = list(items)

    def _select(self, query: ScanListQuery) -> list[ScanListItem]:
        rows = [i for i in self._items if all(w in i.search_text for w in query.words)]
        key = _ITEM_KEYS[query.sort]
        return sorted(rows, key=lambda i: (key(i), i.id), reverse=query.descending)

    def count(self, query: ScanListQuery) -> int:
        return len(self._select(query))

    def fetch(self, query: ScanListQuery, offset: int, limit: int | None) -> list[ScanListItem]:
        rows = self._select(query)[offset:]
        return rows if limit is None else rows[:limit]


class ScanListModel(HeaderedTableModel):
    GEMEENTE, REGIO, DATUM, SOORT, VOORTGANG, GEWIJZIGD, ROUTEKAART = range(7)
    #: Rows read at a time: more than a full-screen window shows (44 px rows).
    PAGE = 64
    _SORT_KEYS: ClassVar[dict[int, str]] = {
        GEMEENTE: "gemeente",
        REGIO: "regio",
        DATUM: "datum",
        SOORT: "soort",
        VOORTGANG: "voortgang",
        GEWIJZIGD: "gewijzigd",
    }

    def __init__(self, total_questions: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self._items: list[ScanListItem] = []
        self._source: ScanListSource = ItemsSource(())
        self._query = ScanListQuery()
        self._available = 0  # rows the query finds
        self._everything = 0  # scans in the list without a search
        self._by_phase = False  # sorted by the routekaart column (known here, not in SQL)
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

    # Source and query ------------------------------------------------------------------------
    def set_items(self, items: Sequence[Any], total_questions: int | None = None) -> None:
        """A fixed list (the trash)."""
        self.set_source(ItemsSource(items), total_questions)

    def set_source(self, source: ScanListSource, total_questions: int | None = None) -> None:
        """Read the first page of `source` (the current search and sort kept)."""
        self._source = source
        if total_questions is not None:
            self._total = total_questions
        self._everything = source.count(replace(self._query, words=()))
        self._reload()

    @property
    def query(self) -> ScanListQuery:
        return self._query

    def scan_count(self) -> int:
        """Scans in the list without a search (the page's subtitle)."""
        return self._everything

    def found_count(self) -> int:
        """Rows the current search finds, read or not yet read."""
        return self._available

    def set_search(self, text: str) -> None:
        words = ScanListQuery.words_of(text)
        if words != self._query.words:
            self._query = replace(self._query, words=words)
            self._reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self._by_phase = column == self.ROUTEKAART
        key = self._SORT_KEYS.get(column, "gemeente")
        self._query = replace(self._query, sort=key, descending=descending)
        self._reload()

    def _reload(self) -> None:
        self.beginResetModel()
        query = self._query
        if self._by_phase:
            # The phases come from the routekaart service, not from the scans table: read
            # every row found, by name, and order by phase here (an explicit click only).
            by_name = replace(query, sort="gemeente", descending=False)
            rows = self._source.fetch(by_name, 0, None)
            rows.sort(key=lambda i: self._phases.get(i.gemeente, ""), reverse=query.descending)
            self._items, self._available = rows, len(rows)
        else:
            self._available = self._source.count(query) if query.words else self._everything
            self._items = self._source.fetch(query, 0, self.PAGE) if self._available else []
        self.endResetModel()

    # Fetching on demand ----------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._items) < self._available

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        self._fetch(self.PAGE, parent)

    def _fetch(self, limit: int, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = self._source.fetch(self._query, len(self._items), limit)
        if not more:  # the database changed meanwhile: what was read is what there is
            self._available = len(self._items)
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._items.extend(more)
        self.endInsertRows()

    def load_until(self, scan_id: int) -> int | None:
        """The row of `scan_id`, reading further pages until it is there (None: not found)."""
        row = self.row_of(scan_id)
        while row is None and self.canFetchMore():
            before = len(self._items)
            self._fetch(self.PAGE * 8)
            row = next(
                (r for r in range(before, len(self._items)) if self._items[r].id == scan_id),
                None,
            )
        return row

    # Contents --------------------------------------------------------------------------------
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
        if self._by_phase:
            self._reload()
        elif self._items:
            column = self.ROUTEKAART
            self.dataChanged.emit(self.index(0, column), self.index(len(self._items) - 1, column))

    def item(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, scan_id: int) -> int | None:
        """The row of `scan_id` among the rows read so far."""
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
        if column == self.ROUTEKAART:
            return self._phases.get(item.gemeente, "")
        key = _ITEM_KEYS[self._SORT_KEYS[column]](item)
        return key.isoformat() if isinstance(key, date) else key


class ScanFilterProxy(QIdentityProxyModel):
    """The list as the table sees it. Search (every word must match, case-insensitive, in
    gemeente, regio, datum or soort) and sort are passed on to the model, which asks the
    database: with thousands of scans, filtering or sorting in Qt would need every row read."""

    def set_search(self, text: str) -> None:
        model = self.sourceModel()
        if isinstance(model, ScanListModel):
            model.set_search(text)
