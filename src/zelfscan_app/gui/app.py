"""QApplication start-up: show the window first, open the database right after."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from zelfscan_app import __version__
from zelfscan_app.gui.main_window import MainWindow


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Zelfscan Kwaliteitskader")
    app.setApplicationDisplayName("Zelfscan Kwaliteitskader")
    app.setOrganizationName("Zelfscan")
    app.setApplicationVersion(__version__)
    return app


def run_gui(database_url: str | None = None) -> int:
    app = create_app()
    window = MainWindow()
    window.show()
    # The window is visible before the database layer is even imported.
    QTimer.singleShot(0, lambda: window.open_database(database_url))
    return app.exec()
