"""Two windows on one PostgreSQL database, and the server going away mid-session (pytest-qt).

The windows are the real MainWindow, each with its own Database on the same URL, driven with
the keys a facilitator uses. The outage test stops and starts a real PostgreSQL server.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import make_window
from tests.gui.integration_helpers import click_scan, key
from tests.live.conftest import a_scan, schema_url
from zelfscan_app.domain.history import Editor
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.settings import AppSettings
from zelfscan_app.services import scans as svc
from zelfscan_app.services.journal import SharedWriter
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.journal import Journal, target_of

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def open_window(qtbot: QtBot, url: str, tmp_path: Path, editor: Editor) -> MainWindow:
    settings = AppSettings(str(tmp_path / f"{editor.user}.ini"))
    window = make_window(qtbot, url, settings)
    svc.set_editor(window.db, editor)
    return window


def open_scan(qtbot: QtBot, window: MainWindow, scan_id: int) -> None:
    activate(qtbot, window)
    window.refresh_list()
    click_scan(qtbot, window, scan_id)
    qtbot.mouseClick(window.list_page.open_button, Qt.MouseButton.LeftButton)
    assert window.session_widget is not None


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def press(qtbot: QtBot, window: MainWindow, k: Qt.Key) -> None:
    """A key on the question's answers, in this window, as the facilitator there would."""
    activate(qtbot, window)
    window.session_widget.question.focus_answers()
    key(qtbot, k)


def type_text(qtbot: QtBot, window: MainWindow, field: str, text: str) -> None:
    activate(qtbot, window)
    editor = window.session_widget.question.editors[field]
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    autosave = window.session_widget.session.autosave
    qtbot.waitUntil(lambda: not autosave.has_pending, timeout=5000)


def close(window: MainWindow) -> None:
    window.close()
    if window.db is not None:
        window.db.dispose()


def test_a_change_in_one_window_appears_in_the_other(
    qtbot: QtBot, pg_schema_url: str, questionnaire, tmp_path: Path
) -> None:
    setup = Database(pg_schema_url)
    scan_id = svc.create_scan(setup, a_scan(questionnaire))
    anna = open_window(qtbot, pg_schema_url, tmp_path, Editor("anna", "PC-A"))
    bram = open_window(qtbot, pg_schema_url, tmp_path, Editor("bram", "PC-B"))
    try:
        open_scan(qtbot, anna, scan_id)
        open_scan(qtbot, bram, scan_id)
        a_view, b_view = anna.session_widget.question, bram.session_widget.question
        b_bar = bram.session_widget.live_bar
        assert b_bar is not None and not b_bar.isVisible(), "nothing to say yet"

        press(qtbot, anna, Qt.Key.Key_1)  # anna: question 1 Op orde
        qtbot.waitUntil(lambda: b_view.op_orde.isChecked(), timeout=5000)
        assert b_bar.note.isVisible()
        assert "Gewijzigd door anna op PC-A" in b_bar.note.text()
        assert "vraag 1" in b_bar.note.text()
        assert bram.session_widget.session.answer(1).value is OP

        type_text(qtbot, anna, "toelichting", "Visie staat op papier")
        b_text = b_view.editors["toelichting"]
        qtbot.waitUntil(lambda: b_text.toPlainText() == "Visie staat op papier", timeout=5000)

        press(qtbot, bram, Qt.Key.Key_2)  # bram changes the same answer later: his wins
        qtbot.waitUntil(lambda: a_view.niet_op_orde.isChecked(), timeout=5000)
        a_bar = anna.session_widget.live_bar
        assert "Gewijzigd door bram op PC-B" in a_bar.note.text()
        assert not a_bar.banner.isVisible(), "no outage banner while the server answers"

        stored = svc.get_scan(setup, scan_id).answer(1)
        assert stored.value is NIET and stored.toelichting == "Visie staat op papier"
        history = svc.answer_history(setup, scan_id, question=1)
        assert [(e.editor.user, e.fields) for e in history] == [
            ("anna", ("value",)),
            ("anna", ("toelichting",)),
            ("bram", ("value",)),
        ]
        assert history[-1].old.value is OP and history[-1].new.value is NIET
    finally:
        close(anna)
        close(bram)
        setup.dispose()


