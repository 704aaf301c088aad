"""The findings report (routekaart fase 3): the spider first, then the explanations below it.

‘Zonder toelichting zijn die figuren niet goed bruikbaar’: so every question appears with the
group's answer, toelichting and nuancering, per standard.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from zelfscan_app.domain.actions import current_state
from zelfscan_app.domain.prescan import Split, SplitSource, most_disagreement
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan
from zelfscan_app.domain.scoring import standard_scores
from zelfscan_app.reports.kit_sections import empty_kit_context
from zelfscan_app.reports.scan_context import (
    ANSWER_COLOURS,
    percent,
    scan_basics,
    spider_description,
)
from zelfscan_app.reports.templates import DocumentProperties, Image, document_author, render

SPIDER_WIDTH_MM = 130
UNANSWERED = "Niet beantwoord"
PARTICIPANT_SEPARATOR = " · "


def findings_context(
    questionnaire: Questionnaire,
    scan: Scan,
    *,
    today: date,
    kit: Mapping[str, object] | None = None,
    splits: Mapping[int, Split] | None = None,
) -> dict[str, object]:
    context = scan_basics(questionnaire, scan, today)
    context.update(kit or empty_kit_context())  # routekaart and Rad van Fortuin (meeting kit)
    organisations = context["organisaties"]
    assert isinstance(organisations, list)  # scan_context.organisations
    people = len(scan.participants)
    if people:
        who = f"{people} {'persoon' if people == 1 else 'personen'}"
        # One separator, the middle dot the app uses everywhere: names such as 'Gemeente,
        # Leerplicht' carry a comma, so neither ',' nor ';' can separate them unambiguously.
        context["deelnemers_tekst"] = (
            f"{who} uit: {PARTICIPANT_SEPARATOR.join(organisations)}" if organisations else who
        )
    else:
        context["deelnemers_tekst"] = "–"
    scores = {s.standard: s for s in standard_scores(questionnaire, scan.values)}
    context["standaarden"] = [
        {
            "nummer": standard.number,
            "titel": standard.short_title,
            "tekst": standard.text,
            "score": percent(scores[standard.number].score),
            "vragen": [
                _question_row(scan, q.number, q.text)
                for q in questionnaire.questions_for_standard(standard.number)
            ],
        }
        for standard in questionnaire.standards
    ]
    context["duiding"] = duiding_paragraphs(scan.duiding)
    context.update(disagreement_context(questionnaire, scan, splits or {}))
    context["bespreekpunten"] = [
        {"nummer": q.number, "tekst": q.text}
        for q in questionnaire.questions
        if scan.answer(q.number).bespreekpunt
    ]
    return context


#: At most this many questions in 'Waar we van mening verschilden' (most disagreement first).
MAX_DISAGREEMENTS = 10


def disagreement_context(
    questionnaire: Questionnaire, scan: Scan, splits: Mapping[int, Split]
) -> dict[str, object]:
    """'Waar we van mening verschilden': the questions where at least a third of the
    voorbereidingen (or of the raised hands) saw it otherwise, with the split and the group's
    final answer. Counts only: a document never names who answered what."""
    ranked = most_disagreement(splits, MAX_DISAGREEMENTS)
    source = ""
    if ranked:
        first = ranked[0].split
        if first.source is SplitSource.VOORBEREIDING:
            people = first.answered + first.open
            source = f"de voorbereiding van {people} deelnemers, elk apart ingevuld"
        else:
            source = "het handopsteken in de bijeenkomst"
    rows = []
    for r in ranked:
        answer = scan.answer(r.question)
        rows.append(
            {
                "nummer": r.question,
                "tekst": questionnaire.question(r.question).text,
                "verdeling": r.split.label(),
                "verschil": r.split.minority_text(),
                "antwoord": answer.value.value if answer.value else UNANSWERED,
                "kleur": ANSWER_COLOURS[answer.value],
            }
        )
    return {"verschillen": rows, "verschillen_bron": source}


def duiding_paragraphs(text: str) -> list[str]:
    """The group's duiding as paragraphs: a blank line starts a new one, a newline stays."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return [b.strip() for b in blocks if b.strip()]


def _question_row(scan: Scan, number: int, text: str) -> dict[str, object]:
    answer = scan.answer(number)
    return {
        "nummer": number,
        "tekst": text,
        "antwoord": answer.value.value if answer.value else UNANSWERED,
        "kleur": ANSWER_COLOURS[answer.value],
        "toelichting": current_state(answer.toelichting, answer.nuancering),
    }


def render_findings(
    questionnaire: Questionnaire,
    scan: Scan,
    *,
    template: Path,
    spider_png: bytes | None,
    today: date | None = None,
    author: str = "",
    kit: Mapping[str, object] | None = None,
    splits: Mapping[int, Split] | None = None,
) -> bytes:
    """The findings report (spider, score table, answers with toelichting) as .docx bytes."""
    context = findings_context(
        questionnaire, scan, today=today or date.today(), kit=kit, splits=splits
    )
    spider = (
        Image(spider_png, SPIDER_WIDTH_MM, spider_description(questionnaire, scan))
        if spider_png
        else None
    )
    return render(
        template,
        context,
        DocumentProperties(
            title=f"Resultaten zelfscan – {context['eigenaar']}, {context['meting_kort']}",
            subject="Rapportage zelfscan Kwaliteitskader Werken aan veiligheid",
            author=document_author(author),
        ),
        images={"spinnenweb": spider},
    )
