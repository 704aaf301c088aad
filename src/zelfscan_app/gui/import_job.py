"""The one import job of the window: workbooks imported in a worker thread.

The main window's Importeren (a progress dialog) and the regional view's import bar (dropped
or chosen files) both run this job, so cancelling, progress and the report work the same.

Each file is all-or-nothing in `services.exchange.import_files`; cancelling stops between files,
so it never half-writes. Progress and the result reach the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.storage.database import Database


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # ImportReport, or the Exception that stopped it

    def __init__(self, db: Database, paths: Sequence[str], questionnaire: Questionnaire) -> None:
        super().__init__()
        self._db, self._paths, self._q = db, list(paths), questionnaire
        self.cancelled = False

    def run(self) -> None:
        from zelfscan_app.services.exchange import import_files

        try:
            report: object = import_files(
                self._db,
                self._paths,
                self._q,
                on_progress=self.progress.emit,
                should_cancel=lambda: self.cancelled,
            )
        except Exception as exc:  # shown in the view, never swallowed
            report = exc
        self.finished.emit(report)


class ImportJob(QObject):
    """One import run: start(), cancel(); emits progress(done, total) and finished(report)."""

    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(
        self,
        db: Database,
        paths: Sequence[str],
        questionnaire: Questionnaire,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.total = len(paths)
        self._thread = QThread(self)
        self._worker = _Worker(db, paths, questionnaire)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._done)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancelled = True

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._thread.wait(milliseconds)

    def _done(self, report: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(report)
