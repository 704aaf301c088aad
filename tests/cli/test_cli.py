"""The command line: Dutch help, version, demo, clear errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zelfscan_app import __version__
from zelfscan_app.cli.main import main
from zelfscan_app.services.demo import DEMO_MUNICIPALITIES
from zelfscan_app.services.scans import list_scans
from zelfscan_app.storage.database import Database


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"zelfscan {__version__}"


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: zelfscan")
    assert "toon deze hulp en stop" in out
    assert "--database URL" in out
    assert "show" not in out and "usage" not in out


def test_unknown_command_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["onzin"])
    assert exit_info.value.code == 2
    assert "fout: argument OPDRACHT: ongeldige keuze: 'onzin'" in capsys.readouterr().err


def test_demo_fills_database(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_url, "demo"]) == 0
    assert "demozelfscans toegevoegd" in capsys.readouterr().out
    items = list_scans(Database(db_url))
    assert {i.gemeente for i in items} == set(DEMO_MUNICIPALITIES)
    assert {i.soort.value for i in items} == {"nulmeting", "evaluatie"}
    assert len(items) == 12
    assert any(i.answered < 31 for i in items)  # one municipality did not finish block 2
    assert len({i.answered for i in items}) >= 2


def test_bad_database_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", "geen-url", "demo"]) == 1
    assert "ongeldige database-URL 'geen-url'" in capsys.readouterr().err


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zelfscan_app", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"zelfscan {__version__}"


def test_every_soort_option_offers_the_domains_kinds() -> None:
    """One list of choices for `--soort` (import, export, merge), equal to SoortMeting."""
    from zelfscan_app.cli.dutch_argparse import SOORTEN
    from zelfscan_app.domain.scan import SoortMeting

    assert tuple(s.value for s in SoortMeting) == SOORTEN
