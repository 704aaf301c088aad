"""Bestand → Database…: which database the app uses (this computer's SQLite, or a region's
shared PostgreSQL database), kept only after "Verbinding testen" succeeded for exactly that URL.

Passwords are never saved by the app: a URL is stored in the settings without its password;
a password typed in the URL is used for this run only, and offered to the OS keyring when one
is available (`storage.credentials`). Elsewhere the URL is shown with the password hidden.
The test runs in a thread (a server that does not answer takes the connect timeout), and it
opens the database exactly as the window will: a PostgreSQL schema that is missing or of
another version fails the test with the Dutch message that says what to do.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.gui.i18n import arg


class DatabaseDialog(QDialog):
    """The URL field, "Verbinding testen" and the result; "Gebruiken" only after a success."""

    tested = Signal(str, bool, str)  # url, ok, message (emitted from the test thread)

    def __init__(self, current_url: str, default_url: str, parent: QWidget | None = None) -> None:
        from zelfscan_app.services.shared_database import without_password

        super().__init__(parent)
        self.setWindowTitle(self.tr("Database"))
        self._current = current_url
        self._default = default_url
        self._shown_current = without_password(current_url) if current_url else ""
        self._ok_url: str | None = None
        self._thread: threading.Thread | None = None

        intro = QLabel(
            self.tr(
                "Laat het veld leeg voor de database op deze computer. Voor de gedeelde "
                "database van de regio: postgresql+psycopg://gebruiker@server/database "
                "(opties als ?sslmode=require mogen erachter). Zelfscan bewaart geen "
                "wachtwoorden: die komen uit ~/.pgpass, PGPASSWORD of de sleutelbos van het "
                "systeem."
            )
        )
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(self._shown_current)
        self.url_edit.setObjectName("databaseUrl")
        self.url_edit.setPlaceholderText(default_url)
        self.url_edit.setAccessibleName(self.tr("Database-URL"))
        self.url_edit.setClearButtonEnabled(True)
        self.test_button = QPushButton(self.tr("Verbinding testen"))
        self.test_button.setObjectName("testButton")
        self.result_label = QLabel(self.tr("Nog niet getest."))
        self.result_label.setObjectName("testResult")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.use_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.use_button.setText(self.tr("Gebruiken"))
        self.use_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.url_edit)
        layout.addWidget(self.test_button)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

        self.url_edit.textChanged.connect(self._changed)
        self.test_button.clicked.connect(self.test)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tested.connect(self._show_result)

    def url(self) -> str:
        """The URL the field stands for (empty: this computer's default database)."""
        text = self.url_edit.text().strip()
        if not text:
            return self._default
        if text == self._shown_current:
            return self._current  # unchanged: with the password it was opened with, if any
        return text

    def chosen_url(self) -> str | None:
        """The tested URL after "Gebruiken" (may hold a typed password: use, never save)."""
        return self._ok_url if self.result() == QDialog.DialogCode.Accepted else None

    def is_default(self) -> bool:
        return not self.url_edit.text().strip()

    def _changed(self) -> None:
        self._ok_url = None
        self.use_button.setEnabled(False)
        self.result_label.setText(self.tr("Nog niet getest."))

    def test(self) -> None:
        if not self.test_button.isEnabled():
            return  # a test is running; its result re-enables the button
        url = self.url()
        self.test_button.setEnabled(False)
        self.use_button.setEnabled(False)
        self.result_label.setText(self.tr("Verbinding testen…"))
        self._thread = threading.Thread(
            target=self._run_test, args=(url,), name="zelfscan-db-test", daemon=True
        )
        self._thread.start()

    def _run_test(self, url: str) -> None:
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.services import shared_database
        from zelfscan_app.storage.database import is_in_memory
        from zelfscan_app.storage.faults import IN_MEMORY, display_name

        try:
            if is_in_memory(url):
                raise ZelfscanError(IN_MEMORY, path=display_name(url))
            status = shared_database.check(url)
        except ZelfscanError as exc:
            self._emit(url, False, str(exc))
        except Exception as exc:  # an unexpected driver error: still a sentence, no crash
            first = " ".join(str(exc).split())[:200]
            self._emit(url, False, f"{display_name(url)}: onverwachte databasefout ({first})")
        else:
            self._emit(url, True, "\n".join(status.lines()))

    def _emit(self, url: str, ok: bool, message: str) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            self.tested.emit(url, ok, message)

    def _show_result(self, url: str, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        if url != self.url():
            return  # the field changed while testing: that result is for another URL
        if ok:
            self.result_label.setText(arg(self.tr("Verbinding gelukt.\n%1"), message))
            self._ok_url = url
            self.use_button.setEnabled(True)
        else:
            self.result_label.setText(arg(self.tr("Verbinding mislukt: %1"), message))

    def accept(self) -> None:
        if self._ok_url is None or self._ok_url != self.url():
            return  # only a tested URL is kept
        super().accept()

    def done(self, code: int) -> None:
        if self._thread is not None:
            self._thread.join()  # a test still connecting: wait, it has a timeout
        super().done(code)


def ask_keyring(parent: QWidget, shown_url: str) -> bool:
    """Whether to put the typed password in the OS keyring (module-level: tests answer it)."""
    answer = QMessageBox.question(
        parent,
        parent.tr("Wachtwoord bewaren"),
        arg(
            parent.tr(
                "Zelfscan bewaart het wachtwoord niet in zijn instellingen. Het wachtwoord "
                "voor %1 in de sleutelbos van het systeem bewaren? Anders geldt het alleen "
                "zolang Zelfscan open is (gebruik daarna ~/.pgpass of PGPASSWORD)."
            ),
            shown_url,
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def remember(settings, url: str, *, default: bool, ask: Callable[[str], bool]) -> str:
    """Save the choice in the settings without password; offer a typed password to the
    keyring. Returns a one-line Dutch note for the status bar."""
    from sqlalchemy.engine import make_url

    from zelfscan_app.services.shared_database import (
        keyring_available,
        shown,
        store_in_keyring,
        without_password,
    )

    settings.database_url = None if default else without_password(url)
    password = make_url(url).password
    if password is None:
        return ""
    if keyring_available() and ask(shown(url)):
        try:
            store_in_keyring(url, str(password))
        except Exception as exc:  # a locked or refusing keyring
            return (
                f"Het wachtwoord kon niet in de sleutelbos ({exc}); het geldt nu alleen "
                "tot afsluiten."
            )
        return "Het wachtwoord staat in de sleutelbos van het systeem."
    return (
        "Het wachtwoord is niet bewaard; het geldt tot afsluiten (gebruik daarna ~/.pgpass, "
        "PGPASSWORD of de sleutelbos)."
    )


def choose_database(window) -> bool:
    """Bestand → Database…: test, keep and switch to another database. True when switched."""
    from zelfscan_app.storage.database import Database, default_url

    current = window.db.url if window.db is not None else ""
    dialog = DatabaseDialog(current, default_url(), window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    url = dialog.chosen_url()
    if url is None:
        return False
    if window.pages_shown():
        window.go_back()
    if window.session_widget is not None and not window.close_scan():
        return False
    note = remember(
        window.settings, url, default=dialog.is_default(), ask=lambda s: ask_keyring(window, s)
    )
    old: Database | None = window.db
    _close_windows_on(window, old)
    window.db = None
    if old is not None:
        old.dispose()
    opened = window.open_database(url)
    if note:
        window.statusBar().showMessage(note, 10000)
    return bool(opened)


def _close_windows_on(window, db) -> None:
    """Close the windows (the regional overview) that hold the database being left."""
    for child in window.findChildren(QWidget):
        if child.isWindow() and getattr(child, "db", None) is db and db is not None:
            child.close()
            child.deleteLater()
