"""Integration: the Word template folder (chosen, remembered, used, reset) and the window icon."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.conftest import Answers, make_window
from tests.gui.integration_helpers import click_scan, click_toolbar, scan_id_of
from tests.gui.test_integration_plan import document_text
from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.settings import AppSettings
from zelfscan_app.reports.templates import TemplateKind
from zelfscan_app.resources import resources_dir

HOUSE_STYLE = "Huisstijl gemeente Aldermeer — afdeling Sociaal Domein"
ROOT = Path(__file__).resolve().parents[2]


def test_template_folder_is_chosen_remembered_used_and_reset(
    qtbot: QtBot,
    demo_window: MainWindow,
    demo_url: str,
    _isolated_settings: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = demo_window
    folder = tmp_path / "huisstijl"
    folder.mkdir()
    out = tmp_path / "plan.docx"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert not window.actions.template_reset.isEnabled(), "nothing to reset yet"

    window.actions.template_dir.trigger()  # Uitkomsten → Sjablonenmap voor Word…
    # An empty folder gets copies of the bundled templates (the window's question: "Ja").
    assert sorted(p.name for p in folder.iterdir()) == sorted(k.value for k in TemplateKind)
    assert AppSettings(str(_isolated_settings)).template_dir == str(folder), "stored at once"
    assert window.actions.template_reset.isEnabled()

    # The municipality restyles its copy in Word; the app keeps using it.
    plan_template = folder / TemplateKind.PLAN.value
    document = docx.Document(str(plan_template))
    document.add_paragraph(HOUSE_STYLE)
    document.save(str(plan_template))
    scan_id = scan_id_of(window, "Aldermeer", SoortMeting.NULMETING)
    click_scan(qtbot, window, scan_id)
    click_toolbar(qtbot, window, window.actions.plan)
    assert str(folder) in window.pages.template_note.text()
    qtbot.mouseClick(window.pages.word_button, Qt.MouseButton.LeftButton)
    assert HOUSE_STYLE in document_text(out)

    # Remembered after a restart.
    window.close()
    again = make_window(qtbot, demo_url, AppSettings(str(_isolated_settings)))
    again.resize(1280, 860)  # the offscreen screen is smaller than the stored window
    try:
        assert again.pages_shown(), "the plan page that was open comes back"
        again.actions.back.trigger()  # to the list
        assert again.settings.template_dir == str(folder)
        assert again.actions.template_reset.isEnabled()
        again.actions.template_reset.trigger()  # Meegeleverde sjablonen gebruiken
        assert AppSettings(str(_isolated_settings)).template_dir is None
        assert not again.actions.template_reset.isEnabled()
        out.unlink()
        click_scan(qtbot, again, scan_id)
        click_toolbar(qtbot, again, again.actions.plan)
        assert "meegeleverd" in again.pages.template_note.text()
        qtbot.mouseClick(again.pages.word_button, Qt.MouseButton.LeftButton)
        assert HOUSE_STYLE not in document_text(out), "the bundled template again"
    finally:
        again.close()
        again.db.dispose()


def test_a_folder_with_templates_is_used_as_it_is(
    qtbot: QtBot,
    demo_window: MainWindow,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "eigen"
    folder.mkdir()
    (folder / TemplateKind.PLAN.value).write_bytes(b"eigen sjabloon")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    demo_window.actions.template_dir.trigger()
    assert answers.asked == [], "nothing is copied over the municipality's own files"
    assert (folder / TemplateKind.PLAN.value).read_bytes() == b"eigen sjabloon"
    assert demo_window.settings.template_dir == str(folder)
    assert TemplateKind.PLAN.value in demo_window.statusBar().currentMessage()


def test_cancelled_folder_choice_changes_nothing(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    demo_window.actions.template_dir.trigger()
    assert demo_window.settings.template_dir is None


def test_window_icon_is_the_packaged_one(qtbot: QtBot, demo_window: MainWindow) -> None:
    icon = resources_dir() / "icons" / "zelfscan.png"
    assert icon.read_bytes() == (ROOT / "packaging" / "icons" / "zelfscan.png").read_bytes()
    qtbot.waitUntil(lambda: not demo_window.windowIcon().isNull(), timeout=5000)
    assert not QApplication.windowIcon().isNull()
    assert demo_window.windowIcon().availableSizes()
