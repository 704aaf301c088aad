"""Autosave: answers are committed at once, text after a short pause; 'saved' only after commit.

`saved` is emitted only when the service call has returned, i.e. after the database commit
(SQLite WAL with synchronous=FULL): whatever the window then shows as stored survives a kill.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from zelfscan_app.errors import DatabaseFault, ZelfscanError

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400  # text is stored at most this long after the last keystroke
RETRY_MS = 3000  # a failed text save (e.g. database locked) is retried after this


class Autosaver(QObject):
    pending = Signal()
    saved = Signal(
        int, str
    )  # question, what ("value", "toelichting", "nuancering", "bespreekpunt")
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: dict[tuple[int, str], str] = {}
        self._store_text: Callable[[int, str, str], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.last_saved: tuple[int, str] | None = None
        self.last_saved_at: datetime | None = None
        self.error: str = ""
        #: On a shared database: True while changes are kept in the local journal (the server
        #: is away), so 'opgeslagen' is not claimed for what only this computer holds.
        self.kept_locally: Callable[[], bool] = lambda: False

    def set_text_store(self, store: Callable[[int, str, str], None]) -> None:
        self._store_text = store

    @property
    def has_pending(self) -> bool:
        return bool(self._queue)

    def is_queued(self, question: int, field: str) -> bool:
        """Text typed for this field and not yet handed to the store."""
        return (question, field) in self._queue

    def run(self, question: int, what: str, store: Callable[[], object]) -> bool:
        """Commit one change now; True (and `saved`) only when the commit returned."""
        try:
            store()
        except Exception as exc:  # any failure must be visible, never silent
            self._fail(exc)
            return False
        self._ok(question, what)
        return True

    def queue_text(self, question: int, field: str, text: str) -> None:
        self._queue[(question, field)] = text
        self._timer.start(DEBOUNCE_MS)
        self.pending.emit()

    def flush(self) -> bool:
        """Store every queued text now (on a pause, on navigation, on close)."""
        self._timer.stop()
        while self._queue and self._store_text is not None:
            (question, field), text = next(iter(self._queue.items()))
            try:
                self._store_text(question, field, text)
            except DatabaseFault as exc:  # busy, full, read-only: keep the text, try again
                self._fail(exc)
                self._timer.start(RETRY_MS)
                return False
            except ZelfscanError as exc:  # refused (e.g. too long): retrying will not help
                del self._queue[(question, field)]
                self._fail(exc)
                return False
            except Exception as exc:
                self._fail(exc)
                self._timer.start(RETRY_MS)
                return False
            del self._queue[(question, field)]
            self._ok(question, field)
        return True

    def confirm(self) -> None:
        """The local journal reached the shared database: everything is stored now."""
        self._ok(0, "journal")

    def _ok(self, question: int, what: str) -> None:
        self.error = ""
        self.last_saved = (question, what)
        self.last_saved_at = datetime.now()
        self.saved.emit(question, what)

    def _fail(self, exc: Exception) -> None:
        log.exception("opslaan mislukt")
        self.error = str(exc) or exc.__class__.__name__
        self.failed.emit(self.error)
