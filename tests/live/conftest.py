"""Fixtures for the shared-database tests: a private PostgreSQL server (stopped and started
by the outage tests without disturbing the worker's shared one), an isolated local journal and
isolated settings, and a scan to work on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.pg_server import PgServer, PgUnavailable, start_pg_server
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.gui.settings import ENV_SETTINGS
from zelfscan_app.storage.journal import ENV_JOURNAL


@pytest.fixture(autouse=True)
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test writes the user's own journal."""
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv(ENV_JOURNAL, str(path))
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "settings.ini"))
    return path


@pytest.fixture
def private_pg(tmp_path: Path) -> Iterator[PgServer]:
    """A server of this test's own: the outage tests stop and start it."""
    try:
        server = start_pg_server(tmp_path / "pg")
    except PgUnavailable as exc:
        pytest.skip(f"PostgreSQL niet beschikbaar: {exc}")
    try:
        yield server
    finally:
        server.destroy()


def schema_url(server: PgServer) -> str:
    """A fresh database on `server` at the current schema head (as a DBA would upgrade it)."""
    from sqlalchemy import create_engine

    from zelfscan_app.storage.migrate import upgrade

    url = server.create_database()
    engine = create_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return url


def a_scan(questionnaire, gemeente: str = "Muisdorp") -> Scan:
    return Scan(
        gemeente=gemeente,
        regio="Testregio",
        datum=date(2026, 5, 1),
        soort=SoortMeting.NULMETING,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )
