"""Importeren / Exporteren in the main window, on top of `services.exchange`.

The exchange service is found at run time; without it the two actions stay disabled with a
tooltip that says why. Importing runs in a worker thread with a progress dialog and a cancel
button; each file is all-or-nothing in the service, so cancelling never half-writes.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from zelfscan_app.gui.file_dialogs import start_folder, start_path
from zelfscan_app.gui.i18n import arg

SERVICE = "zelfscan_app.services.exchange"


def exchange_available() -> bool:
    try:
        return importlib.util.find_spec(SERVICE) is not None
    except ImportError:
        return False


class _ImportWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # ImportReport, or an Exception

    def __init__(self, db, paths: list[str], questionnaire) -> None:
        super().__init__()
        self._db, self._paths, self._q = db, paths, questionnaire
        self.cancelled = False

    def run(self) -> None:
        from zelfscan_app.services.exchange import import_files

        try:
            report = import_files(
                self._db,
                self._paths,
                self._q,
                on_progress=lambda done, total: self.progress.emit(done, total),
                should_cancel=lambda: self.cancelled,
            )
        except Exception as exc:  # reported in the window, never swallowed
            report = exc
        self.finished.emit(report)


class ExchangeActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.available = False
        self._thread: QThread | None = None
        self._worker: _ImportWorker | None = None
        self._progress: QProgressDialog | None = None
        window.actions.import_.triggered.connect(self.import_files)
        window.actions.export.triggered.connect(self.export_current)
        self.update()

    def detect(self) -> None:
        self.available = exchange_available()
        self.update()

    def update(self) -> None:
        w, a = self._window, self._window.actions
        has_db = w.db is not None
        if not self.available:
            why = self.tr(
                "Importeren en exporteren van werkmappen is in deze versie nog niet beschikbaar."
            )
            for action in (a.import_, a.export):
                action.setEnabled(False)
                action.setToolTip(why)
                action.setStatusTip(why)
            return
        a.import_.setEnabled(has_db and self._thread is None)
        a.export.setEnabled(has_db and w.current_scan_id() is not None)
        a.import_.setToolTip(self.tr("Ingevulde werkmappen (.xlsx) inlezen"))
        a.export.setToolTip(self.tr("De gekozen zelfscan als werkmap (.xlsx) opslaan"))
        a.import_.setStatusTip(a.import_.toolTip())
        a.export.setStatusTip(a.export.toolTip())

    # Import ---------------------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None) -> None:
        w = self._window
        if not self.available or w.db is None or self._thread is not None:
            return
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                w,
                self.tr("Werkmappen importeren"),
                start_folder(),
                self.tr("Excel-werkmappen (*.xlsx)"),
            )
        if not paths:
            return
        progress = QProgressDialog(
            self.tr("Werkmappen inlezen…"), self.tr("Afbreken"), 0, len(paths), w
        )
        progress.setWindowTitle(self.tr("Importeren"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress = progress
        self._worker = _ImportWorker(w.db, list(paths), w.questionnaire)
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Bound slots of this (GUI-thread) object: the worker's signals arrive queued.
        self._worker.progress.connect(self._import_progress)
        self._worker.finished.connect(self._import_done)
        progress.canceled.connect(self.cancel_import)
        self.update()
        self._thread.start()

    @Slot()
    def cancel_import(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    @Slot(int, int)
    def _import_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setValue(done)

    def shutdown(self) -> None:
        """Closing the window during an import: stop after the current file, then wait."""
        if self._thread is not None:
            self.cancel_import()
            self._thread.quit()
            self._thread.wait()

    @Slot(object)
    def _import_done(self, report) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._worker = None
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
        if not self.available or w.db is None or scan_id is None:
            return None
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.services import scans as svc
        from zelfscan_app.services.exchange import export_scan

        if w.session_widget is not None:
            w.session_widget.session.autosave.flush()
        scan = svc.get_scan(w.db, scan_id)
        if not path:
            name = re.sub(r"[^\w\- ]", "", f"Zelfscan {scan.gemeente} {scan.soort.value}")
            suggestion = f"{name} {scan.datum.isoformat()}.xlsx"
            path, _ = QFileDialog.getSaveFileName(
                w,
                self.tr("Zelfscan exporteren"),
                start_path(suggestion),
                self.tr("Excel-werkmap (*.xlsx)"),
            )
        if not path:
            return None
        if with_participants is None:
            with_participants = bool(scan.participants) and self._ask_participants(
                len(scan.participants)
            )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = export_scan(
                w.db, w.questionnaire, scan_id, path, with_participants=with_participants
            )
        except (ZelfscanError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(w, self.tr("Exporteren"), str(exc))
            return None
        QApplication.restoreOverrideCursor()
        w.statusBar().showMessage(arg(self.tr("Opgeslagen als %1"), written), 10000)
        return Path(written)

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
