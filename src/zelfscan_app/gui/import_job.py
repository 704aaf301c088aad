"""The one import job of the window: files imported in a worker thread.

The main window's Importeren (a progress dialog), the regional view's import bar (dropped or
chosen files) and the session's voorbereidingen all run this job, so cancelling, progress and
the report work the same. What is imported is the `ImportTask` given to it: a service call
(`services.exchange.import_files`, `services.prescans.import_prescans`) taking a progress
callback and a should-cancel question.

Each file is all-or-nothing in those services; cancelling stops between files, so it never
half-writes. Progress and the result reach the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.storage.database import Database

#: Runs an import: called with on_progress(done, total) and should_cancel(); returns a report.
ImportTask: TypeAlias = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # the task's report, or the Exception that stopped it

    def __init__(self, task: ImportTask) -> None:
        super().__init__()
        self._task = task
        self.cancelled = False

    def run(self) -> None:
        try:
            report = self._task(self.progress.emit, lambda: self.cancelled)
        except Exception as exc:  # shown in the view, never swallowed
            report = exc
        self.finished.emit(report)


class ImportJob(QObject):
    """One import run: start(), cancel(); emits progress(done, total) and finished(report)."""

    progress = Signal(int, int)
    finished = Signal(object)

    def __init__(self, task: ImportTask, total: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.total = total
        self._thread = QThread(self)
        self._worker = _Worker(task)
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


def workbook_import(
    db: Database, paths: Sequence[str], questionnaire: Questionnaire, parent: QObject | None
) -> ImportJob:
    """Scans from workbooks (`services.exchange.import_files`)."""
    files = list(paths)

    def task(on_progress: Callable[[int, int], None], should_cancel: Callable[[], bool]) -> object:
        from zelfscan_app.services.exchange import import_files

        return import_files(
            db, files, questionnaire, on_progress=on_progress, should_cancel=should_cancel
        )

    return ImportJob(task, len(files), parent)


def prescan_import(
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    paths: Sequence[str],
    parent: QObject | None,
) -> ImportJob:
    """Voorbereidingen of one scan (`services.prescans.import_prescans`)."""
    files = list(paths)

    def task(on_progress: Callable[[int, int], None], should_cancel: Callable[[], bool]) -> object:
        from zelfscan_app.services.prescans import import_prescans

        return import_prescans(
            db, questionnaire, scan_id, files, on_progress=on_progress, should_cancel=should_cancel
        )

    return ImportJob(task, len(files), parent)
