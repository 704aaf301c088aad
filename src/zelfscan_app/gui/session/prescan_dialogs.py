"""Two windows of the disagreement view: the pre-scans' toelichtingen on one question, and the
ranking 'Waar verschillen we het meest?' to plan the meeting's time.

Names are the participants' own: the toelichtingen show them only while 'Namen tonen' is
ticked (off by default, every session), since the routekaart asks for a safe atmosphere.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.prescan import Prescan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.gui.i18n import arg
from zelfscan_app.services.prescans import Overview, PrescanNote

#: The marker beside a question with much disagreement (a shape, not only a colour).
MARK = "≠"


class NotesDialog(QDialog):
    """The voorbereidingen's toelichtingen on the current question."""

    namesToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Toelichtingen uit de voorbereiding"))
        self.setObjectName("prescanNotes")
        self.resize(640, 460)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.names = QCheckBox(self.tr("&Namen tonen"))
        self.names.setAccessibleName(self.tr("Namen tonen"))
        self.names.setToolTip(
            self.tr(
                "Standaard zonder namen: zo blijft het gesprek veilig. Toon namen alleen als "
                "de groep dat goed vindt."
            )
        )
        self.names.toggled.connect(self.namesToggled)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Toelichtingen"))
        self.text.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        close.setIcon(QIcon())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.names)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def show_notes(self, question: int, notes: list[PrescanNote], names: bool) -> None:
        self.heading.setText(arg(self.tr("Vraag %1: toelichtingen uit de voorbereiding"), question))
        self.names.blockSignals(True)
        self.names.setChecked(names)
        self.names.blockSignals(False)
        if not notes:
            self.text.setHtml(
                f"<p>{html.escape(self.tr('Geen toelichtingen bij deze vraag.'))}</p>"
            )
            return
        parts = []
        for value in ("Op orde", "Niet op orde", "Open"):  # grouped by what they answered
            group = [n for n in notes if n.value_text == value]
            if not group:
                continue
            parts.append(f"<h3>{html.escape(value)} ({len(group)})</h3><ul>")
            for note in group:
                who = f"<i>{html.escape(note.door)}:</i> " if names and note.door else ""
                body = html.escape(note.toelichting).replace("\n", "<br>")
                parts.append(f"<li style='margin-bottom:6px'>{who}{body}</li>")
            parts.append("</ul>")
        self.text.setHtml("".join(parts))

    def plain_text(self) -> str:
        return self.text.toPlainText()


