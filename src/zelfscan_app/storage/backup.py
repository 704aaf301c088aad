"""Copies of a SQLite database file, made and put back through SQLite's online backup API.

Why the backup API and the engine's own connection: a copy of the file with shutil would
miss what is still in the WAL, and opening and closing the database file with anything but
SQLite's own connections drops this process's SQLite locks (see `process_lock`). So a backup
reads through a pooled connection of the open `Database` (`engine.raw_connection()`), and a
restore writes through one, in one transaction that other connections see as one change.
Only backup files are opened and closed here, never the database itself.

A backup is written to a `.partial` file beside its final name and renamed when complete,
in rollback-journal mode, so it is one self-contained file that can be read read-only
(`immutable=1`) without leaving -wal/-shm files in the backup folder.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

#: Tables that make a file a Zelfscan database (as `storage.database.OUR_TABLES`).
OUR_TABLES = frozenset({"alembic_version", "scans"})


class BackupUnreadable(Exception):
    """The backup file cannot be read as a Zelfscan database; the message is Dutch."""


@dataclass(frozen=True, slots=True)
class ScanLine:
    gemeente: str
    soort: str
    datum: date


@dataclass(frozen=True, slots=True)
class Summary:
    """What a backup holds, for the preview before a restore."""

    revision: str | None
    scans: tuple[ScanLine, ...]  # live scans (not in the trash), newest first

    @property
    def municipalities(self) -> int:
        return len({s.gemeente.casefold() for s in self.scans})

    @property
    def newest(self) -> date | None:
        return max((s.datum for s in self.scans), default=None)


def copy_to(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the engine's SQLite database to `target` (atomically)."""
    partial = target.with_name(target.name + ".partial")
    _remove(partial)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        dest = sqlite3.connect(partial)
        try:
            # No fsync per step: the database itself is durable, and a copy cut short by a
            # power failure is refused on reading (quick_check) and made again next start.
            dest.execute("PRAGMA synchronous=OFF")
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    except BaseException:
        _remove(partial)
        raise
    finally:
        raw.close()
    os.replace(partial, target)


def copy_from(source: Path, engine: Engine) -> None:
    """Replace the content of the engine's SQLite database by that of the backup `source`,
    in one write transaction through the engine's own connection."""
    backup = _connect_read_only(source)
    raw = engine.raw_connection()
    try:
        dest = raw.driver_connection
        assert isinstance(dest, sqlite3.Connection)
        backup.backup(dest)
    finally:
        raw.close()
        backup.close()


def same_content(first: Path, second: Path) -> bool:
    """Whether two backup files are byte for byte equal: copies of an unchanged database are
    (the backup API copies pages as they are). Sizes first, then bytes up to a difference."""
    if first.stat().st_size != second.stat().st_size:
        return False
    with open(first, "rb") as a, open(second, "rb") as b:
        while True:
            block = a.read(1 << 20)
            if block != b.read(1 << 20):
                return False
            if not block:
                return True


def summarize(path: Path) -> Summary:
    """Read what a backup holds; BackupUnreadable (Dutch) when it is not a usable copy."""
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error:
        raise BackupUnreadable("het bestand kan niet worden geopend") from None
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise BackupUnreadable("het bestand is beschadigd")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables >= OUR_TABLES:
            raise BackupUnreadable("dit is geen Zelfscan-database")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(scans)")}
        live = "WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
        rows = conn.execute(
            f"SELECT gemeente, soort, datum FROM scans {live} ORDER BY datum DESC, id DESC"
        ).fetchall()
    except sqlite3.Error:
        raise BackupUnreadable("het bestand is beschadigd of geen Zelfscan-database") from None
    finally:
        conn.close()
    scans = []
    for gemeente, soort, datum in rows:
        try:
            day = date.fromisoformat(str(datum))
        except ValueError:
            raise BackupUnreadable("het bestand bevat een ongeldige datum") from None
        scans.append(ScanLine(str(gemeente), str(soort), day))
    return Summary(revision[0] if revision else None, tuple(scans))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: a backup never changes, and SQLite then makes no -wal/-shm beside it.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
