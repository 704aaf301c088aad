"""'Eerste resultaten': after a block, the spider so far, the Niet op orde items, bespreekpunten.

The spider is the one renderer of the results view (gui/results/spider_canvas.py). It loads
matplotlib, so the canvas is made the first time this view is shown, never when a session opens.
While the group answers, a changed answer only marks the spider as behind; it is redrawn when the
view is shown again, so answering never waits for a chart nobody sees.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
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
from zelfscan_app.gui.session.state import ScanSession

if TYPE_CHECKING:
    from zelfscan_app.gui.results.spider_canvas import SpiderCanvas


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
        self._stale = False
        self.canvas: SpiderCanvas | None = None  # made on first show (it loads matplotlib)

        self.title = QLabel(self.tr("Eerste resultaten"))
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # large type never widens the window
        self.subtitle = QLabel(self.tr("Wat valt op? Waar heb je nog vragen over?"))
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)

        self.scope = QButtonGroup(self)
        scope_row = QHBoxLayout()
        scope_row.setSpacing(8)
        for block in q.blocks:
            self._scope_button(arg(self.tr("Blok %1"), block.number), block.number, scope_row)
        self._scope_button(self.tr("Alle vragen"), 0, scope_row)
        self.scope.idClicked.connect(lambda i: self.show_block(i or None))

        self.chart_area = QWidget()
        self._chart_layout = QVBoxLayout(self.chart_area)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setToolTip(
            self.tr("Score: percentage van de beantwoorde vragen per standaard dat ‘Op orde’ is")
        )
        chart_card = self._card(
            self.tr("Score per kwaliteitsstandaard"), self.summary, self.chart_area
        )
        session.answerChanged.connect(self._answer_changed)

        self.items = QTextBrowser()
        self.items.setObjectName("resultsList")
        self.items.setOpenLinks(False)
        self.items.setAccessibleName(self.tr("Niet op orde en bespreekpunten"))
        self.items.setFrameShape(QFrame.Shape.NoFrame)
        list_card = self._card(self.tr("Om te bespreken"), self.subtitle, self.items)

        # Keys that answer a question do nothing here; this line says so instead of swallowing them.
        self.key_note = QLabel()
        self.key_note.setObjectName("warningBox")
        self.key_note.setWordWrap(True)
        self.key_note.setAccessibleName(self.tr("Melding"))
        self.key_note.hide()

        self.back_button = QPushButton(self.tr("Terug naar de vragen"))
        self.back_button.setToolTip(self.tr("Sneltoets: PgUp"))
        self.continue_button = QPushButton(self.tr("Verder"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.setToolTip(self.tr("Sneltoets: Enter of PgDown"))
        self.back_button.clicked.connect(self.backRequested)
        self.continue_button.clicked.connect(self._continue)

        cards = QHBoxLayout()
        cards.setSpacing(24)
        cards.addWidget(chart_card, 3)
        cards.addWidget(list_card, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)

        # Title and scope on one line, so the spider gets the height (readable from the back).
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addLayout(scope_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 18)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(cards, 1)
        layout.addWidget(self.key_note)
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
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(6)
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
        self.summary.setText(
            arg(
                self.tr("%1 van %2 vragen beantwoord · score: % ‘Op orde’ van de antwoorden"),
                done.answered,
                done.total,
            )
        )
        self.redraw()
        blocks = [b.number for b in session.questionnaire.blocks]
        later = [b for b in blocks if block is not None and b > block]
        if later:
            self.continue_button.setText(arg(self.tr("Verder met blok %1  →"), later[0]))
        else:
            self.continue_button.setText(self.tr("Terug naar het overzicht"))

    def redraw(self) -> None:
        """Draw the spider and the list of the current scope from the answers as they are now."""
        self._stale = False
        self._spider().set_chart(self.chart())
        self.items.setHtml(self._items_html(self._block))

    def chart(self):
        """The spider of the scope shown: the block's standards, or all ten."""
        from zelfscan_app.services.charts import scan_chart

        session = self._session
        chart = scan_chart(session.questionnaire, session.current_scan())
        axes = chart.axes
        if self._block is not None:
            wanted = set(session.questionnaire.standards_in_block(self._block))
            axes = tuple(a for a in axes if a.number in wanted)
        # The card has the heading and the count; the picture keeps only what it needs.
        return replace(chart, axes=axes, title="", subtitle="", note="")

    def _spider(self):
        if self.canvas is None:
            from zelfscan_app.gui.results.spider_canvas import SpiderCanvas

            self.canvas = SpiderCanvas(self.chart_area)
            self.canvas.setMinimumSize(320, 300)  # never wider than the window allows
            self._chart_layout.addWidget(self.canvas)
        return self.canvas

    def _answer_changed(self, _question: int) -> None:
        if self.isVisible():
            self.redraw()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

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
                f"{html.escape(question.short_title or question.text)}"  # readable at a glance
                + (f"<br><i style='color:{style.MUTED};'>{html.escape(note)}</i>" if note else "")
                + "</p>"
            )
        return "".join(out)

    def focus_default(self) -> None:
        self.key_note.hide()
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter continues (a focused button: that button); 1, 2, 0 say where answering is."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus is not self.continue_button:
                focus.click()
            else:
                self.continue_button.click()
            event.accept()
            return
        if key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_B):
            self.key_note.setText(
                arg(
                    self.tr(
                        "De toets %1 geeft hier geen antwoord: dit is het overzicht van de "
                        "eerste resultaten. Antwoorden kan bij de vragen (PgUp of ‘Terug naar "
                        "de vragen’)."
                    ),
                    event.text().upper() or QKeySequence(key).toString(),
                )
            )
            self.key_note.show()
            event.accept()
            return
        super().keyPressEvent(event)
