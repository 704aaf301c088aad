"""Write the regional workbook: the scan workbook's family, for a region instead of one scan.

Sheets: `Toelichting` (what was merged, how, and what is left out), `Resultaten` (mean, lowest,
highest and n per standard, with a native radar chart), `Per vraag` ('x van y gemeenten op
orde'), `Per gemeente` (the heat map) and `Toelichtingen` (the explanations). This module
prints what it is given: the caller (`services.region.RegionReport`) has already replaced names
by codes and left out what the disclosure forbids, so no rule about anonymity lives here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

from zelfscan_app.domain.caution import count_text
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import RegionSummary
from zelfscan_app.dutch_text import gemeenten
from zelfscan_app.exchange.sheet_style import (
    BLUE,
    LIGHT,
    box,
    calibri,
    page_setup,
    row_height,
    write_header,
    write_paragraphs,
    write_text,
)
from zelfscan_app.exchange.writer import standard_label
from zelfscan_app.reports.scan_context import NO_SCORE_COLOUR, SCORE_COLOURS, score_colour

if TYPE_CHECKING:
    from openpyxl.cell import Cell
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TOELICHTING = "Toelichting"
SHEET_RESULTATEN = "Resultaten"
SHEET_PER_VRAAG = "Per vraag"
SHEET_PER_GEMEENTE = "Per gemeente"
SHEET_TOELICHTINGEN = "Toelichtingen"

NO_VALUE = "–"
_GREY_TEXT = "595959"
_PERCENT = '0"%"'
CLASS_LABELS = ("0–24%", "25–49%", "50–74%", "75–99%", "100%")


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    """One row of the heat map: a name or code, a score per standard (None: no score)."""

    label: str
    scores: tuple[float | None, ...]  # in questionnaire order
    answered: int
    total: int
    meting: str


@dataclass(frozen=True, slots=True)
class TextRow:
    label: str
    question: int
    answer: str
    toelichting: str
    nuancering: str


@dataclass(frozen=True, slots=True)
class RegionWorkbook:
    """Everything the workbook shows, already anonymised where it had to be."""

    questionnaire: Questionnaire
    summary: RegionSummary
    title: str  # the region's name (or 'Regio')
    facts: tuple[tuple[str, str], ...]
    notes: tuple[str, ...] = ()
    rows: tuple[MunicipalityRow, ...] | None = None  # None: no per-municipality sheet
    texts: tuple[TextRow, ...] | None = None  # None: no explanations sheet
    per_municipality: bool = True  # spread and per-question counts may be shown
    scores: bool = True  # False: no score at all (not even the mean), only the count
    hidden_reason: str = ""
    anonymous: bool = False
    cautions: tuple[str, ...] = ()  # domain.caution.region_cautions: small n, incomplete scans


def region_workbook_bytes(book: RegionWorkbook) -> bytes:
    from openpyxl import Workbook

    from zelfscan_app import __version__

    wb = Workbook()
    wb.properties.creator = f"Zelfscan Kwaliteitskader {__version__}"
    wb.properties.lastModifiedBy = None
    wb.properties.title = f"Regio-overzicht zelfscan – {book.title}"
    toelichting = wb.active
    toelichting.title = SHEET_TOELICHTING
    _fill_toelichting(toelichting, book)
    resultaten = wb.create_sheet(SHEET_RESULTATEN)
    _fill_resultaten(resultaten, book)
    per_vraag = wb.create_sheet(SHEET_PER_VRAAG)
    _fill_per_vraag(per_vraag, book)
    sheets = [toelichting, resultaten, per_vraag]
    if book.rows is not None:
        sheets.append(wb.create_sheet(SHEET_PER_GEMEENTE))
        _fill_per_gemeente(sheets[-1], book)
    if book.texts is not None:
        sheets.append(wb.create_sheet(SHEET_TOELICHTINGEN))
        _fill_toelichtingen(sheets[-1], book)
    for ws in sheets:
        page_setup(ws, book.title)
        if ws.title != SHEET_TOELICHTING:
            ws.page_setup.fitToHeight = 0
            fit_header_words(ws)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


#: Column width (Excel's character units) one character of a bold 11 pt header needs.
HEADER_CHAR_WIDTH = 1.15


def header_word_width(text: str) -> float:
    """The width a header's longest word needs, so a wrapped header never breaks inside it."""
    longest = max((len(word) for word in str(text or "").split()), default=0)
    return round(longest * HEADER_CHAR_WIDTH + 2, 1)


