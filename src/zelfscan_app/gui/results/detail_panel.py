"""Details of one standard: its full text and every question with answer and explanations."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import UTC

from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from zelfscan_app.domain.history import HistoryEntry, describe
from zelfscan_app.gui import style
from zelfscan_app.gui.answer_html import answer_span, hint_html, muted_html, texts_html
from zelfscan_app.gui.i18n import arg
from zelfscan_app.services.charts import StandardResult

HISTORY_SHOWN = 8  # newest changes per question; the rest is counted


def local_time(entry: HistoryEntry) -> str:
    """The UTC moment of a change in the workstation's own time: '2-12-2026 11:32'."""
    moment = entry.changed_at.replace(tzinfo=UTC).astimezone()
    return f"{moment.day}-{moment.month}-{moment.year} {moment:%H:%M}"


class StandardDetail(QTextBrowser):
    """Read-only rich text, so it can be selected, copied and read by a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardDetail")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Details van de kwaliteitsstandaard"))
        self._result: StandardResult | None = None
        self._history: Mapping[int, Sequence[HistoryEntry]] = {}
        self.set_result(None)

    @property
    def result(self) -> StandardResult | None:
        return self._result

    def set_result(
        self,
        result: StandardResult | None,
        history: Mapping[int, Sequence[HistoryEntry]] | None = None,
    ) -> None:
        """Show a standard; `history` (question → changes, oldest first) adds a
        'Geschiedenis' per question: when, who on which workstation, old → new."""
        self._result = result
        self._history = history or {}
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
            parts.append(self._history_html(self._history.get(q.number, ())))
        self.setHtml("".join(parts))

    def _history_html(self, entries: Sequence[HistoryEntry]) -> str:
        if not entries:
            return ""
        e = html.escape
        newest = list(reversed(entries))[:HISTORY_SHOWN]
        lines = [
            f"{e(local_time(h))} · {e(h.editor.user)} ({e(h.editor.workstation)}): {e(describe(h))}"
            for h in newest
        ]
        older = len(entries) - len(newest)
        if older:
            lines.append(e(arg(self.tr("en %1 eerdere wijziging(en)"), str(older))))
        return (
            f"<p style='color:{style.MUTED}; margin-left:16px'>"
            f"<b>{e(self.tr('Geschiedenis'))}</b><br>" + "<br>".join(lines) + "</p>"
        )

    def plain_text(self) -> str:
        return self.toPlainText()
