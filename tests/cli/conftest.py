"""This folder's tests run on SQLite and on PostgreSQL (tests/backends.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def db_url(database_url: str) -> str:
    return database_url
