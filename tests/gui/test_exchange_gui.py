"""Importeren / Exporteren from the main window, through services.exchange."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from zelfscan_app.gui.exchange_actions import exchange_available
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.services import scans as svc

pytestmark = pytest.mark.skipif(not exchange_available(), reason="services.exchange ontbreekt")


def test_export_then_import_round_trips(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = demo_window
    window.list_page.table.selectRow(2)
    item = window.list_page.current_item()
    original = svc.get_scan(window.db, item.id)
    target = tmp_path / "export.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions.export.trigger()
    assert target.is_file()
    assert str(target) in window.statusBar().currentMessage()

    window.actions.delete.trigger()  # out of the way, so the import is not a duplicate
    assert window.list_page.model.rowCount() == 11
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(target)], ""))
    window.actions.import_.trigger()
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 12, timeout=10_000)
    assert "1 geïmporteerd" in window.statusBar().currentMessage()
    new = window.list_page.current_item()
    assert (new.gemeente, new.datum, new.soort) == (item.gemeente, item.datum, item.soort)
    assert new.id != item.id
    imported = svc.get_scan(window.db, new.id)
    assert imported.values == original.values
    assert imported.answers == original.answers
    assert not shown, "a clean import needs no dialog"


def test_a_refused_file_is_reported_in_dutch(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    bad = tmp_path / "geen-werkmap.xlsx"
    bad.write_text("dit is geen Excel-bestand", encoding="utf-8")
    shown = []

    def capture(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    demo_window.exchange.import_files([str(bad)])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    summary, details = shown[0]
    assert "1 geweigerd" in summary
    assert str(bad) in details
    assert demo_window.list_page.model.rowCount() == 12
    assert demo_window.actions.import_.isEnabled(), "ready for the next import"
