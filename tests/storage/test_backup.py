"""Automatic backups of the local SQLite database and putting one back (services.backup)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.backends import sqlite_only
from tests.storage.helpers import a_scan
from zelfscan_app.cli.main import main
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.errors import NotFound, ZelfscanError
from zelfscan_app.services import backup as backups
from zelfscan_app.services import scans as svc
from zelfscan_app.storage import process_lock
from zelfscan_app.storage.backup import Summary
from zelfscan_app.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sqlite_posix_locks(path: Path) -> int:
    """SQLite's own (fcntl) locks of this process on `path`, from /proc/locks (Linux)."""
    inode = f":{path.stat().st_ino}"
    with open("/proc/locks") as locks:
        return sum(
            1
            for line in locks
            if line.split()[1] == "POSIX"
            and line.split()[4] == str(os.getpid())
            and line.split()[5].endswith(inode)
        )


def add(db: Database, gemeente: str, day: int = 15) -> int:
    return svc.create_scan(db, replace(a_scan(gemeente), datum=date(2026, 3, day)))


@sqlite_only  # a backup is a copy of the SQLite file
def test_a_backup_goes_beside_the_database_once_per_change_and_ten_are_kept(db: Database) -> None:
    assert db.file is not None
    first = backups.make_backup(db)  # also an empty database is worth a copy
    assert first is not None
    assert first.path.parent == db.file.parent / "backups"
    assert first.name.startswith("zelfscan-") and first.name.endswith(".sqlite")
    assert backups.make_backup(db) is None  # nothing changed
    made = [first]
    for n in range(12):
        add(db, f"Gemeente{n}")
        made.append(backups.make_backup(db))
    listed = backups.list_backups(db)
    assert len(listed) == backups.KEEP
    assert [b.path for b in listed] == [b.path for b in reversed(made)][: backups.KEEP]
    assert not any(
        name.endswith((".partial", "-wal", "-shm")) for name in os.listdir(listed[0].path.parent)
    )
    newest = listed[0].summary
    assert isinstance(newest, Summary) and len(newest.scans) == 12


@sqlite_only  # a backup is a copy of the SQLite file
def test_a_backup_holds_what_is_still_in_the_wal(db: Database) -> None:
    scan_id = add(db, "Aldermeer")
    svc.set_answer(db, scan_id, 4, AnswerValue.OP_ORDE)
    assert db.file is not None and Path(f"{db.file}-wal").stat().st_size > 0
    made = backups.make_backup(db)
    assert made is not None
    conn = sqlite3.connect(made.path)
    try:
        assert conn.execute("SELECT value FROM answers WHERE question = 4").fetchall() == [
            ("Op orde",)
        ]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux /proc/locks")
@sqlite_only  # a backup is a copy of the SQLite file
def test_backup_and_restore_keep_sqlite_locks_of_this_process(db: Database) -> None:
    """The copy reads through the engine's connection: SQLite's POSIX locks on the database
    stay, where opening and closing the file once more would drop them all (process_lock)."""
    add(db, "Aldermeer")
    assert db.file is not None
    conn = db.engine.raw_connection()  # an open connection, as the window has
    try:
        conn.cursor().execute("SELECT count(*) FROM scans").fetchall()
        held = sqlite_posix_locks(db.file)
        assert held > 0
        made = backups.make_backup(db)
        assert made is not None
        assert sqlite_posix_locks(db.file) == held
        backups.restore_backup(db, made)
        assert sqlite_posix_locks(db.file) == held
        assert process_lock.held_here(db.file)
    finally:
        conn.close()


@sqlite_only  # a backup is a copy of the SQLite file
def test_summary_for_the_preview(db: Database) -> None:
    add(db, "Aldermeer", 1)
    add(db, "Aldermeer", 20)
    add(db, "Brugwijk", 9)
    gone = add(db, "Zandhorst", 28)
    svc.move_to_trash(db, gone)  # the trash is not what a backup 'holds'
    made = backups.make_backup(db)
    assert made is not None
    summary = made.summary
    assert isinstance(summary, Summary)
    assert summary.municipalities == 2
    assert summary.newest == date(2026, 3, 20)
    assert [(s.gemeente, s.datum.day) for s in summary.scans] == [
        ("Aldermeer", 20),
        ("Brugwijk", 9),
        ("Aldermeer", 1),
    ]


