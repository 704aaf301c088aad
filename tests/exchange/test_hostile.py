"""Malicious or absurd files are refused quickly, with bounded memory, before openpyxl parses."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.exchange.workbooks import SHEET_XML, members, replace_member, rezip
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.errors import ImportRefused
from zelfscan_app.exchange import guards, reader
from zelfscan_app.exchange.reader import read_scan_bytes, read_scan_file

BOMB_BYTES = 200_000_000  # what the honest bomb would unpack to

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b"]>\n"
)


def _measure(action: Callable[[], object]) -> tuple[int, BaseException | None]:
    """Peak traced bytes and the exception raised by `action`."""
    tracemalloc.start()
    error: BaseException | None = None
    try:
        action()
    except BaseException as exc:
        error = exc
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, error


def _refused_fast(action: Callable[[], object], *, mb: int = 40) -> str:
    """Refused (ImportRefused, its Dutch message returned) within a memory bound.

    How fast is measured by `make bench` (benchmarks/bench_hostile.py), against reading an
    honest workbook in the same run: a wall-clock limit here failed on a busy machine."""
    peak, error = _measure(action)
    assert isinstance(error, ImportRefused), repr(error)
    assert peak < mb * 1_000_000, f"peak {peak / 1e6:.1f} MB"
    return str(error)


@pytest.fixture(scope="module")
def zip_bomb(rich_bytes: bytes) -> bytes:
    """A valid workbook plus one member of zeros that unpacks to 200 MB (ratio ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members(rich_bytes).items():
            archive.writestr(name, content)
        with archive.open("xl/media/image1.png", "w", force_zip64=True) as handle:
            block = bytes(10_000_000)
            for _ in range(BOMB_BYTES // len(block)):
                handle.write(block)
    return out.getvalue()


def test_zip_bomb_is_refused_from_the_directory(zip_bomb: bytes, q: Questionnaire) -> None:
    assert len(zip_bomb) < 1_000_000
    message = _refused_fast(lambda: read_scan_bytes(zip_bomb, "bom.xlsx", q), mb=5)
    assert "zip-bom" in message


def test_zip_bomb_that_lies_about_its_size(rich_bytes: bytes, q: Questionnaire) -> None:
    """Declared small, really huge: unpacking stops at the declared size and the CRC fails."""
    sheet = SHEET_XML["Vragen"]
    parts = members(rich_bytes)
    parts[sheet] = parts[sheet] + b" " * 50_000_000
    data = bytearray(rezip(parts))
    honest = len(members(rich_bytes)[sheet])
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(sheet)
    data[info.header_offset + 22 : info.header_offset + 26] = honest.to_bytes(4, "little")
    central = bytes(data).rindex(b"PK\x01\x02", 0, bytes(data).rindex(sheet.encode()) + 1)
    data[central + 24 : central + 28] = honest.to_bytes(4, "little")
    message = _refused_fast(lambda: read_scan_bytes(bytes(data), "leugen.xlsx", q), mb=10)
    assert "beschadigd" in message


@pytest.mark.parametrize(
    "member", ["[Content_Types].xml", "xl/workbook.xml", SHEET_XML["Vragen"], "docProps/core.xml"]
)
def test_xml_entity_bomb_is_refused(rich_bytes: bytes, q: Questionnaire, member: str) -> None:
    content = members(rich_bytes)[member]
    body = content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content
    data = replace_member(rich_bytes, member, BILLION_LAUGHS + body.replace(b">", b">&lol9;", 1))
    message = _refused_fast(lambda: read_scan_bytes(data, "bom.xlsx", q), mb=10)
    assert "XML-bom" in message and member in message


def test_entity_bomb_also_stopped_by_the_parser_itself(rich_bytes: bytes) -> None:
    """Second line of defence: even past the guard, the reader (python-calamine) does not
    expand entities: the sheet reads in little memory, without a single 'lol'."""
    member = SHEET_XML["Vragen"]
    body = members(rich_bytes)[member]
    data = replace_member(rich_bytes, member, BILLION_LAUGHS + body.replace(b">", b">&lol9;", 1))
    past_the_guard = guards.CheckedWorkbook(
        date1904=False,
        sheets=tuple(guards.SheetPart(name, part, {}) for name, part in SHEET_XML.items()),
    )
    result: dict = {}
    peak, error = _measure(lambda: result.update(reader._extract(data, "bom.xlsx", past_the_guard)))
    assert error is None or isinstance(error, ImportRefused), repr(error)
    assert peak < 40_000_000, peak  # an expanded billion laughs would need gigabytes
    values = [c.value for s in result.values() if s for _n, row in s.rows for c in row]
    assert values and not any("lol" in str(v) for v in values)


def test_utf16_xml_with_dtd_is_refused(rich_bytes: bytes, q: Questionnaire) -> None:
    member = SHEET_XML["Vragen"]
    body = members(rich_bytes)[member].decode()
    text = '<?xml version="1.0" encoding="UTF-16"?>' + BILLION_LAUGHS.decode().split("?>", 1)[1]
    data = replace_member(rich_bytes, member, (text + body).encode("utf-16"))
    assert "tekencodering" in _refused_fast(lambda: read_scan_bytes(data, "u.xlsx", q))


def _sheet_with_rows(rows: int, column: str, value: str = "x") -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    body = "".join(
        f'<row r="{r}"><c r="{column}{r}" t="inlineStr"><is><t>{value}</t></is></c></row>'
        for r in range(1, rows + 1)
    )
    return f'<worksheet xmlns="{ns}"><sheetData>{body}</sheetData></worksheet>'.encode()


@pytest.mark.parametrize(
    "column, problem",
    [
        ("K", "meer dan 5000 rijen"),  # counted in the guard, before openpyxl
        ("AZ", "meer dan 5000 rijen"),
    ],
)
def test_thousands_of_rows_are_refused_quickly(
    rich_bytes: bytes, q: Questionnaire, column: str, problem: str
) -> None:
    data = replace_member(rich_bytes, SHEET_XML["Vragen"], _sheet_with_rows(20_000, column))
    assert problem in _refused_fast(lambda: read_scan_bytes(data, "rijen.xlsx", q))


def test_one_cell_a_million_rows_down(rich_bytes: bytes, q: Questionnaire) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (
        f'<worksheet xmlns="{ns}"><dimension ref="A1:A1"/><sheetData>'
        '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>'
    ).encode()
    data = replace_member(rich_bytes, SHEET_XML["Vragen"], sheet)
    assert "5000 rijen" in _refused_fast(lambda: read_scan_bytes(data, "ver.xlsx", q))


def test_file_larger_than_any_workbook(tmp_path: Path, q: Questionnaire) -> None:
    path = tmp_path / "groot.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(6_000_000))
    message = _refused_fast(lambda: read_scan_file(path, q), mb=15)
    assert "groter dan 5 MB" in message


def test_many_members(rich_bytes: bytes, q: Questionnaire) -> None:
    parts = members(rich_bytes)
    parts.update({f"xl/media/x{i}.bin": b"" for i in range(400)})
    assert "onredelijk veel onderdelen" in _refused_fast(
        lambda: read_scan_bytes(rezip(parts), "m", q)
    )


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "leeg"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".xls"),
        (b"PK\x05\x06" + bytes(18), "leeg zip-archief"),
        (b"%PDF-1.7\n...", "geen Excel-werkmap"),
        (b"Nr;Vraag;Antwoord\n1;x;Op orde\n", "geen Excel-werkmap"),
        (rezip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), ".ods"),
        (rezip({"a.txt": b"hallo"}), "[Content_Types].xml ontbreekt"),
    ],
)
def test_not_a_workbook(data: bytes, problem: str, q: Questionnaire) -> None:
    assert problem in _refused_fast(lambda: read_scan_bytes(data, "x.xlsx", q))


