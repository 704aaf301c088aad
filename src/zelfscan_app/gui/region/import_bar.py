"""The regional overview's import bar: progress, cancel and the outcome of one shared import job.

Runs `gui.import_job.ImportJob` (the same job the main window's Importeren runs) and shows it
in a row under the controls: 'Werkmappen inlezen: 3 van 6…', a progress bar and Afbreken;
then the summary with Details… and Sluiten. The view also uses the row for a short message
(`say`), such as where an export was saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.gui.file_dialogs import ask_workbooks
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.import_job import ImportJob, workbook_import
from zelfscan_app.storage.database import Database

if TYPE_CHECKING:
    from zelfscan_app.services.exchange import ImportReport


class ImportBar(QWidget):
    """One import at a time; emits finished(report) with the ImportReport or the Exception."""

    finished = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: ImportJob | None = None
        self._last: ImportReport | Exception | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Voortgang van het inlezen"))
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("&Afbreken"))
        self.cancel_button.clicked.connect(self.cancel)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setProperty("flat", True)
        self.details_button.clicked.connect(self._show_details)
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.setProperty("flat", True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 2)
        row.addWidget(self.progress, 3)
        row.addWidget(self.cancel_button)
        row.addWidget(self.details_button)
        row.addWidget(self.close_button)
        self.hide()
        # Shown under the overview, outside the bar: where to drop, and 'Loslaten…' while dragging.
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("hint")
        self.reset_drop_hint()

    # Choosing files ----------------------------------------------------------------------------
    def ask_files(self, parent: QWidget) -> list[str]:
        """The open dialog (in Documents) for one or more workbooks."""
        return ask_workbooks(parent, self.tr("Werkmappen inlezen"))

    def drag_entered(self, event: QDragEnterEvent) -> None:
        """Accept a drag of workbooks while no import runs, and say what letting go does."""
        if self._job is None and workbooks(event.mimeData().urls()):
            self.drop_hint.setText(self.tr("Loslaten om de werkmappen in te lezen."))
            event.acceptProposedAction()
        else:
            event.ignore()

    def reset_drop_hint(self) -> None:
        self.drop_hint.setText(
            self.tr("Sleep ingevulde werkmappen (.xlsx) op dit venster om ze in te lezen.")
        )

    def dropped(self, event: QDropEvent) -> list[str]:
        self.reset_drop_hint()
        return workbooks(event.mimeData().urls())

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, db: Database, paths: Sequence[str], questionnaire: Questionnaire) -> bool:
        """Start importing in the worker thread; False when an import is already running."""
        if self._job is not None or not paths:
            return False
        self._job = workbook_import(db, list(paths), questionnaire, self)
        self._job.progress.connect(self._progressed)
        self._job.finished.connect(self._done)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.status.setText(arg(self.tr("Werkmappen inlezen: 0 van %1…"), len(paths)))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress.show()
        self.details_button.hide()
        self.close_button.hide()
        self.show()
        self._job.start()
        return True

    def cancel(self) -> None:
        """Stop after the current file (each file is all-or-nothing)."""
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Afbreken na het huidige bestand…"))

    def stop(self) -> None:
        """Cancel and wait for the worker: the window is closing."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    def say(self, message: str) -> None:
        """A one-line message in the bar, with Sluiten."""
        self.status.setText(message)
        self.progress.hide()
        self.cancel_button.hide()
        self.details_button.hide()
        self.close_button.show()
        self.show()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if self.cancel_button.isEnabled():
            self.status.setText(arg(self.tr("Werkmappen inlezen: %1 van %2…"), done, total))

    def _done(self, report: ImportReport | Exception) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        self._last = report
        self.cancel_button.hide()
        self.progress.hide()
        self.close_button.show()
        if isinstance(report, Exception):
            self.status.setText(arg(self.tr("Inlezen mislukt: %1"), report))
            self.details_button.hide()
        else:
            self.status.setText(report.summary())
            self.details_button.setVisible(bool(self._details(report)))
        self.finished.emit(report)

    @staticmethod
    def _details(report: ImportReport) -> str:
        """The files not imported as new, one message each (duplicates, conflicts, refusals)."""
        return "\n".join(r.message for r in report.results if r.status.name != "IMPORTED")

    def _show_details(self) -> None:
        report = self._last
        if report is None or isinstance(report, Exception):
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Inlezen"),
            report.summary(),
            parent=self,
        )
        box.setDetailedText(self._details(report))
        box.exec()


def workbooks(urls: Sequence[QUrl]) -> list[str]:
    """The local .xlsx files among dropped URLs."""
    paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
    return [p for p in paths if p.lower().endswith(".xlsx")]
