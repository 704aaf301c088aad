"""The start-up fast path lists exactly what the SQLAlchemy path lists, or steps aside.

The fast path reads a SQLite file with the stdlib; a PostgreSQL database always takes the
normal path (the last test), so the tests of the fast path itself are SQLite-only.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.backends import sqlite_only
from zelfscan_app.domain.scan import Answer, AnswerValue, Scan, SoortMeting
from zelfscan_app.services import scans as svc
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.config import sqlite_file
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.scan_list_fast import list_scans_fast


def slow(db: Database, *, deleted: bool = False) -> list[repo.ScanListItem]:
    with db.session() as session:
        return repo.list_scans(session, deleted=deleted)


@sqlite_only
def test_both_paths_give_identical_items(db: Database, db_url: str, questionnaire) -> None:
    ids = fill_demo(db, questionnaire)
    extra = Scan(
        gemeente="Zeedorp ‘t Veld",
        regio="",
        datum=date(2025, 12, 31),
        soort=SoortMeting.TOETSINGSMOMENT,
        questionnaire_id="een-andere-vragenlijst",
        questionnaire_version="0.9",
        warning="Gemaakt met een oudere vragenlijst.",
        answers=(Answer(3, AnswerValue.NIET_OP_ORDE), Answer(4, None, "alleen tekst")),
    )
    svc.create_scan(db, extra)
    svc.create_scan(db, Scan("Leegdorp", "R", date(2026, 1, 2), SoortMeting.EVALUATIE, "q", "1"))
    svc.set_answer(db, ids[3], 7, None)  # an answer cleared: a row without a value
    svc.move_to_trash(db, ids[0])
    svc.move_to_trash(db, ids[1])

    fast = list_scans_fast(db_url)
    assert fast == slow(db)
    assert len(fast) == len(ids)  # + 2 extra − 2 in the trash
    assert [type(v) for v in vars_of(fast[0])] == [type(v) for v in vars_of(slow(db)[0])]
    assert list_scans_fast(db_url, deleted=True) == slow(db, deleted=True)


def vars_of(item: repo.ScanListItem) -> list[object]:
    return [getattr(item, name) for name in item.__slots__]


@sqlite_only
def test_an_empty_database_lists_nothing(db: Database, db_url: str) -> None:
    assert list_scans_fast(db_url) == [] == slow(db)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user:secret@host/db",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlite:///x.sqlite",
        "sqlite:///x.sqlite?mode=ro",
        "sqlite:///met%20spatie.sqlite",
        "geen-url",
    ],
)
def test_other_urls_take_the_normal_path(url: str) -> None:
    assert list_scans_fast(url) is None


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.sqlite"
    assert list_scans_fast(f"sqlite:///{path}") is None
    assert not path.exists()


def test_a_file_that_is_no_database_steps_aside(tmp_path: Path) -> None:
    path = tmp_path / "kapot.sqlite"
    path.write_bytes(b"dit is geen database" * 100)
    assert list_scans_fast(f"sqlite:///{path}") is None


def test_an_older_schema_steps_aside_so_it_gets_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    old = Database(url, migrate=False)
    old.upgrade("0002")
    old.dispose()
    assert list_scans_fast(url) is None
    with sqlite3.connect(tmp_path / "oud.sqlite") as conn:
        conn.execute("DROP TABLE alembic_version")
    assert list_scans_fast(url) is None


def test_sqlite_file_reads_plain_urls() -> None:
    assert sqlite_file("sqlite:////data/z.sqlite") == Path("/data/z.sqlite")
    assert sqlite_file("sqlite:///relatief.sqlite") == Path("relatief.sqlite")


@sqlite_only
def test_the_fast_path_loads_no_sqlalchemy(db: Database, db_url: str) -> None:
    db.dispose()  # another process: it must not find this one holding the database
    code = (
        "import sys; from zelfscan_app.storage.scan_list_fast import list_scans_fast;"
        f"assert list_scans_fast({db_url!r}) == [];"
        "print([m for m in ('sqlalchemy', 'alembic', 'pydantic') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_postgresql_never_takes_the_fast_path(pg_schema_url: str) -> None:
    db = Database(pg_schema_url)
    try:
        svc.create_scan(
            db, Scan("Leegdorp", "R", date(2026, 1, 2), SoortMeting.EVALUATIE, "q", "1")
        )
        assert list_scans_fast(pg_schema_url) is None
        assert [i.gemeente for i in slow(db)] == ["Leegdorp"]
    finally:
        db.dispose()
