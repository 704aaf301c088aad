"""The improvement-action editor of one scan (routekaart fase 4–5): the plan van aanpak's rows.

What is typed is stored at once (no save button), like every answer in the session. Below the
table, actions of earlier scans of the same municipality that are not yet gereed are shown
read-only, so an evaluatie starts from what was promised last time.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.guidance import SUGGESTION_PREFIX
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.gui.plan.actions_model import (
    COLUMNS,
    STATUS_COLUMN,
    STATUSES,
    ActionsModel,
    EarlierActionsModel,
    EarlierRow,
)
from zelfscan_app.gui.wrap_delegate import WrapDelegate
from zelfscan_app.storage.database import Database

Index = QModelIndex | QPersistentModelIndex


def _share_width(header: QHeaderView, *, stretch, fit) -> None:
    """Short columns as wide as their title; the long-text columns share the rest."""
    header.setStretchLastSection(False)
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class StatusDelegate(QStyledItemDelegate):
    """A combo box with the four PDCA statuses; the choice is stored as soon as it is made."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Status van de verbeteractie")
        for status in STATUSES:
            combo.addItem(status.value, status.value)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)  # made by createEditor
        value = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(value)
        editor.setCurrentIndex(max(0, position))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TextDelegate(WrapDelegate):
    """Multi-line editing; Enter makes a new line, leaving the cell (Tab, click) stores it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)  # made by createEditor
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setPlainText(text)
        if text.startswith(SUGGESTION_PREFIX.strip()):
            editor.selectAll()  # a suggestion: typing replaces it, arrow keys edit it

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        rect.setHeight(max(rect.height(), 96))
        editor.setGeometry(rect)


class WrappingTable(QTableView):
    """A table whose rows grow with their wrapped text, also after a resize or an edit.

    `wide` gives columns a fixed share of the width (the question text of a maatregel needs
    more than a Stretch column's equal part, or it wraps word by word into a tall row).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wide: dict[int, float] = {}
        # One pass per burst of changes, and the timer dies with the table.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.resizeRowsToContents)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.fit_rows)
            model.dataChanged.connect(self.fit_rows)
            model.rowsInserted.connect(self.fit_rows)

    def fit_rows(self, *_args: object) -> None:
        self._fit_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        header = self.horizontalHeader()
        for column, share in self.wide.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, round(self.viewport().width() * share))
        self.fit_rows()


