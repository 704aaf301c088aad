"""The previous workbook reader (openpyxl, read-only), kept as a reference for the tests.

The app reads cell values with python-calamine; this module reads the same sheets the way the
app did before, with openpyxl, so a test can demand that both give the same domain result
(or the same refusal) for every workbook in the corpus. Nothing in the app imports it.
"""

from __future__ import annotations

import warnings
from io import BytesIO
from typing import Any

from zelfscan_app.errors import ImportRefused
from zelfscan_app.exchange import guards
from zelfscan_app.exchange import layout as L
from zelfscan_app.exchange.cells import RawCell
from zelfscan_app.exchange.reader import SHEETS, RawSheet, WorkbookScan, _interpret
from zelfscan_app.exchange.text import unescape_cell_text


def read_reference(data: bytes, path: str, questionnaire) -> WorkbookScan:
    """Like `reader.read_scan_bytes`, with openpyxl in place of python-calamine."""
    import hashlib

    guards.check_workbook_bytes(data, path)
    sheets, date1904 = extract(data, path)
    scan, notes = _interpret(sheets, path, questionnaire, date1904=date1904)
    return WorkbookScan(scan=scan, sha256=hashlib.sha256(data).hexdigest(), warnings=notes)


def _string_table(xml_source: Any) -> list[str]:
    """openpyxl's shared-string table without its `replace('x005F_', '')`, which unprotects a
    literal `_x005F_x000D_` typed by a user into `_x000D_` that the unescape then turned into a
    carriage return (a bug of the old reader for Excel- and LibreOffice-saved workbooks; calamine
    reads these right). Strings stay escaped here and `_cell` undoes the escapes once."""
    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    strings = []
    for _, node in iterparse(xml_source):
        if node.tag == f"{{{SHEET_MAIN_NS}}}si":
            strings.append(Text.from_tree(node).content)
            node.clear()
    return strings


def extract(data: bytes, path: str) -> tuple[dict[str, RawSheet | None], bool]:
    try:
        from unittest import mock

        import openpyxl

        with (
            warnings.catch_warnings(),
            mock.patch("openpyxl.reader.excel.read_string_table", _string_table),
        ):
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(
                BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
            try:
                return _sheets(workbook, path), workbook.epoch.year == 1904
            finally:
                workbook.close()
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused(
            "het bestand is beschadigd en kan niet als Excel-werkmap worden gelezen", path=path
        ) from None


def _sheets(workbook: Any, path: str) -> dict[str, RawSheet | None]:
    by_name = {" ".join(n.split()).casefold(): n for n in workbook.sheetnames}
    result: dict[str, RawSheet | None] = {}
    for wanted, columns, max_rows, required in SHEETS:
        actual = by_name.get(wanted.casefold())
        if actual is None:
            if required:
                raise ImportRefused(
                    f"het blad ‘{wanted}’ ontbreekt (de werkmap heeft: "
                    f"{', '.join(workbook.sheetnames)})",
                    path=path,
                )
            result[wanted] = None
            continue
        sheet = workbook[actual]
        if not hasattr(sheet, "iter_rows"):
            raise ImportRefused(f"het blad ‘{wanted}’ is geen gewoon werkblad", path=path)
        result[wanted] = _rows(sheet, wanted, columns, max_rows, path)
    return result


def _rows(sheet: Any, name: str, columns: int, max_rows: int, path: str) -> RawSheet:
    sheet.reset_dimensions()
    rows = []
    for number, cells in enumerate(sheet.iter_rows(min_row=1, max_col=columns), start=1):
        if number > L.MAX_SHEET_ROWS:
            raise ImportRefused(
                f"het blad heeft meer dan {L.MAX_SHEET_ROWS} rijen", path=path, where=f"blad {name}"
            )
        row = tuple(_cell(c.value, c.data_type or "n") for c in cells)
        if all(c.is_blank and c.kind not in ("f", "e") for c in row):
            continue
        rows.append((number, row))
        if len(rows) > max_rows:
            raise ImportRefused(
                f"het blad heeft meer dan {max_rows} gevulde rijen, veel meer dan een zelfscan "
                "kan hebben",
                path=path,
                where=f"blad {name}",
            )
    return RawSheet(name, tuple(rows))


def _cell(value: object, kind: str) -> RawCell:
    if isinstance(value, str) and kind not in ("f", "e"):
        value = unescape_cell_text(value)  # openpyxl leaves the OOXML escapes in place
    return RawCell(value, kind)