def test_the_server_going_away_keeps_every_answer_and_writes_it_when_back(
    qtbot: QtBot, private_pg, questionnaire, tmp_path: Path, journal_path: Path
) -> None:
    url = schema_url(private_pg)
    setup = Database(url)
    scan_id = svc.create_scan(setup, a_scan(questionnaire))
    setup.dispose()
    window = open_window(qtbot, url, tmp_path, Editor("anna", "PC-A"))
    try:
        open_scan(qtbot, window, scan_id)
        widget = window.session_widget
        bar = widget.live_bar
        press(qtbot, window, Qt.Key.Key_1)  # stored at once while the server runs

        private_pg.stop()
        # said plainly within seconds, without anyone typing
        qtbot.waitUntil(lambda: bar.banner.isVisible(), timeout=10_000)
        assert "De gedeelde database is niet bereikbaar" in bar.banner.text()
        assert QApplication.activeModalWidget() is None, "a banner, no dialog"

        press(qtbot, window, Qt.Key.Key_PageDown)
        press(qtbot, window, Qt.Key.Key_2)  # question 2: Niet op orde
        type_text(qtbot, window, "toelichting", "Getypt tijdens de storing")
        press(qtbot, window, Qt.Key.Key_PageDown)
        press(qtbot, window, Qt.Key.Key_B)  # question 3: bespreekpunt
        press(qtbot, window, Qt.Key.Key_1)  # question 3: Op orde
        qtbot.waitUntil(
            lambda: (
                "4 wijzigingen nog niet opgeslagen in de gedeelde database" in bar.banner.text()
            ),
            timeout=5000,
        )
        assert QApplication.activeModalWidget() is None
        session = widget.session
        assert session.answer(2).value is NIET and session.answer(3).bespreekpunt
        assert Journal(journal_path).count(target_of(url)) == 4
        indicator = widget.header.indicator
        assert indicator.text() == "Bewaard op deze computer", "no 'opgeslagen' claimed"

        private_pg.start()
        qtbot.waitUntil(lambda: not bar.banner.isVisible(), timeout=40_000)
        assert "Verbinding hersteld: 4" in bar.note.text()
        assert indicator.text().startswith("✓ Opgeslagen")
        assert Journal(journal_path).count(target_of(url)) == 0

        check = Database(url)
        stored = svc.get_scan(check, scan_id)
        assert stored.answer(1).value is OP
        assert stored.answer(2).value is NIET
        assert stored.answer(2).toelichting == "Getypt tijdens de storing"
        assert stored.answer(3).value is OP and stored.answer(3).bespreekpunt
        history = svc.answer_history(check, scan_id)
        # every change once, in the order it was typed; nothing written twice
        assert [(e.question, e.fields) for e in history] == [
            (1, ("value",)),
            (2, ("value",)),
            (2, ("toelichting",)),
            (3, ("bespreekpunt",)),
            (3, ("value",)),
        ]
        assert all(e.editor == Editor("anna", "PC-A") for e in history)
        check.dispose()

        # and the window goes on as normal: the next answer is stored at once
        press(qtbot, window, Qt.Key.Key_2)
        check = Database(url)
        assert svc.get_scan(check, scan_id).answer(3).value is NIET
        check.dispose()
    finally:
        close(window)


def test_a_journal_left_by_an_earlier_run_is_written_at_the_next_open(
    qtbot: QtBot, private_pg, questionnaire, tmp_path: Path, journal_path: Path
) -> None:
    url = schema_url(private_pg)
    setup = Database(url)
    scan_id = svc.create_scan(setup, a_scan(questionnaire))
    svc.set_editor(setup, Editor("anna", "PC-A"))
    writer = SharedWriter(setup)
    private_pg.stop()
    result = writer.write(svc.new_change(scan_id, 5, "value", OP))
    assert result.journaled
    writer.write(svc.new_change(scan_id, 5, "toelichting", "na de storing"))
    setup.dispose()  # the app was closed (or crashed) before the server came back
    assert Journal(journal_path).count(target_of(url)) == 2

    private_pg.start()
    window = open_window(qtbot, url, tmp_path, Editor("anna", "PC-A"))
    try:
        open_scan(qtbot, window, scan_id)
        session = window.session_widget.session
        qtbot.waitUntil(lambda: session.answer(5).value is OP, timeout=10_000)
        qtbot.waitUntil(lambda: session.answer(5).toelichting == "na de storing", timeout=5000)
        assert Journal(journal_path).count(target_of(url)) == 0
        history = svc.answer_history(window.db, scan_id, question=5)
        assert [e.fields for e in history] == [("value",), ("toelichting",)]
    finally:
        close(window)


def test_opening_the_database_writes_a_journal_left_behind(
    qtbot: QtBot, private_pg, questionnaire, tmp_path: Path, journal_path: Path
) -> None:
    """Without opening a scan: the list of scans is shown, the journal written behind it."""
    url = schema_url(private_pg)
    setup = Database(url)
    scan_id = svc.create_scan(setup, a_scan(questionnaire))
    svc.set_editor(setup, Editor("anna", "PC-A"))
    writer = SharedWriter(setup)
    private_pg.stop()
    for question in (7, 8):
        assert writer.write(svc.new_change(scan_id, question, "value", NIET)).journaled
    setup.dispose()
    private_pg.start()

    window = open_window(qtbot, url, tmp_path, Editor("anna", "PC-A"))
    try:
        qtbot.waitUntil(lambda: Journal(journal_path).count(target_of(url)) == 0, timeout=10_000)
        qtbot.waitUntil(
            lambda: (
                "2 eerder bewaarde wijziging(en) opgeslagen" in window.statusBar().currentMessage()
            ),
            timeout=5000,
        )
        stored = svc.get_scan(window.db, scan_id)
        assert stored.answer(7).value is NIET and stored.answer(8).value is NIET
        assert len(svc.answer_history(window.db, scan_id)) == 2
    finally:
        close(window)