class ActionsEditor(QWidget):
    """The editor widget: table of actions, add/remove, and earlier open actions below."""

    saved = Signal()
    error = Signal(str)

    def __init__(
        self, db: Database, questionnaire: Questionnaire, scan_id: int, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionsEditor")
        self._db = db
        self._questionnaire = questionnaire
        self.model = ActionsModel(db, questionnaire, scan_id, self)
        self.earlier_model = EarlierActionsModel(self)

        title = QLabel(self.tr("Verbeteracties voor het plan van aanpak"))
        title.setObjectName("sectionTitle")
        intro = QLabel(
            self.tr(
                "Elke vraag die ‘Niet op orde’ is, staat hier als verbeterpunt (schuin gedrukt "
                "zolang er niets is ingevuld). Verbeteractie en beoogd resultaat beginnen als "
                "‘Suggestie:’ van het programma (geen VNG-tekst): typ eroverheen om ze te "
                "vervangen. Wat u invult wordt meteen opgeslagen en komt in het plan van aanpak."
            )
        )
        intro.setWordWrap(True)

        self.table = WrappingTable()
        self.table.setObjectName("actionsTable")
        self.table.setAccessibleName(self.tr("Verbeteracties"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        _share_width(self.table.horizontalHeader(), stretch=range(4), fit=range(4, len(COLUMNS)))
        self.table.wide = {0: 0.2}  # Maatregel/verbeterpunt: the improvement point
        # The status column fits its longest value with the combo box's arrow ('gepla…' not).
        status_width = max(
            self.table.fontMetrics().horizontalAdvance(status.value) for status in STATUSES
        )
        self._status_width = status_width + 40  # text, padding and the combo box's arrow
        self.table.horizontalHeader().setSectionResizeMode(
            STATUS_COLUMN, QHeaderView.ResizeMode.Fixed
        )
        self.table.horizontalHeader().resizeSection(STATUS_COLUMN, self._status_width)
        self._text_delegate = TextDelegate(self.table)
        self._status_delegate = StatusDelegate(self.table)
        for column, spec in enumerate(COLUMNS):
            if spec.multiline:
                self.table.setItemDelegateForColumn(column, self._text_delegate)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, self._status_delegate)

        self.standard_choice = QComboBox()
        self.standard_choice.setAccessibleName(self.tr("Kwaliteitsstandaard van de nieuwe actie"))
        for standard in questionnaire.standards:
            self.standard_choice.addItem(
                f"{standard.number}. {standard.short_title}", standard.number
            )
        self.add_button = QPushButton(self.tr("Verbeteractie toevoegen"))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.remove_button.setEnabled(False)
        self.remove_button.setToolTip(
            self.tr("Verwijdert een opgeslagen actie; een voorstel uit de zelfscan blijft staan.")
        )
        self.remove_button.clicked.connect(self._remove)
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Opslagstatus"))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Bij standaard:")))
        buttons.addWidget(self.standard_choice)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)

        self.earlier_title = QLabel(self.tr("Openstaande acties uit eerdere zelfscans"))
        self.earlier_title.setObjectName("sectionTitle")
        self.earlier_table = WrappingTable()
        self.earlier_table.setObjectName("earlierActionsTable")
        self.earlier_table.setAccessibleName(self.tr("Openstaande acties uit eerdere zelfscans"))
        self.earlier_table.setModel(self.earlier_model)
        self.earlier_table.setWordWrap(True)
        self.earlier_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier_table.verticalHeader().setVisible(False)
        self.earlier_table.setItemDelegate(WrapDelegate(self.earlier_table))
        _share_width(self.earlier_table.horizontalHeader(), stretch=(1, 2), fit=(0, 3, 4, 5))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.earlier_title)
        layout.addWidget(self.earlier_table, 1)

        self.model.saved.connect(self._on_saved)
        self.model.save_failed.connect(self._on_failed)
        self.model.modelReset.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._load_earlier()

    @property
    def scan_id(self) -> int:
        return self.model.scan_id

    def _load_earlier(self) -> None:
        from zelfscan_app.services.actions import open_earlier_actions
        from zelfscan_app.services.charts import scan_label
        from zelfscan_app.services.scans import get_scan

        labels: dict[int, str] = {}
        rows = []
        for scan_id, action in open_earlier_actions(self._db, self.scan_id):
            if scan_id not in labels:
                labels[scan_id] = scan_label(get_scan(self._db, scan_id))
            rows.append(EarlierRow(labels[scan_id], action))
        self.earlier_model.set_rows(rows)
        visible = bool(rows)
        self.earlier_title.setVisible(visible)
        self.earlier_table.setVisible(visible)

    def _add(self) -> None:
        row = self.model.add_action(int(self.standard_choice.currentData()))
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.edit(index)

    def _remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and self.model.remove_action(index.row()):
            self.status.setText(self.tr("Verwijderd"))
            self.saved.emit()

    def _selection_changed(self, *_args: object) -> None:
        index = self.table.currentIndex()
        self.remove_button.setEnabled(index.isValid() and self.model.can_remove(index.row()))

    def _on_saved(self, _row: int) -> None:
        self.status.setText(self.tr("Opgeslagen"))
        self.status.setProperty("state", "ok")
        self._selection_changed()
        self.saved.emit()

    def _on_failed(self, message: str) -> None:
        self.status.setText(f"{self.tr('Niet opgeslagen')}: {message}")
        self.status.setProperty("state", "error")
        self.error.emit(message)
