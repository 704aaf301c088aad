"""Running a test module on both database backends (see `database_url` in tests/conftest.py).

The storage, regional and CLI test folders give `db_url` (and so `db`) the parametrised
`database_url`: each test that uses them runs on SQLite and on PostgreSQL. A test about
something only SQLite has (its file, WAL, the process lock, stored fixture files) is marked
`@sqlite_only` so that it says so and runs once.
"""

from __future__ import annotations

import pytest

#: Runs a test on SQLite only: it is about the SQLite file itself (WAL, process lock, file faults).
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
