"""Lenient reading of what people type in a spreadsheet cell, strict about what it means.

Each function takes a cell's value and openpyxl data type and returns a clean Python value, or
raises `CellProblem` with a Dutch phrase; the reader adds the file, sheet and row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from zelfscan_app.exchange.text import unescape_cell_text


class CellProblem(ValueError):
    """What is wrong with one cell, in Dutch, without the where."""


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell as openpyxl read it: value plus data type (s, n, b, d, f = formula, e = error)."""

    value: object
    kind: str = "n"

    @property
    def is_blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


BLANK = RawCell(None)

_MONTHS = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "mrt": 3,
    "maart": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "augustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_NUMBER = re.compile(r"^\s*(\d{1,6})\s*\.?\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})(?!\d)")
FIRST_YEAR, LAST_YEAR = 2000, 2099
_EXCEL_SERIAL = (36526, 73050)  # 2000-01-01 .. 2099-12-31 as Excel day numbers
_YES = {"ja", "j", "x", "waar", "true", "1", "✓", "✔", "yes"}
_NO = {"nee", "n", "onwaar", "false", "0", "no", "-"}


def check_plain(cell: RawCell) -> None:
    """Formulas and error values are refused: the app never evaluates a workbook."""
    if cell.kind == "f":
        raise CellProblem(
            f"bevat een formule ({str(cell.value)[:40]}); typ de waarde zelf in, of zet een "
            "apostrof (') voor tekst die met = begint"
        )
    if cell.kind == "e":
        raise CellProblem(f"bevat een foutwaarde ({cell.value})")


def text(cell: RawCell, *, limit: int, what: str) -> str:
    """Free text, kept exactly as typed (only the OOXML escapes are undone)."""
    check_plain(cell)
    value = cell.value
    if value is None:
        result = ""
    elif isinstance(value, str):
        result = unescape_cell_text(value)
    elif isinstance(value, bool):
        result = "WAAR" if value else "ONWAAR"
    elif isinstance(value, datetime):
        result = value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    elif isinstance(value, date):
        result = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        result = str(int(value))
    else:
        result = str(value)
    if len(result) > limit:
        raise CellProblem(f"de {what} is {len(result)} tekens lang; het maximum is {limit}")
    return result


def name(cell: RawCell, *, limit: int, what: str) -> str:
    """A name (gemeente, regio, person): surrounding spaces are not part of it."""
    value = text(cell, limit=limit * 10, what=what).strip()
    if len(value) > limit:
        raise CellProblem(f"de {what} is {len(value)} tekens lang; het maximum is {limit}")
    return value


def parse_date(cell: RawCell) -> date:
    """Accept an Excel date, an Excel day number, or text as JJJJ-MM-DD, DD-MM-JJJJ or '3 maart
    2026'; refuse dates that do not exist or lie outside 2000–2099."""
    check_plain(cell)
    value = cell.value
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, bool) or value is None:
        raise CellProblem("de datum ontbreekt")
    elif isinstance(value, (int, float)):
        if not (_EXCEL_SERIAL[0] <= value <= _EXCEL_SERIAL[1]) or int(value) != value:
            raise CellProblem(f"'{value}' is geen datum (verwacht JJJJ-MM-DD)")
        from openpyxl.utils.datetime import from_excel

        result = from_excel(int(value)).date()
    else:
        result = _date_from_text(unescape_cell_text(str(value)))
    if not FIRST_YEAR <= result.year <= LAST_YEAR:
        raise CellProblem(
            f"de datum {result.isoformat()} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}"
        )
    return result


def _date_from_text(raw: str) -> date:
    cleaned = " ".join(raw.split()).lower()
    if not cleaned:
        raise CellProblem("de datum ontbreekt")
    if match := _ISO.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(cleaned):
        day, month, year = (int(g) for g in match.groups())
    elif (match := _WORDS.match(cleaned)) and match.group(2) in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3))
    else:
        raise CellProblem(f"'{raw[:40]}' is geen datum (verwacht JJJJ-MM-DD, bijv. 2026-03-15)")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellProblem(f"de datum '{raw[:40]}' bestaat niet") from None


def question_number(cell: RawCell) -> int | None:
    """A question number typed as 7, 7.0 or '7'; None for an empty cell."""
    check_plain(cell)
    value = cell.value
    if cell.is_blank:
        return None
    if isinstance(value, bool):
        raise CellProblem(f"'{value}' is geen vraagnummer")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellProblem(f"'{value}' is geen vraagnummer (verwacht een heel getal)")
    if isinstance(value, str) and (match := _NUMBER.match(value)):
        return int(match.group(1))
    raise CellProblem(f"'{str(value)[:40]}' is geen vraagnummer")


def leading_number(cell: RawCell) -> int | None:
    """The standard number at the start of e.g. '3. Basisvaardigheden' (None if there is none)."""
    check_plain(cell)
    value = cell.value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    match = _LEADING_NUMBER.match(str(value))
    return int(match.group(1)) if match else None


def flag(cell: RawCell) -> bool:
    """Bespreekpunt: 'Ja' (or x, waar, 1) is true; empty or 'Nee' is false."""
    check_plain(cell)
    value = cell.value
    if isinstance(value, bool):
        return value
    if cell.is_blank:
        return False
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    cleaned = str(value).strip().lower()
    if cleaned in _YES:
        return True
    if cleaned in _NO:
        return False
    raise CellProblem(f"‘{str(value)[:40]}’ is geen geldige waarde (verwacht ‘Ja’ of leeg)")


def label(cell: RawCell) -> str:
    """A label or header for matching: case, spacing and a trailing colon do not matter."""
    if cell.kind in ("f", "e") or cell.value is None:
        return ""
    return " ".join(str(cell.value).split()).rstrip(":").strip().casefold()
