"""PDCA monitoring in the plan editor: the review date column, typed as a user types it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.reports.test_documents import sample_scan
from zelfscan_app.gui.plan.actions_editor import ActionsEditor
from zelfscan_app.gui.plan.actions_model import REVIEW_COLUMN, STATUS_COLUMN
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database


def test_review_date_is_typed_stored_and_overdue_marked(
    qtbot: QtBot, db: Database, questionnaire
) -> None:
    scan_id = create_scan(db, sample_scan(questionnaire))
    editor = ActionsEditor(db, questionnaire, scan_id)
    qtbot.addWidget(editor)
    editor.resize(1300, 700)
    editor.show()
    qtbot.waitExposed(editor)
    model = editor.model
    assert (
        model.headerData(REVIEW_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == "Herziendatum"
    )
    assert model.index(0, STATUS_COLUMN).data() == "gepland"
    index = model.index(0, REVIEW_COLUMN)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    qtbot.waitUntil(lambda: editor.table.findChild(QLineEdit) is not None)
    line = editor.table.findChild(QLineEdit)
    line.setText("1-2-2020")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.status.text() == "Opgeslagen")
    (stored,) = action_service.stored_actions(db, scan_id)  # the draft became an action
    assert stored.herziendatum == date(2020, 2, 1)
    assert model.index(0, REVIEW_COLUMN).data() == "01-02-2020"
    red = model.index(0, REVIEW_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QColor) and red.name() == "#b42318"  # over datum
    assert not model.setData(model.index(0, REVIEW_COLUMN), "morgen")
    assert "‘morgen’ is geen datum" in editor.status.text()
    assert action_service.stored_actions(db, scan_id)[0].herziendatum == date(2020, 2, 1)
    assert model.setData(model.index(0, REVIEW_COLUMN), "")  # clearing is allowed
    assert action_service.stored_actions(db, scan_id)[0].herziendatum is None
