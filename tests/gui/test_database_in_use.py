"""The window and the database file: a file dialog in the data folder, a command next to the
window, a second window, a broken database at start-up. What the window acknowledges as
'opgeslagen' is on disk for every other process, and every fault is one Dutch message."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from tests.gui.conftest import make_window
from tests.storage.helpers import (
    HOLD_WITH_ZELFSCAN,
    Holder,
    a_scan,
    answers_seen_by_another_process,
    zelfscan,
)
from zelfscan_app.gui.file_dialogs import start_folder
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.startup import StartUp
from zelfscan_app.services import scans as svc
from zelfscan_app.storage import process_lock
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.faults import DAMAGED, IN_MEMORY, IN_USE

needs_posix = pytest.mark.skipif(not process_lock.NEEDED, reason="POSIX locking hazard only")


def sqlite_posix_locks(path: Path) -> int:
    """SQLite's own (fcntl) locks of this process on `path`, from /proc/locks (Linux)."""
    inode = f":{path.stat().st_ino}"
    with open("/proc/locks") as locks:
        return sum(
            1
            for line in locks
            if line.split()[1] == "POSIX"
            and line.split()[4] == str(os.getpid())
            and line.split()[5].endswith(inode)
        )


def close_message_box_later(qtbot: QtBot, seen: list[str]) -> None:
    """Read and close the next modal message box, as a user clicking OK would."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


@needs_posix
@pytest.mark.usefixtures("short_lock_waits")  # the refusal counts, not its wait
def test_file_dialog_in_the_data_folder_then_a_command_then_an_answer(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "data" / "zelfscan.sqlite"
    url = f"sqlite:///{path}"
    db = Database(url)
    scan_id = svc.create_scan(db, a_scan())
    db.dispose()
    window = make_window(qtbot, url)
    assert window.open_scan(scan_id)
    sw = window.session_widget
    svc_answer = sw.session.current

    # A user browses the data folder in a (non-native) Qt file dialog and picks the file.
    dialog = QFileDialog(window, "Bestand kiezen", str(path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.index(str(path)).isValid(), timeout=10000)
    dialog.selectFile(str(path))
    if Path("/proc/locks").exists():
        # The dialog reads the file: SQLite's own locks of this process are gone. (Should a
        # Qt version not touch the file, the rest must hold all the same.)
        with contextlib.suppress(WaitTimeout):
            qtbot.waitUntil(lambda: sqlite_posix_locks(path) == 0, timeout=3000)

    # Meanwhile, a command on the same database.
    cli = zelfscan(url, "export", "--gemeente", "Aldermeer", "--out", str(tmp_path / "a.xlsx"))
    dialog.reject()

    # The user answers; the window says 'opgeslagen'.
    sw.question.setFocus()
    QTest.keyClick(QApplication.focusWidget() or sw.question, Qt.Key.Key_1)
    qtbot.waitUntil(
        lambda: (
            sw.session.autosave.last_saved == (svc_answer, "value")
            and "Opgeslagen" in sw.header.indicator.text()
        ),
        timeout=10000,
    )
    # Every other process sees it, while the window is still open.
    assert (scan_id, svc_answer, "Op orde") in answers_seen_by_another_process(path)
    assert cli.returncode == 1
    assert cli.stderr.strip() == f"zelfscan: fout: {path}: {IN_USE}"
    assert process_lock.held_here(path)
    window.close()
    window.db.dispose()


@needs_posix
@pytest.mark.usefixtures("short_lock_waits")  # the refusal counts, not its wait
def test_a_second_window_gets_the_in_use_message(qtbot: QtBot, tmp_path: Path, settings) -> None:
    url = f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"
    Database(url).dispose()
    with Holder(HOLD_WITH_ZELFSCAN, url):
        window = MainWindow(settings)
        qtbot.addWidget(window)
        seen: list[str] = []
        close_message_box_later(qtbot, seen)
        StartUp(window, url)
        window.show()
        qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    assert seen == [f"{tmp_path / 'zelfscan.sqlite'}: {IN_USE}"]
    assert window.db is None
    assert "Geen database geopend" in window.statusBar().currentMessage()


def test_start_up_on_a_damaged_database_shows_the_message(
    qtbot: QtBot, tmp_path: Path, settings
) -> None:
    path = tmp_path / "zelfscan.sqlite"
    path.write_bytes(b"Dit is geen database maar een notitie.\n" * 200)
    before = path.read_bytes()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    seen: list[str] = []
    close_message_box_later(qtbot, seen)
    StartUp(window, f"sqlite:///{path}")
    window.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    assert seen == [f"{path}: {DAMAGED}"]
    assert window.db is None
    assert path.read_bytes() == before


def test_file_dialogs_start_in_documents_not_in_the_working_folder(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = Path(demo_window.db.file).parent
    monkeypatch.chdir(data)  # e.g. started from the data folder
    asked: list[str] = []

    def fake_open(parent, title, folder, filters):
        asked.append(folder)
        return [], ""

    def fake_save(parent, title, suggestion, filters):
        asked.append(str(Path(suggestion).parent))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    demo_window.exchange.import_files()
    demo_window.list_page.table.selectRow(0)
    demo_window.exchange.export_current()
    assert asked == [start_folder(), start_folder()]
    assert all(Path(folder).resolve() != data.resolve() for folder in asked)


def test_an_in_memory_database_is_refused_by_the_window(qtbot: QtBot, settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    close_message_box_later(qtbot, seen)
    assert not window.open_database("sqlite://")
    assert seen == [f"sqlite://: {IN_MEMORY}"]
    assert window.db is None
