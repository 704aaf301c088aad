"""One question, large: the standard, the question with its terms, the answer buttons, notes."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
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
from zelfscan_app.gui.widgets import ElidedLabel, FlowLayout

FIELDS = ("toelichting", "nuancering")
#: Smallest height of a toelichting field (px): two lines, three in the projector's large type.
NOTE_HEIGHT = {False: 58, True: 104}
#: Below this page height (px) the standard's full text is left out (see `_fit_height`).
COMPACT_BELOW = 640


def _label(text: str, name: str, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class _NoteEdit(QPlainTextEdit):
    """A toelichting field that asks for its minimum height, not Qt's 192 px: the page then
    fits without a scroll bar, and the field grows only where there is room."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


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
        # One line each (full text in the tooltip): at 1366 × 768 the question, the answers and
        # the toelichting must fit without scrolling.
        self.standard_text = ElidedLabel()
        self.standard_text.setObjectName("standardText")
        self.number_label = _label("", "questionNumber", wrap=False)
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
        self.bespreekpunt = QCheckBox(self.tr("Bespreekpunt"))
        self.bespreekpunt.setObjectName("bespreekpunt")
        self.bespreekpunt.setAccessibleName(self.tr("Bespreekpunt"))
        self.bespreekpunt.setToolTip(
            self.tr(
                "Bespreekpunt voor de plenaire terugkoppeling. Sneltoets: B. "
                "Komt terug in ‘Eerste resultaten’."
            )
        )
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
            editor = _NoteEdit()
            editor.setObjectName(field)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(placeholder)
            editor.setAccessibleName(caption.replace("&", ""))
            editor.setMinimumHeight(NOTE_HEIGHT[False])
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
        self.next_button.setToolTip(self.tr("Sneltoets: PgDown"))
        self.next_button.setAccessibleName(self.tr("Volgende vraag"))
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        legend = self.tr("1 Op orde · 2 Niet op orde · 0 Wissen · B Bespreekpunt · F1 sneltoetsen")
        # A line may break between entries, never between a key and what it does.
        self.legend = _label(
            "  ·  ".join(part.strip().replace(" ", "\u00a0") for part in legend.split("·")),
            "shortcutLegend",
        )
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)

        answers = QHBoxLayout()
        answers.setSpacing(16)
        answers.addWidget(self.op_orde, 1)
        answers.addWidget(self.niet_op_orde, 1)
        answers.addWidget(self.bespreekpunt)  # beside the answers: one row less to scroll
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.legend, 1)
        nav.addWidget(self.clear_button)
        nav.addWidget(self.next_button)
        self.notes = QWidget()
        self.notes.setLayout(fields)
        fields.setContentsMargins(0, 8, 0, 0)

        body = QWidget()
        body.setObjectName("questionBody")
        body_column = QVBoxLayout(body)
        body_column.setContentsMargins(48, 8, 48, 6)
        body_column.setSpacing(6)
        body_column.addStretch(0)  # grows in presentation mode: the question sits mid-screen
        heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(self.standard_title, 1)
        heading.addWidget(self.number_label, 0, Qt.AlignmentFlag.AlignTop)
        body_column.addLayout(heading)
        body_column.addWidget(self.standard_text)
        body_column.addWidget(self.question_text)
        body_column.addWidget(self.terms_box)
        body_column.addWidget(self.term_info)
        body_column.addWidget(self.help_label)
        body_column.addSpacing(6)
        body_column.addLayout(answers)
        body_column.addWidget(self.notes, 1)  # the fields grow with the room (to their maximum)
        body_column.addStretch(1)
        self._column = body_column
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        self.footer = QWidget()
        self.footer.setObjectName("questionFooter")
        self.footer.setLayout(nav)
        nav.setContentsMargins(48, 4, 48, 6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.footer)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Vraag"))
        # Hidden on the projector. What the group records stays in view there: the criterion
        # ('Op orde als …'), the bespreekpunt mark and the toelichting/nuancering as typed.
        self._chrome = [
            self.standard_text,
            self.terms_box,
            self.footer,
            self.clear_button,
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
        self.standard_title.setToolTip(standard.text)
        self.number_label.setText(arg(self.tr("Vraag %1 van %2"), position, total))
        self._render_question_text()
        self.question_text.setAccessibleName(arg(self.tr("Vraag %1"), question.number))
        self.question_text.setAccessibleDescription(question.text)
        self.help_label.setText(question.help)
        self.help_label.setVisible(bool(question.help))
        self.term_info.hide()
        self._fill_terms(self._marker.found(question.text))
        self.scroll_area.verticalScrollBar().setValue(0)
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
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not terms:
            self.terms_box.hide()
            return
        caption = _label(self.tr("Begrippen:"), "hint", wrap=False)
        caption.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.terms_row.addWidget(caption)
        for term in terms:
            chip = QPushButton(term.term)
            chip.setObjectName("termChip")
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
        """Esc in a text field hands the keys back to the answers (1, 2, 0, PgDown…)."""
        if event.key() == Qt.Key.Key_Escape and not self._presentation:
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def editing_text(self) -> bool:
        return any(editor.hasFocus() for editor in self.editors.values())

    def _text_changed(self, field: str) -> None:
        self.textEdited.emit(field, self.editors[field].toPlainText())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """On a short page (1366 × 768 and less) the standard's text line makes way for the
        toelichting; it stays in the tooltip of the standard's title."""
        self.standard_text.setVisible(not self._presentation and self.height() >= COMPACT_BELOW)

    # Presentation ---------------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        self._presentation = on
        for widget in self._chrome:
            widget.setVisible(not on)
        self.help_label.setVisible(bool(self._question and self._question.help))
        self.terms_box.setVisible(not on and self.terms_row.count() > 0)
        for editor in self.editors.values():
            editor.setMinimumHeight(NOTE_HEIGHT[on])
        self._fit_height()
        self._column.setStretch(0, 1 if on else 0)
        self._column.setSpacing(12 if on else 6)
        self.scroll_area.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self._render_question_text()

    def focus_answers(self) -> None:
        """Focus the page itself: keys work, and no button looks 'chosen' by its focus ring."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
