"""'Opgeslagen' is never a lie: no other process deletes the WAL under an open database.

The hazard: SQLite's POSIX locks are per process and dropped by *any* close() of the file in
that process (a file dialog peeking at it is enough). Another process then thinks it is the
last one, checkpoints and deletes the WAL, and the first one goes on committing into a
deleted file. `storage.process_lock` keeps a second Zelfscan process out; `Database` also
refuses to acknowledge a commit into a replaced WAL (for programs that ignore our lock).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.storage.helpers import (
    HOLD_WITH_ZELFSCAN,
    Holder,
    a_scan,
    answers_seen_by_another_process,
    zelfscan,
)
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.errors import DatabaseFault
from zelfscan_app.services import scans as svc
from zelfscan_app.storage import process_lock
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.faults import IN_USE
from zelfscan_app.storage.scan_list_fast import list_scans_fast

OP = AnswerValue.OP_ORDE

pytestmark = pytest.mark.skipif(not process_lock.NEEDED, reason="POSIX locking hazard only")


@pytest.mark.usefixtures("short_lock_waits")  # the refusal is what counts, not its wait
def test_a_stray_close_and_a_command_lose_no_acknowledged_answer(tmp_path: Path) -> None:
    path = tmp_path / "zelfscan.sqlite"
    url = f"sqlite:///{path}"
    db = Database(url)
    scan_id = svc.create_scan(db, a_scan())
    svc.set_answer(db, scan_id, 1, OP)
    with open(path, "rb") as stray:  # e.g. a file dialog sniffing the file's type
        stray.read(100)
    cli = zelfscan(url, "export", "--gemeente", "Aldermeer", "--out", str(tmp_path / "a.xlsx"))
    try:
        svc.set_answer(db, scan_id, 5, OP)
        acknowledged = True
    except DatabaseFault:
        acknowledged = False
    seen = answers_seen_by_another_process(path)  # while the window still has it open
    db.dispose()
    assert (scan_id, 1, "Op orde") in seen
    if acknowledged:
        assert (scan_id, 5, "Op orde") in seen  # what was acknowledged is there
    # How: the command waited once and said the database is in use; the window never had to
    # refuse an answer.
    assert (cli.returncode, IN_USE in cli.stderr) == (1, True)
    assert acknowledged


@pytest.mark.usefixtures("short_lock_waits")  # the refusal is what counts, not its wait
def test_a_second_process_gets_one_clear_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"
    db = Database(url)
    svc.create_scan(db, a_scan())
    cli = zelfscan(url, "export", "--gemeente", "Aldermeer", "--out", str(tmp_path / "a.xlsx"))
    assert cli.returncode == 1
    assert cli.stderr.splitlines() == [f"zelfscan: fout: {tmp_path / 'zelfscan.sqlite'}: {IN_USE}"]
    assert not (tmp_path / "a.xlsx").exists()
    db.dispose()  # released: now the command runs
    cli = zelfscan(url, "export", "--gemeente", "Aldermeer", "--out", str(tmp_path / "a.xlsx"))
    assert cli.returncode == 0, cli.stderr
    assert (tmp_path / "a.xlsx").is_file()


def test_this_process_waits_for_another_and_says_in_gebruik(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the real wait (the other lock tests shorten it, see `short_lock_waits`)."""
    monkeypatch.delenv(process_lock.ENV_LOCK_WAIT, raising=False)
    url = f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"
    Database(url).dispose()
    with Holder(HOLD_WITH_ZELFSCAN, url):
        started = time.monotonic()
        with pytest.raises(DatabaseFault, match="in gebruik door een ander Zelfscan-venster"):
            Database(url)
        assert time.monotonic() - started >= process_lock.LOCK_WAIT_S, "the default wait"
        assert list_scans_fast(url) is None  # the fast path does not wait; the normal path says it
        assert not process_lock.held_here(tmp_path / "zelfscan.sqlite")


def test_a_killed_process_leaves_no_stale_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"
    Database(url).dispose()
    holder = Holder(HOLD_WITH_ZELFSCAN, url)
    holder.kill()  # SIGKILL: no clean-up ran
    db = Database(url)  # no wait, no message
    assert svc.list_scans(db) == []
    db.dispose()


@pytest.mark.usefixtures("short_lock_waits")  # the refusal is what counts, not its wait
def test_several_databases_on_one_file_in_one_process(tmp_path: Path) -> None:
    file = tmp_path / "zelfscan.sqlite"
    url = f"sqlite:///{file}"
    first, second = Database(url), Database(url)
    scan_id = svc.create_scan(first, a_scan())
    svc.set_answer(second, scan_id, 2, OP)
    assert list_scans_fast(url)[0].answered == 1  # the fast path shares the lock, too
    first.dispose()
    assert process_lock.held_here(file)  # the second still needs it
    svc.set_answer(second, scan_id, 3, OP)
    assert zelfscan(url, "export", "--gemeente", "Aldermeer", "--out", "x.xlsx").returncode == 1
    second.dispose()
    assert not process_lock.held_here(file)
    again = Database(url)  # used after dispose: takes the lock again
    assert svc.get_scan(again, scan_id).answer(3).value is OP
    again.dispose()
    first.engine.connect().close()  # a disposed Database used again takes the lock again
    assert process_lock.held_here(file)
    first.dispose()


def test_a_replaced_wal_is_never_acknowledged(tmp_path: Path) -> None:
    """Belt and braces, for a program that ignores our lock (the sqlite3 shell, say)."""
    path = tmp_path / "zelfscan.sqlite"
    db = Database(f"sqlite:///{path}")
    scan_id = svc.create_scan(db, a_scan())
    svc.set_answer(db, scan_id, 1, OP)
    with open(path, "rb") as stray:
        stray.read(100)
    shell = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        "c.execute('SELECT count(*) FROM scans').fetchall(); c.close()"
    )
    subprocess.run([sys.executable, "-c", shell, str(path)], check=True, timeout=60)
    assert not Path(f"{path}-wal").exists()  # the hazard happened: the WAL is gone
    with pytest.raises(DatabaseFault, match="buiten Zelfscan om gewijzigd"):
        svc.set_answer(db, scan_id, 5, OP)
    assert answers_seen_by_another_process(path) == [(scan_id, 1, "Op orde")]


def test_a_database_killed_mid_session_opens_with_everything(tmp_path: Path) -> None:
    """The checks before opening (read-only, before WAL mode) accept what a kill leaves
    behind: a WAL full of committed answers, with or without its -shm."""
    path = tmp_path / "zelfscan.sqlite"
    write_and_die = (
        "import os, signal, sys\n"
        "from tests.storage.helpers import a_scan\n"
        "from zelfscan_app.domain.scan import AnswerValue\n"
        "from zelfscan_app.services import scans as svc\n"
        "from zelfscan_app.storage.database import Database\n"
        "db = Database(sys.argv[1])\n"
        "scan_id = svc.create_scan(db, a_scan())\n"
        "svc.set_answer(db, scan_id, 3, AnswerValue.OP_ORDE)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    for remove_shm in (False, True):
        path.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-c", write_and_die, f"sqlite:///{path}"],
            cwd=Path(__file__).parents[2],
            timeout=120,
        )
        assert Path(f"{path}-wal").stat().st_size > 0  # the answers are only in the WAL
        if remove_shm:
            Path(f"{path}-shm").unlink()
        db = Database(f"sqlite:///{path}")
        assert svc.get_scan(db, 1).answer(3).value is OP
        db.dispose()