class RankingDialog(QDialog):
    """'Waar verschillen we het meest?': every question with two or more answers, most
    disagreement first, so the facilitator can plan the meeting's time around them."""

    questionChosen = Signal(int)

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._q = questionnaire
        self.setWindowTitle(self.tr("Waar verschillen we het meest?"))
        self.setObjectName("prescanRanking")
        self.resize(1040, 600)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Vraag"), self.tr("Verdeling"), self.tr("Verschil")]
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setAccessibleName(self.tr("Vragen, meeste verschil van mening eerst"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda index: self._choose(index.row()))
        self.table.doubleClicked.connect(lambda index: self._choose(index.row()))
        hint = QLabel(
            self.tr(
                "Verschil = het aandeel dat het anders zag dan de meerderheid (van wie "
                "antwoordde; ‘open’ telt niet mee). Een gelijke verdeling staat bovenaan. "
                "Dubbelklik of Enter: naar de vraag."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        close.setIcon(QIcon())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._questions: list[int] = []

    def show_overview(self, overview: Overview) -> None:
        if overview.prescans:
            source = arg(self.tr("%1 voorbereidingen"), overview.prescans)
        else:
            source = self.tr("het handopsteken")
        marked = len(overview.marked)
        self.intro.setText(
            arg(
                self.tr(
                    "Verdeling uit %1. %2 vragen met veel verschil van mening (%3): minstens "
                    "een derde zag het anders. Plan daar de meeste tijd voor."
                ),
                source,
                marked,
                MARK,
            )
            if overview.ranking
            else arg(
                self.tr(
                    "Verdeling uit %1: nog geen vraag met twee of meer antwoorden, dus nog "
                    "niets te vergelijken."
                ),
                source,
            )
        )
        self.table.setRowCount(len(overview.ranking))
        self._questions = []
        for row, ranked in enumerate(overview.ranking):
            question = self._q.question(ranked.question)
            title = question.short_title or question.text
            difference = ranked.split.minority_text()
            if ranked.split.marked:  # the mark is a sign and words, never a colour alone
                difference = arg(self.tr("%1 %2 · veel verschil"), MARK, difference)
            cells = (
                arg(self.tr("%1 · %2"), ranked.question, title),
                ranked.split.label(),
                difference,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(question.text)
                self.table.setItem(row, column, item)
            self._questions.append(ranked.question)
        self.table.resizeRowsToContents()
        if self._questions:
            self.table.selectRow(0)

    def row_texts(self) -> list[tuple[str, ...]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [
            tuple(text(r, c) for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self._questions):
            self.questionChosen.emit(self._questions[row])

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self._choose(self.table.currentRow())
            return
        super().keyPressEvent(event)


class HandsDialog(QDialog):
    """The show of hands on a short page, where the counters do not fit under the answers."""

    def __init__(self, question: int, counts: tuple[int, int], parent: QWidget | None = None):
        super().__init__(parent)
        from zelfscan_app.domain.prescan import MAX_HANDS

        self.setWindowTitle(arg(self.tr("Handopsteken bij vraag %1"), question))
        self.op_orde = QSpinBox()
        self.niet_op_orde = QSpinBox()
        for box, value, name in (
            (self.op_orde, counts[0], self.tr("Handen op orde")),
            (self.niet_op_orde, counts[1], self.tr("Handen niet op orde")),
        ):
            box.setRange(0, MAX_HANDS)
            box.setValue(value)
            box.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("&Op orde"), self.op_orde)
        form.addRow(self.tr("N&iet op orde"), self.niet_op_orde)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def counts(self) -> tuple[int, int]:
        return self.op_orde.value(), self.niet_op_orde.value()


def prescan_label(position: int, prescan: Prescan, names: bool, tr=lambda text: text) -> str:
    """'Voorbereiding 3 · 29 van 31 beantwoord', with '— name' only while names are shown."""
    answered = sum(a.value is not None for a in prescan.answers)
    text = arg(tr("Voorbereiding %1 · %2 vragen beantwoord"), position, answered)
    return f"{text} — {prescan.door}" if names and prescan.door else text


class RemovePrescanDialog(QDialog):
    """Choose the voorbereiding to take out of this scan (one read in by mistake, or twice by
    two people); names appear only while 'Namen tonen' is on in the session."""

    def __init__(self, prescans: list[Prescan], names: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Voorbereiding verwijderen"))
        self.prescans = prescans
        intro = QLabel(
            self.tr(
                "Kies de voorbereiding die uit deze zelfscan moet. De verdeling per vraag "
                "wordt daarna zonder haar berekend; de antwoorden van de zelfscan veranderen niet."
            )
        )
        intro.setWordWrap(True)
        self.model = QStringListModel(
            [prescan_label(i, p, names, self.tr) for i, p in enumerate(prescans, start=1)], self
        )
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Voorbereidingen"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setCurrentIndex(self.model.index(0))
        self.list.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for which, text in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("&Verwijderen…")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Annuleren")),
        ):
            button = buttons.button(which)
            button.setText(text)
            button.setIcon(QIcon())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> tuple[int, Prescan] | None:
        """(position in the list, the voorbereiding) of the chosen row."""
        row = self.list.currentIndex().row()
        return (row + 1, self.prescans[row]) if 0 <= row < len(self.prescans) else None
