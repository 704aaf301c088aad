"""python-calamine reads every workbook exactly as openpyxl did (issue 17).

The app reads cell values with python-calamine; `reference_reader` is the openpyxl reader it
replaced. For every workbook here — the valid ones, each broken variant of the corpus, and cells
of every awkward kind — both must give the same scan with the same warnings, or the same
refusal with the same Dutch message.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.exchange.reference_reader import read_reference
from tests.exchange.test_corpus import build_corpus
from tests.exchange.workbooks import (
    SHEET_XML,
    edit,
    key_row,
    members,
    replace_member,
    rich_scan,
)
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.exchange.reader import read_scan_bytes
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services.demo import demo_scans

DATA = Path(__file__).with_name("data")


def outcome(read, data: bytes, q: Questionnaire) -> tuple[str, object]:
    try:
        result = read(data, "werkmap.xlsx", q)
    except ZelfscanError as exc:
        return ("geweigerd", str(exc))
    return ("gelezen", result)


def assert_same(data: bytes, q: Questionnaire) -> tuple[str, object]:
    ours = outcome(read_scan_bytes, data, q)
    reference = outcome(read_reference, data, q)
    assert ours == reference
    return ours


def test_the_whole_corpus_reads_the_same(rich_bytes: bytes, q: Questionnaire) -> None:
    corpus = build_corpus(rich_bytes)
    differences = []
    for variant in corpus:
        ours = outcome(read_scan_bytes, variant.data, q)
        reference = outcome(read_reference, variant.data, q)
        if ours != reference:
            differences.append(f"{variant.name}:\n  calamine: {ours}\n  openpyxl: {reference}")
    assert not differences, "\n".join(differences[:10])
    assert len(corpus) >= 200


def test_valid_workbooks_read_the_same(rich_bytes: bytes, q: Questionnaire) -> None:
    workbooks = [rich_bytes, *(scan_bytes(q, s) for s in demo_scans(q))]
    # Saved again by openpyxl: shared strings instead of inline strings, its own styles.
    workbooks.append(edit(rich_bytes, lambda workbook: None))
    for data in workbooks:
        kind, _ = assert_same(data, q)
        assert kind == "gelezen"


def test_a_committed_libreoffice_workbook_reads_the_same(q: Questionnaire) -> None:
    """Saved by LibreOffice Calc 7 from our export with a real date cell (dd-mm-jjjj) and a
    question number typed as text; LibreOffice writes shared strings and its own styles."""
    data = (DATA / "libreoffice-saved.xlsx").read_bytes()
    kind, result = assert_same(data, q)
    assert kind == "gelezen"
    assert result.scan.datum == date(2026, 3, 15)
    assert result.scan.gemeente == "Súdwest-Fryslân"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_workbooks_saved_by_libreoffice_now_read_the_same(
    rich_bytes: bytes, q: Questionnaire, tmp_path: Path
) -> None:
    row = key_row(rich_bytes, "Datum")

    def dates_and_numbers(workbook) -> None:
        cell = workbook["Toelichting"][f"B{row}"]
        cell.value = datetime(2026, 3, 15)
        cell.number_format = "d mmmm yyyy"
        workbook["Vragen"]["A4"].value = "3"
        workbook["Vragen"]["A4"].data_type = "s"
        workbook["Vragen"]["G5"] = 1

    source = tmp_path / "in"
    source.mkdir()
    (source / "eigen.xlsx").write_bytes(rich_bytes)
    (source / "bewerkt.xlsx").write_bytes(edit(rich_bytes, dates_and_numbers))
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "xlsx", "--outdir", str(out), str(source / "eigen.xlsx"), str(source / "bewerkt.xlsx")],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    for name in ("eigen.xlsx", "bewerkt.xlsx"):
        kind, result = assert_same((out / name).read_bytes(), q)
        assert kind == "gelezen", name
        # A literal "_x000D_" typed by a user survives LibreOffice (the old reader made it a CR).
        texts = {a.toelichting for a in result.scan.answers}
        assert "letterlijk _x000D_ en _x005F_" in texts


# Cells of every awkward kind, written into the sheet XML as Excel and LibreOffice write them.


def _cell_xml(data: bytes, sheet: str, coordinate: str, xml: str, *, styles: str = "") -> bytes:
    member = SHEET_XML[sheet]
    text = members(data)[member].decode()
    pattern = re.compile(rf'<c r="{coordinate}"(?: [^>]*)?(?:/>|>.*?</c>)', re.DOTALL)
    assert pattern.search(text), coordinate
    data = replace_member(data, member, pattern.sub(lambda _: xml, text, count=1).encode())
    if styles:
        data = replace_member(data, "xl/styles.xml", styles.encode())
    return data


_DATE_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


def _date1904(data: bytes) -> bytes:
    book = members(data)["xl/workbook.xml"].decode()
    if "<workbookPr" in book:
        book = re.sub(r"<workbookPr", '<workbookPr date1904="1"', book, count=1)
    else:
        book = book.replace("<bookViews>", '<workbookPr date1904="1"/><bookViews>', 1)
    return replace_member(data, "xl/workbook.xml", book.encode())


def _datum(data: bytes) -> str:
    return f"B{key_row(data, 'Datum')}"


def _variants(valid: bytes) -> list[tuple[str, bytes]]:
    d = _datum(valid)
    cases: list[tuple[str, bytes]] = []

    def add(name: str, sheet: str, coordinate: str, xml: str, **kw: object) -> None:
        cases.append((name, _cell_xml(valid, sheet, coordinate, xml, **kw)))

    # Dates: a real date cell (styled), day numbers in both date systems, text.
    add(
        "datum-opgemaakt",
        "Toelichting",
        d,
        f'<c r="{d}" s="1"><v>46096</v></c>',
        styles=_DATE_STYLES,
    )
    add(
        "datum-ingebouwd",
        "Toelichting",
        d,
        f'<c r="{d}" s="2"><v>46096</v></c>',
        styles=_DATE_STYLES,
    )
    add("datum-dagnummer", "Toelichting", d, f'<c r="{d}"><v>46096</v></c>')
    add("datum-dagnummer-komma", "Toelichting", d, f'<c r="{d}"><v>46096.5</v></c>')
    add(
        "datum-tijd", "Toelichting", d, f'<c r="{d}" s="1"><v>46096.75</v></c>', styles=_DATE_STYLES
    )
    for text in ("15-03-2026", "3 maart 2026", "2026/3/15", " 2026-03-15 "):
        add(f"datum-tekst-{text}", "Toelichting", d,
            f'<c r="{d}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')  # fmt: skip # noqa: E501
    # Numbers written as text, numbers as numbers, numbers where text is expected.
    add("nr-tekst", "Vragen", "A3", '<c r="A3" t="inlineStr"><is><t>2</t></is></c>')
    add("nr-tekst-punt", "Vragen", "A3", '<c r="A3" t="inlineStr"><is><t> 2. </t></is></c>')
    add("nr-komma-nul", "Vragen", "A3", '<c r="A3"><v>2.0</v></c>')
    add("nr-exponent", "Vragen", "A3", '<c r="A3"><v>2E0</v></c>')
    add("toelichting-getal", "Vragen", "E3", '<c r="E3"><v>12.5</v></c>')
    add("toelichting-heel-getal", "Vragen", "E3", '<c r="E3"><v>7</v></c>')
    add("toelichting-waar", "Vragen", "E3", '<c r="E3" t="b"><v>1</v></c>')
    add("bespreekpunt-1", "Vragen", "G3", '<c r="G3"><v>1</v></c>')
    add("bespreekpunt-bool", "Vragen", "G3", '<c r="G3" t="b"><v>0</v></c>')
    add("bespreekpunt-2", "Vragen", "G3", '<c r="G3"><v>2</v></c>')
    add("antwoord-getal", "Vragen", "D3", '<c r="D3"><v>1</v></c>')
    # Formulas with cached values (a value-only reader sees the cached value), shared too.
    add("formule-tekst", "Vragen", "D3", '<c r="D3" t="str"><f>"Op orde"</f><v>Op orde</v></c>')
    add("formule-getal", "Vragen", "A3", '<c r="A3"><f>1+1</f><v>2</v></c>')
    add(
        "formule-gedeeld",
        "Vragen",
        "E3",
        '<c r="E3" t="str"><f t="shared" si="0" ref="E3:E4">A3&amp;""</f><v>2</v></c>',
    )
    add("formule-zonder-waarde", "Toelichting", d, f'<c r="{d}"><f>TODAY()</f></c>')
    add("formule-buiten-kolommen", "Vragen", "G3", '<c r="G3"><v>0</v></c>')
    # Error values, empty cells of every kind, multi-line and formula-looking text. (One known
    # difference: calamine drops spaces at the edge of a <t> that lacks xml:space="preserve";
    # Excel, LibreOffice and openpyxl always write it there, so rich text below has it.)
    add("fout-na", "Vragen", "D3", '<c r="D3" t="e"><v>#N/A</v></c>')
    add("fout-deel", "Vragen", "G3", '<c r="G3" t="e"><v>#DIV/0!</v></c>')
    add("leeg-inline", "Vragen", "E3", '<c r="E3" t="inlineStr"><is><t></t></is></c>')
    add("leeg-zonder-waarde", "Vragen", "E3", '<c r="E3" t="s"/>')
    add(
        "leeg-spaties",
        "Vragen",
        "D3",
        '<c r="D3" t="inlineStr"><is><t xml:space="preserve">   </t></is></c>',
    )
    add("meerregelig", "Vragen", "E3",
        '<c r="E3" t="inlineStr"><is><t xml:space="preserve">een\ntwee\r\ndrie_x000D_\nvier</t></is></c>')  # fmt: skip # noqa: E501
    add("escape-letterlijk", "Vragen", "E3",
        '<c r="E3" t="inlineStr"><is><t>_x005F_x000D_ en _x0041_</t></is></c>')  # fmt: skip
    add(
        "formule-als-tekst",
        "Vragen",
        "E3",
        '<c r="E3" t="inlineStr"><is><t>=SOM(A1:A9)</t></is></c>',
    )
    add("rijke-tekst", "Vragen", "E3",
        '<c r="E3" t="inlineStr"><is><r><t xml:space="preserve">vet </t></r><r><rPr><b/></rPr><t xml:space="preserve">en schuin</t></r></is></c>')  # fmt: skip # noqa: E501
    cases.append(
        (
            "1904-dagnummer",
            _date1904(_cell_xml(valid, "Toelichting", d, f'<c r="{d}"><v>44634</v></c>')),
        )
    )
    cases.append(
        (
            "1904-opgemaakt",
            _date1904(
                _cell_xml(
                    valid,
                    "Toelichting",
                    d,
                    f'<c r="{d}" s="1"><v>44634</v></c>',
                    styles=_DATE_STYLES,
                )
            ),
        )
    )
    cases.append(("1904-tekst", _date1904(valid)))
    return cases


@pytest.fixture(scope="module")
def variants(rich_bytes: bytes) -> list[tuple[str, bytes]]:
    return _variants(rich_bytes)


def test_awkward_cells_read_the_same(variants, q: Questionnaire) -> None:
    differences = []
    kinds = {}
    for name, data in variants:
        ours = outcome(read_scan_bytes, data, q)
        reference = outcome(read_reference, data, q)
        kinds[name] = ours[0]
        if ours != reference:
            differences.append(f"{name}:\n  calamine: {ours}\n  openpyxl: {reference}"[:900])
    assert not differences, "\n".join(differences)
    # Both accept and both refuse: the comparison covers both paths.
    assert kinds["datum-opgemaakt"] == kinds["nr-tekst"] == kinds["1904-dagnummer"] == "gelezen"
    assert kinds["formule-tekst"] == kinds["fout-na"] == "geweigerd"


def test_what_the_awkward_cells_mean(variants, q: Questionnaire) -> None:
    """The agreed result is also the right one, not just the same mistake twice."""
    read = {name: outcome(read_scan_bytes, data, q) for name, data in variants}
    assert read["datum-opgemaakt"][1].scan.datum == date(2026, 3, 15)
    assert read["1904-dagnummer"][1].scan.datum == date(2026, 3, 15)
    assert read["1904-opgemaakt"][1].scan.datum == date(2026, 3, 15)
    answer = {a.question: a for a in read["meerregelig"][1].scan.answers}[2]
    assert answer.toelichting == "een\ntwee\ndrie\r\nvier"  # XML itself makes a raw CR LF a LF
    answer = {a.question: a for a in read["escape-letterlijk"][1].scan.answers}[2]
    assert answer.toelichting == "_x000D_ en A"
    assert "formule" in read["formule-tekst"][1] and "rij 3" in read["formule-tekst"][1]
    assert "foutwaarde (#N/A)" in read["fout-na"][1]


_texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(toelichting=_texts, nuancering=_texts)
def test_any_text_reads_the_same(toelichting: str, nuancering: str) -> None:
    q = default_questionnaire()
    scan = replace(rich_scan(q), answers=(Answer(1, None, toelichting, nuancering, True),))
    kind, _ = assert_same(scan_bytes(q, scan), q)
    assert kind == "gelezen"
