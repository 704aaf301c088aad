"""The 'voortgang' workbook (routekaart fase 5): a region's improvement actions with status.

The region's projectleider brings it to the PDCA meeting: every action of every municipality,
its status and review date, and what needs attention now. Styling comes from `sheet_style`, so it
looks like the other workbooks and free text is never a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import TYPE_CHECKING

from zelfscan_app.domain.pdca import FollowUp, ReviewState
from zelfscan_app.dutch_dates import dutch_date
from zelfscan_app.exchange.sheet_style import (
    BLUE,
    box,
    calibri,
    row_height,
    write_header,
    write_text,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_ACTIES = "Voortgang"
SHEET_GEMEENTEN = "Per gemeente"

#: (header, width) of the actions sheet; the order is the contract a test checks.
ACTION_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Gemeente", 20),
    ("Zelfscan", 13),
    ("Standaard", 10),
    ("Maatregel/verbeterpunt", 40),
    ("Omschrijving verbeteractie", 40),
    ("Wie gaat het doen?", 20),
    ("Planning", 14),
    ("Status", 14),
    ("Herziendatum", 13),
    ("Opvolging", 13),
)
FOLLOW_UP_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Gemeente", 24),
    ("Open acties", 12),
    ("Te herzien", 12),
    ("Over datum", 12),
    ("Eerstvolgende herziening", 22),
)

_STATE_FILL = {ReviewState.OVER_DATUM: "F8D7DA", ReviewState.TE_HERZIEN: "FFF3CD"}


@dataclass(frozen=True, slots=True)
class VoortgangRow:
    gemeente: str
    scan_datum: date
    standard: int
    maatregel: str
    verbeteractie: str
    wie: str
    planning: str
    status: str
    herziendatum: date | None
    state: ReviewState


def voortgang_bytes(
    title: str, rows: Sequence[VoortgangRow], follow_ups: Sequence[FollowUp], today: date
) -> bytes:
    from openpyxl import Workbook

    from zelfscan_app import __version__

    wb = Workbook()
    wb.properties.creator = f"Zelfscan Kwaliteitskader {__version__}"
    wb.properties.lastModifiedBy = None
    wb.properties.title = f"Voortgang plan van aanpak – {title}"
    ws = wb.active
    ws.title = SHEET_ACTIES
    _fill_actions(ws, title, rows, today)
    _fill_follow_up(wb.create_sheet(SHEET_GEMEENTEN), title, follow_ups, today)
    for sheet in wb.worksheets:
        _page_setup(sheet, title)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _heading(ws: Worksheet, title: str, today: date) -> None:
    ws["A1"] = f"Voortgang plan van aanpak – {title}"
    ws["A1"].font = calibri(size=16, bold=True, color=BLUE)
    write_text(ws["A2"], f"Stand van zaken op {dutch_date(today)}")
    ws["A2"].font = calibri(size=12)


HEADER_ROW = 4


def _fill_actions(ws: Worksheet, title: str, rows: Sequence[VoortgangRow], today: date) -> None:
    from openpyxl.styles import Alignment

    _heading(ws, title, today)
    for column, (header, width) in enumerate(ACTION_COLUMNS, start=1):
        write_header(ws.cell(HEADER_ROW, column), header)
        ws.column_dimensions[ws.cell(HEADER_ROW, column).column_letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for offset, item in enumerate(rows, start=1):
        r = HEADER_ROW + offset
        texts = (
            item.gemeente,
            None,
            None,
            item.maatregel,
            item.verbeteractie,
            item.wie,
            item.planning,
            item.status,
            None,
            item.state.value,
        )
        for column, text in enumerate(texts, start=1):
            cell = ws.cell(r, column)
            if text is not None:
                write_text(cell, text)
            cell.alignment = wrap
            box(cell, fill=_STATE_FILL.get(item.state) if column == 10 else None)
        ws.cell(r, 2).value = item.scan_datum
        ws.cell(r, 2).number_format = "DD-MM-YYYY"
        ws.cell(r, 3).value = item.standard
        ws.cell(r, 3).alignment = Alignment(horizontal="center", vertical="top")
        ws.cell(r, 9).value = item.herziendatum
        ws.cell(r, 9).number_format = "DD-MM-YYYY"
        ws.row_dimensions[r].height = row_height(
            [(item.maatregel, 40), (item.verbeteractie, 40), (item.wie, 20)]
        )
    last = HEADER_ROW + max(len(rows), 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{ws.cell(last, len(ACTION_COLUMNS)).coordinate}"
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    if not rows:
        write_text(ws.cell(HEADER_ROW + 1, 1), "Er zijn nog geen verbeteracties vastgelegd.")


def _fill_follow_up(ws: Worksheet, title: str, follow_ups: Sequence[FollowUp], today: date) -> None:
    _heading(ws, title, today)
    for column, (header, width) in enumerate(FOLLOW_UP_COLUMNS, start=1):
        write_header(ws.cell(HEADER_ROW, column), header)
        ws.column_dimensions[ws.cell(HEADER_ROW, column).column_letter].width = width
    for offset, item in enumerate(follow_ups, start=1):
        r = HEADER_ROW + offset
        write_text(ws.cell(r, 1), item.gemeente)
        for column, value in ((2, item.open), (3, item.te_herzien), (4, item.over_datum)):
            ws.cell(r, column).value = value
        ws.cell(r, 5).value = item.earliest
        ws.cell(r, 5).number_format = "DD-MM-YYYY"
        for column in range(1, len(FOLLOW_UP_COLUMNS) + 1):
            box(ws.cell(r, column), fill="F8D7DA" if column == 4 and item.over_datum else None)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)


def _page_setup(ws: Worksheet, title: str) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.oddHeader.left.text = f"Voortgang plan van aanpak — {title.replace('&', '&&')}"
    ws.oddHeader.left.size = 9
    ws.oddFooter.center.text = "Pagina &P van &N"
    ws.oddFooter.center.size = 9
