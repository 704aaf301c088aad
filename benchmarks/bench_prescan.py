"""Voorbereidingen: importing them costs what importing a scan costs, and the session's split
view (31 splits and the ranking) is as quick as reading the scan itself.

Ours: time per file to import N voorbereidingen into one scan (reader, guards, fingerprint,
store); baseline: time per file to import N group workbooks as scans, the same files apart
from 'Voorbereiding door' and the gemeente, alternating so a busy machine slows both alike.
Then the overview the session reads on every import or show of hands, against reading the
scan it belongs to.
"""

from __future__ import annotations

import io
import statistics
import time
from datetime import date
from pathlib import Path

from common import Result, median_time


def _workbook(questionnaire, gemeente: str, door: str, seed: int) -> bytes:
    from openpyxl import load_workbook

    from zelfscan_app.domain.scan import SoortMeting
    from zelfscan_app.exchange import layout as L
    from zelfscan_app.exchange.writer import form_bytes

    data = form_bytes(
        questionnaire,
        gemeente=gemeente,
        regio="Bench",
        datum=date(2026, 3, 15),
        soort=SoortMeting.NULMETING,
        prescan=True,
    )
    wb = load_workbook(io.BytesIO(data))
    meta = wb[L.SHEET_TOELICHTING]
    for row in range(1, 20):
        if meta.cell(row, 1).value == L.KEY_VOORBEREIDING:
            meta.cell(row, 2).value = door or None
    vragen = wb[L.SHEET_VRAGEN]
    for row in range(2, vragen.max_row + 1):
        number = vragen.cell(row, 1).value
        vragen.cell(row, 4).value = "Op orde" if (number * 7 + seed) % 3 else "Niet op orde"
        vragen.cell(row, 5).value = f"Toelichting {seed} bij vraag {number}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _variants(base: bytes, prefix: str, count: int, folder: Path, stem: str) -> list[str]:
    """`count` copies of a workbook with '<prefix>000' renamed to '<prefix>001', '002', …"""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    old = f"{prefix}000".encode()
    paths = []
    for number in range(count):
        new = f"{prefix}{number:03d}".encode()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in parts.items():
                archive.writestr(member, data.replace(old, new))
        path = folder / f"{stem}-{number:03d}.xlsx"
        path.write_bytes(out.getvalue())
        paths.append(str(path))
    return paths


def measure(questionnaire, folder: Path, count: int, repeat: int) -> list[Result]:
    from zelfscan_app.domain.scan import Scan, SoortMeting
    from zelfscan_app.services import exchange, prescans, scans
    from zelfscan_app.storage.database import Database

    folder.mkdir(parents=True, exist_ok=True)
    ours: list[float] = []
    base: list[float] = []
    overview_times: list[float] = []
    read_times: list[float] = []
    for round_ in range(repeat):
        db = Database(f"sqlite:///{folder / f'prescan-{round_}.sqlite'}")
        scan_id = scans.create_scan(
            db,
            Scan(
                gemeente="Bench",
                regio="Bench",
                datum=date(2026, 3, 15),
                soort=SoortMeting.NULMETING,
                questionnaire_id=questionnaire.id,
                questionnaire_version=questionnaire.version,
            ),
        )
        # One workbook of each kind, varied by renaming in its XML (cheap, like bench_import).
        pre = _variants(
            _workbook(questionnaire, "Bench", "Deelnemer 000", 1),
            "Deelnemer ",
            count,
            folder,
            f"v-{round_}",
        )
        group = _variants(
            _workbook(questionnaire, f"Groep{round_} 000", "", 2),
            f"Groep{round_} ",
            count,
            folder,
            f"g-{round_}",
        )
        started = time.perf_counter()
        report = prescans.import_prescans(db, questionnaire, scan_id, pre)
        ours.append((time.perf_counter() - started) / count)
        assert len(report.imported) == count, report.results
        started = time.perf_counter()
        report = exchange.import_files(db, group, questionnaire)
        base.append((time.perf_counter() - started) / count)
        assert len(report.imported) == count, report.results
        overview_times.append(
            median_time(lambda db=db, s=scan_id: prescans.overview(db, questionnaire, s), 5)
        )
        read_times.append(median_time(lambda db=db, s=scan_id: scans.get_scan(db, s), 5))
        db.dispose()
    return [
        Result(
            f"import {count} voorbereidingen (per file)",
            statistics.median(ours),
            statistics.median(base),
            "s",
            "≤ 1.5×",
            "import as scans",
        ),
        Result(
            f"split view of {count} voorbereidingen",
            statistics.median(overview_times),
            statistics.median(read_times),
            "s",
            "≤ 2.5×",
            "read the scan",
        ),
    ]
