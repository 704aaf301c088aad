"""`zelfscan voortgang` and `zelfscan programma`: the meeting kit on the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.reports.test_documents import sample_scan
from zelfscan_app.cli.main import main
from zelfscan_app.domain.scan import Action
from zelfscan_app.exchange.voortgang_workbook import HEADER_ROW, SHEET_ACTIES
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.scans import create_scan
from zelfscan_app.storage.database import Database


def run(db_url: str, *args: str) -> int:
    """The exit code, also for a usage error (argparse exits with 2)."""
    try:
        return main(["--database", db_url, *args])
    except SystemExit as exc:
        return int(exc.code or 0)


def test_voortgang_for_a_region_with_a_fixed_day(
    db: Database, db_url: str, questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan_id = create_scan(db, sample_scan(questionnaire))
    action_service.save_action(
        db, scan_id, Action(standard=3, maatregel="Scholing", herziendatum=date(2026, 6, 1))
    )
    out = tmp_path / "voortgang.xlsx"
    code = run(
        db_url, "voortgang", "--regio", "Demoregio Veenland", "--out", str(out),
        "--peildatum", "2026-06-15",
    )  # fmt: skip
    assert code == 0
    assert "Aldermeer: 1 over datum, 0 te herzien" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out)[SHEET_ACTIES]
    assert ws.cell(HEADER_ROW + 1, 4).value == "Scholing"
    assert ws.cell(HEADER_ROW + 1, 10).value == "over datum"


def test_voortgang_refuses_an_unknown_region_and_writes_nothing(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "voortgang.xlsx"
    assert run(db_url, "voortgang", "--regio", "Nergens", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.strip() == "zelfscan: fout: de regio ‘Nergens’ heeft geen zelfscans in de database"
    assert "Traceback" not in err and not out.exists()


def test_programma_with_speakers(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "programma.docx"
    code = run(
        db_url, "programma", "follow-up", "--wie", "Regio Noordwaard", "--datum", "2026-03-12",
        "--begin", "13.30", "--spreker", "welkom=Jan de Vries, wethouder", "--out", str(out),
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out.startswith(f"Programma geschreven naar {out}")
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[-1].rows]
    assert rows[2] == [
        "14.00 – 14.15",
        "Welkom en korte terugblik op het invullen van de zelfscan",
        "Jan de Vries, wethouder",
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--datum", "12-03-2026"], 2, "is geen datum"),
        (["--datum", "2026-03-12", "--begin", "9 uur"], 2, "is geen tijd"),
        (["--datum", "2026-03-12", "--spreker", "Jan"], 2, "is geen spreker"),
        (["--datum", "2026-03-12", "--spreker", "zanger=Jan"], 1, "onbekende rol"),
        (["--datum", "2026-03-12", "--begin", "23:00"], 1, "middernacht"),
    ],
)
def test_programma_bad_input_gets_one_dutch_message(
    db_url: str, tmp_path: Path, capsys, args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "p.docx"
    assert (
        run(db_url, "programma", "startbijeenkomst", "--wie", "X", *args, "--out", str(out)) == code
    )
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()
