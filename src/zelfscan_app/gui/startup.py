"""Start-up in steps, each one on screen before the next begins.

1. The main window is shown and painted (Qt and the window's own modules only).
2. The first page of the scan list is read with the stdlib sqlite3 module
   (`storage.scan_list_fast`) and painted.
3. Meanwhile a background thread imports the database layer (SQLAlchemy ≈ 0.2 s) and reads the
   questionnaire (pydantic); when it is done, `MainWindow.open_database` runs on the GUI thread
   and finds everything loaded, so the event loop stays free while the list is on screen.

When the fast path cannot read the list (first run, a schema to migrate, another database) the
window opens the database the normal way at step 2. Opening a scan from the list before step 3
finished opens the database at once. When the entry point paused the garbage collector for the
start-up, it runs again from then on.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from zelfscan_app.gui.main_window import MainWindow

#: Loaded off the GUI thread: pure Python, no Qt classes (those stay on the GUI thread).
WARM_MODULES = (
    "zelfscan_app.storage.database",
    "zelfscan_app.storage.repository",
    "zelfscan_app.services.scans",
    "sqlalchemy.dialects.sqlite.pysqlite",
)
WARM_SWITCH_INTERVAL = 0.001  # s; the GUI thread waits at most this long for the GIL
FALLBACK_MS = 400  # a step whose paint never comes starts anyway after this


def _warm_up() -> None:
    """Import the database layer and read the questionnaire; any error is left to the GUI
    thread, which repeats the step and reports it in Dutch."""
    import importlib

    with contextlib.suppress(Exception):
        for name in WARM_MODULES:
            importlib.import_module(name)
        from zelfscan_app.questionnaire_file import default_questionnaire

        default_questionnaire()


class _AfterPaint(QObject):
    """Calls back once, on the event-loop turn after `widget` was next painted, or after
    FALLBACK_MS when no paint comes (a window started minimised is not painted)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()
            self.deleteLater()


class StartUp(QObject):
    """Drives steps 2 and 3 for `window` (a MainWindow) once it has been painted."""

    warmed = Signal()

    def __init__(self, window: MainWindow, database_url: str | None) -> None:
        super().__init__(window)
        self._window = window
        self._url = database_url
        self._listed = False
        self._opened = False
        self._thread: threading.Thread | None = None
        self._collect_later = not gc.isenabled()  # the entry point paused the collector
        self._interval = sys.getswitchinterval()
        self.warmed.connect(self.open_database)  # queued: emitted from the warm-up thread
        window.list_page.openRequested.connect(self._open_requested)
        _AfterPaint(window, self.show_list)

    def show_list(self) -> None:
        """Step 2: the list from the fast path, then step 3 once the list has been painted."""
        from zelfscan_app.storage.config import default_url
        from zelfscan_app.storage.scan_list_fast import FastScanList

        w = self._window
        if w.db is not None or self._opened or self._listed:
            return
        self._listed = True
        source = FastScanList.open(self._url or default_url())
        if source is None:
            self.open_database()
            return
        w.list_page.set_source(source, w.settings.question_count)
        if w.settings.last_scan_id is not None:
            w.list_page.select_scan(w.settings.last_scan_id)
        _AfterPaint(w.list_page.table.viewport(), self._warm_up)
        w.list_page.table.viewport().update()

    def _warm_up(self) -> None:
        if self._opened or self._thread is not None:
            return
        sys.setswitchinterval(WARM_SWITCH_INTERVAL)
        self._thread = threading.Thread(target=self._run, name="zelfscan-warm-up", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _warm_up()
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.warmed.emit()

    def open_database(self) -> None:
        """Step 3 (or at once when needed): the window opens the database, exactly once."""
        if self._opened:
            return
        self._opened = True
        if self._thread is not None:
            self._thread.join()  # usually done; when a click came first, wait for it
            sys.setswitchinterval(self._interval)
        try:
            self._window.open_database(self._url)
        finally:
            if self._collect_later:
                self._collect_later = False
                # What start-up built lives as long as the app: never scan it. Collection stays
                # with the GUI thread's collector (gui/main_thread_gc.py), never automatic.
                gc.freeze()

    def _open_requested(self, scan_id: int) -> None:
        """A scan chosen before step 3: the window ignored it for want of a database."""
        if not self._opened:
            self.open_database()
            if self._window.session_widget is None:
                self._window.open_scan(scan_id)
