"""Details of one standard: its full text and every question with answer and explanations."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from zelfscan_app.gui.answer_html import answer_span, hint_html, muted_html, texts_html
from zelfscan_app.services.charts import StandardResult


class StandardDetail(QTextBrowser):
    """Read-only rich text, so it can be selected, copied and read by a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardDetail")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Details van de kwaliteitsstandaard"))
        self._result: StandardResult | None = None
        self.set_result(None)

    @property
    def result(self) -> StandardResult | None:
        return self._result

    def set_result(self, result: StandardResult | None) -> None:
        self._result = result
        if result is None:
            self.setHtml(
                hint_html(
                    self.tr(
                        "Kies een kwaliteitsstandaard in de tabel om de vragen, antwoorden en "
                        "toelichtingen te zien."
                    )
                )
            )
            return
        e = html.escape
        parts = [
            f"<h3>{e(str(result.number))}. {e(result.title)} — {e(result.score_text)}</h3>",
            f"<p>{muted_html(result.text)}</p>",
        ]
        for q in result.questions:
            answer = q.value.value if q.value else self.tr("Nog niet beantwoord")
            parts.append(
                f"<p><b>{e(self.tr('Vraag'))} {q.number}.</b> {e(q.text)}<br>"
                + answer_span(q.value, answer)
                + (f" · <i>{e(self.tr('bespreekpunt'))}</i>" if q.bespreekpunt else "")
                + texts_html(q.toelichting, q.nuancering)
                + "</p>"
            )
        self.setHtml("".join(parts))

    def plain_text(self) -> str:
        return self.toPlainText()
