"""The routekaart checklist window: the five phases of a municipality or region, ticked off.

Everything is stored as it is entered. Above the list: which phase the routekaart is in and
when the next zelfscan is due (two years after the last one, or the date agreed in fase 4).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.pdca import format_review_date, parse_review_date
from zelfscan_app.domain.routekaart import Reminder, Scope, repeat_reminder
from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.kit.routekaart_model import RoutekaartModel
from zelfscan_app.gui.plan.actions_editor import WrappingTable
from zelfscan_app.gui.wrap_delegate import WrapDelegate


class RoutekaartWindow(QWidget):
    changed = Signal()  # something was stored (the main window refreshes its list)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        from zelfscan_app.services import routekaart as service

        self._service = service
        self._db = db
        self.kaart = service.routekaart()
        self.setObjectName("routekaart")
        self.setWindowTitle(self.tr("Routekaart"))
        self.resize(1240, 760)

        title = QLabel(self.tr("Routekaart"))
        title.setObjectName("pageTitle")
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Routekaart van een gemeente of regio"))
        self.scope.addItem(self.tr("Gemeente"), Scope.GEMEENTE)
        self.scope.addItem(self.tr("Regio"), Scope.REGIO)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setMinimumWidth(280)
        self.name.setAccessibleName(self.tr("Naam van de gemeente of regio"))
        name_edit = self.name.lineEdit()
        assert name_edit is not None  # an editable combo box has one
        name_edit.setPlaceholderText(self.tr("Kies of typ een naam"))
        self.phase = QLabel()
        self.phase.setObjectName("sectionTitle")
        self.phase.setAccessibleName(self.tr("Huidige fase"))
        self.repeat = QLabel()
        self.repeat.setWordWrap(True)
        self.repeat.setAccessibleName(self.tr("Volgende zelfscan"))
        self.agreed = QLineEdit()
        self.agreed.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.agreed.setMaximumWidth(150)
        self.agreed.setAccessibleName(self.tr("Afgesproken datum volgende zelfscan"))
        self.agreed.editingFinished.connect(self._store_agreed)
        agreed_label = QLabel(self.tr("Afgesproken datum volgende zelfscan:"))
        agreed_label.setBuddy(self.agreed)
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Opslagstatus"))

        self.model = RoutekaartModel(db, self.kaart, self)
        self.table = WrappingTable()
        self.table.setObjectName("routekaartTable")
        self.table.setAccessibleName(self.tr("Stappen en beslismomenten"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(WrapDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RoutekaartModel.STAP, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (RoutekaartModel.KLAAR, 70),
            (RoutekaartModel.DATUM, 120),
            (RoutekaartModel.EIGENAAR, 180),
            (RoutekaartModel.NOTITIE, 260),
        ):
            header.resizeSection(column, width)
        self.table.installEventFilter(self)
        self.model.saved.connect(self._saved)
        self.model.save_failed.connect(self._failed)
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())

        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.close)

        chooser = QHBoxLayout()
        chooser.addWidget(title)
        chooser.addSpacing(24)
        chooser.addWidget(self.scope)
        chooser.addWidget(self.name)
        chooser.addStretch(1)
        chooser.addWidget(self.status)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat, 1)
        repeat_row.addWidget(agreed_label)
        repeat_row.addWidget(self.agreed)
        bottom = QHBoxLayout()
        hint = QLabel(
            self.tr(
                "Spatie vinkt een stap af; typ in Datum, Eigenaar of Notitie om die in te vullen. "
                "Alles wordt meteen opgeslagen."
            )
        )
        hint.setObjectName("muted")
        bottom.addWidget(hint, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(12)
        layout.addLayout(chooser)
        layout.addWidget(self.phase)
        layout.addLayout(repeat_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._names = service.names(db)
        self.scope.currentIndexChanged.connect(self._fill_names)
        self.name.activated.connect(lambda _i: self.open_current())
        name_edit.editingFinished.connect(self.open_current)
        self._fill_names()

    # Choosing ---------------------------------------------------------------------------------
    def _fill_names(self) -> None:
        scope = self.scope.currentData()
        self.name.blockSignals(True)
        self.name.clear()
        self.name.addItems(self._names.get(scope, []))
        self.name.setCurrentIndex(-1)
        self.name.blockSignals(False)
        self.model.load(scope, "", {})
        self._describe(None)

    def select(self, scope: Scope, naam: str) -> None:
        """Open the routekaart of `naam` (a gemeente or regio), as if chosen in the window."""
        self.scope.setCurrentIndex(self.scope.findData(scope))
        self.name.setCurrentText(naam)
        self.open_current()

    def open_current(self) -> None:
        naam = " ".join(self.name.currentText().split())
        scope = self.scope.currentData()
        if not naam:
            return
        try:
            state = self._service.load(self._db, scope, naam)
        except ZelfscanError as exc:
            self._failed(str(exc))
            return
        self.model.load(scope, state.naam, state.progress)
        self._describe(state)
        self.table.fit_rows()

    def _describe(self, state) -> None:
        self.agreed.setEnabled(state is not None)
        if state is None:
            self.phase.setText(self.tr("Kies een gemeente of regio"))
            self.repeat.clear()
            self.agreed.clear()
            return
        self.phase.setText(
            arg(self.tr("%1 — %2"), state.naam, state.phase or self.tr("nog niets afgevinkt"))
        )
        self.agreed.setText(format_review_date(state.herhaal_op))
        if state.due is None:
            self.repeat.setText(self.tr("Volgende zelfscan: nog geen zelfscan in de database."))
            return
        basis = (
            self.tr("afgesproken")
            if state.herhaal_op
            else arg(
                self.tr("%1 maanden na de zelfscan van %2"),
                self.kaart.herhaling_maanden,
                dutch_date(state.last_scan),
            )
        )
        from datetime import date

        reminder = repeat_reminder(state.due, date.today(), self.kaart.herinnering_dagen)
        note = {
            Reminder.VERLOPEN: self.tr(" — de datum is verstreken"),
            Reminder.BINNENKORT: self.tr(" — binnenkort"),
        }.get(reminder, "")
        self.repeat.setText(
            arg(self.tr("Volgende zelfscan: %1 (%2)%3"), dutch_date(state.due), basis, note)
        )

    # Storing ----------------------------------------------------------------------------------
    def _store_agreed(self) -> None:
        naam = self.model._naam
        if not naam:
            return
        try:
            day = parse_review_date(self.agreed.text())
            self._service.set_repeat_date(self._db, self.model._scope, naam, day)
        except ValueError as exc:
            self._failed(str(exc))
            return
        except ZelfscanError as exc:
            self._failed(str(exc))
            return
        self._describe(self._service.load(self._db, self.model._scope, naam))
        self._saved("")

    def _saved(self, _key: str) -> None:
        self.status.setText(self.tr("Opgeslagen"))
        self.status.setProperty("state", "ok")
        state = self._service.load(self._db, self.model._scope, self.model._naam)
        self.phase.setText(
            arg(self.tr("%1 — %2"), state.naam, state.phase or self.tr("nog niets afgevinkt"))
        )
        self.changed.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(arg(self.tr("Niet opgeslagen: %1"), message))
        self.status.setProperty("state", "error")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc leaves (an Esc inside a cell editor only cancels that edit)."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        """Space anywhere on a step's row ticks it (or unticks it), also outside column Klaar."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.toggle_current()
            return True
        return super().eventFilter(watched, event)

    def toggle_current(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        klaar = self.model.index(index.row(), RoutekaartModel.KLAAR)
        if not klaar.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        checked = klaar.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return self.model.setData(klaar, state.value, Qt.ItemDataRole.CheckStateRole)
