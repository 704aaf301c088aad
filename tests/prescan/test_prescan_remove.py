"""One voorbereiding read in by mistake is taken out again: in the session (Voorbereiding
verwijderen…) and on the command line (`zelfscan voorbereiding lijst|verwijder`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.exchange.workbooks import db_state
from tests.gui.conftest import Answers, make_window
from tests.prescan.helpers import DOORS, expected, nine_prescans
from tests.prescan.test_prescan_cli import run
from tests.prescan.test_prescan_gui import new_scan
from zelfscan_app.cli.main import main
from zelfscan_app.gui.session.prescan_dialogs import RemovePrescanDialog
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import prescans, scans
from zelfscan_app.storage.database import Database


@pytest.fixture
def nine_stored(db_url: str, tmp_path: Path) -> int:
    """A scan with the nine known voorbereidingen read in."""
    q = default_questionnaire()
    scan_id = new_scan(db_url)
    db = Database(db_url)
    try:
        nine_prescans(q, scans.get_scan(db, scan_id), tmp_path / "map")
        paths = prescans.workbooks_in([tmp_path / "map"])
        report = prescans.import_prescans(db, q, scan_id, paths)
        assert len(report.imported) == 9
    finally:
        db.dispose()
    return scan_id


def state(db_url: str) -> str:
    db = Database(db_url)
    try:
        return db_state(db)
    finally:
        db.dispose()


def stored(db_url: str, scan_id: int) -> list[str]:
    db = Database(db_url)
    try:
        return [p.door for p in prescans.prescans(db, scan_id)]
    finally:
        db.dispose()


def test_the_facilitator_removes_one_voorbereiding_and_the_splits_follow(
    qtbot: QtBot, db_url: str, nine_stored: int
) -> None:
    answers = Answers()
    window = make_window(qtbot, db_url, answers=answers)
    try:
        assert window.open_scan(nine_stored)
        controller = window.session_widget.prescans
        question = next(n for n in range(1, 32) if expected(n)[0] > 0)  # someone said Op orde
        window.session_widget.session.go(question)
        before = controller.split(question)
        assert controller.act_remove.isEnabled()

        seen: list[list[str]] = []

        def choose_the_first() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, RemovePrescanDialog):
                QTimer.singleShot(20, choose_the_first)
                return
            seen.append(dialog.model.stringList())
            dialog.accept()  # the first row is chosen when the dialog opens

        QTimer.singleShot(0, choose_the_first)
        controller.act_remove.trigger()

        labels = seen[0]
        assert len(labels) == 9
        assert labels[0].startswith("Voorbereiding 1 · ")
        assert not any(door in label for label in labels for door in DOORS), "names hidden"
        assert "Voorbereiding 1" in answers.asked[-1] and "ongedaan" in answers.asked[-1]
        assert stored(db_url, nine_stored) == DOORS[1:]
        after = controller.split(question)
        assert after.op_orde == before.op_orde - 1, "the first participant said Op orde"
        assert controller.panel.status.text() == "De voorbereiding is verwijderd."
    finally:
        window.close()
        if window.db is not None:
            window.db.dispose()


def test_saying_no_removes_nothing(qtbot: QtBot, db_url: str, nine_stored: int) -> None:
    answers = Answers(answer=False)
    window = make_window(qtbot, db_url, answers=answers)
    try:
        assert window.open_scan(nine_stored)
        controller = window.session_widget.prescans
        controller.names_shown = True  # 'Namen tonen' is on: the list may name them

        def accept() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, RemovePrescanDialog):
                QTimer.singleShot(20, accept)
                return
            assert DOORS[0] in dialog.model.stringList()[0]
            dialog.accept()

        QTimer.singleShot(0, accept)
        controller.act_remove.trigger()
        assert DOORS[0] in answers.asked[-1]
        assert stored(db_url, nine_stored) == DOORS
    finally:
        window.close()
        if window.db is not None:
            window.db.dispose()


def test_list_and_remove_on_the_command_line(
    capsys: pytest.CaptureFixture[str], db_url: str, nine_stored: int
) -> None:
    scan = str(nine_stored)
    code, out, _ = run(capsys, "--database", db_url, "voorbereiding", "lijst", "--scan", scan)
    assert code == 0 and "9 voorbereidingen" in out
    assert not any(door in out for door in DOORS), "no names unless asked"
    numbers = [int(line.split()[1].rstrip(":")) for line in out.splitlines() if "nummer" in line]
    assert len(numbers) == 9
    code, out, _ = run(
        capsys, "--database", db_url, "voorbereiding", "lijst", "--scan", scan, "--namen"
    )
    assert code == 0 and all(door in out for door in DOORS)

    code, out, _ = run(
        capsys, "--database", db_url, "voorbereiding", "verwijder", "--scan", scan, str(numbers[3])
    )
    assert code == 0 and f"Voorbereiding {numbers[3]} verwijderd" in out
    assert stored(db_url, nine_stored) == DOORS[:3] + DOORS[4:]
    db = Database(db_url)
    try:  # its answers went with it: nothing of the removed voorbereiding is kept
        with db.session() as session:
            left = session.execute(
                text("SELECT count(*) FROM voorbereiding_antwoorden WHERE voorbereiding_id = :id"),
                {"id": numbers[3]},
            ).scalar_one()
    finally:
        db.dispose()
    assert left == 0

    before = state(db_url)
    for wrong in (str(numbers[3]), "999"):
        code, _, err = run(
            capsys, "--database", db_url, "voorbereiding", "verwijder", "--scan", scan, wrong
        )
        assert code == 1 and f"heeft geen voorbereiding {wrong}" in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exit_info:  # argparse's usage error, as for every option
        main(["--database", db_url, "voorbereiding", "verwijder", "--scan", scan, "drie"])
    assert exit_info.value.code == 2
    assert "'drie' is geen voorbereidingsnummer" in capsys.readouterr().err
    assert state(db_url) == before
