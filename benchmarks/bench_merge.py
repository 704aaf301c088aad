"""Merging a whole country (342 workbooks) against a plain openpyxl read of the same files.

The merge must be dominated by reading the files: the baseline opens each workbook read-only
and reads every cell value of every sheet, which any merge built on openpyxl has to do at least.
Ours reads each file through the guarded reader (zip checks, validation, Dutch errors) and merges.
The two alternate within each repetition, so a busy machine slows both alike.
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


def _merge(questionnaire, paths: list[Path]) -> None:
    from zelfscan_app.services.region import RegionReport, merge_files

    merge = merge_files(paths, questionnaire)
    assert merge.picture is not None and not merge.refused, merge.refused[:1]
    RegionReport(merge.picture, seed=1).json_data()


def measure(questionnaire, count: int, repeat: int, folder: Path) -> list[Result]:
    paths = make_workbooks(questionnaire, count, folder)
    _openpyxl_read(paths[:2])  # imports and caches warm for both
    _merge(questionnaire, paths[:2])
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        _openpyxl_read(paths)
        baseline.append(time.perf_counter() - start)
        start = time.perf_counter()
        _merge(questionnaire, paths)
        ours.append(time.perf_counter() - start)
    return [
        *_anonymised(questionnaire, paths, repeat),
        Result(
            f"merge: {count} workbooks (read + merge)",
            sorted(ours)[len(ours) // 2],
            sorted(baseline)[len(baseline) // 2],
            "s",
            "≤ 1.3×",
            "openpyxl read-only, all cells",
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
