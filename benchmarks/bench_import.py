"""Bulk import stays fast as the database grows (issue 12.4: 5,000 files went 19 → 3.5 /s).

Two databases side by side: one nearly empty, one already holding thousands of imported scans.
The same kind of batch of new workbooks is imported into each, alternating, so a busy machine
slows both alike. Ours is the time per file into the full database, the baseline the time per
file into the empty one: the duplicate check reads by index, so the ratio stays near 1.
The workbooks are one written workbook with the gemeente renamed in its sheets, so
making thousands costs little.
"""

from __future__ import annotations

import io
import statistics
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from common import Result

_NAME = "Import 000000"


def _variants(base: bytes, start: int, count: int, folder: Path) -> list[Path]:
    """`count` workbooks, each for another municipality, from one written workbook."""
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert any(_NAME.encode() in data for data in parts.values())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        name_bytes = f"Import {number:06d}".encode()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in parts.items():
                archive.writestr(member, data.replace(_NAME.encode(), name_bytes))
        path = folder / f"import-{number:06d}.xlsx"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def _fill(db, questionnaire, count: int) -> None:
    """`count` imported scans with 31 answers each and their fingerprints, as a region's
    database holds them; written with bulk inserts, so filling takes seconds."""
    from common import region_scans

    from zelfscan_app.domain.names import skeleton
    from zelfscan_app.domain.scan import content_fingerprint
    from zelfscan_app.storage.models import AnswerRow, ScanRow
    from zelfscan_app.storage.repository import now

    templates = region_scans(questionnaire, min(count, 342))
    stamp = now()
    scans, answers = [], []
    for i in range(1, count + 1):
        scan = replace(templates[i % len(templates)], gemeente=f"Gevuld {i:06d}")
        scans.append(
            {
                "id": i,
                "gemeente": scan.gemeente,
                "gemeente_key": skeleton(scan.gemeente),
                "regio": scan.regio,
                "datum": scan.datum,
                "soort": scan.soort.value,
                "questionnaire_id": scan.questionnaire_id,
                "questionnaire_version": scan.questionnaire_version,
                "facilitator": scan.facilitator,
                "warning": "",
                "source_sha256": f"{i:064x}",
                "import_fingerprint": content_fingerprint(scan),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        answers += [
            {
                "scan_id": i,
                "question": a.question,
                "value": a.value.value if a.value else None,
                "toelichting": a.toelichting,
                "nuancering": a.nuancering,
                "bespreekpunt": a.bespreekpunt,
                "updated_at": stamp,
            }
            for a in scan.answers
        ]
    with db.engine.begin() as conn:
        conn.execute(ScanRow.__table__.insert(), scans)
        conn.execute(AnswerRow.__table__.insert(), answers)


def measure(questionnaire, folder: Path, filled: int, batch: int, repeat: int) -> list[Result]:
    from common import region_scans

    from zelfscan_app.exchange.writer import scan_bytes
    from zelfscan_app.services.exchange import ImportStatus, import_files
    from zelfscan_app.storage.database import Database

    base = scan_bytes(questionnaire, replace(region_scans(questionnaire, 1)[0], gemeente=_NAME))
    empty = Database(f"sqlite:///{folder / 'leeg.sqlite'}")
    full = Database(f"sqlite:///{folder / 'vol.sqlite'}")
    _fill(full, questionnaire, filled)
    per_file: dict[str, list[float]] = {"empty": [], "full": []}
    number = 0
    for _ in range(repeat):
        for name, db in (("empty", empty), ("full", full)):
            paths = _variants(base, number, batch, folder / "werkmappen")
            number += batch
            start = time.perf_counter()
            report = import_files(db, paths, questionnaire)
            per_file[name].append((time.perf_counter() - start) / batch)
            assert all(r.status is ImportStatus.IMPORTED for r in report.results), report
            for path in paths:
                path.unlink()
    empty.dispose()
    full.dispose()
    return [
        Result(
            f"import: per file into {filled} scans",
            statistics.median(per_file["full"]),
            statistics.median(per_file["empty"]),
            "s",
            "≤ 1.2×",
            "per file into an empty database",
        )
    ]


def measure_flat(questionnaire, folder: Path, count: int, window: int) -> list[Result]:
    """One import run of `count` workbooks into an empty database (issue 21.4): seconds per
    file over the last `window` files against the first `window`. Timed from the progress
    callback, which reports files as their batch is committed."""
    from common import region_scans

    from zelfscan_app.exchange.writer import scan_bytes
    from zelfscan_app.services.exchange import import_files
    from zelfscan_app.storage.database import Database

    base = scan_bytes(questionnaire, replace(region_scans(questionnaire, 1)[0], gemeente=_NAME))
    paths = _variants(base, 100_000, count, folder / "vlak")
    db = Database(f"sqlite:///{folder / 'vlak.sqlite'}")
    marks: dict[int, float] = {}

    def progress(done: int, _total: int) -> None:
        if done in (window, count - window, count):
            marks[done] = time.perf_counter()

    start = time.perf_counter()
    report = import_files(db, paths, questionnaire, on_progress=progress)
    db.dispose()
    assert len(report.imported) == count, report.summary()
    first = (marks[window] - start) / window
    last = (marks[count] - marks[count - window]) / window
    return [
        Result(
            f"import: {count} files, last {window} per file",
            last,
            first,
            "s",
            "≤ 1.2×",
            f"first {window} files of the same run",
        )
    ]
