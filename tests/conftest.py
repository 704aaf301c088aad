"""Shared fixtures. Qt runs offscreen, and no test ever touches the user's own database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path

import pytest

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
