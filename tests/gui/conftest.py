"""GUI fixtures: settings in a temporary INI file, a main window on a fresh or demo database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import ready_sqlite
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.new_scan_dialog import NewScanDialog
from zelfscan_app.gui.settings import ENV_SETTINGS, AppSettings
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.storage import process_lock
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


@pytest.fixture(scope="session")
def demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database (`fill_demo` on a new database), made once per worker."""
    path = tmp_path_factory.mktemp("demo") / "zelfscan.sqlite"
    db = Database(ready_sqlite(sqlite_template, path))
    fill_demo(db, default_questionnaire())
    db.dispose()
    assert not Path(f"{path}-wal").exists(), "the template must be one self-contained file"
    return path


@pytest.fixture
def demo_url(db_url: str, demo_template: Path) -> str:
    """`db_url`'s database filled with the demo scans (a copy of `demo_template`)."""
    path = Path(db_url.removeprefix("sqlite:///"))
    assert not process_lock.held_here(path), "ask for demo_url before opening db_url"
    return ready_sqlite(demo_template, path, replace=True)


class Answers:
    """The user's side of the window's yes/no questions: records each question's text and
    answers with `answer` (the window receives it as its `confirm` function)."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent: QWidget, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def answers() -> Answers:
    """Every confirmation of the `window`/`demo_window` fixtures is answered "Ja" unless a test
    sets `answers.answer = False`."""
    return Answers()


def make_window(
    qtbot: QtBot, url: str, settings: AppSettings | None = None, answers: Answers | None = None
) -> MainWindow:
    window = MainWindow(settings, confirm=answers or Answers())
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
def window(qtbot: QtBot, db_url: str, answers: Answers) -> MainWindow:
    w = make_window(qtbot, db_url, answers=answers)
    yield w
    w.close()
    if w.db is not None:
        w.db.dispose()


@pytest.fixture
def demo_window(qtbot: QtBot, demo_url: str, answers: Answers) -> MainWindow:
    w = make_window(qtbot, demo_url, answers=answers)
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
