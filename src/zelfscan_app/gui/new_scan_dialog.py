"""New scan (or change its details): gemeente, regio, datum, soort, gespreksleider, deelnemers.

The advised groups of routekaart fase 2 are listed beside the participants; a group nobody
represents gives a warning, never a refusal.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.dutch_dates import short_date
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.participants_model import ParticipantsModel
from zelfscan_app.services import scans as svc
from zelfscan_app.services.participants import representation


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class NewScanDialog(QDialog):
    def __init__(
        self,
        questionnaire: Questionnaire,
        db=None,
        scan: Scan | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._q = questionnaire
        self._db = db
        self._editing = scan
        self.result_scan: Scan | None = None
        self.setWindowTitle(
            self.tr("Gegevens van de zelfscan") if scan else self.tr("Nieuwe zelfscan")
        )
        self.resize(1180, 760)

        title = _label(self.windowTitle(), "pageTitle")
        intro = _label(
            self.tr(
                "Vul in voor welke gemeente de zelfscan is en wie er meedoen. "
                "Alleen de gemeente is verplicht; deelnemers kun je later aanvullen."
            ),
            "pageSubtitle",
        )

        self.gemeente = QLineEdit()
        self.gemeente.setAccessibleName(self.tr("Gemeente"))
        self.gemeente.setPlaceholderText(self.tr("bijvoorbeeld Aldermeer"))
        self.regio = QLineEdit()
        self.regio.setAccessibleName(self.tr("Regio"))
        self.regio.setPlaceholderText(self.tr("bijvoorbeeld Veiligheidsregio of GHNT-regio"))
        if db is not None:
            completer = QCompleter(svc.known_regions(db), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.regio.setCompleter(completer)
        self.datum = QDateEdit()
        self.datum.setAccessibleName(self.tr("Datum"))
        self.datum.setCalendarPopup(True)
        self.datum.setDisplayFormat("dd-MM-yyyy")
        self.datum.setDate(QDate.currentDate())
        self.soort = QComboBox()
        self.soort.setAccessibleName(self.tr("Soort meting"))
        for soort, text in (
            (SoortMeting.NULMETING, self.tr("nulmeting (de eerste keer)")),
            (SoortMeting.EVALUATIE, self.tr("evaluatie (na verbeteracties)")),
            (SoortMeting.TOETSINGSMOMENT, self.tr("toetsingsmoment")),
        ):
            self.soort.addItem(text, soort.value)
        self.facilitator = QLineEdit()
        self.facilitator.setAccessibleName(self.tr("Gespreksleider"))
        self.facilitator.setPlaceholderText(self.tr("naam van de (onafhankelijke) gespreksleider"))

        for picker in (self.datum, self.soort):  # as tall as the text fields beside them
            picker.setMinimumHeight(self.gemeente.sizeHint().height())
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, field in (
            (self.tr("Gemeente *"), self.gemeente),
            (self.tr("Regio"), self.regio),
            (self.tr("Datum"), self.datum),
            (self.tr("Soort meting"), self.soort),
            (self.tr("Gespreksleider"), self.facilitator),
        ):
            label = QLabel(text)
            label.setObjectName("fieldLabel")
            label.setBuddy(field)
            form.addRow(label, field)

        self.participants = ParticipantsModel(scan.participants if scan else (), self)
        self.table = QTableView()
        self.table.setModel(self.participants)
        self.table.setAccessibleName(self.tr("Deelnemers"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setMinimumHeight(160)
        self.add_button = QPushButton(self.tr("Deelnemer toevoegen"))
        self.remove_button = QPushButton(self.tr("Deelnemer verwijderen"))
        self.add_button.clicked.connect(self._add_participant)
        self.remove_button.clicked.connect(self._remove_participant)
        self.participants.changed.connect(self._update_groups)

        self.groups = QLabel()
        self.groups.setAccessibleName(self.tr("Aanbevolen groepen"))
        self.groups.setWordWrap(True)
        self.groups.setTextFormat(Qt.TextFormat.RichText)
        self.groups.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.group_warning = _label("", "warningBox")
        self.duplicate_warning = _label("", "warningBox")
        self.duplicate_warning.hide()
        # A name that only looks like a known municipality (Cyrillic А, case, accents) would
        # start a second municipality: say so, offer the known name, refuse until resolved.
        self.lookalike_warning = _label("", "errorBox")
        self.lookalike_warning.setAccessibleName(self.tr("Lijkt op een bestaande gemeente"))
        self.lookalike_warning.hide()
        self.use_existing_button = QPushButton(self.tr("Gebruik de bestaande naam"))
        self.use_existing_button.setAccessibleName(self.tr("Gebruik de bestaande gemeente"))
        self.use_existing_button.hide()
        self.use_existing_button.clicked.connect(self._use_existing)
        self._lookalike = ""
        self.errors = _label("", "errorBox")
        self.errors.setAccessibleName(self.tr("Fouten"))
        self.errors.hide()
        for signal in (self.gemeente.textChanged, self.datum.dateChanged):
            signal.connect(self._check_duplicate)
        self.soort.currentIndexChanged.connect(self._check_duplicate)

        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.ok_button = QPushButton(self.tr("Opslaan") if scan else self.tr("Zelfscan aanmaken"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.accept)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(form)
        # Right under the fields, so it takes room from the participants table, not the screen.
        lookalike_row = QHBoxLayout()
        lookalike_row.addWidget(self.lookalike_warning, 1)
        lookalike_row.addWidget(self.use_existing_button, 0, Qt.AlignmentFlag.AlignVCenter)
        left.addLayout(lookalike_row)
        left.addSpacing(8)
        left.addWidget(_label(self.tr("Deelnemers"), "sectionTitle"))
        left.addWidget(self.table, 1)
        participant_buttons = QHBoxLayout()
        participant_buttons.addWidget(self.add_button)
        participant_buttons.addWidget(self.remove_button)
        participant_buttons.addStretch(1)
        left.addLayout(participant_buttons)

        side = QFrame()
        side.setObjectName("card")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(20, 18, 20, 18)
        side_layout.addWidget(_label(self.tr("Wie nodig je uit?"), "sectionTitle"))
        side_layout.addWidget(
            _label(
                self.tr(
                    "De routekaart (fase 2) raadt aan deze groepen uit te nodigen, "
                    "voor een compleet en representatief beeld."
                ),
                "hint",
            )
        )
        side_layout.addWidget(self.groups, 1)
        side_layout.addWidget(self.group_warning)

        body = QHBoxLayout()
        body.setSpacing(28)
        body.addLayout(left, 5)
        body.addWidget(side, 4)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 22)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.errors)
        layout.addLayout(body, 1)
        layout.addWidget(self.duplicate_warning)
        layout.addLayout(buttons)

        if scan is not None:
            self._fill(scan)
        self._update_groups()
        self.gemeente.setFocus()

    def _fill(self, scan: Scan) -> None:
        self.gemeente.setText(scan.gemeente)
        self.regio.setText(scan.regio)
        self.datum.setDate(QDate(scan.datum.year, scan.datum.month, scan.datum.day))
        self.soort.setCurrentIndex(self.soort.findData(scan.soort.value))
        self.facilitator.setText(scan.facilitator)

    # Participants -----------------------------------------------------------------------------
    def _add_participant(self) -> None:
        row = self.participants.add_row()
        index = self.participants.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _remove_participant(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.participants.remove_row(index.row())

    def _update_groups(self) -> None:
        coverage = representation(self.participants.participants())
        rows = []
        for item in coverage:
            label = html.escape(item.group.label)
            if item.represented:
                mark, colour = "✓", style.GREEN
                who = html.escape(", ".join(item.names))
            else:
                mark, colour = "○", style.ORANGE
                who = html.escape(self.tr("nog niemand"))
            rows.append(
                f"<tr><td style='color:{colour}; padding:3px 10px 3px 0;'><b>{mark}</b></td>"
                f"<td style='padding:3px 12px 3px 0;'>{label}</td>"
                f"<td style='color:{colour if not item.represented else style.MUTED};"
                f" padding:3px 0;'>{who}</td></tr>"
            )
        self.groups.setText("<table cellspacing='0'>" + "".join(rows) + "</table>")
        missing = [c for c in coverage if not c.represented]
        self.group_warning.setVisible(bool(missing))
        self.group_warning.setText(
            arg(
                self.tr(
                    "%1 van de %2 groepen is nog niet vertegenwoordigd. Je kunt de zelfscan "
                    "toch aanmaken en deelnemers later aanvullen."
                )
                if len(missing) == 1
                else self.tr(
                    "%1 van de %2 groepen zijn nog niet vertegenwoordigd. Je kunt de zelfscan "
                    "toch aanmaken en deelnemers later aanvullen."
                ),
                len(missing),
                len(coverage),
            )
        )
        names = ", ".join(c.group.label for c in missing)
        self.group_warning.setAccessibleDescription(
            arg(self.tr("Nog niet vertegenwoordigd: %1"), names)
        )
        self.group_warning.setToolTip(arg(self.tr("Nog niet vertegenwoordigd: %1"), names))

    # Validation -----------------------------------------------------------------------------
    def _datum(self) -> date:
        value = self.datum.date().toPython()
        assert isinstance(value, date)  # a QDate becomes a datetime.date
        return value

    def _soort(self) -> SoortMeting:
        return SoortMeting(self.soort.currentData())

    def _check_lookalike(self) -> None:
        gemeente = self.gemeente.text()
        existing = ""
        if self._db is not None and gemeente.strip():
            exclude = self._editing.id if self._editing is not None else None
            existing = svc.lookalike_gemeente(self._db, gemeente, exclude_id=exclude)
        self._lookalike = existing
        self.lookalike_warning.setVisible(bool(existing))
        self.use_existing_button.setVisible(bool(existing))
        if existing:
            # The way out is the button beside it, so the sentence leaves out the advice.
            self.lookalike_warning.setText(svc.lookalike_problem(gemeente, existing, advice=False))
            self.use_existing_button.setText(arg(self.tr("Gebruik '%1'"), existing))

    def _use_existing(self) -> None:
        if self._lookalike:
            self.gemeente.setText(self._lookalike)

    def _check_duplicate(self) -> None:
        self._check_lookalike()
        gemeente = self.gemeente.text().strip()
        same = []
        if self._db is not None and gemeente:
            same = [
                s
                for s in svc.same_scans(self._db, gemeente, self._datum(), self._soort())
                if self._editing is None or s.id != self._editing.id
            ]
        self.duplicate_warning.setVisible(bool(same))
        if same:
            self.duplicate_warning.setText(
                arg(
                    self.tr(
                        "Er bestaat al een %1 van %2 op %3. Weet je zeker dat je een tweede "
                        "wilt maken? Open anders de bestaande zelfscan."
                    ),
                    self._soort().value,
                    same[0].gemeente,
                    short_date(same[0].datum),
                )
            )

    def accept(self) -> None:
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.ok_button.setFocus()  # the open cell editor commits when it loses focus
        try:
            scan = svc.build_scan(
                self._q,
                gemeente=self.gemeente.text(),
                regio=self.regio.text(),
                datum=self._datum(),
                soort=self._soort(),
                facilitator=self.facilitator.text(),
                participants=self.participants.participants(),
            )
        except ZelfscanError:
            problems = svc.scan_problems(
                self.gemeente.text(),
                self.regio.text(),
                self.facilitator.text(),
                self.participants.participants(),
            )
            self.show_problems(problems)
            return
        self._check_lookalike()
        if self._lookalike:
            # The warning is already on screen beside its way out: go there, say it once.
            self.errors.hide()
            self.use_existing_button.setFocus()
            return
        self.result_scan = scan
        super().accept()

    def show_problems(self, problems: list[str]) -> None:
        self.errors.setText("\n".join(problems))
        self.errors.show()
        if any("gemeente" in p for p in problems):
            self.gemeente.setFocus()
