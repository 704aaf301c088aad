"""Qt-style placeholders for translated strings: arg(self.tr("%1 van %2"), 3, 31)."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d+)")


def arg(text: str, *values: object) -> str:
    """Fill %1, %2, … in a translated string in one pass.

    One pass matters: a value that itself contains '%2' (a region named so) is inserted as
    it is and never substituted again. %10 is read as ten, not as %1 followed by a zero; a
    placeholder without a value stays as written.
    """

    def fill(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)
