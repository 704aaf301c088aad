"""A bulk import commits in batches, a SAVEPOINT per file, and keeps every promise of one
transaction per file: a refused file changes nothing, what was acknowledged survives a kill,
and the progress (the acknowledgement) counts only files whose batch is committed."""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from tests.exchange.workbooks import db_state, rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.services import exchange as service
from zelfscan_app.services.exchange import ImportStatus
from zelfscan_app.services.scans import list_scans
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database


def _workbooks(q: Questionnaire, folder: Path, count: int) -> list[Path]:
    """`count` workbooks of Gemeente 000, 001, …: one written, the others renamed in its XML."""
    written = scan_bytes(q, replace(rich_scan(q), gemeente="Gemeente 000"))
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in parts.items():
                archive.writestr(
                    member, data.replace(b"Gemeente 000", f"Gemeente {i:03d}".encode())
                )
        path = folder / f"gemeente-{i:03d}.xlsx"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def _stored(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {row[0] for row in conn.execute("SELECT gemeente FROM scans")}
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    return names


def test_a_file_failing_in_the_database_rolls_back_only_its_own_savepoint(
    db: Database, q: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second file's scan and answers are written, then the database fails: only that
    file is undone, the files before and after it in the same transaction are stored."""
    paths = _workbooks(q, tmp_path, 3)
    real_add = repo.add_scan

    def failing_add(session, scan, **kwargs):
        scan_id = real_add(session, scan, **kwargs)
        if scan.gemeente == "Gemeente 001":
            raise OperationalError("INSERT INTO answers", {}, Exception("schijf vol"))
        return scan_id

    monkeypatch.setattr(repo, "add_scan", failing_add)
    monkeypatch.setattr(service, "BATCH_SECONDS", 3600.0)  # all three in one transaction
    before = len(list_scans(db))

    report = service.import_files(db, paths, q)

    assert [r.status for r in report.results] == [
        ImportStatus.IMPORTED,
        ImportStatus.REFUSED,
        ImportStatus.IMPORTED,
    ]
    assert "de database kon de zelfscan niet opslaan" in report.results[1].message
    names = [i.gemeente for i in list_scans(db)]
    assert len(names) == before + 2
    assert "Gemeente 001" not in names and {"Gemeente 000", "Gemeente 002"} <= set(names)


def test_a_refused_workbook_among_good_ones_changes_nothing(
    db: Database, q: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _workbooks(q, tmp_path / "goed", 2)
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(good[0].read_bytes()[:4000])
    monkeypatch.setattr(service, "BATCH_SECONDS", 3600.0)
    alone = service.import_files(db, [good[0], good[1]], q)
    assert len(alone.imported) == 2
    state = db_state(db)
    # The same two again with the broken one between them: two duplicates and one refusal,
    # and the database exactly as it was.
    report = service.import_files(db, [good[0], bad, good[1]], q)
    assert [r.status for r in report.results] == [
        ImportStatus.DUPLICATE,
        ImportStatus.REFUSED,
        ImportStatus.DUPLICATE,
    ]
    assert db_state(db) == state


def test_progress_counts_only_committed_files(
    db: Database, q: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each progress report is given after the commit that made those files durable: at
    that moment a second connection already sees every file counted."""
    paths = _workbooks(q, tmp_path, 7)
    monkeypatch.setattr(service, "BATCH_FILES", 3)
    monkeypatch.setattr(service, "BATCH_SECONDS", 3600.0)
    assert db.file is not None
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        committed = {n for n in _stored(db.file) if n.startswith("Gemeente ")}
        assert {f"Gemeente {i:03d}" for i in range(done)} <= committed
        seen.append((done, len(committed)))

    report = service.import_files(db, paths, q, on_progress=progress)
    assert len(report.imported) == 7
    # Committed after files 3, 6 and 7: the counts come in those steps.
    assert [c for _d, c in seen] == [3, 3, 3, 6, 6, 6, 7]
    assert [d for d, _c in seen] == list(range(1, 8))


def test_what_was_acknowledged_survives_a_kill(q: Questionnaire, tmp_path: Path) -> None:
    """`zelfscan import` of many files is killed (SIGKILL) as soon as it reports progress;
    every file the progress counted is in the database, which is intact."""
    paths = _workbooks(q, tmp_path / "werkmappen", 200)
    database = tmp_path / "regio.sqlite"
    url = f"sqlite:///{database}"
    Database(url).dispose()
    run = subprocess.Popen(
        [sys.executable, "-m", "zelfscan_app", "--database", url, "import", *map(str, paths)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert run.stderr is not None
    acknowledged = 0
    for line in run.stderr:
        found = re.search(r"… (\d+) van 200 bestanden verwerkt", line)
        if found:
            acknowledged = int(found.group(1))
            run.kill()
            break
    run.wait(timeout=600)
    assert acknowledged > 0
    # Its reading workers (forked, so with the same command line) end with it.
    wait_for(lambda: not _processes_with(url), seconds=30)
    stored = _stored(database)
    assert {f"Gemeente {i:03d}" for i in range(acknowledged)} <= stored


def _processes_with(text: str) -> list[int]:
    """Processes whose command line contains `text` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if text in cmdline:
                found.append(int(entry.name))
    return found


def wait_for(condition, seconds: float) -> None:
    """Wait for `condition` without Qt (polling), failing after `seconds` against a hang."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.05)
