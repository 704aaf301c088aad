"""Write the scan workbook: a blank form or a filled export, in the layout of `layout`.

Both share one builder so the form a group fills in Excel and the export the app writes are the
same file shape, which is what makes export → import and form → import one code path. The form's
`Resultaten` sheet uses formulas so the spider updates while a group types; an export writes the
scores as values, so any viewer (also one without a calculation engine) shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.prescan import Split
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.domain.scoring import standard_scores
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.exchange import layout as L
from zelfscan_app.exchange.sheet_style import (
    BLUE,
    LIGHT,
    LINE_PT,
    MAX_ROW_PT,
    box,
    calibri,
    page_setup,
    row_height,
    wrapped_lines,
    write_header,
    write_paragraphs,
    write_text,
)
from zelfscan_app.exchange.text import escape_cell_text
from zelfscan_app.output_file import save_output

if TYPE_CHECKING:
    from openpyxl.cell import Cell
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

_INPUT = "FFF9E5"
_GREY = "F2F2F2"
_OK_FILL = "E2EFDA"
_NOT_OK_FILL = "FCE4D6"
_FORM_PARTICIPANT_ROWS = 20

_VRAGEN_WIDTHS = {
    L.COL_NR: 5,
    L.COL_STANDAARD: 22,
    L.COL_VRAAG: 55,
    L.COL_ANTWOORD: 13,
    L.COL_TOELICHTING: 42,
    L.COL_NUANCERING: 30,
    L.COL_BESPREEKPUNT: 14,
}


def standard_label(questionnaire: Questionnaire, number: int) -> str:
    """How a standard is named in column `Kwaliteitsstandaard` and on `Resultaten`."""
    return f"{number}. {questionnaire.standard(number).short_title}"


def form_bytes(
    questionnaire: Questionnaire,
    *,
    gemeente: str = "",
    regio: str = "",
    datum: date | None = None,
    soort: SoortMeting | None = None,
    prescan: bool = False,
) -> bytes:
    """A blank workbook to fill in Excel or LibreOffice.

    With `prescan` it is the form one participant fills alone before the meeting: the same
    workbook, with the scan's gemeente, datum and soort filled in and an instruction to fill
    ‘Voorbereiding door’ (which is what makes it a voorbereiding, never a scan of its own)."""
    return _build(
        questionnaire,
        None,
        gemeente=gemeente,
        regio=regio,
        form=_FormDefaults(datum, soort, prescan),
    )


@dataclass(frozen=True, slots=True)
class _FormDefaults:
    datum: date | None = None
    soort: SoortMeting | None = None
    prescan: bool = False


def scan_bytes(
    questionnaire: Questionnaire,
    scan: Scan,
    *,
    with_participants: bool = False,
    splits: Mapping[int, Split] | None = None,
) -> bytes:
    """A scan from the database as a filled workbook.

    The `Deelnemers` sheet names people; it travels only when the user chooses so
    (`with_participants`), since the workbook usually goes to the region.
    """
    if scan.questionnaire_id != questionnaire.id:
        raise ZelfscanError(
            f"de zelfscan hoort bij vragenlijst '{scan.questionnaire_id}', niet bij "
            f"'{questionnaire.id}', en kan daarom niet met deze vragenlijst worden geëxporteerd"
        )
    unknown = sorted(a.question for a in scan.answers if not questionnaire.has_question(a.question))
    if unknown:
        raise ZelfscanError(
            f"de zelfscan bevat antwoorden op vragen die niet in de vragenlijst staan ({unknown})"
        )
    return _build(
        questionnaire,
        scan,
        gemeente=scan.gemeente,
        regio=scan.regio,
        with_participants=with_participants,
        splits=splits,
    )


def save_atomic(data: bytes, path: str | Path) -> Path:
    """Write a workbook through the one output door (`output_file.save_output`)."""
    return save_output(data, path, (".xlsx",))


# Building ----------------------------------------------------------------------------------


def _build(
    questionnaire: Questionnaire,
    scan: Scan | None,
    *,
    gemeente: str,
    regio: str,
    with_participants: bool = True,
    form: _FormDefaults | None = None,
    splits: Mapping[int, Split] | None = None,
) -> bytes:
    from openpyxl import Workbook

    from zelfscan_app import __version__

    wb = Workbook()
    wb.properties.creator = f"Zelfscan Kwaliteitskader {__version__}"
    wb.properties.title = questionnaire.title
    toelichting = wb.active
    toelichting.title = L.SHEET_TOELICHTING
    vragen = wb.create_sheet(L.SHEET_VRAGEN)
    resultaten = wb.create_sheet(L.SHEET_RESULTATEN)
    sheets = [toelichting, vragen, resultaten]

    _fill_toelichting(
        toelichting,
        questionnaire,
        scan,
        gemeente=gemeente,
        regio=regio,
        with_participants=with_participants,
        form=form or _FormDefaults(),
    )
    last_row = _fill_vragen(vragen, questionnaire, scan)
    if scan is not None:
        _fill_splits(vragen, questionnaire, splits or {})
    _fill_resultaten(resultaten, questionnaire, scan, last_vragen_row=last_row)
    if with_participants:
        sheets.append(wb.create_sheet(L.SHEET_DEELNEMERS))
        _fill_deelnemers(sheets[-1], scan)
    # A print header cannot read a cell: a blank form prints no '(gemeente)' placeholder; the
    # name the group types shows on the Resultaten sheet, and in the header of every export.
    for ws in sheets:
        page_setup(ws, gemeente)
    _set_defined_print_areas(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _fill_toelichting(
    ws: Worksheet,
    q: Questionnaire,
    scan: Scan | None,
    *,
    gemeente: str,
    regio: str,
    with_participants: bool = True,
    form: _FormDefaults | None = None,
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    form = form or _FormDefaults()

    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 58
    ws.column_dimensions["C"].width = 42
    ws["A1"] = "Zelfscan Kwaliteitskader"
    ws["A1"].font = calibri(size=18, bold=True, color=BLUE)
    write_text(ws["A2"], q.title)
    ws["A2"].font = calibri(size=12, color=BLUE)
    if scan:
        intro = "Ingevulde zelfscan, gemaakt met het programma Zelfscan Kwaliteitskader."
    elif form.prescan:
        intro = (
            "Voorbereiding: vul dit formulier alleen in, vóór de bijeenkomst. Zet bij "
            "‘Voorbereiding door’ uw naam of alleen uw organisatie."
        )
    else:
        intro = (
            "Formulier om de zelfscan zonder het programma in te vullen, in Excel of LibreOffice."
        )
    write_text(ws["A3"], intro)
    ws["A3"].font = calibri(italic=True, color="595959")

    values: list[tuple[str, str, str]] = [
        (L.KEY_GEMEENTE, scan.gemeente if scan else gemeente, "naam van de gemeente"),
        (L.KEY_REGIO, scan.regio if scan else regio, "bijvoorbeeld de Veilig Thuis-regio"),
        (
            L.KEY_DATUM,
            scan.datum.isoformat() if scan else form.datum.isoformat() if form.datum else "",
            "JJJJ-MM-DD, bijv. 2026-03-15",
        ),
        (
            L.KEY_SOORT,
            scan.soort.value if scan else form.soort.value if form.soort else "",
            "nulmeting, evaluatie of toetsingsmoment",
        ),
        (L.KEY_VRAGENLIJST, _questionnaire_label(q, scan), "niet wijzigen"),
        (L.KEY_GESPREKSLEIDER, scan.facilitator if scan else "", "wie het gesprek leidde"),
    ]
    if scan is None:  # a blank form: filled only by one participant preparing alone
        values.append(
            (
                L.KEY_VOORBEREIDING,
                "",
                "alleen bij een voorbereiding: uw naam of organisatie; leeg voor de groep"
                if not form.prescan
                else "uw naam, of alleen uw organisatie (verplicht bij een voorbereiding)",
            )
        )
    first = 5
    write_header(ws.cell(first - 1, 1), "Gegevens")
    write_header(ws.cell(first - 1, 2), "")
    for offset, (label, value, hint) in enumerate(values):
        row = first + offset
        ws.cell(row, 1, label).font = calibri(bold=True)
        cell = ws.cell(row, 2)
        write_text(cell, value)
        cell.number_format = "@"  # a typed date stays text, as the contract wants
        box(ws.cell(row, 1), fill=LIGHT)
        box(cell, fill=_GREY if label == L.KEY_VRAGENLIJST else _INPUT)
        if scan is None:
            ws.cell(row, 3, hint).font = calibri(italic=True, color="7F7F7F")
    soort_row = first + 3
    soort = DataValidation(
        type="list",
        formula1='"' + ",".join(s.value for s in SoortMeting) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Onbekende soort meting",
        error="Kies nulmeting, evaluatie of toetsingsmoment.",
        showInputMessage=True,
        promptTitle="Soort meting",
        prompt="Kies nulmeting, evaluatie of toetsingsmoment.",
    )
    ws.add_data_validation(soort)
    soort.add(f"B{soort_row}")

    row = first + len(values) + 1
    heading = "Over deze werkmap" if scan else "Zo vult u dit formulier in"
    lines = _instructions(scan, with_participants)
    if scan is None:
        lines.insert(1, _PRESCAN_LINE)
    row = write_paragraphs(ws, row, heading, lines, numbered=True)
    blocks = [f"{b.title}. {b.description}".strip() for b in q.blocks]
    write_paragraphs(ws, row + 1, "De vragenlijst", blocks, numbered=False)


_PRESCAN_LINE = (
    "Vult u dit formulier alleen in, als voorbereiding op de bijeenkomst? Zet dan bij "
    "‘Voorbereiding door’ uw naam, of alleen uw organisatie. De gespreksleider leest de "
    "voorbereidingen in bij de zelfscan van de groep; ze worden nooit een zelfscan op zich en "
    "gaan niet naar de regio. Vult de groep het formulier samen in, laat het veld dan leeg."
)

#: Where the Toelichting sheet holds the gemeente (column B of the first key row).
GEMEENTE_CELL = "$B$5"


def _instructions(scan: Scan | None, with_participants: bool = True) -> list[str]:
    lines = []
    if scan is None:
        lines.append(
            "Vul hierboven de gemeente, de regio, de datum van de bijeenkomst (JJJJ-MM-DD) en "
            "de soort meting in (nulmeting, evaluatie of toetsingsmoment). Laat ‘Vragenlijst’ "
            "staan zoals het er staat."
        )
    else:
        lines.append(
            "Deze werkmap bevat de antwoorden van de zelfscan hierboven. De regio of een "
            "andere gebruiker van het programma leest hem in met ‘Importeren’ (of met "
            "zelfscan import BESTAND)."
        )
    lines += [
        "Beantwoord op het blad ‘Vragen’ elke vraag met ‘Op orde’ of ‘Niet op orde’ (kies uit "
        "de lijst in de kolom Antwoord). Het is op orde of niet op orde: twijfelt de groep, "
        "leg dat dan vast in de nuancering.",
        "Schrijf bij elke vraag in ‘Toelichting’ waarom de groep tot dit antwoord kwam, en in "
        "‘Nuancering’ wat het antwoord verfijnt (bijvoorbeeld: voor jeugd wel, voor volwassenen "
        "nog niet). Zet ‘Ja’ bij ‘Bespreekpunt’ als de vraag later terug moet komen.",
        (
            "Noteer op het blad ‘Deelnemers’ wie meedeed: naam, organisatie en rol."
            if with_participants
            else "De namen van de deelnemers zijn niet meegestuurd; kies bij het exporteren "
            "‘met deelnemers’ om ze mee te sturen."
        ),
        "Het blad ‘Resultaten’ toont de score per kwaliteitsstandaard en het spinnenweb. De score "
        "is het percentage ‘Op orde’ van de beantwoorde vragen; een kwaliteitsstandaard zonder "
        "antwoorden heeft (nog) geen score.",
        "Verander de namen van de bladen en de kolomkoppen niet en voeg geen rijen tussen de "
        "vragen in; dan kan het programma het bestand inlezen. Begint een tekst met =, +, - of "
        "@, typ dan eerst een apostrof ('), bijvoorbeeld '- niet bekend: anders maakt Excel er "
        "een formule van, en formules leest het programma niet in.",
    ]
    return lines


def _questionnaire_label(q: Questionnaire, scan: Scan | None) -> str:
    if scan is None:
        return q.label
    return f"{scan.questionnaire_id} {scan.questionnaire_version}"


def _fill_vragen(ws: Worksheet, q: Questionnaire, scan: Scan | None) -> int:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Border, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = L.VRAGEN_COLUMNS
    for index, name in enumerate(columns, start=1):
        write_header(ws.cell(1, index), name)
        ws.column_dimensions[get_column_letter(index)].width = _VRAGEN_WIDTHS[name]
    ws.row_dimensions[1].height = 20
    ws.freeze_panes = "A2"

    col = {name: index for index, name in enumerate(columns, start=1)}
    top = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
    block_edge = Side(style="medium", color=BLUE)
    block_starts = {b.first for b in q.blocks} - {q.questions[0].number}
    row = 1
    for question in q.questions:
        row += 1
        answer = scan.answer(question.number) if scan else None
        ws.cell(row, col[L.COL_NR], question.number).alignment = centre
        write_text(ws.cell(row, col[L.COL_STANDAARD]), standard_label(q, question.standard))
        _question_text(ws.cell(row, col[L.COL_VRAAG]), question.text, question.help)
        value = answer.value.value if answer and answer.value else ""
        write_text(ws.cell(row, col[L.COL_ANTWOORD]), value)
        write_text(ws.cell(row, col[L.COL_TOELICHTING]), answer.toelichting if answer else "")
        write_text(ws.cell(row, col[L.COL_NUANCERING]), answer.nuancering if answer else "")
        flag = L.BESPREEKPUNT_JA if answer and answer.bespreekpunt else ""
        write_text(ws.cell(row, col[L.COL_BESPREEKPUNT]), flag)
        for name, index in col.items():
            cell = ws.cell(row, index)
            if name in (L.COL_NR, L.COL_ANTWOORD, L.COL_BESPREEKPUNT):
                cell.alignment = centre
            elif name != L.COL_VRAAG:
                cell.alignment = top
            editable = name in (
                L.COL_ANTWOORD,
                L.COL_TOELICHTING,
                L.COL_NUANCERING,
                L.COL_BESPREEKPUNT,
            )
            box(cell, fill=_INPUT if editable and scan is None else None)
            if question.number in block_starts:
                cell.border = Border(
                    left=cell.border.left,
                    right=cell.border.right,
                    bottom=cell.border.bottom,
                    top=block_edge,
                )
        texts = [(standard_label(q, question.standard), _VRAGEN_WIDTHS[L.COL_STANDAARD])]
        if answer:
            texts += [
                (answer.toelichting, _VRAGEN_WIDTHS[L.COL_TOELICHTING]),
                (answer.nuancering, _VRAGEN_WIDTHS[L.COL_NUANCERING]),
            ]
        # The help text is set in 9 pt: more characters per line, lower lines.
        width = _VRAGEN_WIDTHS[L.COL_VRAAG]
        vraag_pt = wrapped_lines(question.text, width) * LINE_PT + 4
        if question.help:
            vraag_pt += wrapped_lines(question.help, width * 1.25) * 11.5
        ws.row_dimensions[row].height = min(MAX_ROW_PT, max(vraag_pt, row_height(texts)))

    antwoord = get_column_letter(col[L.COL_ANTWOORD])
    answers = f"{antwoord}2:{antwoord}{row}"
    validation = DataValidation(
        type="list",
        formula1=f'"{AnswerValue.OP_ORDE.value},{AnswerValue.NIET_OP_ORDE.value}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ongeldig antwoord",
        error="Kies ‘Op orde’ of ‘Niet op orde’, of laat de cel leeg.",
        showInputMessage=True,
        promptTitle="Antwoord",
        prompt="Kies ‘Op orde’ of ‘Niet op orde’.",
    )
    ws.add_data_validation(validation)
    validation.add(answers)
    letter = get_column_letter(col[L.COL_BESPREEKPUNT])
    flags = DataValidation(
        type="list",
        formula1=f'"{L.BESPREEKPUNT_JA},Nee"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Bespreekpunt",
        error="Kies ‘Ja’ of ‘Nee’, of laat de cel leeg.",
        showInputMessage=True,
        promptTitle="Bespreekpunt",
        prompt="Kies ‘Ja’ als de vraag later terug moet komen.",
    )
    ws.add_data_validation(flags)
    flags.add(f"{letter}2:{letter}{row}")
    ws.conditional_formatting.add(
        answers,
        CellIsRule(
            operator="equal",
            formula=[f'"{AnswerValue.OP_ORDE.value}"'],
            fill=PatternFill("solid", start_color=_OK_FILL, end_color=_OK_FILL),
            font=calibri(color="375623", bold=True),
        ),
    )
    ws.conditional_formatting.add(
        answers,
        CellIsRule(
            operator="equal",
            formula=[f'"{AnswerValue.NIET_OP_ORDE.value}"'],
            fill=PatternFill("solid", start_color=_NOT_OK_FILL, end_color=_NOT_OK_FILL),
            font=calibri(color="843C0C", bold=True),
        ),
    )
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{row}"
    return row


def _fill_splits(ws: Worksheet, q: Questionnaire, splits: Mapping[int, Split]) -> None:
    """The split per question in columns after the contract's (counts only, never names);
    empty where there is no split. An import reads only the columns it knows."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    first = len(L.VRAGEN_COLUMNS) + 1
    centre = Alignment(horizontal="center", vertical="top")
    for offset, name in enumerate(L.SPLIT_COLUMNS):
        write_header(ws.cell(1, first + offset), name)
        ws.column_dimensions[get_column_letter(first + offset)].width = 14
    for row, question in enumerate(q.questions, start=2):
        split = splits.get(question.number)
        values: tuple[object, ...] = (
            (split.op_orde, split.niet_op_orde, split.open, split.source.value)
            if split is not None
            else ("", "", "", "")
        )
        if split is not None and split.source.value == "handopsteken":
            values = (split.op_orde, split.niet_op_orde, "", split.source.value)
        for offset, value in enumerate(values):
            cell = ws.cell(row, first + offset)
            if isinstance(value, str):
                write_text(cell, value)
            else:
                cell.value = value
            cell.alignment = centre
            box(cell)
    last = get_column_letter(first + len(L.SPLIT_COLUMNS) - 1)
    ws.auto_filter.ref = f"A1:{last}{len(q.questions) + 1}"


