"""The scan list read with the stdlib sqlite3 module: the start-up fast path.

Importing SQLAlchemy costs about 0.2 s, more than the whole bare Qt start. The first thing the
window shows, the list of scans, is one read-only query; this module answers it without
SQLAlchemy, so the list is on screen while the full database layer loads afterwards.

It only answers when it can answer exactly as `repository.list_scans` would: a plain SQLite
file whose schema is at `SCHEMA_REVISION`. Anything else (no file yet, an older schema that
needs migrating, another database, any error) returns None and the caller takes the normal
path, which also gives the Dutch error messages. It never writes.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from zelfscan_app.domain.scan import SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage import process_lock
from zelfscan_app.storage.config import SCHEMA_REVISION, sqlite_file
from zelfscan_app.storage.items import ScanListItem

_QUERY = """
SELECT s.id, s.gemeente, s.regio, s.datum, s.soort, s.questionnaire_id,
       s.questionnaire_version, coalesce(a.n, 0), s.updated_at, s.warning
FROM scans AS s
LEFT OUTER JOIN (
    SELECT scan_id, count(*) AS n FROM answers WHERE value IS NOT NULL GROUP BY scan_id
) AS a ON a.scan_id = s.id
WHERE s.deleted_at IS {deleted}
ORDER BY s.updated_at DESC, s.id DESC
"""


def list_scans_fast(url: str, *, deleted: bool = False) -> list[ScanListItem] | None:
    """The scan list as `repository.list_scans` gives it, or None when this path cannot tell."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    try:
        key = process_lock.acquire(path, wait=0)
    except ZelfscanError:
        return None
    try:
        return _read(path, deleted)
    finally:
        process_lock.release(key)


def _read(path: Path, deleted: bool) -> list[ScanListItem] | None:
    try:
        # mode=rw: never creates a file; only SELECTs run (WAL needs write access to -shm).
        # A short timeout: when another program holds a lock, the normal path waits (once).
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=1)
    except (sqlite3.Error, ValueError):
        return None
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(SCHEMA_REVISION,)]:
            return None
        rows = conn.execute(_QUERY.format(deleted="NOT NULL" if deleted else "NULL")).fetchall()
        return [_item(row) for row in rows]
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def _item(row: tuple) -> ScanListItem:
    id_, gemeente, regio, datum, soort, q_id, q_version, answered, updated_at, warning = row
    return ScanListItem(
        id=id_,
        gemeente=gemeente,
        regio=regio,
        datum=date.fromisoformat(datum),
        soort=SoortMeting(soort),
        questionnaire_id=q_id,
        questionnaire_version=q_version,
        answered=answered,
        updated_at=datetime.fromisoformat(updated_at),
        warning=warning or "",
    )
