"""Merging and importing a whole country (342 workbooks) against bare reads of the same files.

Two baselines, each reading every cell value of every sheet of every file and nothing else:
openpyxl read-only (what the app used before) and python-calamine (what it uses now, so the
floor). Ours reads each file through the guarded reader (zip checks, XML checks, validation,
Dutch errors; a process pool sized to the cores for many files) and merges, or imports into an
empty database. Baselines and ours alternate within each repetition, so a busy machine slows
all alike; the figures are medians.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import Result


def _write(args: tuple[object, object, str]) -> None:
    from zelfscan_app.exchange.writer import scan_bytes

    questionnaire, scan, path = args
    Path(path).write_bytes(scan_bytes(questionnaire, scan))


def make_workbooks(questionnaire, count: int, folder: Path) -> list[Path]:
    """`count` filled scan workbooks written by the app's own writer (once per folder)."""
    from common import region_scans

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"gemeente-{i:03d}.xlsx" for i in range(count)]
    todo = [
        (questionnaire, scan, str(path))
        for scan, path in zip(region_scans(questionnaire, count), paths, strict=True)
        if not path.exists()
    ]
    if len(todo) > 16:
        with ProcessPoolExecutor() as pool:
            list(pool.map(_write, todo, chunksize=8))
    else:
        for item in todo:
            _write(item)
    return paths


def _openpyxl_read(paths: list[Path]) -> None:
    import warnings

    import openpyxl

    for path in paths:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            for _row in sheet.iter_rows(values_only=True):
                pass
        workbook.close()


def _calamine_read(paths: list[Path]) -> None:
    from python_calamine import CalamineWorkbook

    for path in paths:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            for _row in workbook.get_sheet_by_name(name).iter_rows():
                pass
        workbook.close()


def _merge(questionnaire, paths: list[Path]) -> str:
    from zelfscan_app.services.region import RegionReport, merge_files

    merge = merge_files(paths, questionnaire)
    assert merge.picture is not None and not merge.refused, merge.refused[:1]
    RegionReport(merge.picture, seed=1).json_data()
    return getattr(merge, "reading", "serieel (oude lezer)")


def _import(questionnaire, paths: list[Path], folder: Path, run: int) -> float:
    """Seconds to import every file into a new, empty database (created before the clock)."""
    from zelfscan_app.services.exchange import import_files
    from zelfscan_app.storage.database import Database

    db = Database(f"sqlite:///{folder / f'import-{run}.sqlite'}")
    try:
        start = time.perf_counter()
        report = import_files(db, paths, questionnaire)
        took = time.perf_counter() - start
    finally:
        db.dispose()
    assert len(report.imported) == len(paths), report.summary()
    return took


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def measure(questionnaire, count: int, repeat: int, folder: Path) -> list[Result]:
    paths = make_workbooks(questionnaire, count, folder)
    databases = folder / "databases"
    databases.mkdir(exist_ok=True)
    _openpyxl_read(paths[:2])  # imports and caches warm for all
    _calamine_read(paths[:2])
    reading = _merge(questionnaire, paths[:2])
    merged: list[float] = []
    imported: list[float] = []
    openpyxl_s: list[float] = []
    calamine_s: list[float] = []
    for run in range(repeat):
        openpyxl_s.append(_timed(lambda: _openpyxl_read(paths)))
        calamine_s.append(_timed(lambda: _calamine_read(paths)))
        start = time.perf_counter()
        reading = _merge(questionnaire, paths)
        merged.append(time.perf_counter() - start)
        imported.append(_import(questionnaire, paths, databases, run))
    ours, import_s = _median(merged), _median(imported)
    calamine = _median(calamine_s)
    return [
        *_anonymised(questionnaire, paths, repeat),
        Result(
            f"merge: {count} workbooks vs openpyxl",
            ours,
            _median(openpyxl_s),
            "s",
            "≤ 0.15×",
            "openpyxl read-only, all cells",
        ),
        Result(
            f"merge: {count} workbooks vs calamine",
            ours,
            calamine,
            "s",
            "≤ 2×",
            f"python-calamine, all cells; ours {reading}",
        ),
        Result(
            f"import: {count} workbooks, empty database",
            import_s,
            calamine,
            "s",
            "≤ 3×",
            "python-calamine, all cells",
        ),
    ]


def _anonymised(questionnaire, paths: list[Path], repeat: int) -> list[Result]:
    """The anonymised regional workbook with toelichtingen (every text scrubbed by the domain's
    rules, each person's name parts and each municipality's derived forms) against the same
    workbook with names, which writes the same texts unscrubbed."""
    from zelfscan_app.exchange.region_workbook import region_workbook_bytes
    from zelfscan_app.services.region import RegionReport, merge_files

    picture = merge_files(paths, questionnaire).picture
    assert picture is not None
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        region_workbook_bytes(RegionReport(picture, seed=1).workbook())
        baseline.append(time.perf_counter() - start)
        start = time.perf_counter()
        anonymous = RegionReport(picture, anonymous=True, with_texts=True, min_group_size=1)
        region_workbook_bytes(anonymous.workbook())
        ours.append(time.perf_counter() - start)
    return [
        Result(
            f"merge: anonymised workbook with texts ({len(paths)})",
            sorted(ours)[len(ours) // 2],
            sorted(baseline)[len(baseline) // 2],
            "s",
            "≤ 1.5×",
            "the same workbook with names",
        )
    ]