def fit_header_words(ws: Worksheet) -> None:
    """Widen columns whose header cell (the blue, wrapped ones) would break a word in two."""
    from openpyxl.utils import get_column_letter

    for row in ws.iter_rows(max_row=8):
        for cell in row:
            if cell.value is None or cell.fill.fgColor.rgb not in (BLUE, f"00{BLUE}"):
                continue
            letter = get_column_letter(cell.column)
            needed = header_word_width(str(cell.value))
            if (ws.column_dimensions[letter].width or 8.43) < needed:
                ws.column_dimensions[letter].width = needed


def _title(ws: Worksheet, title: str, subtitle: str) -> None:
    ws["A1"] = title
    ws["A1"].font = calibri(size=16, bold=True, color=BLUE)
    write_text(ws["A2"], subtitle)
    ws["A2"].font = calibri(size=12)


def _note(ws: Worksheet, row: int, text: str, last_column: int, width: float) -> int:
    """A wrapped grey note across columns A..last_column; returns the next free row."""
    from openpyxl.styles import Alignment

    cell = ws.cell(row, 1)
    write_text(cell, text)
    cell.font = calibri(italic=True, color=_GREY_TEXT)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if last_column > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
    ws.row_dimensions[row].height = row_height([(text, width)])
    return row + 1


# Toelichting --------------------------------------------------------------------------------


def _fill_toelichting(ws: Worksheet, book: RegionWorkbook) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 58
    ws.column_dimensions["C"].width = 42
    ws["A1"] = "Zelfscan Kwaliteitskader — regio-overzicht"
    ws["A1"].font = calibri(size=18, bold=True, color=BLUE)
    write_text(ws["A2"], book.questionnaire.title)
    ws["A2"].font = calibri(size=12, color=BLUE)
    write_text(
        ws["A3"],
        "De zelfscans van een regio samengevoegd met het programma Zelfscan Kwaliteitskader.",
    )
    ws["A3"].font = calibri(italic=True, color=_GREY_TEXT)
    first = 5
    write_header(ws.cell(first - 1, 1), "Gegevens")
    write_header(ws.cell(first - 1, 2), "")
    for offset, (key, value) in enumerate(book.facts):
        row = first + offset
        ws.cell(row, 1, key).font = calibri(bold=True)
        write_text(ws.cell(row, 2), value)
        box(ws.cell(row, 1), fill=LIGHT)
        box(ws.cell(row, 2))
    row = first + len(book.facts) + 1
    if book.notes:
        row = write_paragraphs(ws, row, "Let op", list(book.notes), numbered=False) + 1
    sheets = [
        f"'{SHEET_RESULTATEN}': per kwaliteitsstandaard de gemiddelde score van de gemeenten, "
        "de laagste en de hoogste, het aantal gemeenten met een score (n) en het spinnenweb.",
        f"'{SHEET_PER_VRAAG}': per vraag hoeveel gemeenten hem met ‘Op orde’ beantwoordden, "
        "van het aantal dat hem beantwoordde.",
    ]
    if book.rows is not None:
        sheets.append(
            f"'{SHEET_PER_GEMEENTE}': de score van elke gemeente per kwaliteitsstandaard, "
            "gekleurd van oranje (laag) naar blauw (hoog); het getal staat altijd in de cel."
        )
    if book.texts is not None:
        sheets.append(f"'{SHEET_TOELICHTINGEN}': de toelichting en nuancering per vraag.")
    explanation = [
        "De score van een gemeente is per kwaliteitsstandaard het percentage ‘Op orde’ van de "
        "beantwoorde vragen. Een standaard zonder antwoorden heeft geen score en telt niet mee "
        "(geen 0); n zegt hoeveel gemeenten wel een score hebben.",
        "De regionale score is het gemiddelde van de scores van de gemeenten.",
        *sheets,
    ]
    write_paragraphs(ws, row, "Over dit overzicht", explanation, numbered=False)


