"""The scan list read with the stdlib sqlite3 module: the start-up fast path, and the SQL of the
list for both paths.

Importing SQLAlchemy costs about 0.2 s, more than the whole bare Qt start. The first thing the
window shows, the list of scans, is one read-only query; this module answers it without
SQLAlchemy, so the list is on screen while the full database layer loads afterwards.

A region's database holds thousands of scans, so the list is read a page at a time
(`scan_list_sql` with LIMIT/OFFSET), sorted and searched by the database over every scan, with
the number of answers from the stored column `scans.answered_count` (migration 0009) and the
default order from the index `ix_scans_list`: the first screen costs the same at 342 scans as at
6,840. `storage.repository` runs the very same SQL through SQLAlchemy, so both paths agree.

It only answers when it can answer exactly as `repository.list_scans` would: a plain SQLite
file whose schema is at `SCHEMA_REVISION`. Anything else (no file yet, an older schema that
needs migrating, another database, any error) returns None and the caller takes the normal
path, which also gives the Dutch error messages. It never writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage import process_lock
from zelfscan_app.storage.config import SCHEMA_REVISION, sqlite_file
from zelfscan_app.storage.items import ScanListItem, ScanListQuery, search_key

__all__ = ["FastScanList", "count_sql", "item", "list_scans_fast", "scan_list_sql", "search_key"]

T = TypeVar("T")

_COLUMNS = (
    "s.id, s.gemeente, s.regio, s.datum, s.soort, s.questionnaire_id, s.questionnaire_version,"
    " s.answered_count, s.updated_at, s.warning"
)
#: Sort key → SQL; the stored casefolded names sort exactly as Python's str.casefold would.
_ORDER = {
    "gemeente": "s.gemeente_fold",
    "regio": "s.regio_key",
    "datum": "s.datum",
    "soort": "s.soort",
    "voortgang": "s.answered_count",
    "gewijzigd": "s.updated_at",
}


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(query: ScanListQuery) -> tuple[str, dict[str, object]]:
    parts = ["s.deleted_at IS NOT NULL" if query.deleted else "s.deleted_at IS NULL"]
    params: dict[str, object] = {}
    for number, word in enumerate(query.words):
        parts.append(f"s.search_key LIKE :w{number} ESCAPE '\\'")
        params[f"w{number}"] = _like(word)
    return " AND ".join(parts), params


def scan_list_sql(
    query: ScanListQuery, *, offset: int = 0, limit: int | None = None
) -> tuple[str, dict[str, object]]:
    """The list's SELECT with named parameters (sqlite3 and SQLAlchemy's text() both take them).

    Ties are broken by id in the same direction, so pages never overlap or skip a row."""
    if query.sort not in _ORDER:
        raise ValueError(f"unknown sort key {query.sort!r}")
    where, params = _where(query)
    direction = "DESC" if query.descending else "ASC"
    sql = (
        f"SELECT {_COLUMNS} FROM scans AS s WHERE {where}"
        f" ORDER BY {_ORDER[query.sort]} {direction}, s.id {direction}"
    )
    if limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=limit, offset=offset)
    return sql, params


def count_sql(query: ScanListQuery) -> tuple[str, dict[str, object]]:
    where, params = _where(query)
    return f"SELECT count(*) FROM scans AS s WHERE {where}", params


def item(row: Sequence[object]) -> ScanListItem:
    """One row of `scan_list_sql` (strings from SQLite, typed values from PostgreSQL)."""
    id_, gemeente, regio, datum, soort, q_id, q_version, answered, updated_at, warning = row
    return ScanListItem(
        id=int(str(id_)),
        gemeente=str(gemeente),
        regio=str(regio),
        datum=datum if isinstance(datum, date) else date.fromisoformat(str(datum)),
        soort=SoortMeting(str(soort)),
        questionnaire_id=str(q_id),
        questionnaire_version=str(q_version),
        answered=int(str(answered or 0)),
        updated_at=(
            updated_at
            if isinstance(updated_at, datetime)
            else datetime.fromisoformat(str(updated_at))
        ),
        warning=str(warning or ""),
    )


class FastScanList:
    """The scan list of one SQLite file, page by page, without SQLAlchemy (a `ScanListSource`
    for `gui.scan_list_model`). Each call opens, reads and closes: nothing is held between
    pages. A call that fails returns nothing; the database layer takes over soon after."""

    def __init__(self, path: Path) -> None:
        self._path = path

    @classmethod
    def open(cls, url: str) -> FastScanList | None:
        """The fast list of `url`, or None when this path cannot answer as the normal one."""
        path = sqlite_file(url)
        if path is None or not path.is_file():
            return None
        source = cls(path)
        return source if source._run(lambda conn: True) else None

    def count(self, query: ScanListQuery) -> int:
        sql, params = count_sql(query)
        return self._run(lambda conn: int(conn.execute(sql, params).fetchone()[0])) or 0

    def fetch(self, query: ScanListQuery, offset: int, limit: int | None) -> list[ScanListItem]:
        sql, params = scan_list_sql(query, offset=offset, limit=limit)
        rows = self._run(lambda conn: conn.execute(sql, params).fetchall())
        return [item(row) for row in rows] if rows else []

    def _run(self, read: Callable[[sqlite3.Connection], T]) -> T | None:
        try:
            key = process_lock.acquire(self._path, wait=0)
        except ZelfscanError:
            return None
        try:
            # mode=rw: never creates a file; only SELECTs run (WAL needs write access to -shm).
            # A short timeout: when another program holds a lock, the normal path waits (once).
            conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=rw", uri=True, timeout=1)
        except (sqlite3.Error, ValueError):
            process_lock.release(key)
            return None
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            if revision != [(SCHEMA_REVISION,)]:
                return None
            return read(conn)
        except (sqlite3.Error, ValueError, TypeError):
            return None
        finally:
            conn.close()
            process_lock.release(key)


def list_scans_fast(url: str, *, deleted: bool = False) -> list[ScanListItem] | None:
    """The whole scan list as `repository.list_scans` gives it, or None when this path cannot
    tell (tests and tools; the window reads pages through `FastScanList`)."""
    source = FastScanList.open(url)
    if source is None:
        return None
    sql, params = scan_list_sql(ScanListQuery(deleted=deleted))
    rows = source._run(lambda conn: conn.execute(sql, params).fetchall())
    return None if rows is None else [item(row) for row in rows]
