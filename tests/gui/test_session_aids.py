"""Session aids: block timer, first results, presentation mode, begrippenkader."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QToolTip
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.scoring import standard_scores
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.session.block_timer import BlockTimer, format_seconds

CTRL = Qt.KeyboardModifier.ControlModifier


def open_first(window: MainWindow):
    window.open_scan(window.list_page.model.item(0).id)
    return window.session_widget


def key(qtbot: QtBot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), k, modifier)


def test_block_timer_counts_down_and_never_interrupts(qtbot: QtBot) -> None:
    timer = BlockTimer(minutes=1)
    qtbot.addWidget(timer)

    def shown() -> list:
        return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not timer]

    shown_before = len(shown())
    assert timer.label.text() == "01:00"
    with qtbot.waitSignal(timer.runningChanged):
        qtbot.mouseClick(timer.toggle_button, Qt.MouseButton.LeftButton)
    assert timer.running and timer.toggle_button.text() == "Pauze"
    timer._used_ms = 61_500  # as if a minute and a half had passed
    qtbot.waitUntil(lambda: timer.label.text().startswith("+00:0"))  # the display's next tick
    assert timer.label.property("over") is True
    assert "over tijd" in timer.label.accessibleName()
    assert len(shown()) == shown_before, "no dialog, no pop-up"
    assert QApplication.activeModalWidget() is None and QApplication.activePopupWidget() is None
    timer.pause()
    frozen = timer.elapsed_ms()
    clock = QElapsedTimer()
    clock.start()
    qtbot.waitUntil(lambda: clock.elapsed() > 50)  # time passes on another clock …
    assert timer.elapsed_ms() == frozen  # … not on the paused one
    timer.reset()
    assert timer.label.text() == "01:00" and timer.label.property("over") is False
    assert format_seconds(-75) == "+01:15"


def test_block_length_is_configurable_and_remembered(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch
) -> None:
    sw = open_first(demo_window)
    assert sw.header.timer.label.text() == "35:00"
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (40, True))
    demo_window.actions.timer_minutes.trigger()
    assert sw.header.timer.label.text() == "40:00"
    assert demo_window.settings.block_minutes == 40
    sw.question.focus_answers()
    key(qtbot, Qt.Key.Key_T, CTRL)
    assert sw.header.timer.running


def test_first_results_show_scores_niet_op_orde_and_bespreekpunten(demo_window: MainWindow) -> None:
    sw = open_first(demo_window)
    session = sw.session
    q = session.questionnaire
    sw.go_to(2)
    sw.toggle_bespreekpunt()
    sw.show_results(1)
    results = sw.results
    assert results.scope.checkedId() == 1
    expected = [s for s in standard_scores(q, session.values()) if s.standard in (1, 2, 3, 6)]
    chart = results.canvas.chart  # the one spider renderer, on the block's standards
    assert [a.number for a in chart.axes] == [1, 2, 3, 6]
    assert [chart.series[0].score(s.standard) for s in expected] == [s.score for s in expected]
    text = results.items.toPlainText()
    for question in q.questions_in_block(1):
        answer = session.answer(question.number)
        if answer.value is not None and answer.value.name == "NIET_OP_ORDE":
            assert f"Vraag {question.number} — {question.short_title}" in text
    assert "Bespreekpunten" in text and "Vraag 2 —" in text.split("Bespreekpunten")[1]
    assert results.continue_button.text().startswith("Verder met blok 2")
    results.scope.button(0).click()
    assert len(results.canvas.chart.axes) == 10
    assert results.continue_button.text() == "Terug naar het overzicht"
    assert not sw.act_op_orde.isEnabled(), "no answering blind while the results show"
    results.back_button.click()
    assert sw.act_op_orde.isEnabled()


def test_presentation_mode(qtbot: QtBot, demo_window: MainWindow) -> None:
    sw = open_first(demo_window)
    sw.question.focus_answers()
    key(qtbot, Qt.Key.Key_F11)
    assert sw.presentation
    qtbot.waitUntil(lambda: demo_window.isFullScreen(), timeout=2000)
    assert not demo_window.menuBar().isVisible()
    assert not sw.tree.isVisible() and not sw.header.isVisible()
    assert sw.question.notes.isVisible(), "the room sees what is recorded"
    assert not sw.question.standard_text.isVisible()
    assert sw.question.op_orde.isVisible() and sw.question.question_text.isVisible()
    assert "font-size" in sw.styleSheet()
    assert sw.presentation_clock.isVisible() and sw.presentation_indicator.isVisible()
    assert sw.presentation_clock.text() == "Bloktijd 35:00"
    current = sw.session.current
    key(qtbot, Qt.Key.Key_2)
    assert sw.session.answer(current).value.name == "NIET_OP_ORDE"
    key(qtbot, Qt.Key.Key_PageDown)
    assert sw.session.current == current + 1
    key(qtbot, Qt.Key.Key_Escape)
    assert not sw.presentation
    qtbot.waitUntil(lambda: not demo_window.isFullScreen(), timeout=2000)
    assert demo_window.menuBar().isVisible() and sw.tree.isVisible()
    assert sw.styleSheet() == ""


def test_terms_explained_on_hover_and_focus(qtbot: QtBot, demo_window: MainWindow) -> None:
    sw = open_first(demo_window)
    sw.go_to(5)  # "… werken met de meldcode …"
    view = sw.question
    assert 'href="term:' in view.question_text.text()
    meldcode = next(t for t in sw.session.questionnaire.terms if t.term == "Meldcode")
    index = sw.session.questionnaire.terms.index(meldcode)
    view._hover_term(f"term:{index}")  # what QLabel.linkHovered sends on mouse-over
    assert QToolTip.isVisible() and meldcode.definition[:40] in QToolTip.text()
    chip = next(
        w for w in view.terms_box.findChildren(type(view.clear_button)) if w.text() == "Meldcode"
    )
    chip.setFocus()
    assert view.term_info.isVisible()
    assert meldcode.definition[:40] in view.term_info.text()
    assert chip.accessibleDescription() == meldcode.definition
    sw.go_to(6)
    assert not view.term_info.isVisible()


def test_glossary_opens_with_ctrl_shift_f_and_searches(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    sw = open_first(demo_window)
    sw.question.focus_answers()
    key(qtbot, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    glossary = sw._glossary
    assert glossary is not None and glossary.isVisible()
    qtbot.keyClicks(glossary.search, "casus")
    names = [glossary.proxy.index(r, 0).data() for r in range(glossary.proxy.rowCount())]
    assert "Casusregie" in names and "Meldcode" not in names
    assert "Casusregie" in glossary.definition.text() or "Regie" in glossary.definition.text()
    glossary.close()
