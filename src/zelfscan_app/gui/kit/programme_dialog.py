"""The small form for a meeting programme (bijlage 1 or 3): who, when, where, which speakers."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.programme import (
    DEFAULT_START,
    MAX_FIELD_CHARS,
    SPEAKER_ROLES,
    Meeting,
    ProgrammeDetails,
)
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui.i18n import arg


class ProgrammeDialog(QDialog):
    """Fill in the form, then 'Opslaan als Word…' writes the programme from its template."""

    def __init__(
        self,
        meeting: Meeting,
        *,
        wie: str = "",
        template_dir: str | None = None,
        folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._template_dir = template_dir
        self._folder = folder
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Programma van een bijeenkomst"))
        self.resize(640, 480)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(self.tr("Bijeenkomst"))
        self.meeting.addItem(self.tr("Startbijeenkomst (bijlage 1)"), Meeting.STARTBIJEENKOMST)
        self.meeting.addItem(self.tr("Follow-up bijeenkomst (bijlage 3)"), Meeting.FOLLOW_UP)
        self.meeting.setCurrentIndex(self.meeting.findData(meeting))
        self.wie = QLineEdit(wie)
        self.wie.setMaxLength(MAX_FIELD_CHARS)
        self.wie.setPlaceholderText(self.tr("bijvoorbeeld Regio Noordwaard of Gemeente Aldermeer"))
        self.datum = QDateEdit(QDate.currentDate())
        self.datum.setCalendarPopup(True)
        self.datum.setDisplayFormat("dd-MM-yyyy")
        self.start = QTimeEdit(QTime(DEFAULT_START.hour, DEFAULT_START.minute))
        self.start.setDisplayFormat("HH.mm")
        self.locatie = QLineEdit()
        self.locatie.setMaxLength(MAX_FIELD_CHARS)
        self.locatie.setPlaceholderText(
            self.tr("zaal en adres, of de link van de online vergadering")
        )
        self.form = QFormLayout()
        for label, field in (
            (self.tr("Bijeenkomst"), self.meeting),
            (self.tr("Regio of gemeente"), self.wie),
            (self.tr("Datum"), self.datum),
            (self.tr("Begintijd"), self.start),
            (self.tr("Locatie of link"), self.locatie),
        ):
            field.setAccessibleName(label)
            self.form.addRow(label, field)
        self.speaker_title = QLabel(self.tr("Sprekers (naam en functie)"))
        self.speaker_title.setObjectName("sectionTitle")
        self.speakers_form = QFormLayout()
        self.speakers: dict[str, QLineEdit] = {}
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan als Word…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.ask_and_write)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.speaker_title)
        layout.addLayout(self.speakers_form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.meeting.currentIndexChanged.connect(self._fill_speakers)
        self._fill_speakers()

    def _fill_speakers(self) -> None:
        typed = {role: edit.text() for role, edit in self.speakers.items()}
        while self.speakers_form.rowCount():
            self.speakers_form.removeRow(0)
        self.speakers = {}
        for role, label in SPEAKER_ROLES[self.meeting.currentData()].items():
            edit = QLineEdit(typed.get(role, ""))
            edit.setMaxLength(MAX_FIELD_CHARS)
            edit.setAccessibleName(label)
            edit.setPlaceholderText(self.tr("bijvoorbeeld Jan de Vries, wethouder"))
            self.speakers[role] = edit
            self.speakers_form.addRow(label, edit)

    def details(self) -> ProgrammeDetails:
        day = self.datum.date()
        moment = self.start.time()
        return ProgrammeDetails(
            meeting=Meeting(self.meeting.currentData()),  # the combo hands back a plain str
            wie=self.wie.text(),
            datum=date(day.year(), day.month(), day.day()),
            start=time(moment.hour(), moment.minute()),
            locatie=self.locatie.text(),
            speakers={r: e.text() for r, e in self.speakers.items() if e.text().strip()},
        )

    def write_to(self, path: str | Path) -> Path | None:
        """Write the programme to `path`; on a problem the form shows one Dutch sentence."""
        from zelfscan_app.services.programmes import write_programme

        try:
            written = write_programme(self.details(), path, template_dir=self._template_dir)
        except ZelfscanError as exc:
            self.error.setText(str(exc))
            return None
        self.written = written.path
        return written.path

    def ask_and_write(self) -> None:
        from zelfscan_app.gui.export_helper import safe_file_name
        from zelfscan_app.gui.plan.export_actions import ask_docx_path

        details = self.details()
        name = f"Programma {details.meeting.value} {details.wie} {details.datum.isoformat()}"
        safe = safe_file_name(name) + ".docx"
        path = ask_docx_path(self, self.tr("Programma opslaan"), safe, self._folder)
        if path is not None and self.write_to(path) is not None:
            self.accept()

    def message(self) -> str:
        return arg(self.tr("Programma opgeslagen: %1"), self.written or "")
