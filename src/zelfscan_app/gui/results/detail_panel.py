"""Details of one standard: its full text and every question with answer and explanations."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.services.charts import StandardResult

_COLOURS = {AnswerValue.OP_ORDE: "#2E7D0B", AnswerValue.NIET_OP_ORDE: "#C5281C"}


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
                f"<p style='color:#4f5b66'>{html.escape(self.tr('Kies een kwaliteitsstandaard in de tabel om de vragen, antwoorden en toelichtingen te zien.'))}</p>"  # noqa: E501
            )
            return
        e = html.escape
        parts = [
            f"<h3>{e(str(result.number))}. {e(result.title)} — {e(result.score_text)}</h3>",
            f"<p style='color:#4f5b66'>{e(result.text)}</p>",
        ]
        for q in result.questions:
            colour = _COLOURS.get(q.value, "#4f5b66") if q.value else "#4f5b66"
            answer = q.value.value if q.value else self.tr("Nog niet beantwoord")
            parts.append(
                f"<p><b>{e(self.tr('Vraag'))} {q.number}.</b> {e(q.text)}<br>"
                f"<span style='color:{colour}; font-weight:600'>{e(answer)}</span>"
                + (f" · <i>{e(self.tr('bespreekpunt'))}</i>" if q.bespreekpunt else "")
            )
            for label, text in (
                (self.tr("Toelichting"), q.toelichting),
                (self.tr("Nuancering"), q.nuancering),
            ):
                if text.strip():
                    parts.append(f"<br><b>{e(label)}:</b> {e(text.strip())}")
            parts.append("</p>")
        self.setHtml("".join(parts))

    def plain_text(self) -> str:
        return self.toPlainText()
