"""The disagreement view in the session, driven as a facilitator does: drop nine
voorbereidingen on the session, read every split, open the toelichtingen (names hidden until
'Namen tonen'), rank the questions; and without voorbereidingen type the show of hands."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import make_window
from tests.prescan.helpers import DOORS, expected, nine_prescans
from zelfscan_app.domain.prescan import Split
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.session.navigator_model import MARK_ROLE
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import prescans, scans
from zelfscan_app.storage.database import Database

LEFT = Qt.MouseButton.LeftButton


def new_scan(db_url: str, gemeente: str = "Aldermeer") -> int:
    q = default_questionnaire()
    db = Database(db_url)
    try:
        return scans.create_scan(
            db,
            Scan(
                gemeente=gemeente,
                regio="Veenland",
                datum=date(2026, 3, 15),
                soort=SoortMeting.NULMETING,
                questionnaire_id=q.id,
                questionnaire_version=q.version,
            ),
        )
    finally:
        db.dispose()


def open_session(qtbot: QtBot, db_url: str, scan_id: int) -> MainWindow:
    window = make_window(qtbot, db_url)
    assert window.open_scan(scan_id)
    assert window.session_widget is not None
    return window


def close(window: MainWindow) -> None:
    window.close()
    if window.db is not None:
        window.db.dispose()


def drop(widget, paths: list[Path]) -> None:
    """Drag the files over the session and let go, as from a file manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(centre, actions, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the session accepts dropped voorbereidingen"
    event = QDropEvent(QPointF(centre), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def nine(db_url: str, tmp_path: Path) -> tuple[int, Path]:
    scan_id = new_scan(db_url)
    db = Database(db_url)
    scan = scans.get_scan(db, scan_id)
    db.dispose()
    folder = tmp_path / "voorbereidingen"
    nine_prescans(default_questionnaire(), scan, folder)
    return scan_id, folder


def test_dropped_folder_of_nine_prescans_shows_every_split(
    qtbot: QtBot, db_url: str, nine: tuple[int, Path]
) -> None:
    scan_id, folder = nine
    window = open_session(qtbot, db_url, scan_id)
    sw = window.session_widget
    panel = sw.prescans.panel
    assert panel.caption.text() == "Handopsteken:"  # nothing imported yet
    drop(sw, [folder])
    assert panel.progress.isVisible()  # read off the UI thread, with progress
    qtbot.waitUntil(lambda: sw.prescans.job is None, timeout=60_000)
    assert panel.status.text().startswith("Voorbereidingen: 9 geïmporteerd, 0 al aanwezig")
    assert not any(door in panel.status.text() for door in DOORS)

    q = default_questionnaire()
    marked = set()
    for number in q.question_numbers:
        sw.go_to(number)
        op, niet, open_ = expected(number)
        assert panel.caption.text() == "Voorbereiding (9):"
        assert panel.split_label.isVisible() and not panel.op_orde.isVisible()
        assert panel.split_label.text() == f"{op} op orde · {niet} niet op orde · {open_} open"
        split = Split(op, niet, open_)
        index = sw.model.index_of_question(number)
        accessible = index.data(Qt.ItemDataRole.AccessibleTextRole)
        if split.marked:
            marked.add(number)
            assert panel.verschil.text().startswith("≠ ")
            assert index.data(MARK_ROLE) and "Veel verschil van mening" in index.data(
                Qt.ItemDataRole.ToolTipRole
            )
            assert accessible.endswith("veel verschil van mening")
        else:
            assert index.data(MARK_ROLE) is None
            assert "verschil" not in accessible
    assert marked, "the known answers include questions with much disagreement"

    # The ranking: most disagreement first, a click away from the question.
    qtbot.keyClick(sw.question, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = sw.prescans.ranking_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    rows = dialog.row_texts()
    shares = [Split(*expected(int(r[0].split(" ·")[0]))).disagreement for r in rows]
    assert shares == sorted(shares, reverse=True) and shares[0] is not None
    assert {int(r[0].split(" ·")[0]) for r in rows if r[2].startswith("≠")} == marked
    assert all(r[2].endswith("veel verschil") for r in rows if r[2].startswith("≠"))
    target = int(rows[1][0].split(" ·")[0])
    rect = dialog.table.visualRect(dialog.table.model().index(1, 1))
    qtbot.mouseClick(dialog.table.viewport(), LEFT, pos=rect.center())
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert sw.session.current == target
    sw.go_to(1)
    qtbot.mouseDClick(dialog.table.viewport(), LEFT, pos=rect.center())
    assert sw.session.current == target
    dialog.close()
    close(window)


def test_toelichtingen_hide_names_until_namen_tonen(
    qtbot: QtBot, db_url: str, nine: tuple[int, Path]
) -> None:
    scan_id, folder = nine
    db = Database(db_url)
    prescans.import_prescans(db, default_questionnaire(), scan_id, prescans.workbooks_in([folder]))
    db.dispose()
    window = open_session(qtbot, db_url, scan_id)
    sw = window.session_widget
    sw.go_to(1)  # question 1 has a toelichting in every voorbereiding
    panel = sw.prescans.panel
    assert panel.notes_button.text() == "Toelichtingen (9)…"
    qtbot.mouseClick(panel.notes_button, LEFT)
    dialog = sw.prescans.notes_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.names.isChecked()
    text = dialog.plain_text()
    assert "Toelichting 1 bij vraag 1" in text and "Toelichting 9 bij vraag 1" in text
    assert not any(door in text for door in DOORS)
    qtbot.mouseClick(dialog.names, LEFT, pos=QPoint(8, dialog.names.height() // 2))
    assert dialog.names.isChecked()
    assert all(door in dialog.plain_text() for door in DOORS)
    # The next question follows, with names still as the facilitator chose.
    sw.go_to(5)
    assert "Wijkteam Noord: Toelichting 3 bij vraag 5" in dialog.plain_text()
    dialog.close()
    close(window)
    # A new session starts without names again.
    window = open_session(qtbot, db_url, scan_id)
    assert window.session_widget.prescans.names_shown is False
    close(window)


def test_hand_count_typed_stored_and_shown_after_reopening(qtbot: QtBot, db_url: str) -> None:
    scan_id = new_scan(db_url, "Brugwijk")
    window = open_session(qtbot, db_url, scan_id)
    sw = window.session_widget
    panel = sw.prescans.panel
    sw.go_to(4)
    assert panel.op_orde.isVisible() and panel.niet_op_orde.isVisible()
    assert not panel.split_label.isVisible()
    sw.question.setFocus()
    for mnemonic, box, count in (
        (Qt.Key.Key_O, panel.op_orde, "5"),
        (Qt.Key.Key_I, panel.niet_op_orde, "4"),
    ):
        qtbot.keyClick(QApplication.focusWidget(), mnemonic, Qt.KeyboardModifier.AltModifier)
        assert box.hasFocus()
        box.selectAll()
        qtbot.keyClicks(box, count)
    assert sw.session.answer(4).value is None  # typing digits did not answer the question
    qtbot.waitUntil(lambda: "Opgeslagen" in sw.header.indicator.text())
    assert panel.verschil.text() == "≠ 4 van 9 anders"
    assert sw.model.index_of_question(4).data(MARK_ROLE)
    sw.go_to(5)
    assert (panel.op_orde.value(), panel.niet_op_orde.value()) == (0, 0)
    close(window)

    db = Database(db_url)
    assert prescans.hand_counts(db, scan_id) == {4: (5, 4)}
    db.dispose()
    window = open_session(qtbot, db_url, scan_id)
    sw = window.session_widget
    sw.go_to(4)
    panel = sw.prescans.panel
    assert (panel.op_orde.value(), panel.niet_op_orde.value()) == (5, 4)
    assert panel.verschil.text() == "≠ 4 van 9 anders"
    assert sw.model.index_of_question(4).data(MARK_ROLE)
    close(window)


def test_refused_files_are_reported_and_change_nothing(
    qtbot: QtBot, db_url: str, tmp_path: Path
) -> None:
    scan_id = new_scan(db_url)
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a workbook")
    window = open_session(qtbot, db_url, scan_id)
    sw = window.session_widget
    assert sw.prescans.import_paths([str(bad)])
    qtbot.waitUntil(lambda: sw.prescans.job is None, timeout=30_000)
    panel = sw.prescans.panel
    assert "0 geïmporteerd" in panel.status.text() and "1 geweigerd" in panel.status.text()
    assert panel.details_button.isVisible()
    assert panel.caption.text() == "Handopsteken:"
    close(window)


def test_short_page_shows_the_split_in_the_heading_and_types_hands_in_a_dialog(
    qtbot: QtBot, db_url: str
) -> None:
    from PySide6.QtCore import QSize, QTimer

    from zelfscan_app.gui.session.prescan_dialogs import HandsDialog

    scan_id = new_scan(db_url, "Kortdorp")
    window = open_session(qtbot, db_url, scan_id)
    window.resize(QSize(1280, 652))
    sw = window.session_widget
    sw.set_navigator_visible(False)
    controller = sw.prescans
    qtbot.waitUntil(lambda: controller.compact.isVisible())
    assert not controller.panel.isVisible()
    sw.go_to(6)
    assert "Handopsteken" in controller.compact.text()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HandsDialog)
        dialog.op_orde.setValue(3)
        dialog.niet_op_orde.setValue(3)
        dialog.accept()

    QTimer.singleShot(0, fill)
    controller.type_hands()
    assert "3 op orde · 3 niet op orde" in controller.compact.text()
    assert "≠" in controller.compact.text()
    assert "veel verschil" in controller.compact.accessibleDescription()
    db = Database(db_url)
    assert prescans.hand_counts(db, scan_id) == {6: (3, 3)}
    db.dispose()
    window.resize(QSize(1366, 768))
    sw.set_navigator_visible(True)
    qtbot.waitUntil(lambda: controller.panel.isVisible())
    assert not controller.compact.isVisible()
    assert (controller.panel.op_orde.value(), controller.panel.niet_op_orde.value()) == (3, 3)
    close(window)
