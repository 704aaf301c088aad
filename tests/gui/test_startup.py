"""Start-up in steps: window painted, then the list (stdlib sqlite3), then the database layer."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.startup import StartUp
from zelfscan_app.services.scans import list_scans
from zelfscan_app.storage.database import SCHEMA_REVISION, Database


def start(qtbot: QtBot, url: str, settings) -> tuple[MainWindow, StartUp]:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    startup = StartUp(window, url)
    window.show()
    return window, startup


def test_the_list_comes_first_then_the_database_opens(
    qtbot: QtBot, demo_url: str, settings
) -> None:
    window, _ = start(qtbot, demo_url, settings)
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 12, timeout=5000)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    qtbot.waitUntil(lambda: window._questionnaire is not None, timeout=5000)
    assert window.actions.new.isEnabled()
    assert [window.list_page.model.item(r) for r in range(12)] == list_scans(window.db)
    window.db.dispose()


def test_after_the_start_up_the_gui_thread_collects(qtbot: QtBot, demo_url: str, settings) -> None:
    """Start-up runs without collections and freezes what it built; from then on the GUI
    thread's collector collects, never an automatic one (which could run in a worker)."""
    from PySide6.QtWidgets import QApplication

    from zelfscan_app.gui.main_thread_gc import MainThreadCollector

    frozen = gc.get_freeze_count()
    try:
        window, _ = start(qtbot, demo_url, settings)
        qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
        assert not gc.isenabled()
        assert gc.get_freeze_count() > frozen, "what start-up built is frozen"
        collector = QApplication.instance().findChild(MainThreadCollector)
        assert collector is not None and collector.timer.isActive()
    finally:
        gc.unfreeze()
    window.db.dispose()


def test_a_new_database_opens_the_normal_way(qtbot: QtBot, tmp_path: Path, settings) -> None:
    url = f"sqlite:///{tmp_path / 'nieuw' / 'zelfscan.sqlite'}"
    window, _ = start(qtbot, url, settings)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert Path(window.db.engine.url.database).is_file()
    assert window.list_page.model.rowCount() == 0
    window.db.dispose()


def test_a_scan_opened_before_the_database_layer_is_loaded(
    qtbot: QtBot, demo_url: str, settings, monkeypatch
) -> None:
    monkeypatch.setattr(StartUp, "_warm_up", lambda self: None)  # step 3 never starts by itself
    window, _ = start(qtbot, demo_url, settings)
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 12, timeout=5000)
    assert window.db is None
    scan_id = window.list_page.current_scan_id()
    window.list_page.openRequested.emit(scan_id)  # a double-click or Enter in the list
    assert window.db is not None
    assert window.session_widget is not None
    assert window.session_widget.session.scan_id == scan_id
    window.close()
    window.db.dispose()


def test_a_window_that_is_never_painted_still_opens_the_database(
    qtbot: QtBot, demo_url: str, settings
) -> None:
    window = MainWindow(settings)  # e.g. started minimised: no paint event comes
    qtbot.addWidget(window)
    StartUp(window, demo_url)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert window.list_page.model.rowCount() == 12
    window.db.dispose()


def test_the_list_is_painted_before_sqlalchemy_is_imported(demo_url: str) -> None:
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from zelfscan_app.gui.app import launch
app, window = launch({demo_url!r})
seen = {{}}
def rows():
    if window.list_page.model.rowCount() and "rows" not in seen:
        seen["rows"] = [m for m in ("sqlalchemy", "alembic", "pydantic") if m in sys.modules]
window.list_page.model.modelReset.connect(rows)
def done():
    if window.db is not None and window._questionnaire is not None:
        print(seen.get("rows"), window.list_page.model.rowCount(), flush=True)
        app.quit()
timer = QTimer(); timer.timeout.connect(done); timer.start(10)
QTimer.singleShot(20000, app.quit)
app.exec()
window.db.dispose()
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split("\n")[0] == "[] 12"


def test_a_database_that_needs_migrating_is_migrated(
    qtbot: QtBot, new_db_url: str, settings
) -> None:
    old = Database(new_db_url, migrate=False)
    old.upgrade("0002")
    old.dispose()
    window, _ = start(qtbot, new_db_url, settings)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert window.db.current_revision() == SCHEMA_REVISION
    window.db.dispose()
