"""The new-scan dialog: validation in Dutch, advised groups, duplicates, participants table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import when_dialog_opens
from zelfscan_app.domain.scan import Participant, SoortMeting
from zelfscan_app.gui.new_scan_dialog import NewScanDialog
from zelfscan_app.services.participants import ADVISED_GROUPS, missing_groups, representation
from zelfscan_app.storage.database import Database


def make_dialog(qtbot: QtBot, questionnaire, db=None, scan=None) -> NewScanDialog:
    dialog = NewScanDialog(questionnaire, db, scan=scan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def add_participant(qtbot: QtBot, dialog: NewScanDialog, *fields: str) -> None:
    """Like a user: 'Deelnemer toevoegen', then type each cell and press Tab."""
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    row = dialog.participants.rowCount() - 1
    for column, text in enumerate(fields):
        editor = QApplication.focusWidget()
        assert dialog.table.isAncestorOf(editor), "typing goes into the open cell"
        qtbot.keyClicks(editor, text)
        last = column == len(fields) - 1
        qtbot.keyClick(editor, Qt.Key.Key_Return if last else Qt.Key.Key_Tab)

    # Return commits the cell through a queued call.
    def committed() -> bool:
        participant = dialog.participants.participants()[row]
        stored = (participant.naam, participant.organisatie, participant.rol)
        return stored[: len(fields)] == tuple(fields)

    qtbot.waitUntil(committed)


def test_gemeente_is_required(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result_scan is None
    assert dialog.errors.isVisible()
    assert "Vul de naam van de gemeente in." in dialog.errors.text()


def test_participant_needs_a_name(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    qtbot.keyClicks(dialog.gemeente, "Aldermeer")
    dialog.participants.add_row("", "Veilig Thuis", "teamleider")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_scan is None
    assert "Deelnemer 1 heeft nog geen naam." in dialog.errors.text()


def test_too_long_name_is_refused(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    dialog.gemeente.setText("A" * 201)
    dialog.accept()
    assert "langer dan 200 tekens" in dialog.errors.text()


def test_groups_nobody_represents_warn_but_do_not_block(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    assert "9 van de 9 groepen" in dialog.group_warning.text()
    add_participant(qtbot, dialog, "Kees Visser", "Veilig Thuis", "teamleider")
    add_participant(qtbot, dialog, "Priya Ramdin", "Lokaal team", "gedragswetenschapper")
    assert "6 van de 9 groepen" in dialog.group_warning.text()
    assert "Kees Visser" in dialog.groups.text()
    assert "Leerplicht" in dialog.group_warning.accessibleDescription()
    qtbot.keyClicks(dialog.gemeente, "Aldermeer")
    qtbot.keyClicks(dialog.facilitator, "Marieke Verbeek")
    dialog.soort.setCurrentIndex(dialog.soort.findData(SoortMeting.EVALUATIE.value))
    dialog.datum.setDate(QDate(2026, 4, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    scan = dialog.result_scan
    assert scan is not None
    assert (scan.gemeente, scan.datum) == ("Aldermeer", date(2026, 4, 1))
    assert scan.soort is SoortMeting.EVALUATIE
    assert scan.facilitator == "Marieke Verbeek"
    assert [p.naam for p in scan.participants] == ["Kees Visser", "Priya Ramdin"]


def test_remove_participant(qtbot: QtBot, questionnaire) -> None:
    dialog = make_dialog(qtbot, questionnaire)
    dialog.participants.add_row("A", "Veilig Thuis", "")
    dialog.participants.add_row("B", "Gemeente", "Wmo")
    dialog.table.setCurrentIndex(dialog.participants.index(0, 0))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [p.naam for p in dialog.participants.participants()] == ["B"]
    assert "Veilig Thuis" in dialog.group_warning.accessibleDescription()


def test_duplicate_scan_is_pointed_out(qtbot: QtBot, questionnaire, demo_url: str) -> None:
    db = Database(demo_url)
    dialog = make_dialog(qtbot, questionnaire, db)
    qtbot.keyClicks(dialog.gemeente, "aldermeer")
    dialog.datum.setDate(QDate(2025, 3, 3))
    assert dialog.duplicate_warning.isVisible()
    assert (
        "Er bestaat al een nulmeting van Aldermeer op 03-03-2025" in dialog.duplicate_warning.text()
    )
    dialog.datum.setDate(QDate(2025, 3, 4))
    assert not dialog.duplicate_warning.isVisible()
    db.dispose()


def test_representation_matches_roles_and_organisations() -> None:
    people = [
        Participant("A", "Gemeente, beleid Jeugd", "beleidsmedewerker"),
        Participant("B", "Lokaal team", "Wmo-consulent"),
        Participant("C", "GI", "jeugdbeschermer"),
        Participant("D", "", "leerplichtambtenaar"),
        Participant("E", "Gemeente", "adviseur OOV"),
    ]
    covered = {c.group.key: c.names for c in representation(people)}
    assert covered["jeugd"] == ("A",)  # a jeugdbeschermer of the GI is not 'Jeugd'
    assert covered["wmo"] == ("B",)
    assert covered["lokaal_team"] == ("B",)
    assert covered["gi"] == ("C",)
    assert covered["leerplicht"] == ("D",)
    assert covered["oov"] == ("E",)
    assert {g.key for g in missing_groups(people)} == {
        "participatie",
        "gedragswetenschapper",
        "veilig_thuis",
    }
    assert len(ADVISED_GROUPS) == 9


def test_details_and_participants_can_be_changed_during_the_session(
    qtbot: QtBot, demo_window
) -> None:
    window = demo_window
    window.open_scan(window.list_page.model.item(0).id)
    sw = window.session_widget
    before = sw.session.scan

    def change(dialog: NewScanDialog) -> None:
        assert dialog.gemeente.text() == before.gemeente
        assert dialog.participants.rowCount() == len(before.participants)
        dialog.participants.add_row("Esra Kaya", "Gemeente", "leerplichtambtenaar")
        dialog.facilitator.setText("Jan Jansen")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, change)
    window.actions.edit.trigger()
    after = sw.session.scan
    assert after.facilitator == "Jan Jansen"
    assert after.participants[-1].naam == "Esra Kaya"
    assert "Jan Jansen" in sw.header.subtitle.text()
    assert after.answers == before.answers, "answers stay as they were"
