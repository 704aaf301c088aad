"""The automatic backup at start-up and 'Herstel back-up…' (on top of `services.backup`).

The backup starts once the database is open and the list is on screen, in a plain thread:
the copy runs in SQLite (which releases the GIL), so the window paints and answers while it
runs. It reads through the open Database's own connection, never by opening the file again
(see storage/backup.py and storage/process_lock.py). Nothing is shown when nothing changed.

'Herstel back-up…' lists the copies with what each holds; restoring asks first, copies the
current state, then replaces the content in one transaction and shows the restored list.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.gui.export_helper import wait_cursor
from zelfscan_app.gui.i18n import arg


def _when(backup) -> str:
    again = f" ({backup.sequence + 1})" if backup.sequence else ""  # more within one second
    return f"{dutch_date(backup.made.date())}, {backup.made:%H:%M:%S}{again}"


def _counts(summary) -> str:
    scans = "1 zelfscan" if len(summary.scans) == 1 else f"{len(summary.scans)} zelfscans"
    n = summary.municipalities
    places = "1 gemeente" if n == 1 else f"{n} gemeenten"
    return f"{scans}, {places}"


class RestoreBackupDialog(QDialog):
    """The list of backups with a preview; emits `restoreRequested(backup)` on Terugzetten."""

    restoreRequested = Signal(object)

    def __init__(self, backups: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back-up terugzetten"))
        self.resize(900, 520)
        self._backups = backups
        intro = QLabel(
            self.tr(
                "Bij elke start bewaart het programma een kopie van deze database (de laatste "
                "10, alleen als er iets veranderd is). Kies een kopie om te zien wat erin staat. "
                "Terugzetten bewaart eerst de huidige stand als back-up."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Back-ups"))
        two_lines = QSize(0, self.list.fontMetrics().lineSpacing() * 2 + 18)
        for backup in backups:
            summary = backup.summary
            detail = _counts(summary) if not isinstance(summary, str) else self.tr("onleesbaar")
            row = QListWidgetItem(f"{_when(backup)}\n{detail}")
            row.setToolTip(str(backup.path))
            row.setSizeHint(two_lines)  # the style's row height is for one line
            self.list.addItem(row)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scans = QListWidget()
        self.scans.setAccessibleName(self.tr("Zelfscans in deze back-up"))
        self.empty = QLabel(self.tr("Er zijn nog geen back-ups van deze database."))
        self.empty.setObjectName("emptyState")
        self.empty.setVisible(not backups)

        preview = QVBoxLayout()
        preview.addWidget(self.heading)
        preview.addWidget(self.facts)
        preview.addWidget(self.scans, 1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(preview, 3)

        self.restore_button = QPushButton(self.tr("&Terugzetten…"))
        self.restore_button.setProperty("primary", True)
        self.restore_button.setEnabled(False)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.restore_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        if backups:
            self.list.setCurrentRow(0)

    def current(self):
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def _show(self, row: int) -> None:
        backup = self.current()
        self.scans.clear()
        if backup is None:
            self.heading.clear()
            self.facts.clear()
            self.restore_button.setEnabled(False)
            return
        self.heading.setText(arg(self.tr("Back-up van %1"), _when(backup)))
        summary = backup.summary
        if isinstance(summary, str):
            self.facts.setText(arg(self.tr("Deze back-up kan niet worden gelezen: %1"), summary))
            self.restore_button.setEnabled(False)
            return
        newest = dutch_date(summary.newest) if summary.newest else self.tr("geen")
        self.facts.setText(
            arg(
                self.tr("%1. Nieuwste zelfscan: %2. Bestand: %3"),
                _counts(summary),
                newest,
                backup.name,
            )
        )
        for scan in summary.scans:
            self.scans.addItem(f"{scan.gemeente} · {scan.soort} {dutch_date(scan.datum)}")
        self.restore_button.setEnabled(True)

    def _restore(self) -> None:
        backup = self.current()
        if backup is not None:
            self.restoreRequested.emit(backup)
            self.accept()


class BackupActions(QObject):
    """The automatic backup after opening a SQLite database, and 'Herstel back-up…'."""

    backupFinished = Signal(object)  # the Backup, None (nothing changed) or an Exception
    restored = Signal(object)  # services.backup.Restored

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._thread: threading.Thread | None = None
        self.dialog: RestoreBackupDialog | None = None  # reachable for a test while open
        window.actions.restore_backup.triggered.connect(self.show_dialog)
        self.backupFinished.connect(self._backup_done)
        self.update()

    def update(self) -> None:
        from zelfscan_app.services.backup import supports_backup

        w = self._window
        action = w.actions.restore_backup
        action.setEnabled(w.db is not None and supports_backup(w.db))
        if w.db is not None and not supports_backup(w.db):
            action.setToolTip(self.tr("Van een gedeelde database maakt de beheerder de back-ups"))

    # Automatic backup -----------------------------------------------------------------------
    def database_opened(self) -> None:
        """Start the backup of the just opened database in the background (SQLite only)."""
        from zelfscan_app.services.backup import supports_backup

        w = self._window
        self.update()
        if w.db is None or not supports_backup(w.db) or self._thread is not None:
            return
        db = w.db
        self._thread = threading.Thread(
            target=self._run_backup, args=(db,), name="zelfscan-backup", daemon=True
        )
        self._thread.start()

    def _run_backup(self, db) -> None:
        from zelfscan_app.services.backup import make_backup

        try:
            result: object = make_backup(db)
        except Exception as exc:  # shown in the status bar, never lost
            result = exc
        self.backupFinished.emit(result)

    def wait(self) -> None:
        """Let a running backup finish (before a restore, and when the window closes)."""
        if self._thread is not None:
            self._thread.join()

    def _backup_done(self, result) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        bar = self._window.statusBar()
        if isinstance(result, Exception):
            bar.showMessage(arg(self.tr("Geen automatische back-up: %1"), str(result)), 10000)
        elif result is not None:
            bar.showMessage(arg(self.tr("Back-up gemaakt: %1"), result.name), 5000)

    def shutdown(self) -> None:
        self.wait()

    # Restore --------------------------------------------------------------------------------
    def show_dialog(self) -> None:
        from zelfscan_app.services.backup import list_backups, supports_backup

        w = self._window
        if w.db is None or not supports_backup(w.db):
            return
        self.wait()
        dialog = RestoreBackupDialog(list_backups(w.db), w)
        dialog.restoreRequested.connect(self.restore)
        self.dialog = dialog
        try:
            dialog.exec()
        finally:
            self.dialog = None
            dialog.deleteLater()

    def restore(self, backup) -> bool:
        """Ask, save what is open, copy the current state, put `backup` back, show it."""
        from zelfscan_app.errors import ZelfscanError
        from zelfscan_app.services.backup import restore_backup

        w = self._window
        summary = backup.summary
        what = _counts(summary) if not isinstance(summary, str) else ""
        if not w.confirm(
            self.tr("Back-up terugzetten"),
            arg(
                self.tr(
                    "De database wordt vervangen door de back-up van %1 (%2). De huidige stand "
                    "wordt eerst als back-up bewaard. Doorgaan?"
                ),
                _when(backup),
                what,
            ),
        ):
            return False
        if not self._leave_scan():
            return False
        busy = [a for a in (w.exchange, getattr(w, "publisher", None)) if a is not None]
        if any(getattr(a, "_thread", None) is not None for a in busy):
            QMessageBox.information(
                w,
                self.tr("Back-up terugzetten"),
                self.tr("Wacht tot het importeren of publiceren klaar is."),
            )
            return False
        region = getattr(w, "_region_view", None)
        if region is not None:
            region.close()
        self.wait()
        try:
            with wait_cursor():
                done = restore_backup(w.db, backup)
        except ZelfscanError as exc:
            QMessageBox.warning(w, self.tr("Back-up terugzetten"), str(exc))
            return False
        w.refresh_list()
        message = arg(self.tr("Back-up van %1 teruggezet."), _when(backup))
        if done.safety is not None:
            message += " " + arg(self.tr("De vorige stand staat in %1."), done.safety.name)
        w.statusBar().showMessage(message, 15000)
        self.restored.emit(done)
        return True

    def _leave_scan(self) -> bool:
        """Back to the list, with everything typed stored; False if the user stays."""
        w = self._window
        if w.pages_shown():
            w.go_back()
        if w.session_widget is not None and not w.close_scan():
            return False
        return not w.pages_shown() and w.session_widget is None
