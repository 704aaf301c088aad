"""Import voorbereidingen in a worker thread, so the session stays responsive.

Each file is all-or-nothing in `services.prescans.import_prescans`; cancelling stops between
files. Progress and the report reach the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.storage.database import Database


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # ImportReport, or the Exception that stopped it

    def __init__(
        self, db: Database, questionnaire: Questionnaire, scan_id: int, paths: Sequence[str]
    ) -> None:
        super().__init__()
        self._db, self._q, self._scan_id, self._paths = db, questionnaire, scan_id, list(paths)
        self.cancelled = False

    def run(self) -> None:
        from zelfscan_app.services.prescans import import_prescans

        try:
            report: object = import_prescans(
                self._db,
                self._q,
                self._scan_id,
                self._paths,
                on_progress=self.progress.emit,
                should_cancel=lambda: self.cancelled,
            )
        except Exception as exc:  # shown in the panel, never swallowed
            report = exc
        self.finished.emit(report)


class PrescanImportJob(QObject):
    """One import run: start(), cancel(); emits progress(done, total) and finished(report)."""

    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(
        self,
        db: Database,
        questionnaire: Questionnaire,
        scan_id: int,
        paths: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.total = len(paths)
        self._thread = QThread(self)
        self._worker = _Worker(db, questionnaire, scan_id, paths)
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