@sqlite_only  # a backup is a copy of the SQLite file
def test_restore_puts_it_back_after_a_copy_of_the_current_state(db: Database) -> None:
    kept = add(db, "Aldermeer")
    svc.set_answer(db, kept, 1, AnswerValue.NIET_OP_ORDE)
    made = backups.make_backup(db)
    assert made is not None
    svc.move_to_trash(db, kept)  # the mistake
    add(db, "Brugwijk")
    done = backups.restore_backup(db, made)
    assert [i.gemeente for i in svc.list_scans(db)] == ["Aldermeer"]
    assert svc.get_scan(db, kept).answer(1).value is AnswerValue.NIET_OP_ORDE
    # the state before the restore is itself a backup, so the restore can be undone
    assert done.safety is not None and done.safety.path.exists()
    safety = done.safety.summary
    assert isinstance(safety, Summary) and [s.gemeente for s in safety.scans] == ["Brugwijk"]
    # the open Database goes on working, and another process sees the restored state
    add(db, "Zandhorst")
    assert db.file is not None
    conn = sqlite3.connect(db.file)
    try:
        names = conn.execute("SELECT gemeente FROM scans WHERE deleted_at IS NULL").fetchall()
    finally:
        conn.close()
    assert sorted(n for (n,) in names) == ["Aldermeer", "Zandhorst"]


@sqlite_only  # a backup is a copy of the SQLite file
def test_a_bad_backup_is_refused_and_nothing_changes(db: Database) -> None:
    add(db, "Aldermeer")
    made = backups.make_backup(db)
    assert made is not None
    folder = made.path.parent
    damaged = folder / "zelfscan-2020-01-01_10-00-00.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    foreign = folder / "zelfscan-2020-01-02_10-00-00.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE recepten (naam TEXT)")
    conn.commit()
    conn.close()
    newer = folder / "zelfscan-2020-01-03_10-00-00.sqlite"
    newer.write_bytes(made.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    add(db, "Brugwijk")
    before = svc.list_scans(db)
    count = len(backups.list_backups(db))
    for path, reason in (
        (damaged, "beschadigd"),
        (foreign, "geen Zelfscan-database"),
        (newer, "nieuwere versie"),
    ):
        chosen = backups.find_backup(db, path.stem)
        with pytest.raises(ZelfscanError, match=reason):
            backups.restore_backup(db, chosen)
    assert svc.list_scans(db) == before
    assert len(backups.list_backups(db)) == count  # not even a safety copy
    with pytest.raises(NotFound, match="er is geen back-up 'gisteren'"):
        backups.find_backup(db, "gisteren")


@sqlite_only  # a backup is a copy of the SQLite file
def test_cli_list_and_restore(
    capsys: pytest.CaptureFixture[str], db_url: str, db: Database
) -> None:
    add(db, "Aldermeer")
    made = backups.make_backup(db)
    assert made is not None
    add(db, "Brugwijk")
    db.dispose()
    code, out, err = run(capsys, "--database", db_url, "backup", "lijst")
    assert code == 0, err
    assert made.path.stem in out and "1 zelfscan, 1 gemeente, nieuwste 15 maart 2026" in out
    code, out, err = run(capsys, "--database", db_url, "backup", "herstel", made.path.stem)
    assert code == 0, err
    assert f"Teruggezet: {made.path.stem}" in out and "De stand van daarvoor staat in" in out
    code, out, err = run(capsys, "--database", db_url, "backup", "herstel", "niets")
    assert code == 1 and "er is geen back-up 'niets'" in err
    reopened = Database(db_url)
    try:
        assert [i.gemeente for i in svc.list_scans(reopened)] == ["Aldermeer"]
    finally:
        reopened.dispose()


def test_a_shared_database_has_no_local_backups(
    capsys: pytest.CaptureFixture[str], pg_schema_url: str
) -> None:
    code, _, err = run(capsys, "--database", pg_schema_url, "backup", "lijst")
    assert code == 1 and "Traceback" not in err
    assert "back-ups zijn er alleen van een SQLite-bestand" in err


@sqlite_only  # a backup is a copy of the SQLite file
def test_many_backups_within_one_second_never_overwrite_each_other(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return cls(2026, 3, 15, 9, 30, 0)

    monkeypatch.setattr(backups, "datetime", Frozen)
    names = []
    for n in range(backups.KEEP + 3):
        add(db, f"Gemeente{n}")
        made = backups.make_backup(db)
        assert made is not None
        names.append(made.name)
    assert len(set(names)) == len(names)
    listed = backups.list_backups(db)
    assert [b.name for b in listed] == list(reversed(names))[: backups.KEEP]
    newest = listed[0].summary
    assert isinstance(newest, Summary) and len(newest.scans) == backups.KEEP + 3
