"""Drafting the plan van aanpak from a scan: one verbeterpunt per 'Niet op orde' answer.

The draft is what makes the plan '70 % written' from the group's own words: the verbeterpunt
comes from the question, the huidige stand van zaken from its toelichting and nuancering.
"""

from __future__ import annotations

from collections.abc import Iterable

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Action, AnswerValue, Scan


def current_state(toelichting: str, nuancering: str) -> str:
    parts = [toelichting.strip()]
    if nuancering.strip():
        parts.append(f"Nuancering: {nuancering.strip()}")
    return "\n".join(p for p in parts if p)


def draft_actions(questionnaire: Questionnaire, scan: Scan) -> list[Action]:
    """Suggested actions for every question answered 'Niet op orde', in questionnaire order."""
    drafts = []
    for question in questionnaire.questions:
        answer = scan.answer(question.number)
        if answer.value is not AnswerValue.NIET_OP_ORDE:
            continue
        drafts.append(
            Action(
                standard=question.standard,
                question=question.number,
                maatregel=question.improvement_point,
                huidige_stand=current_state(answer.toelichting, answer.nuancering),
            )
        )
    return drafts


def merge_with_drafts(
    questionnaire: Questionnaire, scan: Scan, stored: Iterable[Action]
) -> list[Action]:
    """Stored actions first-class; drafts only for Niet-op-orde questions without one yet."""
    stored = list(stored)
    covered = {a.question for a in stored if a.question is not None}
    drafts = [a for a in draft_actions(questionnaire, scan) if a.question not in covered]
    # Questionnaire order, as the group went through it; an action without a question comes
    # after the questions of its standard.
    order = {q.number: i for i, q in enumerate(questionnaire.questions)}
    first = {
        s.number: min(q.number for q in questionnaire.questions_for_standard(s.number))
        for s in questionnaire.standards
    }
    return sorted(
        [*stored, *drafts],
        key=lambda a: (
            order.get(first.get(a.standard, 0), 10_000),
            order.get(a.question or 0, 10_000),
            a.id or 0,
        ),
    )
