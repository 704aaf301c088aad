"""The routekaart checklist: ticked, closed, the app restarted, and everything is back; the phase
shows on the scan list and a repeat scan that is due shows a (non-modal) reminder."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import Answers, make_window
from tests.reports.test_documents import sample_scan
from zelfscan_app.domain.routekaart import Scope
from zelfscan_app.gui.kit.routekaart_model import KEY_ROLE, RoutekaartModel
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.services import routekaart as service
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database


def _row_text(model: RoutekaartModel, key: str) -> list[str]:
    row = model.row_of(key)
    return [model.index(row, c).data() or "" for c in range(model.columnCount())]


def _open_routekaart(qtbot: QtBot, window: MainWindow):
    window.kit.routekaart.trigger()
    rw = window.kit.routekaart_window
    qtbot.waitExposed(rw)
    return rw


def test_checklist_is_ticked_stored_and_restored_after_a_restart(
    qtbot: QtBot, db_url: str, questionnaire, settings
) -> None:
    db = Database(db_url)
    create_scan(db, sample_scan(questionnaire))
    db.dispose()
    window = make_window(qtbot, db_url, settings)
    window.list_page.select_scan(1)
    rw = _open_routekaart(qtbot, window)
    assert rw.name.currentText() == "Aldermeer"  # the chosen scan's municipality
    QAbstractItemModelTester(rw.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model = rw.model
    # Keyboard: Space on a step's row ticks it, whatever column the cursor is in.
    rw.table.setFocus()
    rw.table.setCurrentIndex(model.index(model.row_of("f1-onderschrijven"), RoutekaartModel.STAP))
    qtbot.keyClick(rw.table, Qt.Key.Key_Space)
    assert model.progress["f1-onderschrijven"].done
    assert model.progress["f1-onderschrijven"].datum == date.today()  # dated when ticked
    # Typing a date, an owner and a note, as a user edits cells.
    row = model.row_of("f1-visie")
    assert model.setData(model.index(row, RoutekaartModel.DATUM), "3-2-2026")
    assert model.setData(model.index(row, RoutekaartModel.EIGENAAR), "  Ans   de Wit ")
    assert model.setData(model.index(row, RoutekaartModel.NOTITIE), "In de regiovisie opnemen")
    assert not model.setData(model.index(row, RoutekaartModel.DATUM), "31-02-2026")
    assert "geen bestaande datum" in rw.status.text()
    assert rw.phase.text() == "Aldermeer — Fase 1 · Voorbereiding en oriëntatie"
    rw.agreed.setText("01-09-2027")
    rw.agreed.editingFinished.emit()
    assert "1 september 2027 (afgesproken)" in rw.repeat.text()
    assert window.list_page.model.index(0, window.list_page.model.ROUTEKAART).data() == "Fase 1"
    rw.close()
    window.close()
    window.db.dispose()

    again = make_window(qtbot, db_url, settings)  # a restart: a new window, a new connection
    rw2 = _open_routekaart(qtbot, again)
    rw2.select(Scope.GEMEENTE, "Aldermeer")
    model2 = rw2.model
    assert (
        model2.index(model2.row_of("f1-onderschrijven"), 0).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    assert _row_text(model2, "f1-visie")[2:] == [
        "03-02-2026",
        "Ans de Wit",
        "In de regiovisie opnemen",
    ]
    assert "1 september 2027" in rw2.repeat.text()
    assert again.list_page.model.index(0, again.list_page.model.ROUTEKAART).data() == "Fase 1"
    # Unticking by Space again is stored too.
    rw2.table.setFocus()
    rw2.table.setCurrentIndex(model2.index(model2.row_of("f1-onderschrijven"), 1))
    qtbot.keyClick(rw2.table, Qt.Key.Key_Space)
    assert (
        not service.load(again.db, Scope.GEMEENTE, "Aldermeer").progress["f1-onderschrijven"].done
    )
    rw2.close()
    again.close()
    again.db.dispose()


def test_phase_rows_are_headings_and_nothing_is_editable_without_a_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    rw = _open_routekaart(qtbot, window)
    model = rw.model
    headings = model.heading_rows()
    assert len(headings) == 5
    assert model.index(headings[2], 0).data().startswith("Fase 3 · Analyse")
    assert rw.table.columnSpan(headings[0], 0) == model.columnCount()
    step = model.index(1, RoutekaartModel.KLAAR)
    assert step.data(KEY_ROLE) == "f1-onderschrijven"
    assert not step.flags() & Qt.ItemFlag.ItemIsUserCheckable  # no gemeente chosen yet
    assert not model.setData(step, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(QModelIndex().row(), 0).data() is None
    rw.close()


def test_start_up_reminder_for_a_repeat_scan_is_a_bar_not_a_dialog(
    qtbot: QtBot, db_url: str, questionnaire, settings
) -> None:
    db = Database(db_url)
    create_scan(db, sample_scan(questionnaire, datum=date(2024, 7, 1)))
    db.dispose()
    window = MainWindow(settings, confirm=Answers())
    qtbot.addWidget(window)
    window.kit.today = lambda: date(2026, 6, 15)  # fixed clock: due 1 July 2026
    window.show()
    qtbot.waitExposed(window)
    assert window.open_database(db_url)
    bar = window.kit.bar
    qtbot.waitUntil(bar.isVisible)
    assert "Herhaling zelfscan binnenkort: Aldermeer (1 juli 2026)" in bar.text.text()
    assert QApplication.activeModalWidget() is None
    seen = []

    def close_overview() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close_overview)
            return
        seen.append(dialog.windowTitle())
        dialog.accept()

    QTimer.singleShot(0, close_overview)
    bar.details.click()  # the overview opens only on request
    assert seen == ["Opvolging per gemeente"]
    bar.dismiss.click()
    assert not bar.isVisible()
    window.refresh_list()
    assert not bar.isVisible()  # dismissed stays dismissed until the next start
    window.close()
    window.db.dispose()


def test_follow_up_overview_lists_phase_repeat_and_actions(
    qtbot: QtBot, db_url: str, questionnaire, monkeypatch
) -> None:
    from zelfscan_app.gui.kit.followup import FollowUpDialog

    db = Database(db_url)
    create_scan(db, sample_scan(questionnaire, datum=date(2024, 1, 1)))
    dialog = FollowUpDialog(db, date(2026, 6, 15))
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Aldermeer"
    assert table.item(0, 3).text() == "1 januari 2026 (verstreken)"
    assert isinstance(dialog, QDialog)
    db.dispose()


def test_a_damaged_routekaart_file_gives_a_message_not_a_traceback(
    qtbot: QtBot, window: MainWindow, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from zelfscan_app import routekaart_file

    broken = tmp_path / "routekaart.yaml"
    broken.write_text("phases: [", encoding="utf-8")
    monkeypatch.setattr(routekaart_file, "routekaart_path", lambda: broken)
    routekaart_file.default_routekaart.cache_clear()
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    try:
        window.kit.routekaart.trigger()
        window.kit.follow_up.trigger()
    finally:
        routekaart_file.default_routekaart.cache_clear()
    assert messages == [f"{broken}, regel 2: het bestand is geen geldige YAML"] * 2
    assert window.kit.routekaart_window is None
