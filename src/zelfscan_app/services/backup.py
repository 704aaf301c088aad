"""Automatic backups of the laptop's SQLite database, and putting one back.

Why: a facilitator works alone on one file, often offline; a mistaken delete, a bad import or
a damaged disk should cost at most one session. Each time the window opens a SQLite database
a copy goes into the `backups` folder beside it (`<name>-YYYY-MM-DD_HH-MM-SS.sqlite`), unless
nothing changed since the newest copy; the last `KEEP` copies are kept. A restore first backs
up the current state, so a restore can itself be undone. A shared (PostgreSQL) database has
no such copies: the region's IT department backs that up.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

from zelfscan_app.errors import NotFound, ZelfscanError
from zelfscan_app.storage import backup as store
from zelfscan_app.storage import faults
from zelfscan_app.storage.config import SCHEMA_REVISION
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.migrate import MIGRATIONS

KEEP = 10
FOLDER = "backups"
_STAMP = "%Y-%m-%d_%H-%M-%S"


@dataclass(frozen=True)
class Backup:
    """One backup file; `summary` reads what it holds on first use (for the preview)."""

    path: Path
    made: datetime
    sequence: int = 0  # a second backup within the same second

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @cached_property
    def summary(self) -> store.Summary | str:
        """What it holds, or one Dutch sentence saying why it cannot be read."""
        try:
            return store.summarize(self.path)
        except store.BackupUnreadable as exc:
            return str(exc)
        except OSError as exc:
            return faults.os_error(exc)


@dataclass(frozen=True)
class Restored:
    restored: Backup
    safety: Backup | None  # the copy of the state before the restore


def supports_backup(db: Database) -> bool:
    return db.file is not None


def backup_folder(db: Database) -> Path:
    if db.file is None:
        raise ZelfscanError(
            "back-ups zijn er alleen van een SQLite-bestand; de gedeelde database wordt "
            "door de beheerder bewaard",
            path=db.name,
        )
    return db.file.parent / FOLDER


def _pattern(db: Database) -> re.Pattern[str]:
    assert db.file is not None
    stem = re.escape(db.file.stem)
    return re.compile(rf"{stem}-(\d{{4}}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:-(\d+))?\.sqlite")


def list_backups(db: Database) -> list[Backup]:
    """This database's backups, newest first (an unsupported database has none)."""
    if db.file is None:
        return []
    folder = backup_folder(db)
    pattern = _pattern(db)
    found = []
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return []
    for name in names:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        try:
            made = datetime.strptime(match.group(1), _STAMP)
        except ValueError:
            continue
        found.append(Backup(folder / name, made, int(match.group(2) or 0)))
    return sorted(found, key=lambda b: (b.made, b.sequence), reverse=True)


def make_backup(
    db: Database, *, keep: int = KEEP, only_if_changed: bool = True, prune: bool = True
) -> Backup | None:
    """Copy the database into its backup folder; None when it equals the newest copy already
    (`only_if_changed`) or it is not a SQLite file. Keeps the newest `keep` copies."""
    if db.file is None:
        return None
    folder = backup_folder(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ZelfscanError(faults.folder_error(folder, exc), path=db.name) from None
    made = datetime.now().replace(microsecond=0)
    existing = list_backups(db)
    # Several within one second: number them on (after the highest, so a pruned one's
    # number is never reused for a name that still exists).
    sequence = max((b.sequence + 1 for b in existing if b.made == made), default=0)
    name = f"{db.file.stem}-{made.strftime(_STAMP)}{f'-{sequence}' if sequence else ''}.sqlite"
    target = folder / name
    try:
        store.copy_to(db.engine, target)
        if only_if_changed and existing and store.same_content(existing[0].path, target):
            target.unlink()
            return None
    except (OSError, sqlite3.Error) as exc:
        raise ZelfscanError(
            f"de back-up kon niet worden gemaakt: {_reason(exc, target)}", path=str(folder)
        ) from None
    if prune:
        prune_backups(db, keep=keep)
    return Backup(target, made, sequence)


def _reason(exc: OSError | sqlite3.Error, file: Path | None) -> str:
    if isinstance(exc, OSError):
        return faults.os_error(exc)
    return faults.sqlite_error(exc, file) or str(exc)


def prune_backups(db: Database, *, keep: int = KEEP) -> None:
    for old in list_backups(db)[keep:]:
        with contextlib.suppress(OSError):  # one that cannot be removed now goes next time
            old.path.unlink()


def find_backup(db: Database, name: str) -> Backup:
    for candidate in list_backups(db):
        if candidate.name == name or candidate.path.stem == name:
            return candidate
    raise NotFound(f"er is geen back-up '{name}'; zie: zelfscan backup lijst")


def _known_revisions() -> set[str]:
    versions = MIGRATIONS / "versions"
    return {p.name.split("_", 1)[0] for p in versions.glob("[0-9]*_*.py")} | {SCHEMA_REVISION}


def restore_backup(db: Database, backup: Backup, *, keep: int = KEEP) -> Restored:
    """Put `backup` back as the database's content, after a copy of the current state.

    Checked first (readable, a Zelfscan database, not from a newer version of the program),
    so a refused backup changes nothing. The open `Database` stays usable: the content is
    replaced in one transaction through its own connection, then migrated if it is older."""
    summary = backup.summary
    if isinstance(summary, str):
        raise ZelfscanError(f"deze back-up kan niet worden teruggezet: {summary}", path=backup.name)
    if summary.revision not in _known_revisions():
        raise ZelfscanError(
            "deze back-up komt uit een nieuwere versie van het programma; werk het programma "
            "eerst bij",
            path=backup.name,
        )
    safety = make_backup(db, only_if_changed=False, prune=False)
    try:
        store.copy_from(backup.path, db.engine)
    except (OSError, sqlite3.Error) as exc:
        raise ZelfscanError(
            f"de back-up kon niet worden teruggezet: {_reason(exc, db.file)}", path=backup.name
        ) from None
    db.upgrade()
    prune_backups(db, keep=keep)
    return Restored(backup, safety)
