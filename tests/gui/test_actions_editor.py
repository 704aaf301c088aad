"""The improvement-action editor: autosave on edit, status combo, earlier open actions, exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.reports.test_documents import NIET_OP_ORDE, plan_tables, sample_scan
from zelfscan_app.domain.scan import Action, ActionStatus, SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.plan import export_actions
from zelfscan_app.gui.plan.actions_editor import ActionsEditor
from zelfscan_app.gui.plan.actions_model import COLUMNS, STATUS_COLUMN
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database

FIELDS = [c.field for c in COLUMNS]


@pytest.fixture
def scan_id(db: Database, questionnaire) -> int:
    return create_scan(db, sample_scan(questionnaire))


@pytest.fixture
def editor(qtbot: QtBot, db: Database, questionnaire, scan_id: int) -> ActionsEditor:
    widget = ActionsEditor(db, questionnaire, scan_id)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_columns_and_one_draft_row_per_niet_op_orde(editor: ActionsEditor) -> None:
    model = editor.model
    titles = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(model.columnCount())
    ]
    assert titles == [
        "Maatregel/verbeterpunt",
        "Huidige stand van zaken",
        "Omschrijving verbeteractie",
        "Beoogd resultaat",
        "Wie gaat het doen?",
        "Planning",
        "Kosten",
        "Status",
        "Herziendatum",
    ]
    assert model.rowCount() == len(NIET_OP_ORDE)
    assert [model.action(r).question for r in range(model.rowCount())] == list(NIET_OP_ORDE)
    first = model.index(0, FIELDS.index("huidige_stand"))
    assert first.data() == "Geen visie vastgesteld.\nNuancering: Jeugd wel, Wmo niet."
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()  # a draft, not yet stored
    assert model.headerData(0, Qt.Orientation.Vertical) == "Vraag 1"
    assert model.index(0, STATUS_COLUMN).data() == "gepland"
    assert not editor.earlier_table.isVisible()


def test_an_edit_is_stored_at_once(editor: ActionsEditor, db: Database, scan_id: int) -> None:
    model = editor.model
    saved = []
    editor.saved.connect(lambda: saved.append(True))
    index = model.index(1, FIELDS.index("verbeteractie"))
    assert model.setData(index, "Scholing meldcode voor Wmo-consulenten")
    stored = action_service.stored_actions(db, scan_id)
    assert [(a.question, a.verbeteractie) for a in stored] == [
        (5, "Scholing meldcode voor Wmo-consulenten")
    ]
    assert model.action(1).id == stored[0].id
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert saved and editor.status.text() == "Opgeslagen"
    assert not model.setData(index, "Scholing meldcode voor Wmo-consulenten")  # unchanged
    assert len(action_service.stored_actions(db, scan_id)) == 1


def test_typing_in_the_table_saves(
    qtbot: QtBot, editor: ActionsEditor, db: Database, scan_id: int
) -> None:
    table = editor.table
    index = editor.model.index(0, FIELDS.index("wie"))
    table.setCurrentIndex(index)
    table.edit(index)
    line = table.findChild(QLineEdit)
    assert line is not None
    line.setText("Beleidsmedewerker Jeugd")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert action_service.stored_actions(db, scan_id)[0].wie == "Beleidsmedewerker Jeugd"

    index = editor.model.index(0, FIELDS.index("verbeteractie"))
    table.setCurrentIndex(index)
    table.edit(index)
    text = table.findChild(QPlainTextEdit)
    assert text is not None
    text.setPlainText("Eerste stap\nTweede stap")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert action_service.stored_actions(db, scan_id)[0].verbeteractie == (
        "Eerste stap\nTweede stap"
    )


def test_status_combo_stores_the_choice(editor: ActionsEditor, db: Database, scan_id: int) -> None:
    table = editor.table
    index = editor.model.index(2, STATUS_COLUMN)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.findChild(QComboBox)
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "gepland",
        "in uitvoering",
        "gereed",
        "bijgesteld",
    ]
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    stored = action_service.stored_actions(db, scan_id)
    assert [(a.question, a.status) for a in stored] == [(15, ActionStatus.GEREED)]
    assert editor.model.index(2, STATUS_COLUMN).data() == "gereed"


def test_add_and_remove_actions(editor: ActionsEditor, db: Database, scan_id: int) -> None:
    model = editor.model
    editor.standard_choice.setCurrentIndex(8)  # standard 9, which has no Niet-op-orde question
    editor.add_button.click()
    row = next(r for r in range(model.rowCount()) if model.action(r).standard == 9)
    assert model.action(row).id is not None and model.action(row).question is None
    assert [model.action(r).standard for r in range(model.rowCount())] == sorted(
        model.action(r).standard for r in range(model.rowCount())
    )
    editor.table.setCurrentIndex(model.index(row, 0))
    assert editor.remove_button.isEnabled()
    editor.remove_button.click()
    assert all(model.action(r).standard != 9 for r in range(model.rowCount()))

    model.setData(model.index(0, FIELDS.index("kosten")), "€ 2.000")
    assert model.remove_action(0)  # the stored action goes, the draft of question 1 returns
    assert model.action(0).question == 1 and model.action(0).id is None
    assert action_service.stored_actions(db, scan_id) == []
    editor.table.setCurrentIndex(model.index(0, 0))
    assert not editor.remove_button.isEnabled()


def test_a_failed_save_is_reported(editor: ActionsEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args, **_kwargs):
        raise ZelfscanError("de database is alleen-lezen")

    monkeypatch.setattr(action_service, "save_action", refuse)
    errors = []
    editor.error.connect(errors.append)
    assert not editor.model.setData(editor.model.index(0, FIELDS.index("wie")), "Iemand")
    assert errors == ["de database is alleen-lezen"]
    assert "Niet opgeslagen" in editor.status.text()
    assert editor.model.action(0).wie == ""


def test_later_scan_shows_open_actions_of_earlier_scans_read_only(
    qtbot: QtBot, db: Database, questionnaire
) -> None:
    first = create_scan(db, sample_scan(questionnaire, datum=date(2025, 3, 3)))
    action_service.save_action(
        db, first, Action(1, 1, "Visie opstellen", status=ActionStatus.IN_UITVOERING, wie="Beleid")
    )
    action_service.save_action(db, first, Action(3, 5, "Meldcode", status=ActionStatus.GEREED))
    later = create_scan(
        db, sample_scan(questionnaire, datum=date(2026, 10, 5), soort=SoortMeting.EVALUATIE)
    )
    widget = ActionsEditor(db, questionnaire, later)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.earlier_table.isVisible() and widget.earlier_title.isVisible()
    earlier = widget.earlier_model
    assert earlier.rowCount() == 1
    row = [earlier.index(0, c).data() for c in range(earlier.columnCount())]
    assert row == ["Nulmeting 3 maart 2025", "Visie opstellen", "", "Beleid", "", "in uitvoering"]
    assert not earlier.flags(earlier.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


# Export helpers ----------------------------------------------------------------------------


def test_export_plan_asks_for_a_path_and_writes_it(
    qtbot: QtBot,
    editor: ActionsEditor,
    db: Database,
    questionnaire,
    scan_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor.model.setData(editor.model.index(0, FIELDS.index("wie")), "Beleidsmedewerker Jeugd")
    asked = []

    def save_dialog(parent, title, suggested, file_filter):
        asked.append((title, Path(suggested).name, file_filter))
        return str(tmp_path / "mijn plan"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    path = export_actions.export_plan(editor, db, questionnaire, scan_id)
    assert path == tmp_path / "mijn plan.docx"
    assert asked == [
        (
            "Plan van aanpak opslaan",
            "Plan van aanpak Aldermeer 2026-03-15.docx",
            "Word-document (*.docx)",
        )
    ]
    row = plan_tables(docx.Document(str(path)))[0].rows[1]
    assert row.cells[4].text == "Beleidsmedewerker Jeugd"

    report = export_actions.export_report(editor, db, questionnaire, scan_id)
    assert report == tmp_path / "mijn plan.docx"  # the dialog stub always answers the same
    assert docx.Document(str(report)).paragraphs[0].text == "Resultaten zelfscan"


def test_export_cancel_and_error(
    editor: ActionsEditor,
    db: Database,
    questionnaire,
    scan_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert export_actions.export_plan(editor, db, questionnaire, scan_id) is None

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "p.docx"), ""))
    assert (
        export_actions.export_plan(
            editor, db, questionnaire, scan_id, template_dir=tmp_path / "weg"
        )
        is None
    )
    assert shown == [f"{tmp_path / 'weg'}: de map met sjablonen bestaat niet"]
    assert not (tmp_path / "p.docx").exists()
    assert export_actions.export_report(editor, db, questionnaire, 999) is None
    assert "zelfscan 999 bestaat niet" in shown[-1]


def test_suggested_name_is_safe(questionnaire) -> None:
    odd = sample_scan(questionnaire, gemeente='Súdwest/"Fryslân"')
    assert export_actions.suggested_name("Plan van aanpak", odd) == (
        "Plan van aanpak Súdwest__Fryslân_ 2026-03-15.docx"
    )
