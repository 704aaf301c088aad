"""Hostile workbooks are refused quicker than an honest one is read.

The import guards (exchange/guards.py) look at a file before openpyxl or calamine would parse
it: a zip bomb is refused from the zip directory, an XML entity bomb and a sheet with thousands
of rows from a scan of the bytes, an oversized file from its size. tests/exchange/test_hostile.py
checks that each is refused, with a Dutch message and bounded memory; how fast is measured here,
where a busy machine slows the baseline alike: the baseline is reading the honest workbook the
hostile ones were made from, timed interleaved with them.
"""

from __future__ import annotations

import io
import os
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from common import Result, region_scans

_BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b"]>\n"
)
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _sheet_member(parts: dict[str, bytes]) -> str:
    """The largest worksheet (the questions sheet)."""
    sheets = [n for n in parts if n.startswith("xl/worksheets/sheet")]
    return max(sheets, key=lambda n: len(parts[n]))


def _zip_bomb(honest: bytes, unpacked: int) -> bytes:
    """The honest workbook plus a member of zeros that unpacks to `unpacked` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in _members(honest).items():
            archive.writestr(name, content)
        with archive.open("xl/media/image1.png", "w", force_zip64=True) as handle:
            block = bytes(10_000_000)
            for _ in range(unpacked // len(block)):
                handle.write(block)
    return out.getvalue()


def _entity_bomb(honest: bytes) -> bytes:
    parts = _members(honest)
    sheet = _sheet_member(parts)
    body = parts[sheet].split(b"?>", 1)[1] if parts[sheet].startswith(b"<?xml") else parts[sheet]
    parts[sheet] = _BILLION_LAUGHS + body.replace(b">", b">&lol9;", 1)
    return _rezip(parts)


def _many_rows(honest: bytes, rows: int) -> bytes:
    parts = _members(honest)
    cells = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>'
        for r in range(1, rows + 1)
    )
    parts[_sheet_member(parts)] = (
        f'<worksheet xmlns="{_NS}"><sheetData>{cells}</sheetData></worksheet>'
    ).encode()
    return _rezip(parts)


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(questionnaire, folder: Path, repeat: int, *, quick: bool) -> list[Result]:
    from zelfscan_app.errors import ImportRefused
    from zelfscan_app.exchange.reader import read_scan_bytes, read_scan_file
    from zelfscan_app.exchange.writer import scan_bytes

    honest = scan_bytes(questionnaire, region_scans(questionnaire, 1)[0])
    folder.mkdir(parents=True, exist_ok=True)
    too_large = folder / "groot.xlsx"
    too_large.write_bytes(b"PK\x03\x04" + os.urandom(6_000_000))
    hostile: dict[str, Callable[[], object]] = {}
    # The rows are counted by parsing the sheet (the 5000-row limit is checked as it goes), so
    # that refusal costs a few honest reads; the others are decided before any XML is parsed.
    goals = {"20,000 rows": "≤ 10×"}
    for label, data in (
        ("zip bomb", _zip_bomb(honest, 20_000_000 if quick else 200_000_000)),
        ("XML entity bomb", _entity_bomb(honest)),
        ("20,000 rows", _many_rows(honest, 20_000)),
    ):
        hostile[label] = lambda data=data: read_scan_bytes(data, "vijandig.xlsx", questionnaire)
    hostile["6 MB file"] = lambda: read_scan_file(too_large, questionnaire)

    def refused(action: Callable[[], object]) -> None:
        try:
            action()
        except ImportRefused:
            return
        raise AssertionError("a hostile workbook was not refused")

    def read_honest() -> None:
        read_scan_bytes(honest, "eerlijk.xlsx", questionnaire)

    read_honest()  # imports and caches warm, for both sides
    times: dict[str, list[float]] = {label: [] for label in hostile}
    baseline: list[float] = []
    for _ in range(repeat):  # interleaved: a busy moment slows both sides
        baseline.append(_time(read_honest))
        for label, action in hostile.items():
            times[label].append(_time(lambda action=action: refused(action)))
    base = statistics.median(baseline)
    return [
        Result(
            f"hostile: {label} refused",
            statistics.median(times[label]),
            base,
            "s",
            goals.get(label, "≤ 1.0×"),
            "reading the honest workbook",
        )
        for label in hostile
    ]
