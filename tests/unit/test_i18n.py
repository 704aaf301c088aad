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
