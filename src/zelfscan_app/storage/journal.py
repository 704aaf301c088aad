"""The local journal: answer changes typed while the shared database could not be reached.

A small SQLite file in the user's data folder (`ZELFSCAN_JOURNAL` names another file, for
tests), written with the standard library only, WAL and synchronous=FULL, so a change kept
here survives a crash of the app just as a committed answer would. Entries are keyed by the
database they are meant for (its URL without password) and replayed oldest first; an entry is
deleted only after the shared database committed it, and carries the change's id, so a replay
that is interrupted and repeated never stores a change twice (see `storage.history`).

The file is created on the first change kept, never merely by looking: a window on a
reachable database leaves no trace.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from zelfscan_app.domain.history import AnswerChange, Editor
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.errors import DatabaseFault
from zelfscan_app.storage import faults
from zelfscan_app.storage.config import APP_NAME

ENV_JOURNAL = "ZELFSCAN_JOURNAL"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL UNIQUE,
    target TEXT NOT NULL,
    scan_id INTEGER NOT NULL,
    question INTEGER NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    made_at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    workstation TEXT NOT NULL,
    problem TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS ix_journal_target ON journal (target, seq);
"""


def default_path() -> Path:
    """`ZELFSCAN_JOURNAL`, else journal.sqlite in the user's data folder (beside the database)."""
    if env := os.environ.get(ENV_JOURNAL):
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "journal.sqlite"


def target_of(url: str) -> str:
    """The key of a database in the journal: its URL as shown, password left out."""
    return faults.display_name(url)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    seq: int
    change: AnswerChange
    editor: Editor


def _encode(change: AnswerChange) -> str:
    value = change.value
    if isinstance(value, AnswerValue):
        value = value.value
    return json.dumps(value)


def _decode(field: str, text: str) -> AnswerValue | str | bool | None:
    value = json.loads(text)
    if field == "value":
        return AnswerValue(value) if value else None
    if field == "bespreekpunt":
        return bool(value)
    return str(value or "")


class Journal:
    """One journal file; every call opens its own short connection (any thread may call)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    @contextmanager
    def _connect(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        if not create and not self.path.exists():
            yield None
            return
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseFault(self._problem(exc), path=str(self.path)) from None
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.executescript(_SCHEMA)
            yield conn
        except sqlite3.Error as exc:
            raise DatabaseFault(self._problem(exc), path=str(self.path)) from None
        finally:
            conn.close()

    def _problem(self, exc: Exception) -> str:
        detail = (
            faults.os_error(exc)
            if isinstance(exc, OSError)
            else faults.sqlite_error(exc, self.path) or str(exc)
        )
        return f"het lokale journaal kan niet worden bijgewerkt: {detail}"

    def add(self, target: str, change: AnswerChange, editor: Editor) -> None:
        """Keep one change; returns after the local commit."""
        made_at = change.made_at or datetime.now(UTC).replace(tzinfo=None)
        with self._connect(create=True) as conn:
            assert conn is not None
            conn.execute(
                "INSERT OR IGNORE INTO journal (change_id, target, scan_id, question, field, "
                "value, made_at, user_name, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    change.change_id,
                    target,
                    change.scan_id,
                    change.question,
                    change.field,
                    _encode(change),
                    made_at.isoformat(),
                    editor.user,
                    editor.workstation,
                ),
            )

    def pending(self, target: str) -> list[JournalEntry]:
        """The changes still to be stored in `target`, oldest first."""
        with self._connect(create=False) as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT seq, change_id, scan_id, question, field, value, made_at, user_name, "
                "workstation FROM journal WHERE target = ? AND problem = '' ORDER BY seq",
                (target,),
            ).fetchall()
        return [
            JournalEntry(
                seq=row[0],
                change=AnswerChange(
                    change_id=row[1],
                    scan_id=row[2],
                    question=row[3],
                    field=row[4],
                    value=_decode(row[4], row[5]),
                    made_at=datetime.fromisoformat(row[6]),
                ),
                editor=Editor(user=row[7], workstation=row[8]),
            )
            for row in rows
        ]

    def count(self, target: str) -> int:
        with self._connect(create=False) as conn:
            if conn is None:
                return 0
            found = conn.execute(
                "SELECT count(*) FROM journal WHERE target = ? AND problem = ''", (target,)
            ).fetchone()
        return int(found[0])

    def remove(self, change_id: str) -> None:
        """Forget a change the shared database has committed."""
        with self._connect(create=False) as conn:
            if conn is not None:
                conn.execute("DELETE FROM journal WHERE change_id = ?", (change_id,))

    def set_aside(self, change_id: str, problem: str) -> None:
        """Keep a change the shared database refuses (its scan is gone), out of the replay."""
        with self._connect(create=False) as conn:
            if conn is not None:
                conn.execute(
                    "UPDATE journal SET problem = ? WHERE change_id = ?",
                    (problem or "geweigerd", change_id),
                )
