"""Which database, and which schema revision it must have, without importing SQLAlchemy.

Kept apart from `storage.database` so that the start-up path (the scan list read with the
stdlib sqlite3 module, see `scan_list_fast`) can find the database before SQLAlchemy loads.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The alembic head this code expects; a test checks it against the migration scripts.
SCHEMA_REVISION = "0008"
APP_NAME = "Zelfscan Kwaliteitskader"
ENV_DATABASE = "ZELFSCAN_DATABASE"


def default_url() -> str:
    """`ZELFSCAN_DATABASE` if set, else SQLite in the user's data folder.

    The folder is made by `Database`, which says in Dutch when that is not possible.
    """
    if url := os.environ.get(ENV_DATABASE):
        return url
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'zelfscan.sqlite'}"


def sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL; None for anything else.

    Deliberately narrow (no driver suffix, query options, escapes or in-memory databases):
    whatever this does not recognise simply takes the SQLAlchemy path.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url.removeprefix(prefix)
    if not path or path == ":memory:" or any(c in path for c in "?%#"):
        return None
    return Path(path)
