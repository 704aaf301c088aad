"""One report's anonymity rules are pure (domain.anonymity.RegionAnonymity): tested here without
a database, a workbook or a window; services.region.RegionReport only applies them."""

from __future__ import annotations

import ast
from pathlib import Path

from zelfscan_app.domain import anonymity
from zelfscan_app.domain.anonymity import (
    TEXTS_HIDDEN,
    WITHHELD_TEXT,
    LetterKey,
    RegionAnonymity,
    label_key,
)

NAMES = ("Aldermeer", "Brugwijk", "Castelveen", "Dijkhoven", "Eemstad")


def test_with_names_everything_shows_as_it_is() -> None:
    rules = RegionAnonymity(NAMES, regio="Veenland")
    assert dict(rules.names) == {n: n for n in NAMES}
    assert rules.per_municipality and rules.texts_visible and rules.dates_visible
    assert rules.scrub("Aldermeer doet mee") == "Aldermeer doet mee"
    assert rules.regio_label == "Veenland"


def test_anonymous_codes_are_stable_and_texts_stay_hidden_until_asked() -> None:
    rules = RegionAnonymity(NAMES, anonymous=True, seed=7, regio="Aldermeer en omstreken")
    codes = dict(rules.names)
    assert sorted(codes.values()) == [f"Gemeente {c}" for c in "ABCDE"]
    assert RegionAnonymity(NAMES, anonymous=True, seed=7).names == codes  # same seed, same codes
    assert not rules.texts_visible and rules.texts_hidden_reason == TEXTS_HIDDEN
    assert not rules.dates_visible
    assert rules.regio_label == "Regio"  # a region named after a municipality would name it
    assert rules.label("Onbekend") == "[gemeente]"
    shown = RegionAnonymity(NAMES, anonymous=True, with_texts=True, seed=7, people=("Ivo Smit",))
    assert shown.texts_visible
    text = shown.scrub("In gemeente Aldermeer sprak Ivo Smit met Brugwijk.")
    # A full name becomes one placeholder; 'gemeente Aldermeer' never 'gemeente Gemeente B'.
    assert text == f"In {codes['Aldermeer']} sprak [naam] met {codes['Brugwijk']}."
    withheld = RegionAnonymity(NAMES, anonymous=True, with_texts=True, people=("Wil Bos",))
    assert withheld.scrub("Wil heeft het besproken.") == WITHHELD_TEXT  # a name that is a word


def test_below_the_group_size_nothing_per_municipality() -> None:
    rules = RegionAnonymity(NAMES[:3], anonymous=True, min_group_size=5, with_texts=True)
    assert rules.suppressed and not rules.per_municipality and not rules.texts_visible
    assert rules.texts_hidden_reason == rules.disclosure.reason
    assert "minder dan 5" in rules.disclosure.reason


def test_a_key_keeps_letters_and_remembers_new_ones() -> None:
    key = LetterKey(b"s" * 32)
    first = RegionAnonymity(NAMES[:2], anonymous=True, seed=1, key=key)
    assert first.updated_key is not None and len(first.updated_key.letters) == 2
    later = RegionAnonymity(NAMES, anonymous=True, seed=99, key=first.updated_key)
    for name in NAMES[:2]:
        assert later.names[name] == first.names[name]
    assert len(set(later.names.values())) == len(NAMES)


def test_codes_sort_in_letter_order() -> None:
    labels = ["Gemeente AA", "Gemeente B", "Gemeente A", "Zwolle", "aalten"]
    assert sorted(labels, key=label_key) == [
        "Gemeente A",
        "Gemeente B",
        "Gemeente AA",
        "aalten",
        "Zwolle",
    ]


def test_the_rules_module_stays_pure() -> None:
    tree = ast.parse(Path(anonymity.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {m for m in imported if m.split(".")[0] in {"PySide6", "sqlalchemy", "os", "io"}}
