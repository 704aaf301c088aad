"""Zoeken (Ctrl+F): find a question by its words, short title, answer, toelichting or
nuancering, or a term of the begrippenkader, and go there.

A facilitator under time pressure remembers "the one about casusregie" or what the group said,
not the number; the list searches what is on screen and what was recorded in this session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.questionnaire import Term
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.session.state import ScanSession

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET = 60  # characters of the recorded text shown around a match


class SearchDialog(QDialog):
    questionChosen = Signal(int)
    termChosen = Signal(object)  # Term

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Zoeken"))
        self.resize(760, 480)
        self._session = session
        intro = QLabel(
            self.tr(
                "Zoek in de vragen, hun korte titels, de antwoorden, toelichtingen en "
                "nuanceringen van deze zelfscan, en in het begrippenkader."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Bijvoorbeeld: casusregie, niet op orde, wijkteam"))
        self.search.setAccessibleName(self.tr("Zoekterm"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._choose_current)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Zoekresultaten"))
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._choose)
        self.count = QLabel()
        self.count.setObjectName("hint")
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)

    def open_search(self) -> None:
        self.refresh(self.search.text())
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
        self.search.selectAll()

    # Matching ---------------------------------------------------------------------------------
    def refresh(self, text: str = "") -> None:
        words = text.casefold().split()
        self.results.clear()
        for number, label, tip in self._question_hits(words):
            self._add(label, tip, ("question", number))
        for term in self._session.questionnaire.terms:
            haystack = " ".join((term.term, *term.aliases, term.definition)).casefold()
            if words and all(w in haystack for w in words):
                self._add(arg(self.tr("Begrip · %1"), term.term), term.definition, ("term", term))
        found = self.results.count()
        self.count.setText(
            self.tr("1 resultaat") if found == 1 else arg(self.tr("%1 resultaten"), found)
        )
        self.results.setCurrentRow(0)

    def _question_hits(self, words: list[str]):
        session = self._session
        for question in session.questionnaire.questions:
            answer = session.answer(question.number)
            states: dict[AnswerValue | None, str] = {
                AnswerValue.OP_ORDE: self.tr("op orde"),
                AnswerValue.NIET_OP_ORDE: self.tr("niet op orde"),
            }
            value = states.get(answer.value, self.tr("nog niet beantwoord"))
            fields = {
                "": f"{question.number} {question.short_title} {question.text}",
                self.tr("antwoord"): value,
                self.tr("toelichting"): answer.toelichting,
                self.tr("nuancering"): answer.nuancering,
            }
            haystack = " ".join(fields.values()).casefold()
            if words and not all(w in haystack for w in words):
                continue
            title = question.short_title or question.text
            label = arg(self.tr("Vraag %1 · %2 — %3"), question.number, title, value)
            for field, text in list(fields.items())[2:]:
                if words and text and any(w in text.casefold() for w in words):
                    label += "\n" + arg(self.tr("%1: %2"), field, _snippet(text, words))
                    break
            yield question.number, label, question.text

    def _add(self, label: str, tip: str, target: tuple[str, object]) -> None:
        item = QListWidgetItem(label)
        item.setToolTip(tip)
        item.setData(TARGET_ROLE, target)
        self.results.addItem(item)

    # Choosing ---------------------------------------------------------------------------------
    def _choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        kind, target = item.data(TARGET_ROLE)
        self.accept()
        if kind == "question":
            self.questionChosen.emit(int(target))
        elif isinstance(target, Term):
            self.termChosen.emit(target)


def _snippet(text: str, words: list[str]) -> str:
    """The part of a recorded text around the first matching word, on one line."""
    flat = " ".join(text.split())
    at = min((i for w in words if (i := flat.casefold().find(w)) >= 0), default=0)
    start = max(0, at - SNIPPET // 3)
    part = flat[start : start + SNIPPET]
    return ("…" if start else "") + part + ("…" if start + SNIPPET < len(flat) else "")
