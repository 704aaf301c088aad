"""The start page: every scan in the database, searchable and sortable.

The rows are read a page at a time (`scan_list_model`); search and sort are answered by the
database, so they cover every scan however many there are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.scan_list_model import (
    ID_ROLE,
    PROGRESS_ROLE,
    ScanFilterProxy,
    ScanListModel,
    ScanListSource,
)

if TYPE_CHECKING:  # each Qt class costs ~1 ms on first import; these only annotate (start-up)
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem


class ProgressDelegate(QStyledItemDelegate):
    """'12 van 31' with a thin bar underneath: progress readable at a glance."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        answered, total = index.data(PROGRESS_ROLE) or (0, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        elif index.row() % 2:
            painter.fillRect(option.rect, QColor(style.SURFACE))
        rect = option.rect.adjusted(10, 0, -10, 0)
        text = index.data()
        painter.setPen(QColor("white" if selected else style.TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
        left = rect.left() + option.fontMetrics.horizontalAdvance("00 van 00") + 14
        width = max(0, min(rect.right() - left, 90))
        bar = QRect(left, rect.center().y() - 3, width, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff" if selected else style.BLUE_SOFT))
        painter.drawRoundedRect(bar, 3, 3)
        if total and width:
            done = QRect(bar)
            done.setWidth(round(bar.width() * answered / total))
            colour = style.GREEN if answered == total else style.BLUE
            painter.setBrush(QColor("#9fc3e8" if selected else colour))
            painter.drawRoundedRect(done, 3, 3)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 200), size.height())


class ScanListPage(QWidget):
    openRequested = Signal(int)
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScanListModel(parent=self)
        self.proxy = ScanFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel(self.tr("Zelfscans"))
        title.setObjectName("pageTitle")
        self.subtitle = QLabel(self.tr("Database openen…"))
        self.subtitle.setObjectName("pageSubtitle")
        self.new_button = QPushButton(self.tr("Nieuwe zelfscan"))
        self.new_button.setProperty("primary", True)
        self.open_button = QPushButton(self.tr("Openen"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek op gemeente, regio, datum of soort meting"))
        self.search.setAccessibleName(self.tr("Zoeken in zelfscans"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(520)
        self.search.textChanged.connect(self.proxy.set_search)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Lijst van zelfscans"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ScanListModel.GEWIJZIGD, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegateForColumn(ScanListModel.VOORTGANG, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ScanListModel.GEMEENTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        # Seven columns in a 1280 px window: the gemeente (stretching) keeps room for
        # 'Oosterwaal', 'Súdwest-Fryslân' and the like.
        for column, width in (
            (ScanListModel.REGIO, 190),
            (ScanListModel.DATUM, 125),
            (ScanListModel.SOORT, 150),
            (ScanListModel.VOORTGANG, 190),
            (ScanListModel.GEWIJZIGD, 180),
            (ScanListModel.ROUTEKAART, 120),
        ):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self.selectionChanged)
        self.proxy.modelReset.connect(self.selectionChanged)
        # A search or sort reads the list again: the chosen scan stays chosen when it is
        # among the rows read.
        self._kept: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)

        self.empty = QLabel(
            self.tr(
                "Nog geen zelfscans in deze database.\n"
                "Kies ‘Nieuwe zelfscan’ om met een gemeente te beginnen."
            )
        )
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search)
        search_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addLayout(search_row)
        layout.addLayout(self._stack, 1)

    # Data -----------------------------------------------------------------------------------
    def set_items(self, items, total_questions: int | None) -> None:
        """A fixed list of scans (tests and tools; the window gives a source)."""
        from zelfscan_app.gui.scan_list_model import ItemsSource

        self.set_source(ItemsSource(items), total_questions)

    def set_source(self, source: ScanListSource, total_questions: int | None) -> None:
        """Show the scans of `source`: its first page now, the rest as the user scrolls."""
        current = self.current_scan_id()
        self.model.set_source(source, total_questions)
        count = self.model.scan_count()
        self.subtitle.setText(
            arg(self.tr("%1 zelfscans in deze database"), count)
            if count != 1
            else self.tr("1 zelfscan in deze database")
        )
        self._stack.setCurrentWidget(self.table if count else self.empty)
        kept = current is not None and self.select_scan(current)
        if not kept and self.proxy.rowCount():
            self.table.selectRow(0)  # so that Enter and 'Openen' work at once

    def _remember_selection(self) -> None:
        self._kept = self.current_scan_id()

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        row = self.model.row_of(kept) if kept is not None else None
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def select_scan(self, scan_id: int) -> bool:
        """Select (and show) `scan_id`, reading further pages when it is further down."""
        row = self.model.load_until(scan_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def current_scan_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def current_item(self):
        scan_id = self.current_scan_id()
        row = self.model.row_of(scan_id) if scan_id is not None else None
        return self.model.item(row) if row is not None else None

    def _open_index(self, index: QModelIndex) -> None:
        scan_id = index.data(ID_ROLE)
        if scan_id is not None:
            self.openRequested.emit(scan_id)
