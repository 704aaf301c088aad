"""The main window shell; the session GUI fills it with the scan list and question flow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Zelfscan Kwaliteitskader"))
        self.resize(1100, 720)
        self.db = None
        self._label = QLabel(self.tr("Database openen…"))
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self._label)
        self.statusBar().showMessage(self.tr("Gereed"))

    def open_database(self, url: str | None) -> None:
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.services.scans import list_scans
        from zelfscan_app.storage.database import Database

        try:
            self.db = Database(url)
            count = len(list_scans(self.db))
        except ZelfscanError as exc:
            QMessageBox.critical(self, self.tr("Database"), str(exc))
            return
        self._label.setText(self.tr("%n zelfscan(s) in de database", "", count))
        self.statusBar().showMessage(self.db.url)
