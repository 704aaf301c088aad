"""What the scan workbook tells its reader is true: header, instructions, lists and messages."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from zelfscan_app.errors import ZelfscanError
from zelfscan_app.exchange import layout as L
from zelfscan_app.exchange.reader import read_scan_bytes
from zelfscan_app.exchange.writer import GEMEENTE_CELL, form_bytes, scan_bytes


def book(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_print_header_has_no_placeholder_and_carries_the_municipality(q, rich) -> None:
    blank = book(form_bytes(q))
    for ws in blank.worksheets:
        assert ws.oddHeader.left.text == "Zelfscan Kwaliteitskader"
        assert "(gemeente)" not in ws.oddHeader.left.text
    # Filled in by the group: the results page shows the name typed on Toelichting.
    toelichting = blank[L.SHEET_TOELICHTING]
    cell = toelichting[GEMEENTE_CELL.replace("$", "")]
    assert toelichting.cell(cell.row, 1).value == L.KEY_GEMEENTE
    formula = blank[L.SHEET_RESULTATEN]["A2"].value
    assert formula.startswith("=IF(") and f"{L.SHEET_TOELICHTING}!{GEMEENTE_CELL}" in formula
    # Known to the program (form for a municipality, every export): in every print header.
    for data in (form_bytes(q, gemeente="Aldermeer & Co"), scan_bytes(q, rich)):
        for ws in book(data).worksheets:
            assert ws.oddHeader.left.text.startswith("Zelfscan Kwaliteitskader — ")
            assert "(gemeente)" not in ws.oddHeader.left.text
    assert book(form_bytes(q, gemeente="Aldermeer & Co"))[L.SHEET_VRAGEN].oddHeader.left.text == (
        "Zelfscan Kwaliteitskader — Aldermeer && Co"  # & doubled: a literal ampersand
    )


def instruction_texts(data: bytes) -> str:
    ws = book(data)[L.SHEET_TOELICHTING]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)


def test_instruction_about_formula_characters_tells_the_truth(q, rich) -> None:
    for data in (form_bytes(q), scan_bytes(q, rich)):
        text = instruction_texts(data)
        assert "blijft gewone tekst" not in text
        assert "typ dan eerst een apostrof (')" in text
    # And the import explains it the same way when a formula arrives anyway.
    wb = book(form_bytes(q, gemeente="Aldermeer"))
    wb[L.SHEET_VRAGEN]["E2"] = "=niet bekend"
    with pytest.raises(ZelfscanError, match="apostrof"):
        read_scan_bytes(_with_date(wb), "x.xlsx", q)


def test_bespreekpunt_list_error_and_import_agree(q) -> None:
    ws = book(form_bytes(q))[L.SHEET_VRAGEN]
    (flags,) = [v for v in ws.data_validations.dataValidation if v.errorTitle == "Bespreekpunt"]
    allowed = flags.formula1.strip('"').split(",")
    assert allowed == ["Ja", "Nee"]
    for value in allowed:
        assert f"‘{value}’" in flags.error
    # The import accepts what the list offers and names both when it refuses.
    wb = book(form_bytes(q, gemeente="Aldermeer"))
    sheet = wb[L.SHEET_VRAGEN]
    sheet["D2"], sheet["G2"] = "Op orde", "Nee"
    sheet["D3"], sheet["G3"] = "Op orde", "Ja"
    read = read_scan_bytes(_with_date(wb), "x.xlsx", q)
    assert not read.scan.answer(1).bespreekpunt and read.scan.answer(2).bespreekpunt
    sheet["G4"] = "Misschien"
    with pytest.raises(ZelfscanError, match="verwacht ‘Ja’ of ‘Nee’, of leeg"):
        read_scan_bytes(_with_date(wb), "x.xlsx", q)


def _with_date(wb) -> bytes:
    toelichting = wb[L.SHEET_TOELICHTING]
    for row in toelichting.iter_rows(min_row=5, max_row=12):
        if row[0].value == L.KEY_DATUM:
            row[1].value = "2026-03-01"
        if row[0].value == L.KEY_SOORT:
            row[1].value = "nulmeting"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_participants_travel_only_when_chosen(q, rich) -> None:
    assert rich.participants
    plain = scan_bytes(q, rich)
    assert L.SHEET_DEELNEMERS not in book(plain).sheetnames
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        xml = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    names = [p.naam for p in rich.participants if p.naam]
    assert names and not any(n in xml for n in names)
    assert "niet meegestuurd" in instruction_texts(plain)
    assert read_scan_bytes(plain, "x.xlsx", q).scan.participants == ()
    chosen = scan_bytes(q, rich, with_participants=True)
    assert book(chosen).sheetnames[-1] == L.SHEET_DEELNEMERS
    assert read_scan_bytes(chosen, "x.xlsx", q).scan.participants == rich.participants
