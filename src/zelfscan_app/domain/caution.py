"""Small numbers, said honestly: the notes every regional figure carries, and 'x van y'.

A regional mean over three municipalities, or over scans with open questions, looks as solid as
one over thirty. These pure functions decide, once for every output (chart, table, workbook,
Word report, window), which note a regional figure gets and what count stands beside a
percentage, so no output can forget or reword the rule.
"""

from __future__ import annotations

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import MIN_GROUP_SIZE, RegionSummary

#: Below this many municipalities a regional figure carries a note (the same 5 as anonymity).
SMALL_REGION = MIN_GROUP_SIZE


def standard_count(
    questionnaire: Questionnaire, summary: RegionSummary, number: int
) -> tuple[int, int]:
    """(op orde, answered) over the standard's questions and all merged municipalities."""
    asked = {q.number for q in questionnaire.questions_for_standard(number)}
    rows = [q for q in summary.questions if q.question in asked]
    return sum(q.op_orde for q in rows), sum(q.answered for q in rows)


def count_text(
    questionnaire: Questionnaire,
    summary: RegionSummary,
    number: int,
    *,
    suppressed: bool = False,
    short: bool = False,
) -> str:
    """'23 van 37 antwoorden op orde', or for a one-question standard '6 van 8 gemeenten op orde'
    ('23 van 37' when `short`, for a narrow table column that explains it below).

    Empty when nothing was answered, and when the disclosure forbids per-question counts (an
    anonymised region below the minimum group size: '1 van 3' would point at a municipality).
    """
    if suppressed:
        return ""
    op_orde, answered = standard_count(questionnaire, summary, number)
    if not answered:
        return ""
    if short:
        return f"{op_orde} van {answered}"
    one_question = len(questionnaire.questions_for_standard(number)) == 1
    unit = "gemeenten" if one_question else "antwoorden"
    return f"{op_orde} van {answered} {unit} op orde"


def small_region(summary: RegionSummary, minimum: int = SMALL_REGION) -> bool:
    return 0 < len(summary.municipalities) < minimum


def incomplete_questions(summary: RegionSummary) -> int:
    """How many questions lack an answer from at least one merged municipality."""
    return sum(q.answered < q.municipalities for q in summary.questions)


def single_question_standards(questionnaire: Questionnaire) -> tuple[int, ...]:
    return tuple(
        s.number
        for s in questionnaire.standards
        if len(questionnaire.questions_for_standard(s.number)) == 1
    )


def region_warnings(summary: RegionSummary, minimum: int = SMALL_REGION) -> tuple[str, ...]:
    """Warnings about the numbers themselves: too few municipalities, incomplete scans."""
    notes: list[str] = []
    count = len(summary.municipalities)
    if small_region(summary, minimum):
        word = "gemeente" if count == 1 else "gemeenten"
        notes.append(
            f"Dit regionale beeld rust op {count} {word}, minder dan {minimum}. Eén "
            "gemeente meer of minder verandert de gemiddelden sterk; lees de cijfers als "
            "indicatie, niet als vaststaand beeld van de regio."
        )
    open_questions = incomplete_questions(summary)
    if open_questions:
        word = "vraag" if open_questions == 1 else "vragen"
        notes.append(
            "Niet alle zelfscans zijn volledig ingevuld. Bij "
            f"{open_questions} {word} ontbreekt het antwoord van een of meer gemeenten; de "
            "scores van die gemeenten rusten op minder vragen."
        )
    return tuple(notes)


def single_question_note(questionnaire: Questionnaire) -> str:
    """What a regional score of a one-question standard is ('' when there is none)."""
    single = single_question_standards(questionnaire)
    if not single:
        return ""
    listed = ", ".join(map(str, single[:-1])) + f" en {single[-1]}" if len(single) > 1 else ""
    listed = listed or str(single[0])
    word = "heeft" if len(single) == 1 else "hebben elk"
    return (
        f"Kwaliteitsstandaard {listed} {word} één vraag: de score van een gemeente is dat "
        "ene antwoord (0% of 100%), en het regionale gemiddelde is het deel van de "
        "gemeenten dat die vraag met ‘Op orde’ beantwoordde."
    )


def region_cautions(
    questionnaire: Questionnaire, summary: RegionSummary, minimum: int = SMALL_REGION
) -> tuple[str, ...]:
    """The notes a regional figure must carry, in Dutch: the warnings, then what a
    one-question standard's score means. Each output frames them its own way (a 'Let op'
    heading, a note under a table).
    """
    # Without any score (withheld below the group size) there is no score to explain.
    scored = any(s.mean is not None for s in summary.standards)
    note = single_question_note(questionnaire) if scored else ""
    return (*region_warnings(summary, minimum), *((note,) if note else ()))


def chart_caution(summary: RegionSummary, minimum: int = SMALL_REGION) -> str:
    """The short version under a regional spider ('' when the picture needs no caution)."""
    parts = []
    count = len(summary.municipalities)
    if small_region(summary, minimum):
        parts.append(f"slechts {count} {'gemeente' if count == 1 else 'gemeenten'}")
    if incomplete_questions(summary):
        parts.append("niet alle zelfscans volledig ingevuld")
    return f"Let op: {' en '.join(parts)}; lees de cijfers als indicatie." if parts else ""
