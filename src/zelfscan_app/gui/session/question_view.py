"""One question, large: the standard, the question with its terms, the answer buttons, notes."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Question, Questionnaire, Term
from zelfscan_app.domain.scan import Answer, AnswerValue
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.session.terms import TermMarker
from zelfscan_app.gui.widgets import FlowLayout

FIELDS = ("toelichting", "nuancering")


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _term_html(term: Term, separator: str) -> str:
    return f"<b>{html.escape(term.term)}</b>{separator}{html.escape(term.definition)}"


class QuestionView(QWidget):
    answerRequested = Signal(object)  # AnswerValue, or None to clear
    bespreekpuntToggled = Signal(bool)
    textEdited = Signal(str, str)  # field, text
    previousRequested = Signal()
    nextRequested = Signal()

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionPage")
        self._q = questionnaire
        self._marker = TermMarker(questionnaire.terms)
        self._question: Question | None = None
        self._presentation = False

        self.standard_title = _label("", "standardTitle")
        self.standard_text = _label("", "standardText")
        self.number_label = _label("", "questionNumber")
        self.question_text = _label("", "questionText")
        self.question_text.setTextFormat(Qt.TextFormat.RichText)
        self.question_text.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.question_text.linkHovered.connect(self._hover_term)
        self.question_text.linkActivated.connect(self._activate_term)
        self.question_text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.terms_box = QWidget()
        self.terms_row = FlowLayout(self.terms_box, spacing=4)
        self.terms_row.setContentsMargins(0, 0, 0, 0)
        self.term_info = _label("", "termInfo")
        self.term_info.setAccessibleName(self.tr("Uitleg begrip"))
        self.term_info.hide()
        self.help_label = _label("", "questionHelp")

        self.op_orde = self._answer_button(self.tr("✓  Op orde"), "answerOpOrde", "1")
        self.niet_op_orde = self._answer_button(self.tr("✕  Niet op orde"), "answerNietOpOrde", "2")
        self.op_orde.clicked.connect(lambda: self.answerRequested.emit(AnswerValue.OP_ORDE))
        self.niet_op_orde.clicked.connect(
            lambda: self.answerRequested.emit(AnswerValue.NIET_OP_ORDE)
        )
        self.clear_button = QPushButton(self.tr("Antwoord wissen"))
        self.clear_button.setFlat(True)
        self.clear_button.setAccessibleName(self.tr("Antwoord wissen"))
        self.clear_button.setToolTip(self.tr("Sneltoets: 0 of Delete"))
        self.clear_button.clicked.connect(lambda: self.answerRequested.emit(None))
        self.bespreekpunt = QCheckBox(self.tr("Bespreekpunt voor de plenaire terugkoppeling"))
        self.bespreekpunt.setObjectName("bespreekpunt")
        self.bespreekpunt.setAccessibleName(self.tr("Bespreekpunt"))
        self.bespreekpunt.setToolTip(self.tr("Sneltoets: B. Komt terug in ‘Eerste resultaten’."))
        self.bespreekpunt.clicked.connect(self.bespreekpuntToggled)

        self.editors: dict[str, QPlainTextEdit] = {}
        fields = QGridLayout()
        fields.setHorizontalSpacing(24)
        fields.setVerticalSpacing(6)
        captions = {
            "toelichting": (
                self.tr("&Toelichting"),
                self.tr("Waarom op orde of niet op orde? Wat zegt de groep?"),
            ),
            "nuancering": (
                self.tr("&Nuancering"),
                self.tr("Verschillen tussen teams, wijken of doelgroepen; twijfels"),
            ),
        }
        for column, field in enumerate(FIELDS):
            caption, placeholder = captions[field]
            editor = QPlainTextEdit()
            editor.setObjectName(field)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(placeholder)
            editor.setAccessibleName(caption.replace("&", ""))
            editor.setMinimumHeight(80)
            editor.setMaximumHeight(140)
            editor.textChanged.connect(lambda f=field: self._text_changed(f))
            label = _label(caption, "fieldLabel", wrap=False)
            label.setBuddy(editor)
            fields.addWidget(label, 0, column)
            fields.addWidget(editor, 1, column)
            self.editors[field] = editor

        self.previous_button = QPushButton(self.tr("←  Vorige vraag"))
        self.previous_button.setToolTip(self.tr("Sneltoets: PgUp"))
        self.previous_button.setAccessibleName(self.tr("Vorige vraag"))
        self.next_button = QPushButton(self.tr("Volgende vraag  →"))
        self.next_button.setProperty("primary", True)
        self.next_button.setToolTip(self.tr("Sneltoets: PgDn"))
        self.next_button.setAccessibleName(self.tr("Volgende vraag"))
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.legend = _label(
            self.tr(
                "1 Op orde  ·  2 Niet op orde  ·  0 Wissen  ·  B Bespreekpunt  ·  "
                "F1 alle sneltoetsen"
            ),
            "shortcutLegend",
        )
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)

        answers = QHBoxLayout()
        answers.setSpacing(16)
        answers.addWidget(self.op_orde, 1)
        answers.addWidget(self.niet_op_orde, 1)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.bespreekpunt)
        flag_row.addStretch(1)
        flag_row.addWidget(self.clear_button)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.legend, 1)
        nav.addWidget(self.next_button)
        self.notes = QWidget()
        self.notes.setLayout(fields)
        fields.setContentsMargins(0, 8, 0, 0)

        body = QWidget()
        body.setObjectName("questionBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(48, 20, 48, 12)
        column.setSpacing(8)
        column.addStretch(0)  # grows in presentation mode: the question sits mid-screen
        column.addWidget(self.standard_title)
        column.addWidget(self.standard_text)
        column.addSpacing(10)
        column.addWidget(self.number_label)
        column.addWidget(self.question_text)
        column.addWidget(self.terms_box)
        column.addWidget(self.term_info)
        column.addWidget(self.help_label)
        column.addSpacing(6)
        column.addLayout(answers)
        column.addLayout(flag_row)
        column.addWidget(self.notes)
        column.addStretch(1)
        self._column = column
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.footer = QWidget()
        self.footer.setObjectName("questionFooter")
        self.footer.setLayout(nav)
        nav.setContentsMargins(48, 10, 48, 14)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.footer)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Vraag"))
        self._chrome = [
            self.standard_text,
            self.terms_box,
            self.help_label,
            self.notes,
            self.footer,
            self.clear_button,
            self.bespreekpunt,
        ]

    def _answer_button(self, text: str, name: str, key: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setAccessibleName(text.split(maxsplit=1)[-1])
        button.setToolTip(arg(self.tr("Sneltoets: %1"), key))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    # Showing --------------------------------------------------------------------------------
    def show_question(self, question: Question, answer: Answer, position: int, total: int) -> None:
        self._question = question
        standard = self._q.standard(question.standard)
        block = self._q.block_of(question.number)
        self.standard_title.setText(
            arg(
                self.tr("Blok %1  ·  Kwaliteitsstandaard %2  ·  %3"),
                block.number,
                standard.number,
                standard.short_title,
            )
        )
        self.standard_text.setText(standard.text)
        self.number_label.setText(arg(self.tr("Vraag %1 van %2"), position, total))
        self._render_question_text()
        self.question_text.setAccessibleName(arg(self.tr("Vraag %1"), question.number))
        self.question_text.setAccessibleDescription(question.text)
        self.help_label.setText(question.help)
        self.help_label.setVisible(bool(question.help) and not self._presentation)
        self.term_info.hide()
        self._fill_terms(self._marker.found(question.text))
        self.scroll.verticalScrollBar().setValue(0)
        for field, editor in self.editors.items():
            editor.blockSignals(True)
            editor.setPlainText(getattr(answer, field))
            editor.moveCursor(QTextCursor.MoveOperation.End)
            editor.blockSignals(False)
        self.show_answer(answer)

    def show_answer(self, answer: Answer) -> None:
        """Refresh the buttons and the flag from the stored answer (not the text fields)."""
        self.op_orde.setChecked(answer.value is AnswerValue.OP_ORDE)
        self.niet_op_orde.setChecked(answer.value is AnswerValue.NIET_OP_ORDE)
        self.clear_button.setEnabled(answer.value is not None)
        self.bespreekpunt.setChecked(answer.bespreekpunt)

    def _render_question_text(self) -> None:
        if self._question is None:
            return
        colour = "#ffd166" if self._presentation else style.BLUE
        underline = not self._presentation  # on the projector colour alone is calmer
        self.question_text.setText(
            self._marker.to_html(self._question.text, colour, underline=underline)
        )

    def _fill_terms(self, terms: tuple[Term, ...]) -> None:
        while self.terms_row.count():
            item = self.terms_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not terms:
            self.terms_box.hide()
            return
        caption = _label(self.tr("Begrippen:"), "hint", wrap=False)
        caption.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.terms_row.addWidget(caption)
        for term in terms:
            chip = QPushButton(term.term)
            chip.setFlat(True)
            chip.setToolTip(_term_html(term, "<br>"))
            chip.setAccessibleName(arg(self.tr("Begrip %1"), term.term))
            chip.setAccessibleDescription(term.definition)
            chip.clicked.connect(lambda _=False, t=term: self.show_term(t))
            chip.installEventFilter(self)
            chip.setProperty("term_index", self._q.terms.index(term))
            self.terms_row.addWidget(chip)
            caption.setMinimumHeight(chip.sizeHint().height())
        self.terms_box.setVisible(not self._presentation)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched.property("term_index") is not None:
            self.show_term(self._q.terms[int(watched.property("term_index"))])
        return super().eventFilter(watched, event)

    def show_term(self, term: Term) -> None:
        self.term_info.setText(_term_html(term, " — "))
        self.term_info.show()

    def _hover_term(self, href: str) -> None:
        index = TermMarker.index_of(href)
        if index is None:
            QToolTip.hideText()
            return
        term = self._q.terms[index]
        QToolTip.showText(QCursor.pos(), _term_html(term, "<br>"), self.question_text)

    def _activate_term(self, href: str) -> None:
        index = TermMarker.index_of(href)
        if index is not None:
            self.show_term(self._q.terms[index])

    def keyPressEvent(self, event) -> None:
        """Esc in a text field hands the keys back to the answers (1, 2, 0, PgDn…)."""
        if event.key() == Qt.Key.Key_Escape and not self._presentation:
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def editing_text(self) -> bool:
        return any(editor.hasFocus() for editor in self.editors.values())

    def _text_changed(self, field: str) -> None:
        self.textEdited.emit(field, self.editors[field].toPlainText())

    # Presentation ---------------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        self._presentation = on
        for widget in self._chrome:
            widget.setVisible(not on)
        self.help_label.setVisible(not on and bool(self._question and self._question.help))
        self.terms_box.setVisible(not on and self.terms_row.count() > 0)
        self._column.setStretch(0, 1 if on else 0)
        self._column.setSpacing(20 if on else 8)
        self.scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self._render_question_text()

    def focus_answers(self) -> None:
        """Focus the page itself: keys work, and no button looks 'chosen' by its focus ring."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
