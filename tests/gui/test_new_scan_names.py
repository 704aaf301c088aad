"""Names typed in the new-scan dialog: cleaned, and a lookalike gemeente is stopped (12.6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.test_new_scan import make_dialog
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.services.scans import create_scan, get_scan, list_scans
from zelfscan_app.storage.database import Database


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user whose keyboard layout has these letters (QTest only knows ASCII)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _aldermeer(db: Database, questionnaire) -> int:
    return create_scan(
        db,
        Scan(
            gemeente="Aldermeer",
            regio="Veenland",
            datum=date(2026, 1, 10),
            soort=SoortMeting.NULMETING,
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
        ),
    )


def test_cyrillic_lookalike_is_a_conflict_with_a_way_out(
    qtbot: QtBot, questionnaire, db: Database
) -> None:
    _aldermeer(db, questionnaire)
    dialog = make_dialog(qtbot, questionnaire, db)
    type_text(qtbot, dialog.gemeente, "Аldermeer")  # the first letter is Cyrillic
    assert dialog.gemeente.text() == "\u0410ldermeer"
    qtbot.waitUntil(dialog.lookalike_warning.isVisible, timeout=2000)
    assert dialog.lookalike_warning.text().startswith(
        "De gemeente 'Аldermeer' lijkt op de bestaande gemeente 'Aldermeer' maar is niet "
        "precies gelijk (andere tekens: U+0410, Cyrillisch)"
    )
    assert dialog.use_existing_button.isVisible()
    assert dialog.use_existing_button.text() == "Gebruik 'Aldermeer'"

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_scan is None  # no second municipality
    assert dialog.lookalike_warning.isVisible()
    qtbot.waitUntil(dialog.use_existing_button.hasFocus, timeout=2000)  # Enter takes it

    qtbot.mouseClick(dialog.use_existing_button, Qt.MouseButton.LeftButton)
    assert dialog.gemeente.text() == "Aldermeer"
    assert not dialog.lookalike_warning.isVisible()
    assert not dialog.use_existing_button.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_scan is not None and dialog.result_scan.gemeente == "Aldermeer"


def test_a_new_municipality_is_no_lookalike(qtbot: QtBot, questionnaire, db: Database) -> None:
    _aldermeer(db, questionnaire)
    dialog = make_dialog(qtbot, questionnaire, db)
    qtbot.keyClicks(dialog.gemeente, "Aldermeer-Noord")
    assert not dialog.lookalike_warning.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_scan is not None and dialog.result_scan.gemeente == "Aldermeer-Noord"


def test_pasted_invisible_characters_are_cleaned(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    dialog.gemeente.setText("\u200bSu\u0301dwest\u00a0Fryslân ")  # as pasted from a web page
    dialog.regio.setText("Fryslân\u200d")
    row = dialog.participants.add_row()
    dialog.participants.setData(dialog.participants.index(row, 0), "Anneke\u00a0Bosma\u200b")
    assert dialog.participants.participants()[0].naam == "Anneke Bosma"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    scan = dialog.result_scan
    assert scan is not None
    assert (scan.gemeente, scan.regio) == ("Súdwest Fryslân", "Fryslân")
    assert scan.participants[0].naam == "Anneke Bosma"


def test_bidi_override_is_refused_with_its_code_point(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    dialog.gemeente.setText("\u202eremrediA")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_scan is None
    assert dialog.errors.text() == (
        "De gemeente bevat een onzichtbaar stuurteken (U+202E) dat in een naam niet is "
        "toegestaan; typ de naam opnieuw zonder dat teken."
    )


def test_editing_the_only_scan_may_change_its_own_spelling(
    qtbot: QtBot, questionnaire, db: Database
) -> None:
    scan_id = _aldermeer(db, questionnaire)
    dialog = make_dialog(qtbot, questionnaire, db, scan=get_scan(db, scan_id))
    dialog.gemeente.setText("ALDERMEER")
    assert not dialog.lookalike_warning.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_scan is not None and dialog.result_scan.gemeente == "ALDERMEER"
    assert [i.gemeente for i in list_scans(db)] == ["Aldermeer"]  # the caller stores it
