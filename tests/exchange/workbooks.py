"""Helpers to build, edit and damage scan workbooks in tests (bytes in, bytes out)."""

from __future__ import annotations

import functools
import hashlib
import io
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer, AnswerValue, Participant, Scan, SoortMeting
from zelfscan_app.storage.database import Database

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE

# Member names as openpyxl writes our four sheets (a test checks this still holds).
SHEET_XML = {
    "Toelichting": "xl/worksheets/sheet1.xml",
    "Vragen": "xl/worksheets/sheet2.xml",
    "Resultaten": "xl/worksheets/sheet3.xml",
    "Deelnemers": "xl/worksheets/sheet4.xml",
}

LONG_TEXT = "\n".join(
    f"Regel {i}: de wijkteams in Súdwest-Fryslân en ’s-Hertogenbosch overleggen; "
    "geïnterviewd, gecoördineerd, café, € 12,50 — ‘aanhalingstekens’ «»."
    for i in range(1, 60)
)


def rich_scan(q: Questionnaire) -> Scan:
    """A scan that exercises every field: Dutch characters, long multi-line text, texts that
    look like formulas, control characters, gaps, flags and participants."""
    texts = [
        "=SOM(A1:A9)",
        "+31 6 12345678",
        "-niet duidelijk",
        "@team",
        '=HYPERLINK("http://voorbeeld.invalid","klik")',
        "  spaties rondom  ",
        "regel één\r\nregel twee\rregel drie",
        "tab\there\x01\x1fbell\x07",
        "letterlijk _x000D_ en _x005F_",
        LONG_TEXT,
        "😀 emoji en 中文",
    ]
    answers = []
    for question in q.questions:
        n = question.number
        if n in (5, 20):
            continue  # not answered at all
        value = None if n in (9, 30) else (OP if n % 3 else NIET)
        answers.append(
            Answer(
                question=n,
                value=value,
                toelichting=texts[n % len(texts)],
                nuancering=texts[(n * 7) % len(texts)] if n % 2 else "",
                bespreekpunt=n % 4 == 0,
            )
        )
    return Scan(
        gemeente="Súdwest-Fryslân",
        regio="Fryslân & ’s-Hertogenbosch",
        datum=date(2026, 3, 15),
        soort=SoortMeting.EVALUATIE,
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        facilitator="Zoë de Wit-Çelik",
        participants=(
            Participant("Anneke Bosma", "Gemeente, beleid Jeugd", "beleidsmedewerker"),
            Participant("=Piet", "+Team Noord", "-rol"),
            Participant("Jörg Müller", "", ""),
            Participant("", "Veilig Thuis Fryslân", "teamleider"),
        ),
        answers=tuple(answers),
    )


def normalised(scan: Scan) -> Scan:
    """What import gives back: no id, only answers with content, in question order."""
    from dataclasses import replace

    answers = tuple(sorted((a for a in scan.answers if not a.is_empty), key=lambda a: a.question))
    return replace(scan, id=None, answers=answers)


# Zip level --------------------------------------------------------------------------------------


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    parts = members(data)
    parts[name] = content
    return rezip(parts)


def drop_member(data: bytes, name: str) -> bytes:
    parts = members(data)
    del parts[name]
    return rezip(parts)


def data_ranges(data: bytes) -> list[tuple[str, int, int]]:
    """(member, start, length) of each member's compressed bytes inside the zip."""
    ranges = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            offset = info.header_offset
            name_len = int.from_bytes(data[offset + 26 : offset + 28], "little")
            extra_len = int.from_bytes(data[offset + 28 : offset + 30], "little")
            ranges.append((info.filename, offset + 30 + name_len + extra_len, info.compress_size))
    return ranges


# Cell level ------------------------------------------------------------------------------------


def edit(data: bytes, change: Callable[..., object]) -> bytes:
    """Load with openpyxl, let `change(workbook)` edit it, save again (as a user's Excel would)."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data))
    change(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def set_cell(sheet: str, coordinate: str, value: object) -> Callable[..., None]:
    def change(workbook) -> None:
        workbook[sheet][coordinate] = value

    change.cell = (sheet, coordinate, value)  # lets the corpus patch the XML directly
    return change


def set_text(sheet: str, coordinate: str, value: str) -> Callable[..., None]:
    """Store a string as text even if it starts with '=' (openpyxl would make it a formula)."""

    def change(workbook) -> None:
        cell = workbook[sheet][coordinate]
        cell.value = value
        cell.data_type = "s"

    return change


_ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


def patch_cell(data: bytes, sheet: str, coordinate: str, value: object) -> bytes:
    """Like `edit(data, set_cell(...))` for an existing cell, but by rewriting the sheet XML
    directly: ten times faster, which keeps the corpus test quick. Strings starting with '='
    become formulas and '#N/A'-style strings error values, as openpyxl does."""
    import re
    from xml.sax.saxutils import escape

    member = SHEET_XML[sheet]
    xml = members(data)[member].decode()
    pattern = re.compile(rf'<c r="{coordinate}"(?: [^>]*)?(?:/>|>.*?</c>)', re.DOTALL)
    if not pattern.search(xml):
        raise KeyError(coordinate)
    ref = f'r="{coordinate}"'
    if value is None:
        new = f"<c {ref}/>"
    elif isinstance(value, bool):
        new = f'<c {ref} t="b"><v>{int(value)}</v></c>'
    elif isinstance(value, (int, float)):
        new = f'<c {ref} t="n"><v>{value!r}</v></c>'
    elif isinstance(value, str) and value in _ERRORS:
        new = f'<c {ref} t="e"><v>{escape(value)}</v></c>'
    elif isinstance(value, str) and value.startswith("=") and len(value) > 1:
        new = f"<c {ref}><f>{escape(value[1:])}</f><v></v></c>"
    elif isinstance(value, str):
        text = escape(value)
        new = f'<c {ref} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    else:
        raise TypeError(type(value))
    return replace_member(data, member, pattern.sub(lambda _: new, xml, count=1).encode())


def key_row(data: bytes, label: str) -> int:
    """The row of `label` in column A of the Toelichting sheet."""
    rows = _key_rows(data)
    if label not in rows:
        raise AssertionError(label)
    return rows[label]


@functools.lru_cache(maxsize=32)
def _key_rows(data: bytes) -> dict[str, int]:
    """Every label of column A (rows 1-59, first occurrence), read once per workbook: the
    corpus asks the same workbook for a row dozens of times and openpyxl takes ~0.2 s a read."""
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data))["Toelichting"]
    rows: dict[str, int] = {}
    for row in range(1, 60):
        value = sheet.cell(row, 1).value
        if isinstance(value, str):
            rows.setdefault(value, row)
    return rows


# Database state -------------------------------------------------------------------------------


def db_state(db: Database) -> str:
    """Hash of the SQLite file after a checkpoint: equal means byte-for-byte unchanged."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(db.engine.url.database)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with sqlite3.connect(path) as raw:
        dump = "\n".join(raw.iterdump())
    raw.close()
    return digest + hashlib.sha256(dump.encode()).hexdigest()
