"""The Rad van Fortuin: deterministic with a seeded random source, no question twice in a round,
Space spins and Esc leaves, and the group's answers are stored with the scan."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.reports.test_documents import sample_scan
from zelfscan_app.domain.wheel import WheelState
from zelfscan_app.gui.kit.wheel import WheelWindow
from zelfscan_app.gui.kit.wheel_questions import WheelQuestionsDialog
from zelfscan_app.services import wheel as service
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database

SPIN_MS = 60


def _window(qtbot: QtBot, db: Database, scan_id: int, seed: int = 3) -> WheelWindow:
    window = WheelWindow(
        db, scan_id, "Demoregio Veenland", rng=random.Random(seed), spin_ms=SPIN_MS
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.wheel.setFocus()
    qtbot.waitUntil(window.wheel.hasFocus)
    return window


def _spin_with_space(qtbot: QtBot, window: WheelWindow) -> int:
    with qtbot.waitSignal(window.spun) as drawn, qtbot.waitSignal(window.wheel.landed):
        qtbot.keyClick(window.wheel, Qt.Key.Key_Space)
    return drawn.args[0]


def test_space_spins_through_every_question_once_in_the_seeded_order(
    qtbot: QtBot, db: Database, questionnaire
) -> None:
    scan_id = create_scan(db, sample_scan(questionnaire))
    window = _window(qtbot, db, scan_id, seed=3)
    questions = service.default_questions()
    drawn = [_spin_with_space(qtbot, window) for _ in questions]
    assert sorted(drawn) == list(range(len(questions)))  # no repeats until exhausted
    expected, state, rng = [], WheelState.start(questions), random.Random(3)
    for _ in questions:
        index, state = state.draw(rng)
        expected.append(index)
    assert drawn == expected  # the same seed gives the same sequence
    # The pointer really stops on the drawn segment, and the question shown is that one.
    assert window.wheel.segment_at_pointer() == drawn[-1]
    assert window.question.text() == f"{drawn[-1] + 1}. {questions[drawn[-1]]}"
    assert window.counter.text() == "8 van 8 vragen getrokken in deze ronde"
    _spin_with_space(qtbot, window)  # a new round starts after all were drawn
    assert window.counter.text() == "1 van 8 vragen getrokken in deze ronde"


def test_answers_are_stored_and_the_next_session_continues_the_round(
    qtbot: QtBot, db: Database, questionnaire
) -> None:
    scan_id = create_scan(db, sample_scan(questionnaire))
    window = _window(qtbot, db, scan_id)
    first = _spin_with_space(qtbot, window)
    qtbot.keyClick(window.wheel, Qt.Key.Key_Return)  # Enter: type the answer
    qtbot.waitUntil(window.answer.hasFocus)
    qtbot.keyClicks(window.answer, "Jeugd en Wmo waren er")
    with qtbot.waitSignal(window.answerSaved):  # stored while typing (debounced)
        pass
    question = service.default_questions()[first]
    assert service.answers(db, scan_id) == [(question, "Jeugd en Wmo waren er")]
    qtbot.keyClicks(window.answer, " samen")  # Space types in the answer box, it does not spin
    assert window.answer.toPlainText() == "Jeugd en Wmo waren er samen"
    qtbot.keyClick(window.answer, Qt.Key.Key_Escape)  # first Esc: back to the wheel
    assert window.wheel.hasFocus() and window.isVisible()
    second = _spin_with_space(qtbot, window)  # spinning stores what was typed first
    assert service.answers(db, scan_id)[0] == (question, "Jeugd en Wmo waren er samen")
    qtbot.keyClick(window.wheel, Qt.Key.Key_Escape)  # Esc on the wheel leaves
    qtbot.waitUntil(lambda: not window.isVisible())

    again = _window(qtbot, db, scan_id)  # the answered question is not drawn again this round
    assert first in again.state.drawn and second not in again.state.drawn
    drawn = [_spin_with_space(qtbot, again) for _ in range(len(again.state.remaining))]
    assert first not in drawn
    again.close()


def test_region_edits_the_question_list(qtbot: QtBot, db: Database, questionnaire) -> None:
    scan_id = create_scan(db, sample_scan(questionnaire))
    window = _window(qtbot, db, scan_id)
    dialog = WheelQuestionsDialog(db, "Demoregio Veenland", window)
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("Wat ging goed?\nWat ging goed?")
    assert not dialog.save()
    assert "twee keer" in dialog.error.text()
    dialog.editor.setPlainText("Wat ging goed?\n\nWat kan beter?\nWie misten we?")
    assert dialog.save()
    assert service.questions_for(db, "Demoregio Veenland") == (
        "Wat ging goed?",
        "Wat kan beter?",
        "Wie misten we?",
    )
    dialog.defaults.click()
    assert dialog.save()
    assert service.questions_for(db, "Demoregio Veenland") == service.default_questions()
    assert not service.has_own_questions(db, "Demoregio Veenland")
    window.close()


def test_wheel_from_the_main_window_needs_a_scan_and_fills_the_screen(
    qtbot: QtBot, demo_window
) -> None:
    demo_window.list_page.table.clearSelection()
    assert demo_window.kit.show_wheel() is None
    assert "Kies eerst een zelfscan" in demo_window.statusBar().currentMessage()
    demo_window.list_page.table.selectRow(0)
    wheel = demo_window.kit.show_wheel(rng=random.Random(1), spin_ms=SPIN_MS)
    qtbot.waitExposed(wheel)
    assert wheel.isFullScreen() or wheel.geometry().contains(wheel.screen().geometry())
    assert QApplication.activeModalWidget() is None
    wheel.close()
