"""Database URLs: shown and saved without password; the keyring's name for a database."""

from __future__ import annotations

import pytest

from zelfscan_app.storage.credentials import keyring_password, keyring_user, shown, without_password
from zelfscan_app.storage.faults import display_name

URL = "postgresql+psycopg://regio:ge%40heim@db.regio.nl:6543/zelfscan?sslmode=require"


def test_a_password_is_never_shown_or_saved() -> None:
    assert shown(URL) == "postgresql+psycopg://regio:***@db.regio.nl:6543/zelfscan?sslmode=require"
    assert display_name(URL) == shown(URL)
    saved = without_password(URL)
    assert saved == "postgresql+psycopg://regio@db.regio.nl:6543/zelfscan?sslmode=require"
    assert "heim" not in saved  # also when it was percent-encoded
    assert without_password("sqlite:////data/z.sqlite") == "sqlite:////data/z.sqlite"


def test_keyring_user_names_user_host_port_and_database() -> None:
    assert keyring_user(URL) == "regio@db.regio.nl:6543/zelfscan"
    assert keyring_user("postgresql+psycopg://regio@db/zelfscan") == "regio@db:5432/zelfscan"


def test_the_keyring_is_not_asked_when_a_password_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    import keyring

    monkeypatch.setattr(keyring, "get_password", lambda s, u: asked.append(u) or "uit-sleutelbos")
    assert keyring_password(URL) is None
    monkeypatch.setenv("PGPASSWORD", "x")
    assert keyring_password("postgresql+psycopg://regio@db/zelfscan") is None
    monkeypatch.delenv("PGPASSWORD")
    assert keyring_password("postgresql+psycopg://regio@db/zelfscan") == "uit-sleutelbos"
    assert asked == ["regio@db:5432/zelfscan"]
