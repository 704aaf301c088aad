"""Importeren / Exporteren in the main window, on top of `services.exchange`.

Importing runs the shared `ImportJob` (a worker thread) with a progress dialog and a cancel
button; each file is all-or-nothing in the service, so cancelling never half-writes. Exporting
goes through `gui.export_helper` (Documents, wait cursor, Dutch errors).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from zelfscan_app.gui.export_helper import ask_save_path, write_with_feedback
from zelfscan_app.gui.file_dialogs import ask_workbooks
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.import_job import ImportJob, workbook_import


class ExchangeActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._job: ImportJob | None = None
        self._progress: QProgressDialog | None = None
        window.actions.import_.triggered.connect(self.import_files)
        window.actions.export.triggered.connect(self.export_current)
        self.update()

    def detect(self) -> None:
        """The window calls this once a database is open: the actions follow it."""
        self.update()

    def update(self) -> None:
        w, a = self._window, self._window.actions
        has_db = w.db is not None
        a.import_.setEnabled(has_db and self._job is None)
        a.export.setEnabled(has_db and w.current_scan_id() is not None)
        a.import_.setToolTip(self.tr("Ingevulde werkmappen (.xlsx) inlezen"))
        a.export.setToolTip(self.tr("De gekozen zelfscan als werkmap (.xlsx) opslaan"))
        a.import_.setStatusTip(a.import_.toolTip())
        a.export.setStatusTip(a.export.toolTip())

    # Import ---------------------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None) -> None:
        w = self._window
        if w.db is None or self._job is not None:
            return
        if not paths:
            paths = ask_workbooks(w, self.tr("Werkmappen importeren"))
        if not paths:
            return
        progress = QProgressDialog(
            self.tr("Werkmappen inlezen…"), self.tr("Afbreken"), 0, len(paths), w
        )
        progress.setWindowTitle(self.tr("Importeren"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress = progress
        self._job = workbook_import(w.db, list(paths), w.questionnaire, self)
        # Bound slots of this (GUI-thread) object: the job's signals arrive queued.
        self._job.progress.connect(self._import_progress)
        self._job.finished.connect(self._import_done)
        progress.canceled.connect(self.cancel_import)
        self.update()
        self._job.start()

    @Slot()
    def cancel_import(self) -> None:
        if self._job is not None:
            self._job.cancel()

    @Slot(int, int)
    def _import_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setValue(done)

    def shutdown(self) -> None:
        """Closing the window during an import: stop after the current file, then wait."""
        if self._job is not None:
            self.cancel_import()
            self._job.wait()

    @Slot(object)
    def _import_done(self, report) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        w = self._window
        w.refresh_list()
        self.update()
        if isinstance(report, Exception):
            QMessageBox.warning(w, self.tr("Importeren"), str(report))
            return
        details = "\n".join(r.message for r in report.results if r.status.name != "IMPORTED")
        ids = report.stored_ids
        if ids:
            w.list_page.select_scan(ids[-1])
        w.statusBar().showMessage(report.summary(), 10000)
        if details:
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Importeren"), report.summary(), parent=w
            )
            box.setDetailedText(details)
            box.exec()

    # Export ---------------------------------------------------------------------------------
    def export_current(
        self, path: str | None = None, *, with_participants: bool | None = None
    ) -> Path | None:
        """Save the chosen scan as a workbook; names of participants only when the user says so.

        `with_participants=None` asks (default answer: without names) when the scan has any.
        """
        w = self._window
        scan_id = w.current_scan_id()
        if w.db is None or scan_id is None:
            return None
        from zelfscan_app.services import scans as svc
        from zelfscan_app.services.exchange import export_scan

        if w.session_widget is not None:
            w.session_widget.session.autosave.flush()
        scan = svc.get_scan(w.db, scan_id)
        title = self.tr("Zelfscan exporteren")
        if path:
            target: Path | None = Path(path)
        else:
            name = re.sub(r"[^\w\- ]", "", f"Zelfscan {scan.gemeente} {scan.soort.value}")
            suggestion = f"{name} {scan.datum.isoformat()}.xlsx"
            target = ask_save_path(w, title, suggestion, self.tr("Excel-werkmap (*.xlsx)"))
        if target is None:
            return None
        if with_participants is None:
            with_participants = bool(scan.participants) and self._ask_participants(
                len(scan.participants)
            )
        names = with_participants
        written = write_with_feedback(
            w,
            self.tr("Exporteren"),
            target,
            lambda out: export_scan(w.db, w.questionnaire, scan_id, out, with_participants=names),
        )
        if written is not None:
            w.statusBar().showMessage(arg(self.tr("Opgeslagen als %1"), written), 10000)
        return written

    def _ask_participants(self, count: int) -> bool:
        """'Met namen' only on an explicit choice; Enter and Esc keep the names out."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Zelfscan exporteren"))
        box.setText(
            arg(self.tr("Namen van de %1 deelnemers meesturen?"), count)
            if count != 1
            else self.tr("Naam van de deelnemer meesturen?")
        )
        box.setInformativeText(
            self.tr(
                "Een werkmap gaat meestal naar de regio. Zonder namen blijft het blad "
                "'Deelnemers' weg; antwoorden, toelichtingen en scores gaan wel mee."
            )
        )
        without = box.addButton(self.tr("&Zonder namen"), QMessageBox.ButtonRole.RejectRole)
        with_names = box.addButton(self.tr("&Met namen"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(without)
        box.setEscapeButton(without)
        self._participants_box = box  # reachable for a test while it is open
        box.exec()
        return box.clickedButton() is with_names
