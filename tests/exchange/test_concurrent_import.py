"""Two `zelfscan import` processes on the same files store each file once (issue 12.4).

Since the process lock (storage/process_lock.py), the second process either waits for the
first and finds every file already there, or gives up after its one wait with "in gebruik"
and stores nothing. Either way no file is stored twice; the unique fingerprint that guards the
same rule inside the database is tested at the storage level (test_import_fingerprint.py).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.exchange.workbooks import key_row, patch_cell, rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.storage.database import Database

FILES = 40
_LINE = re.compile(r"^(geïmporteerd|al aanwezig|conflict|geweigerd): (.+?\.xlsx): ", re.M)


def _workbooks(q: Questionnaire, folder: Path) -> list[Path]:
    """One export, its gemeente and gespreksleider cells rewritten per file (40 exports
    through openpyxl took ~12 s and prove nothing more about the race)."""
    exported = scan_bytes(q, rich_scan(q))
    gemeente_cell = f"B{key_row(exported, 'Gemeente')}"
    leider_cell = f"B{key_row(exported, 'Gespreksleider')}"
    paths = []
    for i in range(FILES):
        # Two workbooks share gemeente, datum and soort with other content: a conflict pair.
        gemeente = "Aldermeer" if i in (0, 1) else f"Gemeente {i:02d}"
        data = patch_cell(exported, "Toelichting", gemeente_cell, gemeente)
        data = patch_cell(data, "Toelichting", leider_cell, f"Gespreksleider {i}")
        path = folder / f"scan-{i:02d}.xlsx"
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_two_processes_importing_the_same_files_store_each_once(
    q: Questionnaire, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'gedeeld.sqlite'}"
    Database(url).dispose()  # the schema exists before the race starts
    paths = _workbooks(q, tmp_path)
    command = [sys.executable, "-m", "zelfscan_app", "--database", url, "import"]
    runs = [
        subprocess.Popen(
            command + [str(p) for p in paths],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    finished = []
    for run, (stdout, stderr) in zip(runs, outputs, strict=True):
        if run.returncode == 0:
            finished.append((stdout, stderr))
        else:  # refused as a whole after one wait: one line, nothing reported as stored
            assert run.returncode == 1 and "in gebruik" in stderr, (stdout, stderr)
            assert not _LINE.findall(stdout) and "Traceback" not in stderr
    assert finished, outputs

    # The database: exactly one live scan per file.
    with sqlite3.connect(tmp_path / "gedeeld.sqlite") as conn:
        stored = conn.execute(
            "SELECT source_sha256, count(*) FROM scans WHERE deleted_at IS NULL"
            " GROUP BY source_sha256"
        ).fetchall()
    conn.close()
    expected = {hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    assert dict(stored) == dict.fromkeys(expected, 1)

    # The reports: each file stored by one process, reported as already there by the other.
    per_file: dict[str, list[str]] = {str(p): [] for p in paths}
    for stdout, _ in finished:
        for status, path in _LINE.findall(stdout):
            per_file[path].append(status)
    for path, statuses in per_file.items():
        stored_by = [s for s in statuses if s in ("geïmporteerd", "conflict")]
        assert len(statuses) == len(finished) and len(stored_by) == 1, (path, statuses)
        assert statuses.count("al aanwezig") == len(finished) - 1, (path, statuses)
    # Only the two Aldermeer workbooks can be a conflict (same gemeente, datum, soort).
    conflicts = [p for p, s in per_file.items() if "conflict" in s]
    assert len(conflicts) == 1 and conflicts[0] in (str(paths[0]), str(paths[1]))
    # Bulk imports show progress on stderr; stdout keeps one line per file plus the summary.
    for stdout, stderr in finished:
        assert f"{FILES} van {FILES} bestanden verwerkt" in stderr
        assert len(stdout.strip().splitlines()) == FILES + 1
