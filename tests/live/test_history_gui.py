"""The results page shows per question who changed the answer when: 'Geschiedenis'."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.live.conftest import a_scan
from tests.live.test_live_gui import close, open_scan, open_window, press, type_text
from zelfscan_app.domain.history import Editor
from zelfscan_app.gui.results.detail_panel import HISTORY_SHOWN
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database


def test_the_detail_of_a_standard_shows_each_questions_history(
    qtbot: QtBot, database_url: str, questionnaire, tmp_path: Path
) -> None:
    setup = Database(database_url)
    scan_id = svc.create_scan(setup, a_scan(questionnaire))
    setup.dispose()
    window = open_window(qtbot, database_url, tmp_path, Editor("anna", "PC-A"))
    try:
        open_scan(qtbot, window, scan_id)
        press(qtbot, window, Qt.Key.Key_1)  # question 1: Op orde
        press(qtbot, window, Qt.Key.Key_2)  # changed: Niet op orde
        type_text(qtbot, window, "toelichting", "Geen vastgestelde visie")
        press(qtbot, window, Qt.Key.Key_PageDown)
        press(qtbot, window, Qt.Key.Key_1)  # question 2: Op orde
        window.actions.results.trigger()  # the results page (toolbar / menu action)

        view = window.pages.results_view
        qtbot.waitUntil(view.table.isVisible, timeout=5000)
        index = view.scores.index(view.scores.row_of(1), 0)  # standard 1: questions 1 and 2
        qtbot.mouseClick(
            view.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.table.visualRect(index).center(),
        )
        text = view.detail.plain_text()
        assert "Geschiedenis" in text
        lines = [line for line in text.splitlines() if "anna (PC-A)" in line]
        # newest first, each with when (local time), who on which workstation, old → new
        assert [line.split(": ", 1)[1] for line in lines] == [
            "toelichting (leeg) → ‘Geen vastgestelde visie’",
            "antwoord Op orde → Niet op orde",
            "antwoord geen antwoord → Op orde",
            "antwoord geen antwoord → Op orde",
        ]
        today = datetime.now()
        assert lines[0].startswith(f"{today.day}-{today.month}-{today.year} ")
        question_1 = text.index("Vraag 1.")
        question_2 = text.index("Vraag 2.")
        assert question_1 < text.index("Geen vastgestelde visie’") < question_2
    finally:
        close(window)


def test_a_long_history_shows_the_newest_changes_and_counts_the_rest(
    qtbot: QtBot, db_url: str, questionnaire, tmp_path: Path
) -> None:
    setup = Database(db_url)
    scan_id = svc.create_scan(setup, a_scan(questionnaire))
    svc.set_editor(setup, Editor("bram", "PC-B"))
    for i in range(HISTORY_SHOWN + 3):
        svc.set_text(setup, scan_id, 1, "nuancering", f"versie {i}")
    setup.dispose()
    window = open_window(qtbot, db_url, tmp_path, Editor("anna", "PC-A"))
    try:
        open_scan(qtbot, window, scan_id)
        window.actions.results.trigger()
        view = window.pages.results_view
        view.select_standard(1)
        text = view.detail.plain_text()
        assert text.count("bram (PC-B)") == HISTORY_SHOWN
        assert f"‘versie {HISTORY_SHOWN + 2}’" in text and "‘versie 1’ →" not in text
        assert "en 3 eerdere wijziging(en)" in text
    finally:
        close(window)
