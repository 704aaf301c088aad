"""Autosave: answers at once, text within a second, 'opgeslagen' only after the commit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.session.autosave import DEBOUNCE_MS
from zelfscan_app.services import scans as svc

LEFT = Qt.MouseButton.LeftButton


def open_first(window: MainWindow):
    window.open_scan(window.list_page.model.item(0).id)
    return window.session_widget


def stored(window: MainWindow, question: int):
    return svc.get_scan(window.db, window.session_widget.session.scan_id).answer(question)


def test_text_is_stored_within_a_second_without_a_save_button(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    sw = open_first(demo_window)
    editor = sw.question.editors["toelichting"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Besproken met het hele team")
    assert sw.header.indicator.state == "pending"
    qtbot.waitUntil(
        lambda: (
            stored(demo_window, sw.session.current).toelichting == "Besproken met het hele team"
        ),
        timeout=10_000,  # only a hang fails; the promise is the debounce below, not the clock
    )
    assert sw.header.indicator.state == "saved"
    assert sw.header.indicator.text().startswith("✓ Opgeslagen")
    assert DEBOUNCE_MS <= 500


def test_navigation_and_closing_flush_the_text(qtbot: QtBot, demo_window: MainWindow) -> None:
    sw = open_first(demo_window)
    first = sw.session.current
    editor = sw.question.editors["nuancering"]
    editor.setFocus()
    qtbot.keyClicks(editor, " extra")
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)  # no pause: stored on leaving the question
    assert stored(demo_window, first).nuancering.endswith(" extra")
    second = sw.session.current
    editor = sw.question.editors["toelichting"]
    editor.setFocus()
    qtbot.keyClicks(editor, " laatste")
    demo_window.close_scan()
    assert (
        svc.get_scan(demo_window.db, sw.session.scan_id)
        .answer(second)
        .toelichting.endswith(" laatste")
    )


def test_saved_is_shown_only_after_the_commit(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch
) -> None:
    sw = open_first(demo_window)
    sw.go_to(2)
    seen_during_commit = []
    real = svc.set_answer

    def commit(*args, **kwargs):
        seen_during_commit.append((sw.header.indicator.text(), sw.session.autosave.last_saved))
        real(*args, **kwargs)

    monkeypatch.setattr(svc, "set_answer", commit)
    before = sw.header.indicator.text()
    assert before == "✓ Alles is opgeslagen"
    qtbot.mouseClick(sw.question.niet_op_orde, LEFT)
    assert seen_during_commit == [(before, None)], "nothing claimed before the commit returned"
    assert sw.session.autosave.last_saved == (2, "value")
    assert sw.header.indicator.text().startswith("✓ Opgeslagen ")
    assert sw.header.indicator.state == "saved"


def test_a_failed_commit_is_shown_and_the_answer_not_pretended(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch
) -> None:
    sw = open_first(demo_window)
    sw.go_to(2)
    before = stored(demo_window, 2).value

    def broken(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(svc, "set_answer", broken)
    other = AnswerValue.OP_ORDE if before is AnswerValue.NIET_OP_ORDE else AnswerValue.NIET_OP_ORDE
    button = sw.question.op_orde if other is AnswerValue.OP_ORDE else sw.question.niet_op_orde
    qtbot.mouseClick(button, LEFT)
    assert not button.isChecked(), "the button shows what is stored, not what was clicked"
    assert sw.header.indicator.state == "error"
    assert "schijf vol" in sw.header.indicator.text()
    assert "Niet opgeslagen" in demo_window.statusBar().currentMessage()
    assert stored(demo_window, 2).value is before


def test_failed_text_is_kept_and_retried(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch
) -> None:
    sw = open_first(demo_window)
    real = svc.set_text
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database bezet")
        real(*args, **kwargs)

    monkeypatch.setattr(svc, "set_text", flaky)
    monkeypatch.setattr("zelfscan_app.gui.session.autosave.RETRY_MS", 50)
    editor = sw.question.editors["toelichting"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "blijft bewaard")
    qtbot.waitUntil(lambda: sw.header.indicator.state == "error", timeout=2000)
    qtbot.waitUntil(lambda: sw.header.indicator.state == "saved", timeout=2000)
    assert stored(demo_window, sw.session.current).toelichting == "blijft bewaard"
