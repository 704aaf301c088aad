"""Qt-style placeholders for translated strings: arg(self.tr("%1 van %2"), 3, 31)."""

from __future__ import annotations


def arg(text: str, *values: object) -> str:
    """Fill %1, %2, … in a translated string (highest number first, so %10 stays intact)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text