# Resultaten ---------------------------------------------------------------------------------


def _fill_resultaten(ws: Worksheet, book: RegionWorkbook) -> None:
    from openpyxl.styles import Alignment

    q, summary = book.questionnaire, book.summary
    count = len(summary.municipalities)
    ws.column_dimensions["A"].width = 34
    for letter in "BCDE":
        ws.column_dimensions[letter].width = 13
    ws.column_dimensions["E"].width = 16  # 'Gemeenten (n)' on one line: the row is 20 pt high
    _title(ws, "Regionale resultaten per kwaliteitsstandaard", f"{book.title} — {gemeenten(count)}")
    header_row = 4
    headers = (
        "Kwaliteitsstandaard",
        "Gemiddelde",
        "Laagste",
        "Hoogste",
        "Gemeenten (n)",
        "Op orde (x van y)",
    )
    ws.column_dimensions["F"].width = 28
    for index, name in enumerate(headers, start=1):
        write_header(ws.cell(header_row, index), name)
        if index > 1:
            ws.cell(header_row, index).alignment = Alignment(horizontal="center", wrap_text=True)
    ws.row_dimensions[header_row].height = 20
    row = header_row
    centre = Alignment(horizontal="center")
    for s in summary.standards:
        row += 1
        write_text(ws.cell(row, 1), standard_label(q, s.standard))
        box(ws.cell(row, 1))
        shown_mean = s.mean if book.scores else None
        mean = ws.cell(row, 2, _score_value(shown_mean))
        _score_look(mean, shown_mean)
        mean.font = calibri(bold=True, color=None if shown_mean is not None else _GREY_TEXT)
        for column, value in ((3, s.min), (4, s.max)):
            cell = ws.cell(row, column)
            if book.per_municipality:
                cell.value = _score_value(value)
                if value is not None:
                    cell.number_format = _PERCENT
            else:
                cell.value = NO_VALUE
                cell.font = calibri(color=_GREY_TEXT)
            cell.alignment = centre
            box(cell)
        ws.cell(row, 5, s.n if book.scores else NO_VALUE).alignment = centre
        box(ws.cell(row, 5))
        counted = count_text(q, summary, s.standard, suppressed=not book.per_municipality)
        write_text(ws.cell(row, 6), counted or NO_VALUE)
        box(ws.cell(row, 6))
    last = row
    row += 2
    lines = [
        "Gemiddelde: het gemiddelde van de scores van de gemeenten (percentage ‘Op orde’ van de "
        "beantwoorde vragen). Laagste en hoogste: de spreiding tussen de gemeenten. n: het aantal "
        f"gemeenten met een score voor die standaard (van de {count}).",
    ]
    if not book.per_municipality and book.hidden_reason:
        lines.append(book.hidden_reason)
    lines += [f"Let op: {c}" for c in book.cautions]
    for line in lines:
        row = _note(ws, row, line, 6, 34 + 4 * 13 + 28)
    if book.scores:  # below the group size no chart: its one polygon would be the scores
        _radar(ws, header_row, last, spread=book.per_municipality)
    ws.print_area = "A1:Q30"


def _fill(colour: str) -> PatternFill:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=colour, end_color=colour)


class _Looks:
    """Style a cell once per look, then copy that look to the next cells.

    openpyxl hashes every new style object it is given; with a fresh Border per cell the
    explanations sheet of 342 municipalities took seconds. Copying the style array does not.
    Style first, then write the value: `write_text` may add a quote prefix for formula-like text.
    """

    def __init__(self) -> None:
        self._looks: dict[object, object] = {}

    def __call__(self, cell: Cell, key: object, style: Callable[[Cell], None]) -> Cell:
        look = self._looks.get(key)
        if look is None:
            style(cell)
            self._looks[key] = copy(cell._style)
        else:
            cell._style = copy(look)
        return cell


