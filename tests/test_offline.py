"""The app never opens a network connection: every command runs with sockets forbidden."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from zelfscan_app.cli.main import main


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"network connection attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_every_command_works_offline(no_network: None, tmp_path: Path, new_db_url: str) -> None:
    def run(*args: str) -> int:  # the first one creates the database (the migrations) offline
        return main(["--database", new_db_url, *args])

    assert run("demo") == 0
    assert run("form", "--out", str(tmp_path / "leeg.xlsx"), "--gemeente", "Aldermeer") == 0
    export = tmp_path / "aldermeer.xlsx"
    assert run("export", "--gemeente", "Aldermeer", "--out", str(export)) == 0
    other = tmp_path / "brugwijk.xlsx"
    assert run("export", "--gemeente", "Brugwijk", "--out", str(other)) == 0
    assert run("import", str(export)) == 0
    assert run("chart", str(export), "--out", str(tmp_path / "spin.png")) == 0
    assert run("plan", str(export), "--out", str(tmp_path / "plan.docx")) == 0
    assert run("rapport", str(export), "--out", str(tmp_path / "rapport.docx")) == 0
    assert (
        run(
            "merge",
            str(export),
            str(other),
            "--out",
            str(tmp_path / "regio.xlsx"),
            "--json",
            str(tmp_path / "regio.json"),
            "--docx",
            str(tmp_path / "regio.docx"),
        )
        == 0
    )
    assert (tmp_path / "regio.docx").stat().st_size > 0


def test_the_guard_really_bites(no_network: None) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
