"""Lenient reading of what people type in a spreadsheet cell, strict about what it means.

Each function takes a cell's value and data type (openpyxl's letters: s, n, b, d, f, e) and
returns a clean Python value, or raises `CellProblem` with a Dutch phrase; the reader adds the
file, sheet and row. Text arrives with the OOXML `_xHHHH_` escapes already undone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from zelfscan_app.domain.names import NameProblem, clean_name


class CellProblem(ValueError):
    """What is wrong with one cell, in Dutch, without the where."""


class RawCell(NamedTuple):
    """A cell as read: value plus data type (s, n, b, d, f = formula, e = error).

    A named tuple rather than a frozen dataclass: a reader makes one per cell, hundreds per
    workbook, and a tuple is built several times faster (and is just as immutable)."""

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
_EXCEL_SERIAL = (36526, 73050)  # 2000-01-01 .. 2099-12-31 as Excel day numbers (1900 system)
_EPOCH_1900 = date(1899, 12, 30)  # day 0 as Excel counts after its 1900 leap-year bug
_DAYS_1900_TO_1904 = 1462  # day 0 of the 1904 system (1904-01-01) in the 1900 system
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
    """Free text, kept exactly as typed (the reader has undone the OOXML escapes)."""
    result = _as_text(cell)
    if len(result) > limit:
        raise CellProblem(f"de {what} is {len(result)} tekens lang; het maximum is {limit}")
    return result


def _as_text(cell: RawCell) -> str:
    check_plain(cell)
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def name(cell: RawCell, *, limit: int, what: str) -> str:
    """A name (gemeente, regio, gespreksleider, deelnemer): the workbook's door for names.

    Cleaned by the app's one rule, `domain.names.clean_name` (NFC, one space for any white
    space, invisible leftovers removed; control characters — also those written as `_x001B_`
    — and bidi overrides refused), so a name from a workbook is stored exactly as the same
    name typed in the window."""
    raw = _as_text(cell)
    try:
        return clean_name(raw, what=what, limit=limit)
    except NameProblem as problem:
        raise CellProblem(str(problem)) from None


def parse_date(cell: RawCell, *, date1904: bool = False) -> date:
    """Accept an Excel date, an Excel day number, or text as JJJJ-MM-DD, DD-MM-JJJJ or '3 maart
    2026'; refuse dates that do not exist or lie outside 2000–2099. A day number counts from the
    workbook's own epoch: 1900, or 1904 for a workbook saved with the 1904 date system."""
    check_plain(cell)
    value = cell.value
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, bool) or value is None:
        raise CellProblem("de datum ontbreekt")
    elif isinstance(value, (int, float)):
        serial = value + (_DAYS_1900_TO_1904 if date1904 else 0)
        if not (_EXCEL_SERIAL[0] <= serial <= _EXCEL_SERIAL[1]) or int(value) != value:
            raise CellProblem(f"'{value}' is geen datum (verwacht JJJJ-MM-DD)")
        result = _EPOCH_1900 + timedelta(days=int(serial))
    else:
        result = _date_from_text(str(value))
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
    raise CellProblem(
        f"‘{str(value)[:40]}’ is geen geldige waarde (verwacht ‘Ja’ of ‘Nee’, of leeg)"
    )


def label(cell: RawCell) -> str:
    """A label or header for matching: case, spacing and a trailing colon do not matter."""
    if cell.kind in ("f", "e") or cell.value is None:
        return ""
    return " ".join(str(cell.value).split()).rstrip(":").strip().casefold()
