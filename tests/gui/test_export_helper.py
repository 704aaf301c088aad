"""The one GUI export path (gui/export_helper.py): Documents, the suffix, the wait cursor, Dutch.

The wait cursor used to be restored by hand after each kind of error, so an unexpected
exception left it stuck over the whole window; now it is restored in `finally`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.region.helpers import make_scan
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui import export_helper
from zelfscan_app.gui.file_dialogs import start_folder
from zelfscan_app.gui.region.region_view import RegionView
from zelfscan_app.services import region as region_service


def test_an_unexpected_exception_leaves_no_wait_cursor(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[object] = []

    def broken(path: Path) -> Path:
        seen.append(QApplication.overrideCursor())  # the wait cursor is up while writing
        raise RuntimeError("a bug, not a refusal")

    with pytest.raises(RuntimeError):
        export_helper.write_with_feedback(parent, "Opslaan", tmp_path / "x.xlsx", broken)
    assert seen and seen[0] is not None
    assert QApplication.overrideCursor() is None


def test_the_regional_export_survives_a_bug_without_a_stuck_cursor(
    qtbot: QtBot, db, questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the window as a user would: Exporteren → Regiowerkmap, the writer fails badly."""
    from zelfscan_app.services.scans import create_scan

    for index, name in enumerate(("Aldermeer", "Brugwijk")):
        create_scan(db, make_scan(questionnaire, name, seed=index))
    view = RegionView(db, questionnaire)
    qtbot.addWidget(view)
    view.select_region("Regio Testland")
    assert view.report is not None

    def broken(report, path):
        raise KeyError("stuk")

    monkeypatch.setattr(region_service, "write_workbook", broken)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "regio.xlsx"), "")
    )
    with qtbot.capture_exceptions() as raised:  # a slot's exception goes to the excepthook
        view.export_actions["xlsx"].trigger()
    assert [kind for kind, _value, _tb in raised] == [KeyError]
    assert QApplication.overrideCursor() is None
    assert not (tmp_path / "regio.xlsx").exists()


def test_a_refusal_is_one_dutch_message_and_no_cursor(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))

    def refused(path: Path) -> Path:
        raise ZelfscanError("de map om in op te slaan bestaat niet", path=str(path))

    def disk_full(path: Path) -> Path:
        raise OSError(28, "No space left on device")

    target = tmp_path / "weg" / "x.json"
    assert export_helper.write_with_feedback(parent, "Opslaan", target, refused) is None
    assert export_helper.write_with_feedback(parent, "Opslaan", target, disk_full) is None
    assert shown == [
        ("Opslaan", f"{target}: de map om in op te slaan bestaat niet"),
        ("Opslaan", f"{target}: het bestand kan niet worden geschreven (de schijf is vol)"),
    ]
    assert QApplication.overrideCursor() is None


def test_the_dialog_starts_in_documents_and_adds_the_chosen_suffix(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = {"path": str(tmp_path / "spin"), "filter": "SVG-tekening (*.svg)"}

    def dialog(parent, title, start, filters):
        asked.append(start)
        return answer["path"], answer["filter"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    filters = "PNG-afbeelding (*.png);;SVG-tekening (*.svg)"
    chosen = export_helper.ask_save_path(None, "Opslaan", "spin.png", filters)
    assert chosen == tmp_path / "spin.svg"
    assert asked == [str(Path(start_folder()) / "spin.png")]
    answer.update(path=str(tmp_path / "spin.PNG"), filter="")
    assert export_helper.ask_save_path(None, "Opslaan", "spin.png", filters) == (
        tmp_path / "spin.PNG"
    )
    answer.update(path="")
    assert export_helper.ask_save_path(None, "Opslaan", "spin.png", filters) is None


def test_every_gui_export_goes_through_the_helper() -> None:
    """No second copy of the wait cursor or of a save dialog anywhere in the GUI."""
    gui = Path(export_helper.__file__).parent
    copies = [
        f"{p.relative_to(gui)}: {word}"
        for p in gui.rglob("*.py")
        if p.name != "export_helper.py"
        for word in ("setOverrideCursor", "getSaveFileName")
        if word in p.read_text(encoding="utf-8")
    ]
    assert copies == []


def test_results_chart_export_uses_documents(
    qtbot: QtBot, db, questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spider export on the results page used to start in the home folder."""
    from zelfscan_app.gui.results.results_view import ResultsView
    from zelfscan_app.services.scans import create_scan

    results = ResultsView(db, questionnaire)
    qtbot.addWidget(results)
    results.show_scan(create_scan(db, make_scan(questionnaire, "Aldermeer", seed=1)))
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, start, _f: (asked.append(start), (str(tmp_path / "spin.png"), ""))[1],
    )
    results.export_button.click()
    assert asked and Path(asked[0]).parent == Path(start_folder())
    assert (tmp_path / "spin.png").read_bytes().startswith(b"\x89PNG")
    assert QApplication.overrideCursor() is None
