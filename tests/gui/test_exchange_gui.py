"""Importeren / Exporteren from the main window, through services.exchange."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.services import scans as svc


def test_export_then_import_round_trips(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = demo_window
    window.list_page.table.selectRow(2)
    item = window.list_page.current_item()
    original = svc.get_scan(window.db, item.id)
    target = tmp_path / "export.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    answer_participants_box(qtbot, window, "&Met namen")
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
    assert imported.participants == original.participants  # chosen: with names
    assert not shown, "a clean import needs no dialog"


def answer_participants_box(qtbot: QtBot, window: MainWindow, button: str | None) -> list[str]:
    """Once the 'names along?' question is open, press `button` (None: press Enter)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        if button is None:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            (chosen,) = [b for b in box.buttons() if b.text() == button]
            qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, poll)
    return seen


def test_export_leaves_participants_names_out_unless_chosen(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    import zipfile

    from openpyxl import load_workbook

    window = demo_window
    window.list_page.table.selectRow(2)
    scan = svc.get_scan(window.db, window.list_page.current_item().id)
    assert scan.participants
    target = tmp_path / "naar-de-regio.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = answer_participants_box(qtbot, window, None)  # Enter: the default
    window.actions.export.trigger()
    assert asked == [f"Namen van de {len(scan.participants)} deelnemers meesturen?"]
    assert load_workbook(target).sheetnames == ["Toelichting", "Vragen", "Resultaten"]
    with zipfile.ZipFile(target) as archive:
        xml = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    assert not any(p.naam in xml for p in scan.participants)


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
