"""Bestand → Database…: a shared PostgreSQL database chosen in the GUI, tested before it is
kept, stored without its password, and the window switched to it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import make_window
from tests.pg_server import PgServer
from tests.storage.helpers import a_scan
from zelfscan_app.gui import database_dialog
from zelfscan_app.gui.app import launch
from zelfscan_app.gui.database_dialog import DatabaseDialog
from zelfscan_app.gui.main_window import MainWindow
from zelfscan_app.gui.settings import AppSettings
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database

PASSWORD = "gui-wachtwoord-9"


def when_database_dialog_opens(qtbot: QtBot, steps: Callable[[DatabaseDialog], None]) -> None:
    """Run `steps(dialog)` once the modal Database dialog is on screen."""
    tries = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, DatabaseDialog) and dialog.isVisible():
            try:
                steps(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()
        elif tries[0] < 250:
            tries[0] += 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_and_test(qtbot: QtBot, dialog: DatabaseDialog, url: str) -> str:
    dialog.url_edit.setText(url)
    assert not dialog.use_button.isEnabled()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=60_000)
    return dialog.result_label.text()


@pytest.fixture
def shared(pg_schema_url: str, pg_server: PgServer) -> tuple[str, str]:
    """A shared database with one scan, and a login role with a password: (url, role)."""
    name = pg_schema_url.rsplit("/", 1)[1]
    role = f"gui_{uuid.uuid4().hex[:8]}"
    pg_server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    pg_server.psql(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};"
        f" GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
        dbname=name,
    )
    db = Database(pg_schema_url)
    svc.create_scan(db, a_scan("Gedeeldorp"))
    db.dispose()
    return pg_server.url(role, PASSWORD, name), role


def test_a_shared_database_is_kept_only_after_a_successful_test(
    qtbot: QtBot,
    db_url: str,
    shared: tuple[str, str],
    settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, role = shared
    wrong = url.replace(PASSWORD, "fout")
    asked: list[str] = []
    monkeypatch.setattr(database_dialog, "ask_keyring", lambda _parent, shown: asked.append(shown))
    window = make_window(qtbot, db_url, settings)
    seen: dict[str, str] = {}

    def steps(dialog: DatabaseDialog) -> None:
        seen["wrong"] = type_and_test(qtbot, dialog, wrong)
        assert not dialog.use_button.isEnabled()
        seen["right"] = type_and_test(qtbot, dialog, url)
        assert dialog.use_button.isEnabled()
        dialog.url_edit.setText(url + " ")  # any change: test again first
        assert not dialog.use_button.isEnabled()
        type_and_test(qtbot, dialog, url)
        dialog.use_button.click()

    when_database_dialog_opens(qtbot, steps)
    window.actions.database.trigger()
    assert seen["wrong"].startswith("Verbinding mislukt:")
    assert "het wachtwoord is onjuist" in seen["wrong"]
    assert "Verbinding gelukt." in seen["right"] and "Zelfscans: 1" in seen["right"]
    assert PASSWORD not in seen["wrong"] + seen["right"]
    # The window now works on the shared database...
    assert window.db is not None and window.db.is_postgresql
    model = window.list_page.model
    assert [model.item(r).gemeente for r in range(model.rowCount())] == ["Gedeeldorp"]
    label = window.db_label.text() + window.db_label.toolTip()
    assert PASSWORD not in label and f"{role}:***@" in window.db_label.toolTip()
    # ...and the settings hold the URL without its password (no keyring here: not offered).
    settings.sync()
    ini = Path(str(settings._s.fileName())).read_text()
    assert PASSWORD not in ini
    assert settings.database_url == url.replace(f":{PASSWORD}", "")
    assert asked == []
    window.close()
    window.db.dispose()


def test_the_next_start_uses_the_saved_database(
    qtbot: QtBot, shared: tuple[str, str], settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _role = shared
    monkeypatch.delenv("ZELFSCAN_DATABASE")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # libpq's own source of the password
    settings.database_url = url
    settings.sync()
    _app, window = launch()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.db is not None, timeout=60_000)
    assert window.db.is_postgresql and window.db.url == url.replace(f":{PASSWORD}", "")
    window.close()
    window.db.dispose()


def test_a_password_is_offered_to_the_keyring(
    qtbot: QtBot,
    db_url: str,
    shared: tuple[str, str],
    settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service, user):
            return self.store.get((service, user))

        def set_password(self, service, user, password):
            self.store[(service, user)] = password

        def delete_password(self, service, user):
            self.store.pop((service, user), None)

    backend = Memory()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        url, role = shared
        monkeypatch.setattr(database_dialog, "ask_keyring", lambda _parent, _shown: True)
        window = make_window(qtbot, db_url, settings)
        when_database_dialog_opens(
            qtbot, lambda d: (type_and_test(qtbot, d, url), d.use_button.click())
        )
        assert window.choose_database()
        key = next(iter(backend.store))
        assert key[0] == "zelfscan" and key[1].startswith(f"{role}@127.0.0.1:")
        assert backend.store[key] == PASSWORD
        window.close()
        window.db.dispose()
    finally:
        keyring.set_keyring(previous)


def test_an_outdated_shared_schema_is_a_dialog_not_an_upgrade(
    qtbot: QtBot, pg_url: str, pg_server: PgServer, settings: AppSettings
) -> None:
    """The window on a PostgreSQL database at an older schema: a message box with the Dutch
    sentence, and the schema left as it was (the administrator upgrades)."""
    from PySide6.QtWidgets import QMessageBox

    old = Database(pg_url, migrate=False)
    old.upgrade("0005")
    old.dispose()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    tries = [0]

    def read_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            box.accept()
        elif tries[0] < 500:
            tries[0] += 1
            QTimer.singleShot(20, read_box)

    QTimer.singleShot(0, read_box)
    assert not window.open_database(pg_url)
    assert len(seen) == 1
    assert "oudere schemaversie (0005)" in seen[0]
    assert "vraag de beheerder om `zelfscan database upgrade`" in seen[0]
    assert window.db is None
    name = pg_url.rsplit("/", 1)[1]
    assert pg_server.psql("SELECT version_num FROM alembic_version", dbname=name).strip() == "0005"
    window.close()
