"""The answer HTML the result panels share: pure functions from answers to rich text.

The results detail panel (one scan, one standard) and the regional overview (one municipality
or one question) print answers the same way: the answer in green or red, then the toelichting
and nuancering, hints in the muted grey. Written once here, with the colours of `gui.style`,
so the two can never drift apart. Pure: strings in, escaped HTML out, no widgets.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Protocol

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.gui import style

ANSWER_COLOURS = {AnswerValue.OP_ORDE: style.GREEN, AnswerValue.NIET_OP_ORDE: style.RED}


def answer_colour(value: AnswerValue | None) -> str:
    """Green for Op orde, red for Niet op orde, muted grey for no answer."""
    return ANSWER_COLOURS.get(value, style.MUTED) if value is not None else style.MUTED


def hint_html(text: str) -> str:
    """A muted paragraph: what to click, or why something is not shown."""
    return f"<p style='color:{style.MUTED}'>{html.escape(text)}</p>"


def muted_html(text: str) -> str:
    """Muted inline text (a question's wording under its answer)."""
    return f"<span style='color:{style.MUTED}'>{html.escape(text)}</span>"


def answer_span(value: AnswerValue | None, text: str) -> str:
    """The answer as a coloured, bold span."""
    return f"<span style='color:{answer_colour(value)}; font-weight:600'>{html.escape(text)}</span>"


def texts_html(toelichting: str, nuancering: str) -> str:
    """'<br><b>Toelichting:</b> …' and the nuancering, each only when it has text."""
    parts = []
    for label, text in (("Toelichting", toelichting), ("Nuancering", nuancering)):
        if text.strip():
            parts.append(f"<br><b>{html.escape(label)}:</b> {html.escape(text.strip())}")
    return "".join(parts)


class AnswerRow(Protocol):
    """What `answer_paragraphs` needs of one answer (a `services.region.AnswerLine` has it)."""

    @property
    def label(self) -> str: ...
    @property
    def value(self) -> AnswerValue | None: ...
    @property
    def value_text(self) -> str: ...
    @property
    def toelichting(self) -> str: ...
    @property
    def nuancering(self) -> str: ...


def answer_paragraphs(
    lines: Sequence[tuple[int, AnswerRow]],
    questionnaire: Questionnaire,
    *,
    by_question: bool = False,
) -> list[str]:
    """One paragraph per answer: who (or which question) — the answer, then the texts.

    `by_question`: one municipality's answers, headed 'Vraag N' with the question's wording;
    otherwise one question's answers, headed by each municipality's label.
    """
    e = html.escape
    parts = []
    for number, line in lines:
        who = f"Vraag {number}" if by_question else e(line.label)
        block = f"<p><b>{who}</b> — {answer_span(line.value, line.value_text)}"
        if by_question:
            block += f"<br>{muted_html(questionnaire.question(number).text)}"
        block += texts_html(line.toelichting, line.nuancering)
        parts.append(block + "</p>")
    return parts
