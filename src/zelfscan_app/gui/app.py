"""QApplication start-up: show the window first, open the database right after."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from zelfscan_app import __version__
from zelfscan_app.gui import main_thread_gc
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.startup import StartUp
from zelfscan_app.gui.window_deps import ask_yes_no, load_questionnaire, open_database
from zelfscan_app.storage.config import default_url


def create_app(argv: list[str] | None = None) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Zelfscan Kwaliteitskader")
    app.setApplicationDisplayName("Zelfscan Kwaliteitskader")
    app.setOrganizationName("Zelfscan")
    app.setApplicationVersion(__version__)
    install_dutch(app)
    main_thread_gc.install(app)  # worker threads must never free the GUI's Qt objects
    return app


def install_dutch(app: QApplication) -> bool:
    """Qt's own texts in Dutch too (Annuleren, file dialogs, 'Details tonen…', the context menu
    of a text field), from the translations PySide6 ships; dates and numbers in Dutch form.

    Once per application; False when the translation file is missing (Qt then stays English,
    which is no reason not to start).
    """
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    if app.property("zelfscanDutch"):
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    app.setProperty("zelfscanDutch", True)
    return True


def launch(database_url: str | None = None) -> tuple[QApplication, MainWindow]:
    """The start-up sequence without the event loop (benchmarks/startup_probe.py times it).

    The window is painted before anything of the database is read, the scan list is painted
    before the database layer is imported (see gui/startup.py).
    """
    app = create_app()
    window = MainWindow(
        database_opener=open_database,  # the user's file or the configured server
        questionnaire_loader=load_questionnaire,  # the questionnaire shipped with the app
        confirm=ask_yes_no,  # a modal "Ja"/"Nee" box
    )
    if database_url is None and window.settings.database_url:  # Bestand → Database…
        database_url = default_url(window.settings.database_url)
    StartUp(window, database_url)
    window.show()
    return app, window


def run_gui(database_url: str | None = None) -> int:
    app, window = launch(database_url)
    # Hidden, for packaging/smoke_test.py: ZELFSCAN_SMOKE_QUIT_MS=1500 closes the window by
    # itself after that many milliseconds, so a frozen build can be tested without a user.
    smoke_ms = os.environ.get("ZELFSCAN_SMOKE_QUIT_MS", "")
    if smoke_ms.isdigit():
        QTimer.singleShot(int(smoke_ms), window.close)
        QTimer.singleShot(int(smoke_ms) + 10_000, app.quit)  # even if a dialog stays open
    return app.exec()