def _score_look(cell: Cell, value: float | None, *, centre: bool = True) -> None:
    from openpyxl.styles import Alignment

    if value is None:
        cell.font = calibri(color=_GREY_TEXT)
    else:
        cell.number_format = _PERCENT
    cell.fill = _fill(score_colour(value))
    if centre:
        cell.alignment = Alignment(horizontal="center", vertical="center")
    box(cell)


def _score_value(value: float | None) -> float | str:
    return NO_VALUE if value is None else round(value, 1)


def _radar(ws: Worksheet, header_row: int, last: int, *, spread: bool) -> None:
    """The mean in blue; lowest and highest in two distinct styles when they may be shown."""
    from zelfscan_app.exchange.radar import REGION_RADAR, add_radar

    columns = (2, 3, 4) if spread else (2,)
    add_radar(
        ws, REGION_RADAR, header_row=header_row, last_row=last, columns=columns, legend=spread
    )


# Per vraag ----------------------------------------------------------------------------------


def _fill_per_vraag(ws: Worksheet, book: RegionWorkbook) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    q, summary = book.questionnaire, book.summary
    count = len(summary.municipalities)
    headers = ("Nr", "Kwaliteitsstandaard", "Vraag", "Op orde", "Beantwoord", "Gemeenten op orde")
    widths = (5, 24, 62, 10, 12, 30)
    _title(ws, "Per vraag: hoeveel gemeenten zijn op orde", f"{book.title} — {gemeenten(count)}")
    row = 3
    if not book.per_municipality:
        row = _note(ws, row, book.hidden_reason, len(headers), sum(widths))
    header_row = row + 1
    for index, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        write_header(ws.cell(header_row, index), name)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    looks = _Looks()

    def plain(column: int, extra: str = "") -> Callable[[Cell], None]:
        def style(cell: Cell) -> None:
            horizontal = "center" if column in (1, 4, 5) else None
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=horizontal)
            if extra == "hidden":
                cell.font = calibri(color=_GREY_TEXT)
            box(cell, fill=extra if extra not in ("", "hidden") else None)

        return style

    row = header_row
    for s in summary.questions:
        row += 1
        question = q.question(s.question)
        counted = ""
        if book.per_municipality:
            counted = f"{s.op_orde} van {s.answered} gemeenten op orde"
            if s.answered < s.municipalities:
                counted += f" ({s.municipalities - s.answered} zonder antwoord)"
            share = 100.0 * s.op_orde / s.answered if s.answered else None
            values: tuple[object, ...] = (s.op_orde, s.answered, counted)
            extras = ("", "", score_colour(share))
        else:
            values = (NO_VALUE, NO_VALUE, NO_VALUE)
            extras = ("hidden",) * 3
        cells = (
            (s.question, ""),
            (standard_label(q, question.standard), ""),
            (question.text, ""),
            *zip(values, extras, strict=True),
        )
        for column, (value, extra) in enumerate(cells, start=1):
            cell = looks(ws.cell(row, column), (column, extra), plain(column, extra))
            if isinstance(value, str):
                write_text(cell, value)
            else:
                cell.value = value
        ws.row_dimensions[row].height = row_height([(question.text, 62), (counted, 30)])
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{row}"
    ws.print_title_rows = f"{header_row}:{header_row}"


# Per gemeente (heat map) --------------------------------------------------------------------


