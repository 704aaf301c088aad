"""'Publiceren naar gedeelde database…' as a user does it: choose scans, give the address,
publish in the background, read the report."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.publish_dialog import PublishDialog
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database


def when_modal(qtbot: QtBot, kind: type, act: Callable[[object], None]) -> list[bool]:
    """Run `act(widget)` once a modal widget of `kind` is on screen; returns a done flag."""
    done: list[bool] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
            done.append(True)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return done


def publish_through_the_dialog(
    qtbot: QtBot, window: MainWindow, fill: Callable[[PublishDialog], None]
) -> tuple[object, str, str]:
    """Open the dialog from the menu action, let `fill` choose, then read the report box."""
    seen: dict[str, str] = {}

    def read_report(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["details"] = box.detailedText()
        box.accept()

    def in_dialog(dialog: object) -> None:
        assert isinstance(dialog, PublishDialog)
        fill(dialog)
        when_modal(qtbot, QMessageBox, read_report)
        QTest.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)

    reports: list[object] = []
    window.publisher.published.connect(reports.append)
    when_modal(qtbot, PublishDialog, in_dialog)
    window.actions.publish.trigger()
    qtbot.waitUntil(lambda: "text" in seen and bool(reports), timeout=60000)
    window.publisher.published.disconnect(reports.append)
    return reports[0], seen["text"], seen["details"]


@pytest.fixture
def shared_url(database_url: str, tmp_path: Path) -> str:
    """The region's database: PostgreSQL, or a SQLite file apart from the window's own."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'gedeeld.sqlite'}"
    return database_url


def test_publish_the_chosen_scans_then_all_of_them(
    qtbot: QtBot, demo_window: MainWindow, shared_url: str
) -> None:
    database_url = shared_url
    window = demo_window
    items = svc.list_scans(window.db)
    window.list_page.select_scan(items[2].id)
    ticked: list[list[int]] = []

    def only_the_selected(dialog: PublishDialog) -> None:
        ticked.append(dialog.chosen_ids())
        dialog.url.setText(database_url)

    report, text, details = publish_through_the_dialog(qtbot, window, only_the_selected)
    assert ticked == [[items[2].id]]
    assert text.endswith("1 gepubliceerd, 0 al aanwezig, 0 conflict, 0 mislukt.")
    assert "gepubliceerd als zelfscan" in details

    def everything(dialog: PublishDialog) -> None:
        assert dialog.url.text() == database_url  # remembered
        QTest.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
        assert dialog.count.text() == f"{len(items)} zelfscans gekozen"

    report, text, details = publish_through_the_dialog(qtbot, window, everything)
    assert f"{len(items) - 1} gepubliceerd, 1 al aanwezig, 0 conflict, 0 mislukt." in text
    assert report.ok
    shared = Database(database_url)
    try:
        assert len(svc.list_scans(shared)) == len(items)
    finally:
        shared.dispose()
    assert window.actions.publish.isEnabled()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_password_is_masked_never_remembered_and_a_refusing_server_is_one_message(
    qtbot: QtBot, demo_window: MainWindow, _isolated_settings: Path
) -> None:
    window = demo_window
    before = svc.list_scans(window.db)
    url = f"postgresql+psycopg://anna:geheim@127.0.0.1:{_closed_port()}/zelfscan"

    def typed_with_password(dialog: PublishDialog) -> None:
        dialog.url.setFocus()
        dialog.url.setText(url)
        dialog.url.editingFinished.emit()  # leaving the field
        assert "geheim" not in dialog.url.text()
        assert dialog.password.text() == "geheim"
        assert dialog.password.echoMode() is dialog.password.EchoMode.Password

    report, text, details = publish_through_the_dialog(qtbot, window, typed_with_password)
    assert isinstance(report, Exception)
    assert "weigert de verbinding" in text and "anna:***@127.0.0.1" in text
    assert "geheim" not in text + details + window.statusBar().currentMessage()
    window.settings.sync()
    stored = _isolated_settings.read_text(encoding="utf-8")
    assert "anna@127.0.0.1" in stored and "geheim" not in stored
    assert svc.list_scans(window.db) == before  # the local database is untouched
