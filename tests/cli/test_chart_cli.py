"""`zelfscan chart`: a PNG/SVG of a scan by id or from a workbook, with Dutch errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zelfscan_app.cli.main import main
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.services.scans import list_scans


@pytest.fixture
def demo_ids(db, questionnaire) -> list[int]:
    return fill_demo(db, questionnaire)


def run(db_url: str, *args: str) -> int:
    return main(["--database", db_url, "chart", *args])


def test_chart_of_a_scan_id(db_url, demo_ids, tmp_path: Path, capsys) -> None:
    out = tmp_path / "spin.png"
    assert run(db_url, str(demo_ids[0]), "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "Spindiagram van Aldermeer" in capsys.readouterr().out
    again = tmp_path / "again.png"
    assert run(db_url, str(demo_ids[0]), "--out", str(again)) == 0
    assert again.read_bytes() == out.read_bytes()


def test_chart_compare_as_svg(db_url, demo_ids, tmp_path: Path) -> None:
    out = tmp_path / "vergelijking.svg"
    assert run(db_url, str(demo_ids[1]), "--compare", str(demo_ids[0]), "--out", str(out)) == 0
    root = ET.fromstring(out.read_bytes())
    assert root.tag.endswith("svg")
    ids = {el.get("id") for el in root.iter()}
    assert {"series-0", "series-1"} <= ids  # both polygons are in the drawing


def test_chart_from_a_workbook_is_read_not_stored(
    db, db_url, demo_ids, questionnaire, tmp_path: Path
) -> None:
    from zelfscan_app.services.exchange import export_scan

    workbook = export_scan(db, questionnaire, demo_ids[0], tmp_path / "aldermeer.xlsx")
    before = len(list_scans(db))
    from_file, from_id = tmp_path / "uit-werkmap.png", tmp_path / "uit-database.png"
    assert run(db_url, str(workbook), "--out", str(from_file)) == 0
    assert run(db_url, str(demo_ids[0]), "--out", str(from_id)) == 0
    assert from_file.read_bytes() == from_id.read_bytes()  # the same scan, the same picture
    assert len(list_scans(db)) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "--out", "spin.jpg"], "spin.jpg: kies voor --out een bestandsnaam op .png of .svg"),
        (["999", "--out", "spin.png"], "zelfscan 999 bestaat niet"),
        (["aldermeer", "--out", "spin.png"], "'aldermeer' is geen zelfscannummer"),
        (["weg.xlsx", "--out", "spin.png"], "weg.xlsx: het bestand bestaat niet"),
        (["1", "--compare", "notities.txt", "--out", "spin.png"], "onbekend soort bestand"),
    ],
)
def test_bad_input_gives_one_dutch_error(
    db_url, demo_ids, tmp_path: Path, monkeypatch, capsys, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(db_url, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("zelfscan: fout: ")
    assert message in err
    assert not list(tmp_path.glob("spin.*"))


def test_unwritable_output(db_url, demo_ids, tmp_path: Path, capsys) -> None:
    out = tmp_path / "bestaat-niet" / "spin.png"
    assert run(db_url, "1", "--out", str(out)) == 1
    assert "spin.png: de map om in op te slaan bestaat niet" in capsys.readouterr().err


def test_help_is_dutch(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["chart", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: zelfscan chart")
    assert "--compare ANDERE" in out and "geen 0%" in out
