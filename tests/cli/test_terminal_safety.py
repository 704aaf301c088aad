"""No message puts a control character on the terminal (issue 12.6): file names, cells and
options are echoed with visible escapes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.exchange.workbooks import key_row, patch_cell, rich_scan
from zelfscan_app.cli.main import main
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services.scans import list_scans
from zelfscan_app.storage.database import Database

HOSTILE = "\x1b[2J\x1b]0;gehackt\x07\u202e\x9b31m"


def _clean(text: str) -> bool:
    return all(c == "\n" or c.isprintable() for c in text)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse refusals
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_never_echoes_control_characters(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path
) -> None:
    q = default_questionnaire()
    form = scan_bytes(q, replace(rich_scan(q), gemeente="Aldermeer"))
    hostile_cell = patch_cell(form, "Toelichting", f"B{key_row(form, 'Gemeente')}", "A_x001B_[2J")
    files = [
        tmp_path / f"werkmap{HOSTILE}.xlsx",  # a hostile file name, otherwise a fine form
        tmp_path / "cel.xlsx",  # a hostile cell
        tmp_path / f"ontbreekt{HOSTILE}.xlsx",  # does not exist
    ]
    files[0].write_bytes(form)
    files[1].write_bytes(hostile_cell)
    code, out, err = _run(capsys, "--database", db_url, "import", *map(str, files))
    assert code == 1
    assert _clean(out) and _clean(err), (out, err)
    assert "werkmap\\x1b[2J\\x1b]0;gehackt\\x07\\u202e\\x9b31m.xlsx" in out  # visible, not run
    assert "stuurteken (U+001B)" in err
    db = Database(db_url)
    assert [i.gemeente for i in list_scans(db)] == ["Aldermeer"]
    db.dispose()


@pytest.mark.parametrize(
    "argv",
    [
        ("form", "--out", "leeg.xlsx", "--gemeente", f"Alder{HOSTILE}meer"),
        ("form", "--out", "leeg.xlsx", "--regio", HOSTILE),
        ("form", "--out", f"leeg{HOSTILE}.csv"),
        ("export", "--gemeente", "Aldermeer", "--soort", HOSTILE, "--out", "a.xlsx"),
        ("export", "--gemeente", f"Alder{HOSTILE}", "--out", "a.xlsx"),
        ("export", "--gemeente", "Aldermeer", "--datum", HOSTILE, "--out", "a.xlsx"),
        ("merge", f"x{HOSTILE}.xlsx", "--out", "r.xlsx", "--regio", f"R{HOSTILE}"),
        ("merge", f"x{HOSTILE}.xlsx", "--out", "r.xlsx"),
        (f"onbekend{HOSTILE}",),
    ],
)
def test_refusals_never_echo_control_characters(
    capsys: pytest.CaptureFixture[str], db_url: str, tmp_path: Path, monkeypatch, argv
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "--database", db_url, *argv)
    assert code in (1, 2)
    assert err.strip()  # one message says what is wrong
    assert _clean(out) and _clean(err), (out, err)


def test_name_options_are_cleaned(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "leeg.xlsx"
    code, stdout, _ = _run(
        capsys, "form", "--out", str(out), "--gemeente", "Súdwest\u00a0Fryslân\u200b"
    )
    assert code == 0 and "Leeg formulier" in stdout
    import openpyxl

    sheet = openpyxl.load_workbook(out)["Toelichting"]
    row = key_row(out.read_bytes(), "Gemeente")
    assert sheet.cell(row, 2).value == "Súdwest Fryslân"
