"""The scan list: search, sort, delete to the trash with undo, restore from the trash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import Answers
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.scan_list_model import ScanListModel
from zelfscan_app.gui.trash_dialog import TrashDialog
from zelfscan_app.services.scans import list_trashed


def visible_gemeenten(window: MainWindow) -> list[str]:
    proxy = window.list_page.proxy
    return [proxy.index(r, 0).data().strip(" ⚠") for r in range(proxy.rowCount())]


def test_search_matches_every_word_in_any_column(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = demo_window.list_page
    qtbot.keyClicks(page.search, "aldermeer")
    assert visible_gemeenten(demo_window) == ["Aldermeer", "Aldermeer"]
    qtbot.keyClicks(page.search, " evaluatie")
    assert visible_gemeenten(demo_window) == ["Aldermeer"]
    page.search.clear()
    qtbot.keyClicks(page.search, "2025")
    assert len(visible_gemeenten(demo_window)) == 8  # every nulmeting was in 2025


def test_sort_by_column(demo_window: MainWindow) -> None:
    table = demo_window.list_page.table
    table.sortByColumn(ScanListModel.GEMEENTE, Qt.SortOrder.AscendingOrder)
    names = visible_gemeenten(demo_window)
    assert names == sorted(names, key=str.casefold)
    table.sortByColumn(ScanListModel.VOORTGANG, Qt.SortOrder.AscendingOrder)
    first = demo_window.list_page.proxy.index(0, ScanListModel.VOORTGANG).data()
    assert first == "24 van 31"  # the one unfinished demo scan


def test_delete_goes_to_trash_and_can_be_undone(
    qtbot: QtBot, demo_window: MainWindow, answers: Answers
) -> None:
    window = demo_window
    page = window.list_page
    page.table.setFocus()
    page.table.selectRow(0)
    scan_id = page.current_scan_id()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.asked and "prullenbak" in answers.asked[0]
    assert page.model.rowCount() == 11
    assert page.model.row_of(scan_id) is None
    assert window.undo_button.isVisible()
    assert [i.id for i in list_trashed(window.db)] == [scan_id]
    window.actions.undo.trigger()
    assert page.model.rowCount() == 12
    assert page.current_scan_id() == scan_id
    assert not window.undo_button.isVisible()


def test_delete_needs_confirmation(demo_window: MainWindow, answers: Answers) -> None:
    answers.answer = False
    demo_window.list_page.table.selectRow(0)
    demo_window.actions.delete.trigger()
    assert len(answers.asked) == 1
    assert demo_window.list_page.model.rowCount() == 12


def test_restore_from_trash_dialog(qtbot: QtBot, demo_window: MainWindow, monkeypatch) -> None:
    window = demo_window
    window.list_page.table.selectRow(3)
    scan_id = window.list_page.current_scan_id()
    window.actions.delete.trigger()

    def restore_first(dialog: TrashDialog) -> int:
        assert dialog.model.rowCount() == 1
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(TrashDialog, "exec", restore_first)
    window.actions.trash.trigger()
    assert window.list_page.model.rowCount() == 12
    assert window.list_page.current_scan_id() == scan_id


def test_open_with_enter_and_back(qtbot: QtBot, demo_window: MainWindow) -> None:
    window = demo_window
    table = window.list_page.table
    table.setFocus()
    table.selectRow(2)
    scan_id = window.list_page.current_scan_id()
    table.setCurrentIndex(table.model().index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.session_widget is not None
    assert window.session_widget.session.scan_id == scan_id
    assert not window.toolbar.isVisible()
    assert window.windowTitle().startswith(window.session_widget.session.scan.gemeente)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.session_widget is None
    assert window.list_page.current_scan_id() == scan_id
    assert window.toolbar.isVisible()
