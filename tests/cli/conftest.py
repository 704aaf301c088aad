"""This folder's tests run on SQLite and on PostgreSQL (tests/backends.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.storage.helpers import a_scan
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import scans as svc
from zelfscan_app.services.exchange import export_scan
from zelfscan_app.storage.database import Database


@pytest.fixture
def db_url(database_url: str) -> str:
    return database_url


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Zelfscan database with one scan, and two workbooks of other scans to import."""
    folder = tmp_path_factory.mktemp("materiaal")
    q = default_questionnaire()
    db = Database(f"sqlite:///{folder / 'basis.sqlite'}")
    svc.create_scan(db, a_scan("Aldermeer"))
    db.dispose()
    other = Database(f"sqlite:///{folder / 'ander.sqlite'}")
    for name in ("Brugwijk", "Cdorp"):
        export_scan(other, q, svc.create_scan(other, a_scan(name)), folder / f"{name}.xlsx")
    other.dispose()
    for leftover in folder.glob("*-lock"):
        leftover.unlink()
    return folder
