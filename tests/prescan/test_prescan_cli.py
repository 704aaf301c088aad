"""`zelfscan voorbereiding importeer|formulier|verschillen` on the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.exchange.workbooks import db_state
from tests.prescan.helpers import DOORS, expected, nine_prescans
from zelfscan_app.cli.main import main
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import prescans, scans
from zelfscan_app.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def scan_id(db_url: str) -> int:
    q = default_questionnaire()
    db = Database(db_url)
    try:
        return scans.create_scan(
            db,
            Scan(
                gemeente="Aldermeer",
                regio="Veenland",
                datum=date(2026, 3, 15),
                soort=SoortMeting.NULMETING,
                questionnaire_id=q.id,
                questionnaire_version=q.version,
            ),
        )
    finally:
        db.dispose()


def test_form_then_import_a_folder_then_the_ranking(
    capsys: pytest.CaptureFixture[str], db_url: str, scan_id: int, tmp_path: Path
) -> None:
    form = tmp_path / "voorbereiding.xlsx"
    code, out, _ = run(
        capsys, "--database", db_url, "voorbereiding", "formulier", "--scan", str(scan_id),
        "--out", str(form),
    )  # fmt: skip
    assert code == 0 and "geschreven naar" in out and form.exists()

    q = default_questionnaire()
    db = Database(db_url)
    scan = scans.get_scan(db, scan_id)
    db.dispose()
    folder = tmp_path / "map"
    nine_prescans(q, scan, folder)
    (folder / "~$voorbereiding-1.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    args = ("--database", db_url, "voorbereiding", "importeer", "--scan", str(scan_id))
    code, out, err = run(capsys, *args, str(folder))
    assert code == 0, err
    assert "9 geïmporteerd, 0 al aanwezig" in out
    assert not any(door in out + err for door in DOORS)  # names never on the terminal
    code, out, _ = run(capsys, *args, str(folder))
    assert code == 0 and "0 geïmporteerd, 9 al aanwezig" in out

    code, out, _ = run(
        capsys, "--database", db_url, "voorbereiding", "verschillen", "--scan", str(scan_id)
    )
    assert code == 0 and "9 voorbereidingen" in out
    first = out.splitlines()[1]
    op, niet, open_ = expected(int(first.split("vraag")[1].split(":")[0]))
    assert f"{op} op orde · {niet} niet op orde · {open_} open" in first
    assert first.startswith("≠")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 not really a zip", "geen geldige Excel-werkmap"),
        (b"Nr;Vraag\n1;x\n", "geen Excel-werkmap"),
    ],
)
def test_hostile_or_wrong_file_exits_1_with_a_dutch_message(
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    scan_id: int,
    tmp_path: Path,
    content: bytes,
    message: str,
) -> None:
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(content)
    db = Database(db_url)
    before = db_state(db)
    db.dispose()
    code, _out, err = run(
        capsys, "--database", db_url, "voorbereiding", "importeer", "--scan", str(scan_id),
        str(bad),
    )  # fmt: skip
    assert code == 1
    assert "Traceback" not in err
    assert f"geweigerd: {bad}" in err
    assert message in err or "beschadigd" in err, err
    db = Database(db_url)
    assert db_state(db) == before
    assert prescans.prescans(db, scan_id) == []
    db.dispose()


def test_group_workbook_is_refused_and_unknown_scan_named(
    capsys: pytest.CaptureFixture[str], db_url: str, scan_id: int, tmp_path: Path
) -> None:
    group = tmp_path / "groep.xlsx"
    run(capsys, "form", "--out", str(group), "--gemeente", "Aldermeer")
    code, _, err = run(
        capsys, "--database", db_url, "voorbereiding", "importeer", "--scan", str(scan_id),
        str(group),
    )  # fmt: skip
    # The blank group form has no datum yet: refused by the one reader, naming the cell.
    assert code == 1 and "blad Toelichting, rij 7, kolom B: de datum ontbreekt" in err
    code, _, err = run(
        capsys, "--database", db_url, "voorbereiding", "importeer", "--scan", "999", str(group)
    )
    assert code == 1 and "zelfscan: fout: zelfscan 999 bestaat niet" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--database", db_url, "voorbereiding", "importeer", "--scan", "x", str(group)])
    assert exit_info.value.code == 2
    assert "'x' is geen zelfscannummer" in capsys.readouterr().err
