"""The begrippenkader window: F2 from every page, search filters, printing to a PDF file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.questionnaire import Term
from zelfscan_app.gui.kit.begrippenkader import BegrippenkaderWindow
from zelfscan_app.gui.main_window import MainWindow


def _press_f2(qtbot: QtBot, window: MainWindow) -> BegrippenkaderWindow:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F2)
    begrippen = window.kit.begrippen_window
    assert begrippen is not None
    qtbot.waitUntil(begrippen.isVisible)
    return begrippen


def test_f2_opens_the_begrippenkader_from_every_page(qtbot: QtBot, demo_window: MainWindow) -> None:
    w = demo_window
    w.list_page.table.setFocus()
    begrippen = _press_f2(qtbot, w)  # the scan list
    begrippen.close()
    w.open_scan(w.list_page.current_scan_id())  # the session (Ctrl+F stays the session's own)
    qtbot.waitUntil(lambda: w.session_widget is not None and w.session_widget.isVisible())
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert _press_f2(qtbot, w) is begrippen
    begrippen.close()
    w.show_results()  # the results page
    qtbot.waitUntil(w.pages_shown)
    w.activateWindow()
    assert _press_f2(qtbot, w).isVisible()
    begrippen.close()
    w.show_plan()  # the plan van aanpak page
    w.activateWindow()
    assert _press_f2(qtbot, w).isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is begrippen.search)  # ready to type


def test_search_filters_terms_and_definitions(qtbot: QtBot, questionnaire) -> None:
    window = BegrippenkaderWindow(questionnaire.terms)
    qtbot.addWidget(window)
    window.show_window()
    total = len(questionnaire.terms)
    assert window.count.text() == f"{total} van {total} begrippen"
    qtbot.keyClicks(window.search, "regie")
    names = [t.term for t in window.shown_terms()]
    assert names == ["Casusregie", "Regie"]
    assert "Casusregie" in window.text.toPlainText()
    assert "Zicht op veiligheid" not in window.text.toPlainText()
    window.search.clear()
    qtbot.keyClicks(window.search, "gendersensitief")  # a word in a definition only
    assert [t.term for t in window.shown_terms()] == ["Systeemgericht werken"]
    window.search.setText("xyzzy")
    assert window.shown_terms() == []
    assert "Geen begrip gevonden" in window.text.toPlainText()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_definitions_are_text_not_markup(qtbot: QtBot) -> None:
    window = BegrippenkaderWindow([Term(term="<b>Vet</b>", definition="<img src=x> & meer")])
    qtbot.addWidget(window)
    assert "<img src=x> & meer" in window.text.toPlainText()
    assert "<b>Vet</b>" in window.text.toPlainText()


def test_prints_what_is_shown_to_a_pdf_file(qtbot: QtBot, questionnaire, tmp_path: Path) -> None:
    window = BegrippenkaderWindow(questionnaire.terms)
    qtbot.addWidget(window)
    path = window.print_to_pdf(tmp_path / "begrippen.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for term in questionnaire.terms:
        assert term.term in text
    window.search.setText("Zicht op veiligheid")
    filtered = window.print_to_pdf(tmp_path / "zicht.pdf")
    text = subprocess.run(
        ["pdftotext", str(filtered), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zicht op veiligheid" in text and "Casusregie" not in text
