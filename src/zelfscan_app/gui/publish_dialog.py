"""Publiceren naar gedeelde database…: the GUI door to `services.publish`.

The dialog asks where (the URL; a password goes in a masked field and is never remembered)
and which scans (the scans selected in the list are ticked). Publishing runs in a worker
thread with a progress dialog and a cancel button: the connection to a server may take
seconds, and the window must stay responsive. The report names every scan: gepubliceerd, al
aanwezig, conflict (kept apart, with the warning) or mislukt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.gui.i18n import arg


class PublishDialog(QDialog):
    """Where to and which scans; `target_url()` and `chosen_ids()` once accepted."""

    def __init__(
        self,
        items: Sequence,
        selected: Sequence[int],
        url: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publiceren naar gedeelde database"))
        self.resize(720, 560)
        intro = QLabel(
            self.tr(
                "Zet zelfscans uit deze database in de gedeelde database van de regio, met "
                "antwoorden, toelichtingen, deelnemers, duiding, plan van aanpak en Rad van "
                "Fortuin. Een zelfscan die er al staat, wordt niet nog eens opgeslagen; een "
                "andere zelfscan voor dezelfde gemeente, datum en soort meting wordt apart "
                "bewaard en als conflict gemeld. Deze database verandert niet."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql+psycopg://gebruiker@server/zelfscan")
        self.url.setAccessibleName(self.tr("Adres van de gedeelde database"))
        self.url.editingFinished.connect(self._take_password)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Wachtwoord"))
        self.password.setPlaceholderText(self.tr("leeg: uit ~/.pgpass, PGPASSWORD of sleutelbos"))
        form = QFormLayout()
        form.addRow(self.tr("&Gedeelde database:"), self.url)
        form.addRow(self.tr("&Wachtwoord:"), self.password)

        self.scans = QListWidget()
        self.scans.setAccessibleName(self.tr("Zelfscans om te publiceren"))
        chosen = set(selected)
        for item in items:
            row = QListWidgetItem(
                f"{item.gemeente} · {item.soort.value} {item.datum.isoformat()}"
                f"  (zelfscan {item.id})"
            )
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = item.id in chosen
            row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.scans.addItem(row)
        self.count = QLabel()
        self.all_button = QPushButton(self.tr("&Alle"))
        self.none_button = QPushButton(self.tr("Gee&n"))
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        picks = QHBoxLayout()
        picks.addWidget(self.count, 1)
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)

        self.publish_button = QPushButton(self.tr("&Publiceren"))
        self.publish_button.setProperty("primary", True)
        self.publish_button.setDefault(True)
        cancel = QPushButton(self.tr("Annuleren"))
        cancel.clicked.connect(self.reject)
        self.publish_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.publish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Zelfscans:")))
        layout.addWidget(self.scans, 1)
        layout.addLayout(picks)
        layout.addLayout(buttons)
        self.url.textChanged.connect(self._update)
        self.scans.itemChanged.connect(self._update)
        self._take_password()
        self._update()

    def _take_password(self) -> None:
        """A password typed or pasted into the URL moves to the masked field."""
        from zelfscan_app.services.publish import split_password

        bare, password = split_password(self.url.text())
        if password is not None:
            self.url.setText(bare)
            self.password.setText(password)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.scans.count()):
            self.scans.item(row).setCheckState(state)

    def _update(self) -> None:
        n = len(self.chosen_ids())
        self.count.setText(
            self.tr("1 zelfscan gekozen") if n == 1 else arg(self.tr("%1 zelfscans gekozen"), n)
        )
        self.publish_button.setEnabled(n > 0 and bool(self.url.text().strip()))

    def chosen_ids(self) -> list[int]:
        return [
            self.scans.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.scans.count())
            if self.scans.item(row).checkState() == Qt.CheckState.Checked
        ]

    def remembered_url(self) -> str:
        """What may be kept in the settings: the URL without a password."""
        from zelfscan_app.services.publish import split_password

        return split_password(self.url.text())[0]

    def target_url(self) -> str:
        from zelfscan_app.services.publish import with_password

        return with_password(self.remembered_url(), self.password.text())


class _PublishWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # PublishReport, or an Exception

    def __init__(self, db, url: str, ids: list[int]) -> None:
        super().__init__()
        self._db, self._url, self._ids = db, url, ids
        self.cancelled = False

    def run(self) -> None:
        from zelfscan_app.services.publish import publish_scans

        report: object
        try:
            report = publish_scans(
                self._db,
                self._url,
                self._ids,
                on_progress=lambda done, total: self.progress.emit(done, total),
                should_cancel=lambda: self.cancelled,
            )
        except Exception as exc:  # shown in the window (a DatabaseFault is one sentence)
            report = exc
        self.finished.emit(report)


class PublishActions(QObject):
    """The window's 'Publiceren naar gedeelde database…' action and its worker."""

    published = Signal(object)  # the PublishReport, when a run ends (tests, status)

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._thread: QThread | None = None
        self._worker: _PublishWorker | None = None
        self._progress: QProgressDialog | None = None
        self.dialog: PublishDialog | None = None  # reachable for a test while it is open
        self.report_box: QMessageBox | None = None
        window.actions.publish.triggered.connect(self.publish)
        self.update()

    def update(self) -> None:
        w = self._window
        w.actions.publish.setEnabled(w.db is not None and self._thread is None)

    def publish(self) -> None:
        w = self._window
        if w.db is None or self._thread is not None:
            return
        from zelfscan_app.services.scans import list_scans

        if w.session_widget is not None:
            w.session_widget.session.autosave.flush()  # the last typed text goes along
        selected = [i for i in (w.current_scan_id(),) if i is not None]
        dialog = PublishDialog(list_scans(w.db), selected, w.settings.publish_target, w)
        self.dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            url, ids, keep = dialog.target_url(), dialog.chosen_ids(), dialog.remembered_url()
        finally:
            self.dialog = None
            dialog.deleteLater()  # not one more hidden child of the window per use
        w.settings.publish_target = keep
        self.start(url, ids)

    def start(self, url: str, ids: list[int]) -> None:
        """Publish `ids` to `url` in a worker thread (also the door for tests)."""
        from zelfscan_app.services.publish import target_name

        w = self._window
        progress = QProgressDialog(
            arg(self.tr("Publiceren naar %1…"), target_name(url)),
            self.tr("Afbreken"),
            0,
            len(ids),
            w,
        )
        progress.setWindowTitle(self.tr("Publiceren"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)
        self._progress = progress
        self._worker = _PublishWorker(w.db, url, list(ids))
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._done)
        progress.canceled.connect(self.cancel)
        self.update()
        self._thread.start()

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setValue(done)

    def busy(self) -> bool:
        return self._thread is not None

    def shutdown(self) -> None:
        """Closing the window while publishing: stop after the current scan, then wait."""
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait()

    @Slot(object)
    def _done(self, report) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        assert self._thread is not None
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._worker = None
        w = self._window
        self.update()
        title = self.tr("Publiceren")
        if isinstance(report, Exception):
            box = QMessageBox(QMessageBox.Icon.Warning, title, str(report), parent=w)
            w.statusBar().showMessage(self.tr("Niet gepubliceerd"), 10000)
        else:
            icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
            box = QMessageBox(icon, title, report.summary(), parent=w)
            lines = [f"{r.status.value}: {r.message}" for r in report.results]
            lines += [
                f"let op: {r.warning}" for r in report.conflicts + report.present if r.warning
            ]
            box.setInformativeText("\n".join(lines[:12] + (["…"] if len(lines) > 12 else [])))
            box.setDetailedText("\n".join(lines))
            w.statusBar().showMessage(report.summary(), 10000)
        self.report_box = box
        self.published.emit(report)
        box.exec()
        self.report_box = None
        box.deleteLater()
