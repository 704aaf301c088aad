"""Other processes for the storage tests: the `zelfscan` command, a reader, a lock holder."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from zelfscan_app.domain.scan import Scan, SoortMeting

CLI = [sys.executable, "-m", "zelfscan_app"]


def a_scan(gemeente: str = "Aldermeer") -> Scan:
    return Scan(
        gemeente=gemeente,
        regio="Demoregio Veenland",
        datum=date(2026, 3, 15),
        soort=SoortMeting.NULMETING,
        questionnaire_id="vng-kwaliteitskader-zelfscan",
        questionnaire_version="2026.1",
    )


def zelfscan(url: str, *args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """`zelfscan --database URL ARGS` in a new process."""
    return subprocess.run(
        [*CLI, "--database", url, *args], capture_output=True, text=True, timeout=120, **kwargs
    )


def answers_seen_by_another_process(path: Path) -> list[tuple[int, int, str | None]]:
    """(scan, question, value) of every stored answer, read by a fresh process."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        "print(repr(c.execute('SELECT scan_id, question, value FROM answers"
        " ORDER BY scan_id, question').fetchall()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr  # e.g. 'disk I/O error' after a deleted WAL
    return eval(out.stdout)


HOLD_WITH_ZELFSCAN = """
import sys
from zelfscan_app.storage.database import Database
db = Database(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
"""

HOLD_WITH_SQLITE = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    c.execute("BEGIN EXCLUSIVE")
else:
    c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE scans SET regio = regio")
print("held", flush=True)
sys.stdin.read()
c.execute("ROLLBACK")
"""


class Holder:
    """Another process that holds the database until `release` (no sleeps: it says 'held')."""

    def __init__(self, script: str, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        line = self.proc.stdout.readline()
        if line.strip() != "held":
            self.proc.kill()
            raise AssertionError(f"the holder did not start: {self.proc.stderr.read()}")

    def release(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(60)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(60)

    def __enter__(self) -> Holder:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(60)
