"""The trash: deleted scans stay here and can be put back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.gui.scan_list_model import ID_ROLE, ScanListModel


class TrashDialog(QDialog):
    restoreRequested = Signal(int)

    def __init__(self, items, total_questions: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prullenbak"))
        self.resize(900, 480)
        self.model = ScanListModel(total_questions, self)
        self.model.set_items(items)
        intro = QLabel(
            self.tr(
                "Verwijderde zelfscans blijven hier bewaard, met alle antwoorden. "
                "Zet een zelfscan terug om er weer mee te werken."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Verwijderde zelfscans"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("De prullenbak is leeg."))
        self.empty.setObjectName("emptyState")
        self.empty.setVisible(not items)
        self.table.setVisible(bool(items))
        self.restore_button = QPushButton(self.tr("Terugzetten"))
        self.restore_button.setProperty("primary", True)
        self.restore_button.setEnabled(False)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(self.table.selectionModel().hasSelection())
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.restoreRequested.emit(rows[0].data(ID_ROLE))
            self.accept()
