"""Shared cell styling for the app's workbooks (scan workbook and regional workbook).

One place for the house look and for the rule that free text is never a formula.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from zelfscan_app.exchange import layout as L
from zelfscan_app.exchange.text import escape_cell_text, looks_like_formula

if TYPE_CHECKING:
    from openpyxl.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

BLUE = "1F4E79"
LIGHT = "DDEBF7"
LINE_PT = 15.0  # row height of one wrapped line of 11 pt text
MAX_ROW_PT = 409.0  # Excel's maximum row height


def write_paragraphs(
    ws: Worksheet, row: int, title: str, lines: list[str], *, numbered: bool
) -> int:
    """A heading and wrapped paragraphs across columns B:C; returns the next free row."""
    from openpyxl.styles import Alignment

    ws.cell(row, 1, title).font = calibri(size=13, bold=True, color=BLUE)
    row += 1
    for number, line in enumerate(lines, start=1):
        if numbered:
            ws.cell(row, 1, f"{number}.").alignment = Alignment(horizontal="right", vertical="top")
        cell = ws.cell(row, 2)
        write_text(cell, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        ws.row_dimensions[row].height = row_height([(line, 100)])
        row += 1
    return row


def page_setup(ws: Worksheet, gemeente: str) -> None:
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if ws.title == L.SHEET_TOELICHTING else 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(
        left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.25, footer=0.25
    )
    ws.print_options.horizontalCentered = True
    if ws.title in (L.SHEET_VRAGEN, L.SHEET_DEELNEMERS):
        ws.print_title_rows = "1:1"
    safe = gemeente.strip().replace("&", "&&")
    ws.oddHeader.left.text = "Zelfscan Kwaliteitskader" + (f" — {safe}" if safe else "")
    ws.oddHeader.left.size = 9
    ws.oddHeader.right.text = ws.title
    ws.oddHeader.right.size = 9
    ws.oddFooter.center.text = "Pagina &P van &N"
    ws.oddFooter.center.size = 9


# Cells ----------------------------------------------------------------------------------------


def write_text(cell: Cell, text: str) -> None:
    """Text is always text: never a formula, whatever it starts with."""
    if not text:
        cell.value = None
        return
    safe = escape_cell_text(text)
    cell.value = safe
    cell.data_type = "s"
    if looks_like_formula(safe):
        cell.quotePrefix = True


def write_header(cell: Cell, text: str) -> None:
    from openpyxl.styles import Alignment, PatternFill

    cell.value = text or None
    cell.font = calibri(bold=True, color="FFFFFF")
    cell.fill = PatternFill("solid", start_color=BLUE, end_color=BLUE)
    cell.alignment = Alignment(vertical="center")


def calibri(**kwargs: object) -> Font:
    """Calibri everywhere: LibreOffice otherwise falls back to a serif for styled cells."""
    from openpyxl.styles import Font

    return Font(name="Calibri", **kwargs)


def box(cell: Cell, *, fill: str | None = None) -> None:
    from openpyxl.styles import Border, PatternFill, Side

    thin = Side(style="thin", color="BFBFBF")
    cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    if fill:
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)


def wrapped_lines(text: str, width: float) -> int:
    per_line = max(int(width * 1.1), 8)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in (text or "").split("\n"))


def row_height(texts: Sequence[tuple[str, float]]) -> float:
    """Row height for wrapped text: Excel does not grow rows written by a program by itself."""
    lines = max([1, *(wrapped_lines(text, width) for text, width in texts)])
    return min(MAX_ROW_PT, lines * LINE_PT + 4)
