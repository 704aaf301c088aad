"""`zelfscan` without arguments opens the main window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.storage.database import Database


def test_main_window_opens_database(qtbot: QtBot, db_url: str, questionnaire) -> None:
    fill_demo(Database(db_url), questionnaire)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Zelfscan Kwaliteitskader"
    window.open_database(db_url)
    assert window.db is not None
    assert "12" in window.centralWidget().text()
