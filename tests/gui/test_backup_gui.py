"""The automatic backup when the window opens a database, and 'Herstel back-up…'."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import make_window
from zelfscan_app.gui.backup_dialog import RestoreBackupDialog
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.services import backup as backups
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database


def backup_files(url: str) -> list[str]:
    folder = Path(url.removeprefix("sqlite:///")).parent / "backups"
    return sorted(p.name for p in folder.glob("*.sqlite")) if folder.exists() else []


def close(window: MainWindow) -> None:
    window.close()
    if window.db is not None:
        window.db.dispose()


def test_opening_makes_a_backup_off_the_ui_thread_once_per_change(
    qtbot: QtBot, demo_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original = backups.make_backup

    def recording(db, **kwargs):
        threads.append(threading.current_thread().name)
        return original(db, **kwargs)

    monkeypatch.setattr(backups, "make_backup", recording)
    window = make_window(qtbot, demo_url)
    qtbot.waitUntil(lambda: len(backup_files(demo_url)) == 1, timeout=15000)
    qtbot.waitUntil(lambda: "Back-up gemaakt" in window.statusBar().currentMessage())
    assert threads == ["zelfscan-backup"]  # not the window's thread
    close(window)

    window = make_window(qtbot, demo_url)  # nothing changed: no second copy
    qtbot.waitUntil(lambda: window.backups._thread is None, timeout=15000)
    assert len(backup_files(demo_url)) == 1
    svc.move_to_trash(window.db, svc.list_scans(window.db)[0].id)
    close(window)

    window = make_window(qtbot, demo_url)  # changed: a new copy
    qtbot.waitUntil(lambda: len(backup_files(demo_url)) == 2, timeout=15000)
    close(window)


def test_restore_a_backup_from_the_menu_with_a_preview(qtbot: QtBot, demo_url: str) -> None:
    window = make_window(qtbot, demo_url)
    qtbot.waitUntil(lambda: len(backup_files(demo_url)) == 1, timeout=15000)
    qtbot.waitUntil(lambda: window.backups._thread is None, timeout=15000)
    items = svc.list_scans(window.db)
    gone = items[0]
    # the mistake: a scan deleted; then a session is opened
    svc.move_to_trash(window.db, gone.id)
    window.refresh_list()
    assert window.list_page.model.row_of(gone.id) is None
    assert window.open_scan(items[1].id)
    seen: dict[str, object] = {}

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreBackupDialog) or not dialog.isVisible():
            QTimer.singleShot(20, in_dialog)
            return
        seen["rows"] = dialog.list.count()
        seen["facts"] = dialog.facts.text()
        seen["scans"] = [dialog.scans.item(i).text() for i in range(dialog.scans.count())]
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, in_dialog)
    with qtbot.waitSignal(window.backups.restored, timeout=20000) as restored:
        window.actions.restore_backup.trigger()
    assert seen["rows"] == 1
    municipalities = len({i.gemeente for i in items})
    assert str(seen["facts"]).startswith(
        f"{len(items)} zelfscans, {municipalities} gemeenten. Nieuwste zelfscan: "
    )
    assert any(line.startswith(f"{gone.gemeente} · {gone.soort.value}") for line in seen["scans"])
    # the window is back on the list, showing the restored data
    assert window.session_widget is None
    assert window.list_page.model.row_of(gone.id) is not None
    assert "teruggezet" in window.statusBar().currentMessage()
    done = restored.args[0]
    assert done.safety is not None and done.safety.name in window.statusBar().currentMessage()
    assert len(backup_files(demo_url)) == 2
    # and what the window writes now lands in the restored database
    svc.move_to_trash(window.db, items[2].id)
    close(window)
    reopened = Database(demo_url)
    try:
        ids = {i.id for i in svc.list_scans(reopened)}
    finally:
        reopened.dispose()
    assert gone.id in ids and items[2].id not in ids


def test_a_shared_database_has_no_restore(qtbot: QtBot, pg_schema_url: str) -> None:
    window = make_window(qtbot, pg_schema_url)
    assert not window.actions.restore_backup.isEnabled()
    assert "beheerder" in window.actions.restore_backup.toolTip()
    assert window.backups._thread is None
    close(window)
