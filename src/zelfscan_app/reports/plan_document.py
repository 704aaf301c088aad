"""The plan van aanpak in the format of bijlage 5, filled from the scan and its actions.

The document is ‘70 % written’ from the group's own words: every Niet-op-orde question is a row
(verbeterpunt from the question, huidige stand from toelichting and nuancering) and whatever the
municipality typed in the action editor fills the other columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from zelfscan_app.domain.actions import current_state
from zelfscan_app.domain.guidance import Guidance
from zelfscan_app.domain.questionnaire import PlanGroup, Question, Questionnaire
from zelfscan_app.domain.scan import Action, ActionStatus, AnswerValue, Scan
from zelfscan_app.reports.guidance_context import suggestion_context
from zelfscan_app.reports.scan_context import scan_basics, spider_description
from zelfscan_app.reports.templates import DocumentProperties, Image, document_author, render

SPIDER_WIDTH_MM = 125


@dataclass(frozen=True, slots=True)
class EarlierAction:
    """An open action of an earlier scan of the same municipality, with that scan's label."""

    scan_label: str
    action: Action


def default_period(scan_date: date) -> tuple[int, int]:
    """Two calendar years from the scan; a scan late in the year plans from the next year."""
    start = scan_date.year + (1 if scan_date.month >= 10 else 0)
    return start, start + 1


def period_text(period: tuple[int, int]) -> str:
    return f"{period[0]} – {period[1]}"


def parse_period(text: str) -> tuple[int, int]:
    """'2025-2027' or '2025 – 2027' → (2025, 2027); ValueError in Dutch otherwise."""
    cleaned = text.replace("–", "-").replace("—", "-").replace(" ", "")
    parts = cleaned.split("-")
    if len(parts) == 2 and all(p.isdigit() and len(p) == 4 for p in parts):
        start, end = int(parts[0]), int(parts[1])
        if start <= end:
            return start, end
    raise ValueError(f"ongeldige periode '{text}' (verwacht bijvoorbeeld 2025-2027)")


def _join(numbers: Sequence[int]) -> str:
    text = [str(n) for n in numbers]
    return text[0] if len(text) == 1 else f"{', '.join(text[:-1])} en {text[-1]}"


def group_heading(group: PlanGroup) -> str:
    word = "Kwaliteitsstandaard" if len(group.standards) == 1 else "Kwaliteitsstandaarden"
    return f"{word} {_join(group.standards)}: {group.title}"


def plan_groups(questionnaire: Questionnaire) -> list[PlanGroup]:
    """The questionnaire's groups, plus one group per standard no group mentions."""
    groups = list(questionnaire.plan_groups)
    covered = {n for g in groups for n in g.standards}
    for standard in questionnaire.standards:
        if standard.number not in covered:
            groups.append(PlanGroup(title=standard.short_title, standards=(standard.number,)))
    return groups


def action_row(action: Action, question: Question | None = None) -> dict[str, str]:
    """One table row; `question` adds its full text under the huidige stand van zaken.

    The verbeterpunt is a statement ("Vraag 4 — de opdracht is niet bekend …"), so the question
    the group answered stays readable in the row, unless the verbeterpunt already quotes it.
    """
    planning = action.planning
    if action.status is not ActionStatus.GEPLAND:
        planning = f"{planning}\nStatus: {action.status.value}".strip()
    asked = ""
    if question is not None and question.text not in action.maatregel:
        asked = f"Vraag: {question.text}"
    return {
        "maatregel": action.maatregel,
        "huidige_stand": action.huidige_stand,
        "vraag": asked,
        "verbeteractie": action.verbeteractie,
        "beoogd_resultaat": action.beoogd_resultaat,
        "wie": action.wie,
        "planning": planning,
        "kosten": action.kosten,
    }


def unanswered_row(question: Question, scan: Scan) -> dict[str, str]:
    """A row for a question without an answer: it is open, never silently 'op orde'."""
    answer = scan.answer(question.number)
    return {
        "maatregel": f"Vraag {question.number} is niet beantwoord — nog te bespreken",
        "huidige_stand": current_state(answer.toelichting, answer.nuancering),
        "vraag": f"Vraag: {question.text}",
        "verbeteractie": "",
        "beoogd_resultaat": "",
        "wie": "",
        "planning": "",
        "kosten": "",
    }


