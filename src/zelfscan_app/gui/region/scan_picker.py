"""Choose a set of scans by hand (a region that is not written in the scans, a sample, …)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.table_model import HeaderedTableModel
from zelfscan_app.storage.repository import ScanListItem

Index = QModelIndex | QPersistentModelIndex


class ScanChoiceModel(HeaderedTableModel):
    """Every scan with a check box; gemeente, regio, soort meting and datum."""

    def __init__(self, items: list[ScanListItem], chosen: set[int], parent=None) -> None:
        super().__init__(parent)
        self._items = sorted(items, key=lambda i: (i.gemeente.casefold(), i.datum, i.id))
        self._chosen = set(chosen)
        self._headers = (self.tr("Gemeente"), self.tr("Regio"), self.tr("Meting"))

    @property
    def chosen(self) -> list[int]:
        return [i.id for i in self._items if i.id in self._chosen]

    def _row_count(self) -> int:
        return len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.gemeente,
                item.regio,
                f"{item.soort.value} {item.datum.isoformat()}",
            )[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if item.id in self._chosen else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        item = self._items[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._chosen.add(item.id)
        else:
            self._chosen.discard(item.id)
        self.dataChanged.emit(index, index, [role])
        return True


class ScanPickerDialog(QDialog):
    def __init__(
        self, items: list[ScanListItem], chosen: set[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Zelfscans kiezen"))
        self.model = ScanChoiceModel(items, chosen, self)
        intro = QLabel(
            self.tr(
                "Vink de zelfscans aan die samen het overzicht vormen. Van een gemeente met "
                "meerdere aangevinkte zelfscans telt de nieuwste (of die van de gekozen soort)."
            )
        )
        intro.setWordWrap(True)
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Zelfscans"))
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table = table
        self.count = QLabel()
        self.count.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tonen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.model.dataChanged.connect(self._update)
        self._update()
        self.resize(720, 560)

    def _update(self) -> None:
        n = len(self.model.chosen)
        self.count.setText(arg(self.tr("%1 zelfscans gekozen"), n))
        self.ok.setEnabled(n > 0)
