"""GUI fixtures: settings in a temporary INI file, a main window on a fresh or demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.new_scan_dialog import NewScanDialog
from zelfscan_app.gui.settings import ENV_SETTINGS, AppSettings
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.storage.database import Database


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No GUI test ever reads or writes the user's own QSettings."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(ENV_SETTINGS, str(path))
    return path


@pytest.fixture
def settings(_isolated_settings: Path) -> AppSettings:
    return AppSettings(str(_isolated_settings))


@pytest.fixture
def demo_url(db_url: str, questionnaire) -> str:
    db = Database(db_url)
    fill_demo(db, questionnaire)
    db.dispose()
    return db_url


def make_window(qtbot: QtBot, url: str, settings: AppSettings | None = None) -> MainWindow:
    window = MainWindow(settings)
    window._confirm = lambda title, text: True  # every confirmation answered "Ja"
    qtbot.addWidget(window)
    if window.settings.geometry is None:
        window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    assert window.open_database(url)
    qtbot.waitUntil(lambda: window._questionnaire is not None, timeout=3000)  # read just after
    return window


@pytest.fixture
def window(qtbot: QtBot, db_url: str) -> MainWindow:
    w = make_window(qtbot, db_url)
    yield w
    w.close()
    if w.db is not None:
        w.db.dispose()


@pytest.fixture
def demo_window(qtbot: QtBot, demo_url: str) -> MainWindow:
    w = make_window(qtbot, demo_url)
    yield w
    w.close()
    if w.db is not None:
        w.db.dispose()


def when_dialog_opens(qtbot: QtBot, action) -> None:
    """Run `action(dialog)` once the modal new-scan dialog is on screen (or give up)."""
    tries = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NewScanDialog) and dialog.isVisible():
            try:
                action(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()
        elif tries[0] < 100:
            tries[0] += 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
