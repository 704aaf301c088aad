"""Many workbooks are read by a process pool, in input order, each refused on its own."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from tests.exchange.workbooks import key_row, patch_cell, rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.errors import ImportRefused
from zelfscan_app.exchange import reader
from zelfscan_app.exchange.reader import ReadPlan, read_plan, read_scan_files
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.services import region
from zelfscan_app.services.exchange import ImportStatus, import_files

COUNT = 30


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from zelfscan_app.questionnaire_file import default_questionnaire

    q = default_questionnaire()
    base = tmp_path_factory.mktemp("werkmappen")
    # One export, its gemeente cell rewritten per file (as a user would retype it): writing
    # 26 workbooks through openpyxl took ~10 s and proved nothing more about reading them.
    exported = scan_bytes(q, rich_scan(q))
    cell = f"B{key_row(exported, 'Gemeente')}"
    paths = []
    for i in range(COUNT):
        path = base / f"gemeente-{i:02d}.xlsx"
        if i % 7 == 3:
            path.write_bytes(b"geen werkmap " * i)  # refused, each with its own message
        else:
            path.write_bytes(patch_cell(exported, "Toelichting", cell, f"Gemeente {i:02d}"))
        paths.append(path)
    return paths


def _summary(outcome: object) -> tuple[str, str]:
    if isinstance(outcome, ImportRefused):
        return ("geweigerd", str(outcome))
    return ("gelezen", outcome.scan.gemeente)


@pytest.mark.parametrize(
    "method",
    [m for m in ("fork", "forkserver", "spawn") if m in multiprocessing.get_all_start_methods()],
)
def test_the_pool_gives_what_serial_reading_gives_in_input_order(
    folder: list[Path], q: Questionnaire, method: str
) -> None:
    serial = [_summary(o) for o in read_scan_files(folder, q, plan=ReadPlan(1))]
    pooled = [_summary(o) for o in read_scan_files(folder, q, plan=ReadPlan(2, method))]
    assert pooled == serial
    assert serial[3] == ("geweigerd", f"{folder[3]}: het bestand is geen Excel-werkmap (.xlsx)")
    assert serial[4] == ("gelezen", "Gemeente 04")
    assert sum(kind == "geweigerd" for kind, _ in serial) == 4


def test_merge_by_pool_equals_merge_in_series(
    folder: list[Path], q: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "_cores", lambda: 2)
    pooled = region.merge_files(folder, q)
    assert pooled.reading.startswith("parallel ingelezen (2 processen")
    monkeypatch.setenv("ZELFSCAN_WORKERS", "1")
    serial = region.merge_files(folder, q)
    assert serial.reading == "serieel ingelezen (in dit proces)"
    assert replace(pooled, reading="") == replace(serial, reading="")
    assert [r.path for r in pooled.refused] == [str(p) for p in folder[3::7]]


def test_import_by_pool_stores_in_input_order(folder: list[Path], q: Questionnaire, db) -> None:
    report = import_files(db, folder, q)
    assert [r.path for r in report.results] == [str(p) for p in folder]
    statuses = [r.status for r in report.results]
    assert statuses.count(ImportStatus.REFUSED) == 4
    stored = [r.scan_id for r in report.results if r.status is ImportStatus.IMPORTED]
    assert stored == sorted(stored) and len(stored) == COUNT - 4


def test_cancel_stops_the_pool(folder: list[Path], q: Questionnaire) -> None:
    seen: list[int] = []
    merge = region.merge_files(
        folder,
        q,
        on_progress=lambda done, total: seen.append(done),
        should_cancel=lambda: len(seen) >= 5,
    )
    assert merge.cancelled and seen == [1, 2, 3, 4, 5]


def test_when_the_pool_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_cores", lambda: 2)
    monkeypatch.delenv("ZELFSCAN_WORKERS", raising=False)
    assert read_plan(342).workers == 2
    assert read_plan(reader.PARALLEL_FROM - 1).workers == 1  # a few files: not worth it
    monkeypatch.setenv("ZELFSCAN_WORKERS", "1")
    assert read_plan(342).workers == 1
    monkeypatch.delenv("ZELFSCAN_WORKERS")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert read_plan(342) == ReadPlan(1)  # the frozen app reads serially
    monkeypatch.delattr(sys, "frozen")
    monkeypatch.setattr(reader, "_cores", lambda: 1)
    assert read_plan(342).workers == 1


def test_a_process_with_threads_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_cores", lambda: 2)
    monkeypatch.delenv("ZELFSCAN_WORKERS", raising=False)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert read_plan(342).method in ("forkserver", "spawn")
    finally:
        stop.set()
        thread.join()
