"""Placeholders are filled once: a value is never read as a placeholder itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zelfscan_app.gui.i18n import arg


def test_values_are_inserted_as_they_are() -> None:
    assert arg("%1 en %2", "a", "b%1") == "a en b%1"
    assert arg("Regio %1 (%2 gemeenten)", "Noord %2", 5) == "Regio Noord %2 (5 gemeenten)"


def test_ten_and_more_placeholders() -> None:
    values = [f"v{n}" for n in range(1, 12)]
    assert arg("%10-%1-%11", *values) == "v10-v1-v11"


def test_placeholder_without_value_stays() -> None:
    assert arg("%1 van %2", 3) == "3 van %2"


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_each_value_appears_whole(values: list[str]) -> None:
    template = " | ".join(f"%{n}" for n in range(1, len(values) + 1))
    assert arg(template, *values) == " | ".join(values)


def test_the_gui_fills_placeholders_only_through_arg() -> None:
    """Chained str.replace substitutes again inside a value already inserted (a toelichting
    or a name with '%2' in it); `arg` is the one way."""
    import re
    from pathlib import Path

    import zelfscan_app.gui

    chained = re.compile(r"""\.replace\(\s*["']%\d""")
    gui = Path(zelfscan_app.gui.__file__).parent
    offenders = [
        f"{path.relative_to(gui)}:{number}"
        for path in sorted(gui.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if chained.search(line)
    ]
    assert offenders == []
