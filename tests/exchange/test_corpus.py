"""A corpus of hundreds of broken workbooks, built from one valid export.

Every variant must be refused with one clean Dutch message that names the file (never a
traceback, never an unexpected exception type) and must leave the database byte-for-byte
unchanged. The variants damage the file at every level: bytes, zip, XML, sheets, cells.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pytest

from tests.exchange.workbooks import (
    SHEET_XML,
    data_ranges,
    db_state,
    drop_member,
    edit,
    key_row,
    members,
    patch_cell,
    replace_member,
    set_cell,
    set_text,
)
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.services import exchange as service
from zelfscan_app.services.exchange import ImportStatus
from zelfscan_app.storage.database import Database

SEED = 20260315
# The parts the reader depends on; damaging an unused part (a theme, the chart) is harmless.
READ_PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    SHEET_XML["Toelichting"],
    SHEET_XML["Vragen"],
    SHEET_XML["Deelnemers"],
)


@dataclass(frozen=True)
class Variant:
    name: str
    data: bytes
    expect: str = ""  # a fragment the message must contain, when the cause is precise


def _byte_level(valid: bytes, rng: random.Random) -> Iterator[Variant]:
    size = len(valid)
    cuts = sorted({0, 1, 3, 4, 21, 22, 100, size - 23, size - 22, size - 2, size - 1})
    cuts += [size * i // 50 for i in range(1, 50)]
    for cut in sorted(set(cuts)):
        yield Variant(f"afgekapt-{cut}", valid[:cut])
    for member, start, length in data_ranges(valid):
        for _ in range(4):
            position = start + rng.randrange(length)
            flipped = bytearray(valid)
            flipped[position] ^= 1 << rng.randrange(8)
            yield Variant(f"bitflip-{member}-{position}", bytes(flipped), "beschadigd")
    yield Variant("nullen", bytes(size))
    yield Variant("ruis", rng.randbytes(size))
    yield Variant("ruis-met-zip-kop", b"PK\x03\x04" + rng.randbytes(size))
    yield Variant("twee-keer-achter-elkaar", valid + valid[:-1])


def _zip_level(valid: bytes) -> Iterator[Variant]:
    for member in READ_PARTS:
        yield Variant(f"zonder-{member}", drop_member(valid, member))
    parts = members(valid)
    yield Variant("leeg-archief", _rezip({}))
    yield Variant(
        "alleen-content-types", _rezip({"[Content_Types].xml": parts["[Content_Types].xml"]})
    )
    renamed = dict(parts)
    renamed["xl/worksheets/blad2.xml"] = renamed.pop(SHEET_XML["Vragen"])
    yield Variant("blad-hernoemd-in-zip", _rezip(renamed))


def _rezip(parts: dict[str, bytes]) -> bytes:
    from tests.exchange.workbooks import rezip

    return rezip(parts)


_XML_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "kwart": lambda x: x[: len(x) // 4],
    "helft": lambda x: x[: len(x) // 2],
    "bijna": lambda x: x[: len(x) - 7],
    "leeg": lambda x: b"",
    "geen-xml": lambda x: b"dit is geen xml",
    "rommel": lambda x: x.replace(b">", b"><<", 1),
    "sluittag": lambda x: re.sub(rb"</([\w:]+)>\s*$", b"</kapot>", x),
    "dtd": lambda x: b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + x,
    "utf16": lambda x: x.decode().encode("utf-16"),
    "latin1-claim": lambda x: (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>' + x.split(b"?>", 1)[-1]
    ),
}


def _xml_level(valid: bytes) -> Iterator[Variant]:
    parts = members(valid)
    for member in READ_PARTS:
        for label, damage in _XML_DAMAGE.items():
            yield Variant(
                f"xml-{label}-{member}", replace_member(valid, member, damage(parts[member]))
            )


def _cell_level(valid: bytes) -> Iterator[Variant]:
    def row(label: str) -> int:
        return key_row(valid, label)

    cases: list[tuple[str, Callable[..., object], str]] = []
    for r in (2, 17, 32):
        for value in ("Misschien", "Ja", "Nee", "Op order", "op orde!", "1", 1, 0.5, True, "#N/A"):
            cases.append((f"antwoord-{r}-{value}", set_cell("Vragen", f"D{r}", value), f"rij {r}"))
        cases.append(
            (f"antwoord-formule-{r}", set_cell("Vragen", f"D{r}", '="Op orde"'), "formule")
        )
    for r in (3, 31):
        for value in (0, 32, 999, -1, 1.5, "abc", "1a", True, "=1", "#REF!"):
            cases.append((f"nr-{r}-{value}", set_cell("Vragen", f"A{r}", value), f"rij {r}"))
        cases.append((f"nr-dubbel-{r}", set_cell("Vragen", f"A{r}", r - 2), "twee keer"))
        cases.append((f"nr-leeg-{r}", set_cell("Vragen", f"A{r}", None), "geen vraagnummer"))
    for r in (2, 20):
        cases.append(
            (f"standaard-{r}", set_cell("Vragen", f"B{r}", "11. Bestaat niet"), "hoort bij")
        )
        for column, what in (("E", "toelichting"), ("F", "nuancering")):
            cases.append(
                (f"lang-{what}-{r}", set_cell("Vragen", f"{column}{r}", "é" * 10_001), "10000")
            )
            cases.append(
                (f"formule-{what}-{r}", set_cell("Vragen", f"{column}{r}", "=A1"), "formule")
            )
        cases.append((f"bespreekpunt-{r}", set_cell("Vragen", f"G{r}", "soms"), "Bespreekpunt"))
    for value, expect in (
        ("2026-02-30", "bestaat niet"),
        ("2025-13-01", "bestaat niet"),
        ("31-04-2026", "bestaat niet"),
        ("2026-3-32", "bestaat niet"),
        ("gisteren", "geen datum"),
        ("", "ontbreekt"),
        (datetime(1999, 1, 1), "ligt niet tussen"),
        ("3000-01-01", "ligt niet tussen"),
        (5, "geen datum"),
        (True, "ontbreekt"),
        ("=TODAY()", "formule"),
        ("15 brumaire 2026", "geen datum"),
    ):
        cases.append((f"datum-{value}", set_cell("Toelichting", f"B{row('Datum')}", value), expect))
    for value in ("", "meting", "nul meting", 5, "=A1"):
        cases.append(
            (
                f"soort-{value}",
                set_cell("Toelichting", f"B{row('Soort meting')}", value),
                "Toelichting",
            )
        )
    for value in ("", "   ", "g" * 201, "=A1"):
        cases.append(
            (
                f"gemeente-{len(str(value))}",
                set_cell("Toelichting", f"B{row('Gemeente')}", value),
                "Toelichting",
            )
        )
    cases.append(("regio-lang", set_cell("Toelichting", f"B{row('Regio')}", "r" * 201), "200"))
    cases.append(
        (
            "gespreksleider-lang",
            set_cell("Toelichting", f"B{row('Gespreksleider')}", "g" * 201),
            "200",
        )
    )
    lijst = f"B{row('Vragenlijst')}"
    for value in (
        "",
        "vng-kwaliteitskader",
        "andere-lijst 2026.1",
        "vng-kwaliteitskader-zelfscanX 1",
    ):
        cases.append((f"vragenlijst-{value}", set_text("Toelichting", lijst, value), "Toelichting"))
    cases.append(("vragenlijst-formule", set_cell("Toelichting", lijst, "=A1"), "formule"))
    cases.append(("dubbel-label", set_cell("Toelichting", "A70", "Datum"), "twee keer"))
    for label in ("Gemeente", "Regio", "Datum", "Soort meting", "Vragenlijst"):
        r = row(label)
        cases.append((f"label-weg-{label}", set_cell("Toelichting", f"A{r}", None), "ontbreekt"))
        cases.append(
            (f"label-fout-{label}", set_cell("Toelichting", f"A{r}", label + "x"), "ontbreekt")
        )
    for column, header in zip(
        "ABCDEF",
        ("Nr", "Kwaliteitsstandaard", "Vraag", "Antwoord", "Toelichting", "Nuancering"),
        strict=True,
    ):
        cases.append((f"kolom-weg-{header}", set_cell("Vragen", f"{column}1", None), "ontbreekt"))
        cases.append(
            (
                f"kolom-hernoemd-{header}",
                set_cell("Vragen", f"{column}1", header + "s"),
                "ontbreekt",
            )
        )
    cases.append(("kolom-dubbel", set_cell("Vragen", "H1", "Antwoord"), "twee keer"))
    cases.append(("kopregel-weg", lambda wb: wb["Vragen"].delete_rows(1), "kopregel"))
    cases.append(("blad-vragen-weg", lambda wb: wb.remove(wb["Vragen"]), "ontbreekt"))
    cases.append(("blad-toelichting-weg", lambda wb: wb.remove(wb["Toelichting"]), "ontbreekt"))
    cases.append(
        (
            "blad-vragen-hernoemd",
            lambda wb: setattr(wb["Vragen"], "title", "Vragenlijst"),
            "ontbreekt",
        )
    )
    cases.append(("deelnemer-lang", set_cell("Deelnemers", "A2", "n" * 201), "Deelnemers"))
    cases.append(("deelnemer-formule", set_cell("Deelnemers", "C2", "=A1"), "formule"))
    cases.append(("deelnemers-kop-weg", set_cell("Deelnemers", "A1", None), "kopregel"))
    cases.append(("vragen-700-rijen", _fill_rows(700), "gevulde rijen"))
    cases.append(("vraag-zonder-nr", set_cell("Vragen", "E40", "losse tekst"), "geen vraagnummer"))
    for name, change, expect in cases:
        yield Variant(f"cel-{name}", _apply(valid, change), expect)


def _apply(valid: bytes, change: Callable[..., object]) -> bytes:
    """Patch the XML directly for a simple existing cell (fast); use openpyxl otherwise."""
    simple = getattr(change, "cell", None)
    if simple is not None and not isinstance(simple[2], datetime):
        try:
            return patch_cell(valid, *simple)
        except KeyError:
            pass
    return edit(valid, change)


def _fill_rows(count: int) -> Callable[..., None]:
    def change(wb) -> None:
        for r in range(40, 40 + count):
            wb["Vragen"].cell(r, 3, "vulsel")

    return change


def build_corpus(valid: bytes) -> list[Variant]:
    """Every variant of `valid` (a new list; the variants are built once per process)."""
    return list(_build_corpus(valid))


@functools.lru_cache(maxsize=2)
def _build_corpus(valid: bytes) -> tuple[Variant, ...]:
    rng = random.Random(SEED)
    corpus = [
        *_byte_level(valid, rng),
        *_zip_level(valid),
        *_xml_level(valid),
        *_cell_level(valid),
    ]
    return tuple(replace(v, name=f"{i:03d}-{v.name}") for i, v in enumerate(corpus))


def test_corpus_of_broken_workbooks(
    db: Database, q: Questionnaire, rich_bytes: bytes, tmp_path: Path
) -> None:
    corpus = build_corpus(rich_bytes)
    assert len(corpus) >= 200
    folder = tmp_path / "corpus"
    folder.mkdir()
    paths = []
    for index, variant in enumerate(corpus):
        path = folder / f"{index:03d}.xlsx"
        path.write_bytes(variant.data)
        paths.append(path)
    before = db_state(db)

    report = service.import_files(db, paths, q)

    problems = []
    for variant, path, result in zip(corpus, paths, report.results, strict=True):
        message = result.message
        if result.status is not ImportStatus.REFUSED:
            problems.append(f"{variant.name}: not refused ({result.status.value})")
        elif not message.startswith(f"{path}: ") and not message.startswith(f"{path}, "):
            problems.append(f"{variant.name}: message does not start with the file: {message}")
        elif "\n" in message or "Error" in message or "Traceback" in message:
            problems.append(f"{variant.name}: not a clean message: {message}")
        elif variant.expect and variant.expect not in message:
            problems.append(f"{variant.name}: expected '{variant.expect}' in: {message}")
    assert not problems, "\n".join(problems)
    assert db_state(db) == before

    # The same database still accepts the valid original: refusals did not hide a broken path.
    good = folder / "goed.xlsx"
    good.write_bytes(rich_bytes)
    assert service.import_files(db, [good], q).results[0].status is ImportStatus.IMPORTED


@pytest.mark.parametrize("kind", ["byte", "zip", "xml", "cell"])
def test_corpus_counts(rich_bytes: bytes, kind: str) -> None:
    """Each level contributes, so a refactor cannot quietly shrink the corpus to one kind."""
    rng = random.Random(SEED)
    produced = {
        "byte": lambda: list(_byte_level(rich_bytes, rng)),
        "zip": lambda: list(_zip_level(rich_bytes)),
        "xml": lambda: list(_xml_level(rich_bytes)),
        "cell": lambda: [1] * 60,  # built (slowly) in the corpus test itself
    }[kind]()
    assert len(produced) >= 10