def group_rows(
    questionnaire: Questionnaire, scan: Scan, group: PlanGroup, actions: Sequence[Action]
) -> list[dict[str, str]]:
    """The group's actions in their order, with a row per unanswered question slotted in."""
    order = {q.number: i for i, q in enumerate(questionnaire.questions)}
    rows: list[tuple[float, int, dict[str, str]]] = []
    last = -1.0
    for index, action in enumerate(a for a in actions if a.standard in group.standards):
        question = (
            questionnaire.question(action.question)
            if action.question is not None and questionnaire.has_question(action.question)
            else None
        )
        if question is not None:
            last = float(order[question.number])
        rows.append((last, index, action_row(action, question)))
    for question in questionnaire.questions:
        if question.standard in group.standards and scan.answer(question.number).value is None:
            rows.append((order[question.number] + 0.5, -1, unanswered_row(question, scan)))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [row for _, _, row in rows]


def all_op_orde(questionnaire: Questionnaire, scan: Scan, group: PlanGroup) -> bool:
    """Only then may the plan say that every question of the group is 'Op orde'."""
    return all(
        scan.answer(q.number).value is AnswerValue.OP_ORDE
        for q in questionnaire.questions
        if q.standard in group.standards
    )


def plan_context(
    questionnaire: Questionnaire,
    scan: Scan,
    actions: Sequence[Action],
    *,
    period: tuple[int, int],
    earlier: Sequence[EarlierAction] = (),
    today: date,
) -> dict[str, object]:
    context = scan_basics(questionnaire, scan, today)
    context["periode"] = period_text(period)
    context["niet_op_orde"] = [
        {"nummer": q.number, "standaard": q.standard, "tekst": q.text}
        for q in questionnaire.questions
        if scan.answer(q.number).value is AnswerValue.NIET_OP_ORDE
    ]
    context["niet_beantwoord"] = [
        {"nummer": q.number, "standaard": q.standard, "tekst": q.text}
        for q in questionnaire.questions
        if scan.answer(q.number).value is None
    ]
    context["groepen"] = [
        {
            "kop": group_heading(group),
            "standaarden": [
                {"nummer": n, "tekst": questionnaire.standard(n).text} for n in group.standards
            ],
            "acties": group_rows(questionnaire, scan, group, actions),
            "alles_op_orde": all_op_orde(questionnaire, scan, group),
        }
        for group in plan_groups(questionnaire)
    ]
    context["eerdere_acties"] = [
        {
            "zelfscan": e.scan_label,
            "maatregel": e.action.maatregel,
            "verbeteractie": e.action.verbeteractie,
            "wie": e.action.wie,
            "planning": e.action.planning,
            "status": e.action.status.value,
        }
        for e in earlier
    ]
    return context


def render_plan(
    questionnaire: Questionnaire,
    scan: Scan,
    actions: Sequence[Action],
    *,
    template: Path,
    spider_png: bytes | None,
    period: tuple[int, int] | None = None,
    earlier: Sequence[EarlierAction] = (),
    today: date | None = None,
    author: str = "",
    guidance: Guidance | None = None,
) -> bytes:
    """The plan van aanpak as .docx bytes; `actions` as returned by services.actions.

    `author` is the user's organisation for the file properties (empty: the app's name).
    """
    period = period or default_period(scan.datum)
    context = plan_context(
        questionnaire,
        scan,
        actions,
        period=period,
        earlier=earlier,
        today=today or date.today(),
    )
    context.update(suggestion_context(questionnaire, guidance, scan))
    spider = (
        Image(spider_png, SPIDER_WIDTH_MM, spider_description(questionnaire, scan))
        if spider_png
        else None
    )
    return render(
        template,
        context,
        DocumentProperties(
            title=f"Plan van Aanpak {period_text(period)} – {context['eigenaar']}",
            subject="Plan van aanpak Kwaliteitskader Werken aan veiligheid",
            author=document_author(author),
        ),
        images={"spinnenweb": spider},
    )
