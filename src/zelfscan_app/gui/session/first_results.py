"""'Eerste resultaten': after a block, the scores so far, the Niet op orde items, bespreekpunten."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zelfscan_app.domain.scan import Answer
from zelfscan_app.gui import style
from zelfscan_app.gui.i18n import arg
from zelfscan_app.gui.session.score_chart import ScoreChart
from zelfscan_app.gui.session.state import ScanSession


class FirstResultsView(QWidget):
    backRequested = Signal()
    continueRequested = Signal(int)  # the question to continue with
    finishRequested = Signal()

    def __init__(self, session: ScanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstResults")
        self._session = session
        q = session.questionnaire
        self._block: int | None = None

        self.title = QLabel(self.tr("Eerste resultaten"))
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(self.tr("Wat valt op? Waar heb je nog vragen over?"))
        self.subtitle.setObjectName("pageSubtitle")

        self.scope = QButtonGroup(self)
        scope_row = QHBoxLayout()
        scope_row.setSpacing(8)
        for block in q.blocks:
            self._scope_button(arg(self.tr("Blok %1"), block.number), block.number, scope_row)
        self._scope_button(self.tr("Alle vragen"), 0, scope_row)
        scope_row.addStretch(1)
        self.scope.idClicked.connect(lambda i: self.show_block(i or None))

        self.chart = ScoreChart({s.number: s.short_title for s in q.standards})
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        chart_card = self._card(self.tr("Score per kwaliteitsstandaard"), self.summary, self.chart)

        self.items = QTextBrowser()
        self.items.setObjectName("resultsList")
        self.items.setOpenLinks(False)
        self.items.setAccessibleName(self.tr("Niet op orde en bespreekpunten"))
        self.items.setFrameShape(QFrame.Shape.NoFrame)
        list_card = self._card(self.tr("Om te bespreken"), None, self.items)

        self.back_button = QPushButton(self.tr("Terug naar de vragen"))
        self.continue_button = QPushButton(self.tr("Verder"))
        self.continue_button.setProperty("primary", True)
        self.back_button.clicked.connect(self.backRequested)
        self.continue_button.clicked.connect(self._continue)

        cards = QHBoxLayout()
        cards.setSpacing(24)
        cards.addWidget(chart_card, 11)
        cards.addWidget(list_card, 9)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 24)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(scope_row)
        layout.addLayout(cards, 1)
        layout.addLayout(buttons)

    def _scope_button(self, text: str, block_id: int, row: QHBoxLayout) -> None:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setAccessibleName(arg(self.tr("Resultaten tonen voor %1"), text))
        self.scope.addButton(button, block_id)
        row.addWidget(button)

    def _card(self, title: str, note: QLabel | None, body: QWidget) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(body, 1)
        return card

    # Content --------------------------------------------------------------------------------
    def show_block(self, block: int | None) -> None:
        """Results of one block (None: every question)."""
        self._block = block
        self.scope.button(block or 0).setChecked(True)
        session = self._session
        done = session.progress(block)
        scope = arg(self.tr("Blok %1"), block) if block else self.tr("Alle vragen")
        self.title.setText(arg(self.tr("Eerste resultaten  ·  %1"), scope))
        self.summary.setText(arg(self.tr("%1 van %2 vragen beantwoord"), done.answered, done.total))
        self.chart.set_scores(session.scores(block))
        self.items.setHtml(self._items_html(block))
        blocks = [b.number for b in session.questionnaire.blocks]
        later = [b for b in blocks if block is not None and b > block]
        if later:
            self.continue_button.setText(arg(self.tr("Verder met blok %1  →"), later[0]))
        else:
            self.continue_button.setText(self.tr("Terug naar het overzicht"))

    def _continue(self) -> None:
        q = self._session.questionnaire
        later = [b for b in q.blocks if self._block is not None and b.number > self._block]
        if later:
            self.continueRequested.emit(later[0].first)
        else:
            self.finishRequested.emit()

    def _items_html(self, block: int | None) -> str:
        niet = self._session.niet_op_orde(block)
        punten = self._session.bespreekpunten(block)
        parts = [f"<div style='color:{style.TEXT};'>"]
        parts.append(self._section(self.tr("Niet op orde"), niet, style.RED))
        parts.append(self._section(self.tr("Bespreekpunten"), punten, style.ORANGE))
        parts.append("</div>")
        return "".join(parts)

    def _section(self, title: str, answers: list[Answer], colour: str) -> str:
        q = self._session.questionnaire
        out = [
            f"<p style='margin-top:6px; margin-bottom:4px;'>"
            f"<b style='color:{colour};'>{html.escape(title)} ({len(answers)})</b></p>"
        ]
        if not answers:
            out.append(f"<p style='color:{style.MUTED};'>{html.escape(self.tr('Geen.'))}</p>")
        for answer in answers:
            question = q.question(answer.question)
            note = answer.toelichting or answer.nuancering
            out.append(
                "<p style='margin-bottom:8px;'>"
                f"<b>{html.escape(arg(self.tr('Vraag %1'), answer.question))}</b> — "
                f"{html.escape(question.text)}"
                + (f"<br><i style='color:{style.MUTED};'>{html.escape(note)}</i>" if note else "")
                + "</p>"
            )
        return "".join(out)

    def focus_default(self) -> None:
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
