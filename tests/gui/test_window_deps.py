"""The main window works with what it is given: database opener, questionnaire loader, confirm.

These are the seams the other GUI tests use instead of overwriting private methods; here each
one is shown to be the only way the window opens, reads or asks.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import Answers
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.settings import AppSettings
from zelfscan_app.storage.database import Database


def test_the_window_opens_the_database_through_its_opener(
    qtbot: QtBot, demo_url: str, settings: AppSettings
) -> None:
    asked: list[str | None] = []

    def opener(url: str | None) -> Database:
        asked.append(url)
        return Database(demo_url)

    window = MainWindow(settings, database_opener=opener, confirm=Answers())
    qtbot.addWidget(window)
    assert window.open_database("sqlite:///ergens/anders.db")
    assert asked == ["sqlite:///ergens/anders.db"], "the URL goes to the opener as it is"
    assert window.db is not None and window.db.url == demo_url
    assert window.list_page.model.rowCount() == 12
    assert window.actions.new.isEnabled()
    window.db.dispose()


def test_an_opener_that_refuses_leaves_the_window_without_a_database(
    qtbot: QtBot, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def opener(url: str | None) -> Database:
        raise ZelfscanError("De database 'x.db' is beschadigd.")

    window = MainWindow(settings, database_opener=opener, confirm=Answers())
    qtbot.addWidget(window)
    assert not window.open_database(None)
    assert shown == ["De database 'x.db' is beschadigd."]
    assert window.db is None
    assert window.statusBar().currentMessage() == "Geen database geopend"
    assert not window.actions.new.isEnabled()


def test_the_questionnaire_comes_from_the_loader_once(
    qtbot: QtBot, demo_url: str, settings: AppSettings, questionnaire: Questionnaire
) -> None:
    reads: list[int] = []

    def loader() -> Questionnaire:
        reads.append(1)
        return questionnaire

    window = MainWindow(settings, questionnaire_loader=loader, confirm=Answers())
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(demo_url)
    qtbot.waitUntil(lambda: reads == [1])  # read once the list is on screen
    assert window.questionnaire is questionnaire
    assert window.load_questionnaire()
    assert reads == [1], "read once, then kept"
    assert settings.question_count == len(questionnaire.questions)
    assert window.db is not None
    window.db.dispose()


def test_an_unusable_questionnaire_is_reported_in_dutch(
    qtbot: QtBot, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def loader() -> Questionnaire:
        raise ZelfscanError("De vragenlijst is onleesbaar.")

    window = MainWindow(settings, questionnaire_loader=loader, confirm=Answers())
    qtbot.addWidget(window)
    assert not window.load_questionnaire()
    assert shown == ["De vragenlijst is onleesbaar."]


def test_confirm_is_asked_with_the_window_as_parent(qtbot: QtBot, settings: AppSettings) -> None:
    parents: list[QWidget] = []

    def confirm(parent: QWidget, title: str, text: str) -> bool:
        parents.append(parent)
        return False

    window = MainWindow(settings, confirm=confirm)
    qtbot.addWidget(window)
    assert window.confirm("Titel", "Vraag?") is False
    assert parents == [window]
