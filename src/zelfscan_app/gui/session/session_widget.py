"""The session page: navigator, question (or first results), header, keyboard, presentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.session.first_results import FirstResultsView
from zelfscan_app.gui.session.glossary import GlossaryDialog
from zelfscan_app.gui.session.header import SaveIndicator, SessionHeader
from zelfscan_app.gui.session.navigator_model import (
    QUESTION_ROLE,
    NavigatorDelegate,
    NavigatorModel,
)
from zelfscan_app.gui.session.question_view import QuestionView
from zelfscan_app.gui.session.state import ScanSession
from zelfscan_app.gui.standard_help import StandardHelpDialog
from zelfscan_app.gui.style import presentation_sheet

if TYPE_CHECKING:
    from zelfscan_app.gui.session.search import SearchDialog


class SessionWidget(QWidget):
    presentationChanged = Signal(bool)
    finishRequested = Signal()

    def __init__(
        self, session: ScanSession, minutes: int = 35, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._scale = 1.0
        self._presentation = False
        self._glossary: GlossaryDialog | None = None
        self._standard_help: StandardHelpDialog | None = None
        self._search: SearchDialog | None = None  # made on first use
        self._syncing = False
        self.setObjectName("session")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        q = session.questionnaire

        self.header = SessionHeader(session, minutes)
        self.model = NavigatorModel(q, session.answer, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Vragen per blok en kwaliteitsstandaard"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(12)  # room for the questions' short titles
        self.tree.expandAll()
        self.tree.setMinimumWidth(240)
        self.tree.setFrameShape(QFrame.Shape.NoFrame)
        self.tree.setItemDelegate(NavigatorDelegate(self.tree))
        self.tree.setIconSize(QSize(20, 20))
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.tree.activated.connect(self._tree_activated)

        self.question = QuestionView(q)
        self.results = FirstResultsView(session)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.question)
        self.stack.addWidget(self.results)
        self.presentation_indicator = SaveIndicator(session.autosave)
        self.presentation_clock = QLabel()
        self.presentation_clock.setObjectName("presentationClock")
        self.presentation_clock.setAccessibleName(self.tr("Bloktijd"))
        self.header.timer.shown.connect(self._show_clock)
        self._show_clock(self.header.timer.label.text())
        self.presentation_footer = QWidget()
        footer = QHBoxLayout(self.presentation_footer)
        footer.setContentsMargins(48, 4, 24, 8)
        footer.addWidget(self.presentation_clock)
        footer.addStretch(1)
        footer.addWidget(self.presentation_indicator)
        self.presentation_footer.hide()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 1000])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.live_bar = None
        if session.live is not None:  # a shared database: outage banner, others' changes
            from zelfscan_app.gui.session.live import LiveBar

            self.live_bar = LiveBar(session.live)
            layout.addWidget(self.live_bar)
            session.remoteChanged.connect(self._remote_changed)
            session.foreignChange.connect(self._foreign_change)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.presentation_footer)

        self._make_actions()
        self._connect()
        # Pre-scans and the show of hands: the split per question, marks, import (issue 20).
        from zelfscan_app.gui.session.prescan_panel import attach_prescans

        self.prescans = attach_prescans(self)
        self._show_current()

    # Actions and keyboard -------------------------------------------------------------------
    def _action(self, text: str, keys: list[str] | str, slot, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        sequences = [keys] if isinstance(keys, str) else keys
        action.setShortcuts([QKeySequence(k) for k in sequences])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        tr = self.tr
        self.act_op_orde = self._action(
            tr("Op orde"), "1", lambda: self.answer(AnswerValue.OP_ORDE)
        )
        self.act_niet_op_orde = self._action(
            tr("Niet op orde"), "2", lambda: self.answer(AnswerValue.NIET_OP_ORDE)
        )
        self.act_clear = self._action(
            tr("Antwoord wissen"), ["0", "Del"], lambda: self.answer(None)
        )
        self.act_flag = self._action(tr("Bespreekpunt aan/uit"), "B", self.toggle_bespreekpunt)
        self.act_next = self._action(tr("Volgende vraag"), "PgDown", self.go_next)
        self.act_previous = self._action(tr("Vorige vraag"), "PgUp", self.go_previous)
        self.act_results = self._action(tr("Eerste resultaten"), "Ctrl+R", self.show_results)
        self.act_search = self._action(tr("Zoeken…"), "Ctrl+F", self.show_search)
        self.act_glossary = self._action(tr("Begrippenkader…"), "Ctrl+Shift+F", self.show_glossary)
        self.act_standard_help = self._action(
            tr("Uitleg bij de standaard…"), "Ctrl+U", self.show_standard_help
        )
        self.act_presentation = self._action(
            tr("Presentatiemodus"), "F11", self.set_presentation, checkable=True
        )
        self.act_timer = self._action(
            tr("Bloktijd starten/pauzeren"), "Ctrl+T", self.header.timer.toggle
        )
        self.act_navigator = self._action(
            tr("Vragenlijst tonen"), "Ctrl+L", self.set_navigator_visible, checkable=True
        )
        self.act_navigator.setChecked(True)
        self.act_leave_presentation = self._action(
            tr("Presentatie sluiten"), "Esc", lambda: self.set_presentation(False)
        )
        self.act_leave_presentation.setEnabled(False)
        self.answer_actions = [
            self.act_op_orde,
            self.act_niet_op_orde,
            self.act_clear,
            self.act_flag,
        ]

    def _connect(self) -> None:
        s, view = self.session, self.question
        s.currentChanged.connect(self._show_current)
        s.answerChanged.connect(self._answer_changed)
        view.answerRequested.connect(self.answer)
        view.bespreekpuntToggled.connect(self._flag_clicked)
        view.textEdited.connect(s.set_text)
        view.previousRequested.connect(self.go_previous)
        view.nextRequested.connect(self.go_next)
        self.header.results_button.clicked.connect(self.show_results)
        self.header.help_button.clicked.connect(self.show_standard_help)
        self.header.back_button.clicked.connect(self.finishRequested)
        self.header.presentation_button.clicked.connect(lambda: self.set_presentation(True))
        self.header.navigator_button.toggled.connect(self.set_navigator_visible)
        self.results.backRequested.connect(self.show_question)
        self.results.continueRequested.connect(self._continue_with)
        self.results.finishRequested.connect(self.finishRequested)

    # Answering ------------------------------------------------------------------------------
    def answer(self, value: AnswerValue | None) -> None:
        if self.stack.currentWidget() is not self.question:
            return
        self.session.set_value(value)
        self.question.show_answer(self.session.answer(self.session.current))

    def toggle_bespreekpunt(self) -> None:
        if self.stack.currentWidget() is self.question:
            current = self.session.answer(self.session.current).bespreekpunt
            self._flag_clicked(not current)

    def _flag_clicked(self, flag: bool) -> None:
        self.session.set_bespreekpunt(flag)
        self.question.show_answer(self.session.answer(self.session.current))

    def _remote_changed(self, question: int) -> None:
        """Another window changed an answer: the current question shows it at once (a text
        field the facilitator is typing in is left alone; their text is written later)."""
        if question != self.session.current:
            return
        answer = self.session.answer(question)
        self.question.show_answer(answer)
        for field, editor in self.question.editors.items():
            text = getattr(answer, field)
            if not editor.hasFocus() and editor.toPlainText() != text:
                editor.blockSignals(True)
                editor.setPlainText(text)
                editor.blockSignals(False)

    def _foreign_change(self, entry) -> None:
        if self.live_bar is not None:
            self.live_bar.show_remote(entry, arg(self.tr("vraag %1"), entry.question))

    def _answer_changed(self, question: int) -> None:
        self.model.question_changed(question)
        self.header.refresh()

    # Navigation -----------------------------------------------------------------------------
    def go_next(self) -> None:
        s = self.session
        if self.stack.currentWidget() is self.results:
            self.results.continue_button.click()
            return
        block = s.questionnaire.block_of(s.current)
        following = s.next_question()
        if s.current == block.last or following is None:
            s.autosave.flush()
            self.show_results(block.number)
            return
        s.go(following)

    def go_previous(self) -> None:
        if self.stack.currentWidget() is self.results:
            self.show_question()
            return
        previous = self.session.previous_question()
        if previous is not None:
            self.session.go(previous)

    def go_to(self, question: int) -> None:
        self.session.go(question)
        self.show_question()

    def _continue_with(self, question: int) -> None:
        if not self.header.timer.running:
            self.header.timer.reset()  # a fresh block gets a fresh clock (but never starts it)
        self.go_to(question)

    def _show_current(self, *_args) -> None:
        s = self.session
        if self.question.editing_text():
            self.question.focus_answers()  # a new question starts with the keys on the answers
        self.question.show_question(
            s.questionnaire.question(s.current), s.answer(s.current), s.position(), len(s.order)
        )
        index = self.model.index_of_question(s.current)
        self._syncing = True
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._syncing = False
        self.tree.scrollTo(index)
        self.show_question()
        if self._standard_help is not None and self._standard_help.isVisible():
            self._update_standard_help()

    def _tree_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        question = index.data(QUESTION_ROLE)
        if not self._syncing and question is not None and self.model.rowCount(index) == 0:
            self.go_to(question)

    def _tree_activated(self, index: QModelIndex) -> None:
        question = index.data(QUESTION_ROLE)
        if question is not None:
            self.go_to(question)
            self.question.focus_answers()

    def show_question(self) -> None:
        self.stack.setCurrentWidget(self.question)
        for action in self.answer_actions:
            action.setEnabled(True)

    def show_results(self, block: int | None = None) -> None:
        self.session.autosave.flush()
        if not isinstance(block, int) or isinstance(block, bool):
            block = self.session.block
        self.results.show_block(block)
        self.stack.setCurrentWidget(self.results)
        for action in self.answer_actions:
            action.setEnabled(False)
        self.results.focus_default()

    def show_search(self) -> None:
        """Find a question by its words or by what the group recorded (Ctrl+F)."""
        dialog = self._search
        if dialog is None:
            from zelfscan_app.gui.session.search import SearchDialog

            dialog = self._search = SearchDialog(self.session, self)
            dialog.questionChosen.connect(self._search_chosen)
            dialog.termChosen.connect(self._term_chosen)
        dialog.open_search()

    def _search_chosen(self, question: int) -> None:
        self.go_to(question)
        self.question.focus_answers()

    def _term_chosen(self, term) -> None:
        self.show_glossary(term)

    def show_glossary(self, term=None) -> None:
        if self._glossary is None:
            self._glossary = GlossaryDialog(self.session.questionnaire.terms, self)
        self._glossary.show_term(term if not isinstance(term, bool) else None)

    def set_navigator_visible(self, on: bool) -> None:
        """Collapse the question list: on a narrow screen the question gets the width."""
        on = bool(on)
        self.act_navigator.setChecked(on)
        self.header.navigator_button.setChecked(on)
        self.tree.setVisible(on and not self._presentation)

    @property
    def navigator_visible(self) -> bool:
        return self.act_navigator.isChecked()

    def show_standard_help(self) -> None:
        """The help panel of the current question's standard; it follows the next questions."""
        if self._standard_help is None:
            self._standard_help = StandardHelpDialog(self)
        self._update_standard_help()
        self._standard_help.show()
        self._standard_help.raise_()

    def _update_standard_help(self) -> None:
        from zelfscan_app.services.guidance import help_for_standard

        s = self.session
        number = s.questionnaire.question(s.current).standard
        assert self._standard_help is not None
        self._standard_help.set_help(
            help_for_standard(s.db, s.questionnaire, s.current_scan(), number)
        )

    # Presentation ---------------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        on = bool(on)
        if on == self._presentation:
            return
        self._presentation = on
        self.act_presentation.setChecked(on)
        self.act_leave_presentation.setEnabled(on)
        self.header.setVisible(not on)
        self.tree.setVisible(not on and self.navigator_visible)
        self.presentation_footer.setVisible(on)
        self.question.set_presentation(on)
        self.setStyleSheet(presentation_sheet(self._scale) if on else "")
        self.show_question()
        self.question.focus_answers()
        self.presentationChanged.emit(on)

    def _show_clock(self, text: str) -> None:
        clock = self.presentation_clock
        clock.setText(arg(self.tr("Bloktijd %1"), text))
        clock.setAccessibleDescription(self.header.timer.label.accessibleName())
        phase = self.header.timer.phase  # the colour, as large as the room needs it
        if clock.property("phase") != phase:
            clock.setProperty("phase", phase)
            clock.style().unpolish(clock)
            clock.style().polish(clock)

    @property
    def presentation(self) -> bool:
        return self._presentation

    def set_font_scale(self, scale: float) -> None:
        self._scale = scale
        if self._presentation:
            self.setStyleSheet(presentation_sheet(scale))

    def details_changed(self, scan) -> None:
        """Gemeente, datum or participants were edited: show them (answers stay as they are)."""
        self.session.scan = scan
        self.header.set_details()

    def focus_question(self) -> None:
        self.question.focus_answers()

    def close_session(self) -> bool:
        """Flush pending text; False if something could not be stored."""
        self.prescans.close()  # a running import of voorbereidingen ends between files
        return self.session.close()
