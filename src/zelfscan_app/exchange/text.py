"""Cell text that survives the trip through a workbook exactly.

XML cannot hold most control characters and turns a carriage return into a newline, so such
characters are written with the OOXML escape `_xHHHH_` that Excel and LibreOffice also use (and a
literal `_xHHHH_` typed by a user is protected as `_x005F_xHHHH_`, as Excel does). Reading
reverses it, so texts saved by Excel round-trip too.
"""

from __future__ import annotations

import re

_LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
FORMULA_PREFIXES = ("=", "+", "-", "@")


def escape_cell_text(text: str) -> str:
    text = _LITERAL_ESCAPE.sub(r"_x005F_\1", text)
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape_cell_text(text: str) -> str:
    def _char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)

    return _ESCAPE.sub(_char, text)


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would evaluate when typed; written with a quote prefix instead."""
    return text.startswith(FORMULA_PREFIXES)
