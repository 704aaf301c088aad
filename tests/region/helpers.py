"""Generated regions for the regional tests, and an independent computation of their numbers.

The independent computation uses nothing from `domain.scoring` or `domain.region`: plain
counting over the questionnaire's mapping of questions to standards.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from random import Random
from statistics import fmean

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer, AnswerValue, Participant, Scan, SoortMeting

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE

#: Distinctive names that appear nowhere else in the app's texts.
NAMES = (
    "Aldermeer",
    "Brugwijk",
    "Dalvoorde",
    "Eikenrade",
    "Hoogveen",
    "Lindehout",
    "Oosterwaal",
    "Zandhorst",
    "Westerkaap",
    "Kromvliet",
    "Tjaarddorp",
    "Quirijnsland",
)
PEOPLE = ("Fenna Wiersma", "Joost Brinkhorst", "Marieke Verbeek")


def make_scan(
    q: Questionnaire,
    gemeente: str,
    *,
    seed: int,
    regio: str = "Regio Testland",
    datum: date = date(2026, 3, 2),
    soort: SoortMeting = SoortMeting.NULMETING,
    skip: frozenset[int] = frozenset(),
    texts: bool = True,
    neighbour: str = "Brugwijk",
) -> Scan:
    """A scan with varied answers; `skip` questions stay unanswered. Toelichtingen name the
    municipality, a neighbour and a participant, as real ones do."""
    rng = Random(seed)
    strength = rng.uniform(0.15, 0.95)
    answers = []
    for question in q.questions:
        if question.number in skip:
            continue
        value = OP if rng.random() < strength else NIET
        text = (
            f"In {gemeente} besproken met {PEOPLE[question.number % 2]}; anders dan in {neighbour}."
            if texts and question.number % 3 == 0
            else ""
        )
        answers.append(Answer(question.number, value, text, "nuance" if texts else ""))
    return Scan(
        gemeente=gemeente,
        regio=regio,
        datum=datum,
        soort=soort,
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        facilitator=PEOPLE[2],
        participants=(Participant(PEOPLE[0], "Gemeente", "beleid"), Participant(PEOPLE[1])),
        answers=tuple(answers),
    )


def region(q: Questionnaire, count: int, *, seed: int = 7, **kwargs) -> list[Scan]:
    return [
        make_scan(q, NAMES[i], seed=seed * 100 + i, neighbour=NAMES[(i + 1) % count], **kwargs)
        for i in range(count)
    ]


def write(q: Questionnaire, scan: Scan, path: Path, *, with_participants: bool = False) -> Path:
    from zelfscan_app.exchange.writer import scan_bytes

    path.write_bytes(scan_bytes(q, scan, with_participants=with_participants))
    return path


def edit_workbook(
    path: Path, *, vragenlijst: str | None = None, drop: tuple[int, ...] = ()
) -> None:
    """Pretend another questionnaire (version): change the label, remove question rows."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    if vragenlijst is not None:
        for row in wb["Toelichting"].iter_rows():
            if row[0].value == "Vragenlijst":
                row[1].value = vragenlijst
    vragen = wb["Vragen"]
    for number in sorted(drop, reverse=True):
        for row in vragen.iter_rows(min_row=2):
            if row[0].value == number:
                vragen.delete_rows(row[0].row)
                break
    out = BytesIO()
    wb.save(out)
    path.write_bytes(out.getvalue())


def latest(scans: list[Scan], soort: SoortMeting | None = None) -> dict[str, Scan]:
    chosen: dict[str, Scan] = {}
    for scan in scans:
        if soort is not None and scan.soort is not soort:
            continue
        old = chosen.get(scan.gemeente)
        if old is None or scan.datum > old.datum:
            chosen[scan.gemeente] = scan
    return chosen


def expected_json(q: Questionnaire, scans: list[Scan], questions: set[int] | None = None) -> dict:
    """The JSON contract computed the plain way, from the chosen scans."""
    asked = questions if questions is not None else {x.number for x in q.questions}
    standards = {}
    for standard in q.standards:
        numbers = [x.number for x in q.questions if x.standard == standard.number]
        scores = []
        for scan in scans:
            values = {a.question: a.value for a in scan.answers if a.question in asked}
            given = [values.get(n) for n in numbers if values.get(n) is not None]
            if given:
                scores.append(100.0 * sum(v == OP for v in given) / len(given))
        standards[str(standard.number)] = {
            "mean": round(fmean(scores), 1) if scores else None,
            "min": round(min(scores), 1) if scores else None,
            "max": round(max(scores), 1) if scores else None,
            "n": len(scores),
        }
    per_question = {}
    for question in q.questions:
        if question.number not in asked:
            continue
        values = [
            next((a.value for a in s.answers if a.question == question.number), None) for s in scans
        ]
        per_question[str(question.number)] = {
            "op_orde": sum(v == OP for v in values),
            "answered": sum(v is not None for v in values),
        }
    return {
        "questionnaire": {"id": q.id, "version": q.version},
        "municipalities": len(scans),
        "standards": standards,
        "questions": per_question,
    }


def later(scan: Scan, days: int, **changes) -> Scan:
    return replace(scan, datum=scan.datum + timedelta(days=days), **changes)
