"""Nine participants' voorbereidingen with known answers, as filled workbooks."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.exchange import layout as L
from zelfscan_app.exchange.writer import form_bytes

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE
PEOPLE = 9
DOORS = [
    "Anneke Bosma",
    "Veilig Thuis",
    "Wijkteam Noord",
    "Jeroen de Wit",
    "GGD",
    "Fatima el Amrani",
    "Leerplicht",
    "Sanne Kuipers",
    "Politie",
]


def expected(question: int) -> tuple[int, int, int]:
    """The known split of question `question` over the nine voorbereidingen."""
    op = question % 6
    niet = min(PEOPLE - op, (question * 7) % 5)
    return op, niet, PEOPLE - op - niet


def value_of(person: int, question: int) -> AnswerValue | None:
    op, niet, _ = expected(question)
    if person < op:
        return OP
    if person < op + niet:
        return NIET
    return None


def note_of(person: int, question: int) -> str:
    return f"Toelichting {person + 1} bij vraag {question}" if question % 4 == 1 else ""


def prescan_bytes(
    q: Questionnaire,
    scan: Scan | None,
    door: str,
    answers: dict[int, tuple[AnswerValue | None, str]],
    *,
    gemeente: str | None = None,
) -> bytes:
    """The app's voorbereiding form, filled as a participant would in Excel."""
    from openpyxl import load_workbook

    data = form_bytes(
        q,
        gemeente=gemeente or (scan.gemeente if scan else "Aldermeer"),
        regio=scan.regio if scan else "",
        datum=scan.datum if scan else date(2026, 3, 15),
        soort=scan.soort if scan else SoortMeting.NULMETING,
        prescan=True,
    )
    wb = load_workbook(io.BytesIO(data))
    meta = wb[L.SHEET_TOELICHTING]
    for row in range(1, 20):
        if meta.cell(row, 1).value == L.KEY_VOORBEREIDING:
            meta.cell(row, 2).value = door
            break
    else:
        raise AssertionError("no Voorbereiding door row")
    vragen = wb[L.SHEET_VRAGEN]
    for row in range(2, vragen.max_row + 1):
        number = vragen.cell(row, 1).value
        if number in answers:
            value, note = answers[number]
            vragen.cell(row, 4).value = value.value if value else None
            vragen.cell(row, 5).value = note or None
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def nine_prescans(q: Questionnaire, scan: Scan, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for person, data in enumerate(_nine_bytes(q, scan)):
        path = folder / f"voorbereiding-{person + 1}.xlsx"
        path.write_bytes(data)
        paths.append(path)
    return paths


#: The nine forms depend only on the questionnaire and the scan's gemeente, regio, datum and
#: soort: made once per process for each (openpyxl takes ~2.5 s for nine).
_NINE: dict[tuple[object, ...], tuple[bytes, ...]] = {}


def _nine_bytes(q: Questionnaire, scan: Scan) -> tuple[bytes, ...]:
    key = (q.id, q.version, scan.gemeente, scan.regio, scan.datum, scan.soort)
    if key not in _NINE:
        forms = []
        for person, door in enumerate(DOORS):
            answers = {n: (value_of(person, n), note_of(person, n)) for n in q.question_numbers}
            forms.append(prescan_bytes(q, scan, door, answers))
        _NINE[key] = tuple(forms)
    return _NINE[key]


#: The doors that cannot occur in the app's own texts (organisations such as 'Veilig Thuis'
#: are also words of the questions): what an anonymity check searches an output for.
PERSONS = ("Anneke Bosma", "Wijkteam Noord", "Jeroen de Wit", "Fatima el Amrani", "Sanne Kuipers")
