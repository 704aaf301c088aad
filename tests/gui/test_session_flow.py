"""The whole flow as a facilitator does it: create a scan, answer all 31 questions with the
mouse and with the keyboard, add explanations, reopen, and see everything back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import when_dialog_opens
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.new_scan_dialog import NewScanDialog
from zelfscan_app.services import scans as svc

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE
LEFT = Qt.MouseButton.LeftButton
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def intended(question: int) -> AnswerValue:
    return NIET if question % 3 == 0 else OP


def key(qtbot: QtBot, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a user's would be."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, k, modifier)


def test_whole_flow_with_the_mouse(qtbot: QtBot, window: MainWindow) -> None:
    def fill(dialog: NewScanDialog) -> None:
        qtbot.keyClicks(dialog.gemeente, "Muisdorp")
        qtbot.keyClicks(dialog.regio, "Testregio")
        qtbot.keyClicks(dialog.facilitator, "Marieke Verbeek")
        dialog.participants.add_row("Kees Visser", "Veilig Thuis", "teamleider")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(window.list_page.new_button, LEFT)
    sw = window.session_widget
    assert sw is not None, "the new scan opens at once"
    assert sw.header.title.text().startswith("Muisdorp")
    view = sw.question
    for number in range(1, 32):
        assert sw.session.current == number
        assert view.number_label.text() == f"Vraag {number} van 31"
        button = view.op_orde if intended(number) is OP else view.niet_op_orde
        qtbot.mouseClick(button, LEFT)
        assert button.isChecked()
        if number % 5 == 0:
            qtbot.mouseClick(view.editors["toelichting"], LEFT)
            qtbot.keyClicks(view.editors["toelichting"], f"Muis toelichting {number}")
            qtbot.mouseClick(view.editors["nuancering"], LEFT)
            qtbot.keyClicks(view.editors["nuancering"], f"nuance {number}")
        if number in (4, 20):
            qtbot.mouseClick(view.bespreekpunt, LEFT)
            assert view.bespreekpunt.isChecked()
        qtbot.mouseClick(view.next_button, LEFT)
        if number in (14, 31):
            assert sw.stack.currentWidget() is sw.results, "first results after each block"
            block = 1 if number == 14 else 2
            assert sw.results.title.text().endswith(f"Blok {block}")
            listed = sw.results.items.toPlainText()
            assert f"Vraag {number if number % 3 == 0 else number - number % 3}" in listed
            assert "Bespreekpunten (1)" in listed
            assert (
                sw.header.bars[block][0].text().endswith("14 van 14" if block == 1 else "17 van 17")
            )
            qtbot.mouseClick(sw.results.continue_button, LEFT)
    assert window.session_widget is None, "'Terug naar het overzicht' after the last block"
    assert window.list_page.current_item().answered == 31

    # Reopen with a double click, and see everything back.
    table = window.list_page.table
    row = table.selectionModel().selectedRows()[0]
    where = table.visualRect(row).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=where)  # QTest's double click lacks the press
    qtbot.mouseDClick(table.viewport(), LEFT, pos=where)
    sw = window.session_widget
    assert sw is not None
    stored = svc.get_scan(window.db, sw.session.scan_id)
    for number in range(1, 32):
        index = sw.model.index_of_question(number)
        sw.tree.scrollTo(index)
        qtbot.mouseClick(sw.tree.viewport(), LEFT, pos=sw.tree.visualRect(index).center())
        assert sw.session.current == number
        view = sw.question
        assert view.op_orde.isChecked() is (intended(number) is OP)
        assert view.niet_op_orde.isChecked() is (intended(number) is NIET)
        expected = f"Muis toelichting {number}" if number % 5 == 0 else ""
        assert view.editors["toelichting"].toPlainText() == expected
        assert stored.answer(number).value is intended(number)
        assert stored.answer(number).toelichting == expected
        assert stored.answer(number).nuancering == (f"nuance {number}" if number % 5 == 0 else "")
        assert view.bespreekpunt.isChecked() is (number in (4, 20))
    assert "Totaal: 31 van 31" in sw.header.bars[None][0].text()


def test_whole_flow_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    def fill(dialog: NewScanDialog) -> None:
        qtbot.keyClicks(dialog.gemeente, "Toetsdorp")
        qtbot.keyClick(dialog.gemeente, Qt.Key.Key_Return)  # the default button

    window.list_page.search.setFocus()
    when_dialog_opens(qtbot, fill)
    key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    sw = window.session_widget
    assert sw is not None
    assert sw.header.title.text().startswith("Toetsdorp")
    view = sw.question
    for number in range(1, 32):
        assert sw.session.current == number
        key(qtbot, Qt.Key.Key_1 if intended(number) is OP else Qt.Key.Key_2)
        if number % 4 == 0:
            key(qtbot, Qt.Key.Key_T, ALT)
            assert view.editors["toelichting"].hasFocus()
            qtbot.keyClicks(QApplication.focusWidget(), f"Toets {number}: 1 2 0 B")
            key(qtbot, Qt.Key.Key_N, ALT)
            qtbot.keyClicks(QApplication.focusWidget(), "2 teams")
            key(qtbot, Qt.Key.Key_Escape)
            assert view.hasFocus()
        if number == 7:
            key(qtbot, Qt.Key.Key_B)
        key(qtbot, Qt.Key.Key_PageDown)
        if number in (14, 31):
            assert sw.stack.currentWidget() is sw.results
            key(qtbot, Qt.Key.Key_PageDown)  # continue (block 1) / back to the list (block 2)
    assert window.session_widget is None
    # The list has the scan selected; Enter opens it again.
    table = window.list_page.table
    table.setCurrentIndex(table.selectionModel().selectedRows()[0])
    key(qtbot, Qt.Key.Key_Return)
    sw = window.session_widget
    assert sw is not None
    stored = svc.get_scan(window.db, sw.session.scan_id)
    for number in range(1, 32):
        answer = stored.answer(number)
        assert answer.value is intended(number), number
        assert answer.toelichting == (f"Toets {number}: 1 2 0 B" if number % 4 == 0 else "")
        assert answer.nuancering == ("2 teams" if number % 4 == 0 else "")
        assert answer.bespreekpunt is (number == 7)
    # The window shows it too: it reopened at the last question visited.
    sw.go_to(8)
    assert view is not sw.question
    assert sw.question.editors["toelichting"].toPlainText() == "Toets 8: 1 2 0 B"
    assert sw.question.niet_op_orde.isChecked() is False and sw.question.op_orde.isChecked()


def test_clear_with_zero_and_delete(qtbot: QtBot, demo_window: MainWindow) -> None:
    window = demo_window
    window.open_scan(window.list_page.model.item(0).id)
    sw = window.session_widget
    sw.go_to(3)
    sw.question.focus_answers()
    key(qtbot, Qt.Key.Key_1)
    key(qtbot, Qt.Key.Key_0)
    assert sw.session.answer(3).value is None
    assert not sw.question.op_orde.isChecked()
    key(qtbot, Qt.Key.Key_2)
    sw.tree.setFocus()  # Delete also works from the navigator
    key(qtbot, Qt.Key.Key_Delete)
    assert svc.get_scan(window.db, sw.session.scan_id).answer(3).value is None
    key(qtbot, Qt.Key.Key_PageUp)
    assert sw.session.current == 2


def test_digits_in_text_fields_do_not_answer(qtbot: QtBot, demo_window: MainWindow) -> None:
    window = demo_window
    window.open_scan(window.list_page.model.item(0).id)
    sw = window.session_widget
    sw.go_to(10)
    before = sw.session.answer(10).value
    editor = sw.question.editors["nuancering"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "1 2 0")
    key(qtbot, Qt.Key.Key_Delete)  # deletes text, does not clear the answer
    key(qtbot, Qt.Key.Key_B)
    assert sw.session.answer(10).value is before
    assert editor.toPlainText() == "1 2 0b"
    assert sw.session.current == 10