def _fill_per_gemeente(ws: Worksheet, book: RegionWorkbook) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    assert book.rows is not None
    q = book.questionnaire
    standards = q.standards
    _title(
        ws,
        "Score per gemeente en kwaliteitsstandaard (%)",
        f"{book.title} — {gemeenten(len(book.rows))}",
    )
    header_row = 4
    headers = [
        "Gemeente",
        *(standard_label(q, s.number) for s in standards),
        "Beantwoord",
        "Meting",
    ]
    widths = [22, *([15] * len(standards)), 12, 22 if not book.anonymous else 16]
    for index, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(header_row, index)
        write_header(cell, name)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.cell(header_row, 1).alignment = Alignment(vertical="center")
    ws.row_dimensions[header_row].height = 64
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    centre = Alignment(horizontal="center", vertical="center")
    looks = _Looks()

    def name_look(cell: Cell) -> None:
        cell.font = calibri(bold=True)
        box(cell)

    def answered_look(complete: bool) -> Callable[[Cell], None]:
        def style(cell: Cell) -> None:
            cell.alignment = centre
            if not complete:
                cell.font = calibri(bold=True, color="843C0C")
            box(cell)

        return style

    row = header_row
    for entry in book.rows:
        row += 1
        write_text(looks(ws.cell(row, 1), "name", name_look), entry.label)
        for offset, score in enumerate(entry.scores, start=2):
            key = ("score", score_colour(score), score is None)
            cell = looks(ws.cell(row, offset), key, functools.partial(_score_look, value=score))
            cell.value = _score_value(score)
        complete = entry.answered >= entry.total
        answered = looks(
            ws.cell(row, len(standards) + 2), ("answered", complete), answered_look(complete)
        )
        answered.value = f"{entry.answered} van {entry.total}"
        write_text(looks(ws.cell(row, len(standards) + 3), "meting", box), entry.meting)
    last_data = row
    row += 2
    ws.cell(row, 1, "Kleuren").font = calibri(bold=True)
    for offset, (label, colour) in enumerate(zip(CLASS_LABELS, SCORE_COLOURS, strict=True)):
        cell = ws.cell(row, 2 + offset, label)
        cell.fill = _fill(colour)
        cell.alignment = centre
        box(cell)
    cell = ws.cell(row, 2 + len(CLASS_LABELS), "geen score")
    cell.fill = _fill(NO_SCORE_COLOUR)
    cell.alignment = centre
    box(cell)
    row += 1
    _note(
        ws,
        row,
        "Oranje is laag, blauw is hoog; het getal in de cel is de score. Een streepje: geen "
        "antwoorden voor die standaard (geen score, telt niet mee in het gemiddelde).",
        len(headers),
        sum(widths),
    )
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{last_data}"
    ws.print_title_rows = f"{header_row}:{header_row}"


# Toelichtingen -------------------------------------------------------------------------------


def _fill_toelichtingen(ws: Worksheet, book: RegionWorkbook) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    assert book.texts is not None
    q = book.questionnaire
    headers = (
        "Gemeente",
        "Nr",
        "Vraag",
        "Kwaliteitsstandaard",
        "Antwoord",
        "Toelichting",
        "Nuancering",
    )
    widths = (20, 5, 40, 24, 13, 55, 38)
    subtitle = book.title + (
        " — namen in de teksten vervangen door codes" if book.anonymous else ""
    )
    _title(ws, "Toelichtingen per vraag", subtitle)
    header_row = 4
    for index, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        write_header(ws.cell(header_row, index), name)
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    looks = _Looks()

    def look(cell: Cell) -> None:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        box(cell)

    row = header_row
    for entry in sorted(book.texts, key=lambda t: t.question):
        row += 1
        question = q.question(entry.question)
        standard = standard_label(q, question.standard)
        values = (
            entry.label,
            None,
            question.text,
            standard,
            entry.answer,
            entry.toelichting,
            entry.nuancering,
        )
        for column, value in enumerate(values, start=1):
            cell = looks(ws.cell(row, column), "text", look)
            if column == 2:
                cell.value = entry.question
            else:
                write_text(cell, value or "")
        ws.row_dimensions[row].height = row_height(
            [
                (question.text, widths[2]),
                (standard, widths[3]),
                (entry.toelichting, widths[5]),
                (entry.nuancering, widths[6]),
            ]
        )
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(headers))}{max(row, header_row + 1)}"
    )
    ws.print_title_rows = f"{header_row}:{header_row}"
