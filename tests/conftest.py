"""Shared fixtures. Qt runs offscreen, and no test ever touches the user's own database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgServer, PgUnavailable, start_pg_server
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.storage.database import Database


@pytest.fixture(autouse=True)
def _isolated_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any code that falls back to the default database gets a fresh file in tmp_path."""
    monkeypatch.setenv("ZELFSCAN_DATABASE", f"sqlite:///{tmp_path / 'default.sqlite'}")
    monkeypatch.setenv("ZELFSCAN_CACHE", str(tmp_path / "cache"))  # rendered charts


@pytest.fixture
def questionnaire() -> Questionnaire:
    return default_questionnaire()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"


@pytest.fixture
def db(db_url: str) -> Database:
    database = Database(db_url)
    yield database
    database.dispose()


# --- PostgreSQL (tests/pg_server.py) ------------------------------------------------------------
# One throw-away server per pytest process (so one per xdist worker), started on first use.
# `pg_url` is an empty database; `database_url` runs a test on SQLite and on PostgreSQL with a
# database that is ready to use. On PostgreSQL the app never creates or upgrades the schema
# itself (a DBA runs `zelfscan database upgrade`), so the ready database is a cheap copy
# (CREATE DATABASE ... TEMPLATE) of one database upgraded once per worker.

PG_TEMPLATE = "zelfscan_template"


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgServer]:
    """The worker's PostgreSQL server; skipped (with the reason) only when it cannot start."""
    try:
        server = start_pg_server(tmp_path_factory.mktemp("pg"))
    except PgUnavailable as exc:
        pytest.skip(f"PostgreSQL niet beschikbaar: {exc}")
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """Name of a database at the current schema head, the template for `pg_schema_url`."""
    from sqlalchemy import create_engine

    from zelfscan_app.storage.migrate import upgrade

    url = pg_server.create_database(PG_TEMPLATE)
    engine = create_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return PG_TEMPLATE


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (no schema yet; `zelfscan database upgrade` makes it)."""
    url = pg_server.create_database()
    yield url
    _drop_quietly(pg_server, url)


@pytest.fixture
def pg_schema_url(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database already at the current schema head (copied from a template)."""
    url = pg_server.create_database(template=pg_template)
    yield url
    _drop_quietly(pg_server, url)


def _drop_quietly(server: PgServer, url: str) -> None:
    """Drop a test database; a test that left connections open is not failed for it."""
    name = url.rsplit("/", 1)[1]
    with contextlib.suppress(Exception):
        server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ready-to-open database on each backend: a new SQLite file (the app creates the schema)
    or a fresh PostgreSQL database at the schema head (`pg_schema_url`)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"
    return request.getfixturevalue("pg_schema_url")
