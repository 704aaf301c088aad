"""Shared steps for the integration tests: choose a scan in the list and use the window's controls
the way a user does (click a row, click a toolbar button, press a key where the focus is)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.gui.main_window import MainWindow


def scan_id_of(window: MainWindow, gemeente: str, soort: SoortMeting) -> int:
    model = window.list_page.model
    for row in range(model.rowCount()):
        item = model.item(row)
        if item.gemeente == gemeente and item.soort is soort:
            return item.id
    raise AssertionError(f"{gemeente} {soort.value} staat niet in de lijst")


def click_scan(qtbot: QtBot, window: MainWindow, scan_id: int) -> None:
    """Click the scan's row in the list, as a user picks a scan."""
    page = window.list_page
    row = page.model.row_of(scan_id)
    index = page.proxy.mapFromSource(page.model.index(row, 0))
    page.table.scrollTo(index)
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(index).center(),
    )
    assert page.current_scan_id() == scan_id


def click_toolbar(qtbot: QtBot, window: MainWindow, action) -> None:
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def key(qtbot: QtBot, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a user's would be."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, k, modifier)
