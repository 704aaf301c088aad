"""Names cleaned at the door (domain.names): one rule for workbooks, dialogs and options."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zelfscan_app.domain.names import (
    BIDI_CONTROLS,
    REMOVED,
    NameProblem,
    clean_name,
    lookalike_message,
    looks_alike,
    skeleton,
    terminal_safe,
)

_INVISIBLE = sorted(REMOVED | BIDI_CONTROLS)
# Ordinary text mixed with everything a hostile or sloppy source puts in a name.
_names = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from([*_INVISIBLE, "\x1b", "\x00", "\x7f", "\x85", "\xa0", "\u202f", "\n"]),
        st.sampled_from("Aldermeer Súdwest-Fryslân ’s-Hertogenbosch e\u0301"),
    ),
    max_size=60,
)


def _clean_or_none(text: str) -> str | None:
    try:
        return clean_name(text)
    except NameProblem:
        return None


@given(_names)
def test_clean_name_is_clean_idempotent_and_nfc(text: str) -> None:
    cleaned = _clean_or_none(text)
    if cleaned is None:
        return  # refused: nothing of it is stored
    assert clean_name(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned
    for char in cleaned:
        assert char not in REMOVED and char not in BIDI_CONTROLS
        assert unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp")
        assert not char.isspace() or char == " "


@given(_names)
def test_refusal_names_the_code_point_never_the_character(text: str) -> None:
    try:
        clean_name(text, what="gemeente")
    except NameProblem as problem:
        message = str(problem)
        assert message.startswith("de gemeente bevat een onzichtbaar stuurteken (U+")
        assert message.isprintable()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Alder\u200bmeer", "Aldermeer"),  # zero-width space
        ("\ufeffAldermeer\u200d", "Aldermeer"),  # BOM, zero-width joiner
        ("Súdwest\u00a0-\u00a0Fryslân", "Súdwest - Fryslân"),  # NBSP becomes a space
        ("  Den \t Haag\n", "Den Haag"),
        ("Su\u0301dwest", "Súdwest"),  # decomposed é → NFC
        ("Su\u200b\u0301dwest", "Súdwest"),  # the removal brings letter and accent together
        ("Alder\u00admeer", "Aldermeer"),  # soft hyphen
        ("Alder\x85meer", "Alder meer"),  # NEL is a line break: white space
    ],
)
def test_invisible_leftovers_are_removed(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Aldermeer\u202e", "U+202E"),
        ("\u2066Aldermeer\u2069", "U+2066"),
        ("Alder\x1b[31mmeer", "U+001B"),
        ("Alder\x00meer", "U+0000"),
        ("Alder\x9b31mmeer", "U+009B"),  # C1 control sequence introducer
    ],
)
def test_control_and_bidi_characters_are_refused(typed: str, code: str) -> None:
    with pytest.raises(NameProblem, match=rf"de gemeente bevat .*\({re.escape(code)}"):
        clean_name(typed, what="gemeente")


def test_length_is_checked_after_cleaning_with_the_real_limit() -> None:
    assert clean_name("a" + "\u200b" * 500, limit=200) == "a"
    with pytest.raises(NameProblem, match="201 tekens lang; het maximum is 200"):
        clean_name("a" * 201, what="gemeente", limit=200)


@pytest.mark.parametrize(
    "other",
    [
        "Аldermeer",  # Cyrillic А
        "Aldermееr",  # Cyrillic е twice
        "ALDERMEER",
        "aldermeer",
        "Áldermeer",
        "Alder-meer",
        "Αldermeer",  # Greek Alpha
        "A1dermeer",  # digit one for l
    ],
)
def test_lookalikes_share_a_skeleton(other: str) -> None:
    assert looks_alike(other, "Aldermeer")


@pytest.mark.parametrize("other", ["Aldermeer", "Aldermeer-Noord", "Aldermaar", "Brugwijk"])
def test_different_or_equal_names_are_no_lookalikes(other: str) -> None:
    assert not looks_alike(other, "Aldermeer")


def test_skeleton_keeps_different_municipalities_apart() -> None:
    names = ["Súdwest-Fryslân", "Noardeast-Fryslân", "’s-Hertogenbosch", "Den Haag", "Ede"]
    assert len({skeleton(n) for n in names}) == len(names)


def test_lookalike_message_names_the_strange_letter() -> None:
    message = lookalike_message("Аldermeer", "Aldermeer")
    assert "lijkt op de bestaande gemeente 'Aldermeer'" in message
    assert "(andere tekens: U+0410, Cyrillisch)" in message


@given(st.text(max_size=80))
def test_terminal_safe_never_lets_a_control_through(text: str) -> None:
    shown = terminal_safe(text)
    assert all(c in "\n\t" or c.isprintable() for c in shown)


def test_terminal_safe_shows_what_was_there() -> None:
    assert terminal_safe("a\x1b[2Jb\u202ec") == "a\\x1b[2Jb\\u202ec"
    assert terminal_safe("regel 1\nregel\t2 café") == "regel 1\nregel\t2 café"
