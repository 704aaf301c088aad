"""The main window: opens the database after showing itself, lists scans, menus, About."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from zelfscan_app import __version__
from zelfscan_app.gui.main_window import MainWindow


def test_main_window_opens_database(demo_window: MainWindow) -> None:
    window = demo_window
    assert window.windowTitle() == "Zelfscan Kwaliteitskader"
    assert window.db is not None
    assert window.list_page.model.rowCount() == 12
    assert window.list_page.subtitle.text() == "12 zelfscans in deze database"
    assert window.statusBar().isVisible()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Bestand", "Sessie", "Uitkomsten", "Beeld", "Regio", "Routekaart", "Help"]


def test_empty_database_explains_what_to_do(window: MainWindow) -> None:
    assert window.list_page.model.rowCount() == 0
    assert "Nieuwe zelfscan" in window.list_page.empty.text()
    assert window.list_page.empty.isVisible()
    assert not window.actions.open.isEnabled()
    assert window.actions.new.isEnabled()


def test_region_overview_opens_on_the_chosen_scans_region(demo_window: MainWindow) -> None:
    from zelfscan_app.gui.region.region_view import RegionView

    action = demo_window.actions.region
    assert action.isEnabled() and "regio" in action.toolTip().lower()
    demo_window.list_page.table.selectRow(0)
    action.trigger()
    views = demo_window.findChildren(RegionView)
    assert len(views) == 1 and views[0].isVisible()
    assert "Demoregio Veenland" in views[0].source_combo.currentText()
    action.trigger()
    assert demo_window.findChildren(RegionView) == views, "one overview window, raised again"
    views[0].close()


def test_the_region_overview_reads_its_region_once(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a region of 342 municipalities takes seconds: opening the overview on the chosen
    scan's region, and raising it again, each read it once (they read it twice)."""
    from zelfscan_app.services import region as region_service

    loads: list[str | None] = []
    load = region_service.load_region

    def counting(*args, **kwargs):
        loads.append(kwargs.get("regio"))
        return load(*args, **kwargs)

    monkeypatch.setattr(region_service, "load_region", counting)
    demo_window.list_page.table.selectRow(0)
    demo_window.actions.region.trigger()
    assert loads == ["Demoregio Veenland"]
    demo_window.actions.region.trigger()
    assert loads == ["Demoregio Veenland"] * 2


def test_import_export_are_wired(demo_window: MainWindow) -> None:
    actions = demo_window.actions
    assert actions.import_.isEnabled()
    assert "werkmappen" in actions.import_.toolTip()
    demo_window.list_page.table.selectRow(0)
    assert actions.export.isEnabled()


def test_about_names_the_version(demo_window: MainWindow, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    demo_window.actions.about.trigger()
    assert __version__ in shown[0]
    assert demo_window.questionnaire.version in shown[0]


def test_bad_database_url_gives_a_dutch_message(qtbot: QtBot, monkeypatch) -> None:
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_database("geen-url://")
    assert "ongeldige database-URL" in messages[0]
    assert not window.actions.new.isEnabled()


def test_window_shows_before_the_database_layer_is_imported() -> None:
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from zelfscan_app.gui.app import create_app; app = create_app();"
        "from zelfscan_app.gui.main_window import MainWindow; w = MainWindow(); w.show();"
        "heavy = ['sqlalchemy', 'alembic', 'matplotlib', 'openpyxl', 'docx', 'pydantic'];"
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_list_shows_before_the_questionnaire_is_read(qtbot: QtBot, demo_url: str, settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(demo_url)
    assert window._questionnaire is None, "the YAML is read after the list is on screen"
    assert window.list_page.model.rowCount() == 12
    assert window.list_page.proxy.index(0, 4).data() in ("31", "31 van 31")
    qtbot.waitUntil(lambda: window._questionnaire is not None, timeout=3000)
    assert window.list_page.proxy.index(0, 4).data() == "31 van 31"
    assert settings.question_count == 31
    window.db.dispose()


def test_shortcut_overview(demo_window: MainWindow, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    demo_window.actions.shortcuts.trigger()
    assert "Niet op orde" in shown[0] and "F11" in shown[0]


def test_the_region_overview_draws_its_spider_once_at_the_size_shown(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spider layout of a region costs half a second: laid out for the size the window
    shows, once, not first for a default size and again when shown."""
    from zelfscan_app.gui.results import spider_canvas

    layouts: list[tuple[float, float]] = []
    draw = spider_canvas.draw_spider

    def counting(figure, chart):
        layouts.append(tuple(figure.get_size_inches()))
        return draw(figure, chart)

    monkeypatch.setattr(spider_canvas, "draw_spider", counting)
    demo_window.list_page.table.selectRow(0)
    demo_window.actions.region.trigger()
    view = demo_window._region_view
    qtbot.waitExposed(view)
    canvas = view.canvas
    qtbot.waitUntil(lambda: not canvas._stale_layout)
    QApplication.processEvents()
    assert len(layouts) == 1, layouts
    ratio = canvas.device_pixel_ratio
    shown = (
        canvas.width() * ratio / canvas.figure.dpi,
        canvas.height() * ratio / canvas.figure.dpi,
    )
    assert layouts[0] == pytest.approx(shown)
    view.close()
