"""Integration: the plan van aanpak page — edit an action, find it back, make the Word documents."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.gui.integration_helpers import click_scan, click_toolbar, key, scan_id_of
from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.plan.actions_model import COLUMNS
from zelfscan_app.gui.scan_pages import PLAN
from zelfscan_app.services import actions as action_service

FIELDS = [c.field for c in COLUMNS]
VERBETERACTIE = FIELDS.index("verbeteractie")


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def open_plan(qtbot: QtBot, window: MainWindow, scan_id: int):
    click_scan(qtbot, window, scan_id)
    click_toolbar(qtbot, window, window.actions.plan)
    pages = window.pages
    assert window.stack.currentWidget() is pages and pages.page == PLAN
    return pages


def start_editing(qtbot: QtBot, table, index: QModelIndex) -> QPlainTextEdit:
    """Double-click the cell, as a user does to type in it."""
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit), "the cell opens a multi-line editor"
    return editor


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list:
    """The save dialog answers with a file in tmp_path; records what it was asked."""
    asked: list = []

    def answer(parent, title, suggested, file_filter):
        asked.append((title, suggested))
        name = "plan.docx" if "Plan" in title else "rapport.docx"
        return str(tmp_path / "uit" / name), file_filter

    (tmp_path / "uit").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def test_edit_an_action_and_find_it_back(qtbot: QtBot, demo_window: MainWindow) -> None:
    scan_id = scan_id_of(demo_window, "Aldermeer", SoortMeting.NULMETING)
    pages = open_plan(qtbot, demo_window, scan_id)
    assert pages.plan_title.text() == "Aldermeer — nulmeting 3 maart 2025"
    table = pages.editor.table
    draft = pages.editor.model.action(0)
    assert draft.id is None, "a Niet-op-orde question, proposed as verbeterpunt"

    editor = start_editing(qtbot, table, pages.editor.model.index(0, VERBETERACTIE))
    qtbot.keyClicks(editor, "Scholing meldcode voor het hele wijkteam")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the cell stores it
    assert pages.editor.status.text() == "Opgeslagen"

    key(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # back to the list
    assert demo_window.stack.currentWidget() is demo_window.list_page
    pages = open_plan(qtbot, demo_window, scan_id)  # reopen: a fresh editor from the database
    model = pages.editor.model
    assert model.index(0, VERBETERACTIE).data() == "Scholing meldcode voor het hele wijkteam"
    stored = action_service.stored_actions(demo_window.db, scan_id)
    assert [(a.question, a.verbeteractie) for a in stored] == [
        (draft.question, "Scholing meldcode voor het hele wijkteam")
    ]


def test_leaving_the_page_while_typing_in_a_cell_stores_the_text(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    """Back (menu or Ctrl+W) with a cell still open: what was typed is stored, the editor closed."""
    scan_id = scan_id_of(demo_window, "Aldermeer", SoortMeting.NULMETING)
    pages = open_plan(qtbot, demo_window, scan_id)
    table = pages.editor.table
    editor = start_editing(qtbot, table, pages.editor.model.index(0, VERBETERACTIE))
    qtbot.keyClicks(editor, "Nog in de cel")
    demo_window.actions.back.trigger()
    assert demo_window.stack.currentWidget() is demo_window.list_page
    assert table.state() != QAbstractItemView.State.EditingState
    stored = action_service.stored_actions(demo_window.db, scan_id)
    assert [a.verbeteractie for a in stored] == ["Nog in de cel"]


def test_escape_in_a_cell_cancels_the_edit_not_the_page(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    scan_id = scan_id_of(demo_window, "Brugwijk", SoortMeting.NULMETING)
    pages = open_plan(qtbot, demo_window, scan_id)
    editor = start_editing(qtbot, pages.editor.table, pages.editor.model.index(0, VERBETERACTIE))
    qtbot.keyClicks(editor, "Toch niet")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert demo_window.stack.currentWidget() is pages and pages.page == PLAN
    assert action_service.stored_actions(demo_window.db, scan_id) == []
    key(qtbot, Qt.Key.Key_Escape)  # a second Esc (a user making sure) keeps the page
    assert demo_window.stack.currentWidget() is pages and pages.page == PLAN
    key(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # leaving is deliberate
    assert demo_window.stack.currentWidget() is demo_window.list_page


def test_word_button_writes_the_plan_with_the_action(
    qtbot: QtBot, demo_window: MainWindow, save_dialog: list, tmp_path: Path
) -> None:
    scan_id = scan_id_of(demo_window, "Dalvoorde", SoortMeting.NULMETING)
    pages = open_plan(qtbot, demo_window, scan_id)
    assert pages.word_button.text() == "Word-document maken…"
    editor = start_editing(qtbot, pages.editor.table, pages.editor.model.index(0, VERBETERACTIE))
    qtbot.keyClicks(editor, "Werkafspraken met Veilig Thuis vastleggen")
    # Straight to the button, the cell still open: what is typed goes into the document.
    qtbot.mouseClick(pages.word_button, Qt.MouseButton.LeftButton)

    path = tmp_path / "uit" / "plan.docx"
    assert save_dialog == [("Plan van aanpak opslaan", save_dialog[0][1])]
    assert Path(save_dialog[0][1]).name == "Plan van aanpak Dalvoorde 2025-03-05.docx"
    assert path.is_file()
    text = document_text(path)
    assert "Werkafspraken met Veilig Thuis vastleggen" in text
    assert "Dalvoorde" in text
    assert str(path) in demo_window.statusBar().currentMessage()
    assert demo_window.settings.documents_folder == str(path.parent)

    qtbot.mouseClick(pages.report_button, Qt.MouseButton.LeftButton)  # Rapport (Word)…
    report = tmp_path / "uit" / "rapport.docx"
    assert docx.Document(str(report)).paragraphs[0].text == "Resultaten zelfscan"
    assert "Dalvoorde" in document_text(report)


def test_report_from_the_menu_for_the_chosen_scan(
    qtbot: QtBot, demo_window: MainWindow, save_dialog: list, tmp_path: Path
) -> None:
    scan_id = scan_id_of(demo_window, "Hoogveen", SoortMeting.EVALUATIE)
    click_scan(qtbot, demo_window, scan_id)
    assert demo_window.actions.report.isEnabled()
    demo_window.actions.report.trigger()  # Uitkomsten → Rapport (Word)…
    assert Path(save_dialog[0][1]).name == "Rapportage zelfscan Hoogveen 2026-10-09.docx"
    assert "Hoogveen" in document_text(tmp_path / "uit" / "rapport.docx")
    assert demo_window.stack.currentWidget() is demo_window.list_page, "no page needed"