def _question_text(cell: Cell, text: str, help_text: str) -> None:
    """The question in normal type, the 'Op orde als ...' help below it in grey italics."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment

    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if not help_text:
        write_text(cell, text)
        return
    cell.value = CellRichText(
        TextBlock(InlineFont(rFont="Calibri", sz=11), escape_cell_text(text)),
        TextBlock(
            InlineFont(rFont="Calibri", sz=9, i=True, color="595959"),
            "\n" + escape_cell_text(help_text),
        ),
    )


def _fill_resultaten(
    ws: Worksheet, q: Questionnaire, scan: Scan | None, *, last_vragen_row: int
) -> None:
    from openpyxl.styles import Alignment

    from zelfscan_app.exchange.radar import SCAN_RADAR, add_radar

    ws.column_dimensions["A"].width = 34
    for letter in "BCDE":
        ws.column_dimensions[letter].width = 12
    ws["A1"] = "Resultaten per kwaliteitsstandaard"
    ws["A1"].font = calibri(size=16, bold=True, color=BLUE)
    if scan:
        subtitle = f"{scan.gemeente} — {scan.soort.value} {scan.datum.isoformat()}"
        note = (
            f"Berekend door het programma bij het exporteren ({date.today().isoformat()}). "
            "Wie antwoorden op het blad Vragen verandert, moet het bestand opnieuw inlezen "
            "om de scores bij te werken."
        )
    else:
        subtitle = ""
        note = ""
    if scan is None:
        # The gemeente the group types on Toelichting, so a printed form says whose it is.
        here = f"{L.SHEET_TOELICHTING}!{GEMEENTE_CELL}"
        ws["A2"] = (
            f'=IF({here}="","Rekent vanzelf mee met de antwoorden op het blad Vragen.",'
            f'{here}&" — rekent vanzelf mee met de antwoorden op het blad Vragen.")'
        )
    else:
        write_text(ws["A2"], subtitle)
    ws["A2"].font = calibri(size=12)

    header_row = 4
    for index, name in enumerate(
        ("Kwaliteitsstandaard", "Score (%)", "Op orde", "Beantwoord", "Vragen"), start=1
    ):
        write_header(ws.cell(header_row, index), name)
    scores = {s.standard: s for s in standard_scores(q, scan.values)} if scan else {}
    rng_b = f"{L.SHEET_VRAGEN}!$B$2:$B${last_vragen_row}"
    rng_d = f"{L.SHEET_VRAGEN}!$D$2:$D${last_vragen_row}"
    row = header_row
    for standard in q.standards:
        row += 1
        write_text(ws.cell(row, 1), standard_label(q, standard.number))
        if scan:
            s = scores[standard.number]
            ws.cell(row, 2, None if s.score is None else round(s.score))
            ws.cell(row, 3, s.op_orde)
            ws.cell(row, 4, s.answered)
            ws.cell(row, 5, s.total)
        else:
            ok = f'(({rng_d})="{AnswerValue.OP_ORDE.value}")'
            not_ok = f'(({rng_d})="{AnswerValue.NIET_OP_ORDE.value}")'
            mine = f"(({rng_b})=$A{row})"
            ws.cell(row, 3, f"=SUMPRODUCT({mine}*{ok})")
            ws.cell(row, 4, f"=SUMPRODUCT({mine}*({ok}+{not_ok}))")
            ws.cell(row, 5, f"=SUMPRODUCT({mine}*1)")
            ws.cell(row, 2, f'=IF(D{row}=0,"",ROUND(100*C{row}/D{row},0))')
        for index in range(1, 6):
            cell = ws.cell(row, index)
            box(cell)
            if index > 1:
                cell.alignment = Alignment(horizontal="center")
    last = row
    row += 2
    explanation = (
        "Score = 100 × (vragen ‘Op orde’) / (beantwoorde vragen) per kwaliteitsstandaard. "
        "Zonder antwoorden is er geen score (een open plek, geen 0)."
    )
    for line in (explanation, note):
        if line:
            cell = ws.cell(row, 1)
            write_text(cell, line)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            ws.row_dimensions[row].height = row_height([(line, 34 + 4 * 11)])
            row += 1

    add_radar(ws, SCAN_RADAR, header_row=header_row, last_row=last, columns=(2,), legend=False)


def _fill_deelnemers(ws: Worksheet, scan: Scan | None) -> None:
    from openpyxl.styles import Alignment

    for index, (name, width) in enumerate(zip(L.DEELNEMERS_COLUMNS, (32, 40, 36), strict=True)):
        write_header(ws.cell(1, index + 1), name)
        ws.column_dimensions["ABC"[index]].width = width
    ws.freeze_panes = "A2"
    people = scan.participants if scan else ()
    rows = max(len(people), 0 if scan else _FORM_PARTICIPANT_ROWS)
    for offset in range(rows):
        row = offset + 2
        person = people[offset] if offset < len(people) else None
        values = (person.naam, person.organisatie, person.rol) if person else ("", "", "")
        for index, value in enumerate(values, start=1):
            cell = ws.cell(row, index)
            write_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            box(cell, fill=None if scan else _INPUT)


# Print --------------------------------------------------------------------------------------


def _set_defined_print_areas(wb: Workbook) -> None:
    """`Resultaten` includes the chart columns, which print areas from cells alone would cut."""
    ws = wb[L.SHEET_RESULTATEN]
    ws.print_area = "A1:Q28"