def test_encrypted_member(rich_bytes: bytes, q: Questionnaire) -> None:
    data = bytearray(rich_bytes)
    with zipfile.ZipFile(io.BytesIO(rich_bytes)) as archive:
        info = archive.infolist()[0]
    central = bytes(data).index(b"PK\x01\x02")
    data[central + 8] |= 0x01  # general purpose flag: encrypted
    data[info.header_offset + 6] |= 0x01
    assert "wachtwoord" in _refused_fast(lambda: read_scan_bytes(bytes(data), "x.xlsx", q))


def test_deflate_garbage_is_damaged(rich_bytes: bytes, q: Questionnaire) -> None:
    parts = members(rich_bytes)
    raw = zlib.compress(parts[SHEET_XML["Vragen"]])
    assert raw  # a sanity check that zlib is present; the corpus test flips bytes in members
    assert "beschadigd" in _refused_fast(
        lambda: read_scan_bytes(rich_bytes[: len(rich_bytes) // 2], "half.xlsx", q)
    )


_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_many_sheets_sharing_one_part(rich_bytes: bytes, q: Questionnaire) -> None:
    """A workbook that lists one big sheet part a thousand times would make openpyxl parse it
    a thousand times on load."""
    parts = members(rich_bytes)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    book = parts["xl/workbook.xml"].decode()
    extra_rels = "".join(
        f'<Relationship Id="rX{i}" Target="worksheets/sheet2.xml" Type="http://schemas.openxml'
        'formats.org/officeDocument/2006/relationships/worksheet"/>'
        for i in range(1000)
    )
    extra_sheets = "".join(
        f'<sheet xmlns:r="{_REL_NS}" name="B{i}" sheetId="{100 + i}" r:id="rX{i}"/>'
        for i in range(1000)
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", extra_rels + "</Relationships>"
    ).encode()
    parts["xl/workbook.xml"] = book.replace("</sheets>", extra_sheets + "</sheets>").encode()
    message = _refused_fast(lambda: read_scan_bytes(rezip(parts), "bladen.xlsx", q))
    assert "meer dan 20 bladen" in message


def test_two_sheets_sharing_one_part(rich_bytes: bytes, q: Questionnaire) -> None:
    parts = members(rich_bytes)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace("sheet4.xml", "sheet2.xml").encode()
    assert "beschadigd" in _refused_fast(lambda: read_scan_bytes(rezip(parts), "x.xlsx", q))


def test_one_cell_far_right_and_down_is_refused_before_reading(
    rich_bytes: bytes, q: Questionnaire
) -> None:
    """The reader holds a sheet as a dense grid from its first to its last cell: A1 and
    XFD4000 would be 65 million cells (gigabytes). The guard refuses by the coordinates."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (
        f'<worksheet xmlns="{ns}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c></row>'
        '<row r="4000"><c r="XFD4000"><v>1</v></c></row></sheetData></worksheet>'
    ).encode()
    data = replace_member(rich_bytes, SHEET_XML["Vragen"], sheet)
    message = _refused_fast(lambda: read_scan_bytes(data, "breed.xlsx", q), mb=10)
    assert "onredelijk breed (tot kolom XFD)" in message


def test_a_sheet_xml_that_is_not_well_formed_is_refused(
    rich_bytes: bytes, q: Questionnaire
) -> None:
    """python-calamine reads past some broken XML; the guard's expat pass does not."""
    member = SHEET_XML["Vragen"]
    broken = members(rich_bytes)[member].replace(b">", b"><<", 1)
    data = replace_member(rich_bytes, member, broken)
    message = _refused_fast(lambda: read_scan_bytes(data, "kapot.xlsx", q))
    assert (
        message
        == "kapot.xlsx: het bestand is beschadigd en kan niet als Excel-werkmap worden gelezen"
    )
