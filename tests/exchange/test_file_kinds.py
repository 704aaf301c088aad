"""Smaller trust fixes at the door (issue 12, point 7): files that are not files, the 1904 date
system, the name-length message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exchange.workbooks import edit, key_row, rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.errors import ImportRefused
from zelfscan_app.exchange.reader import read_scan_bytes, read_scan_file
from zelfscan_app.exchange.writer import scan_bytes

# Only guards against a hang: a healthy run takes a few seconds even on a busy machine.
HANG_GUARD_S = 180

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def _cli(*args: object, database: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZELFSCAN_DATABASE": f"sqlite:///{database}"}
    return subprocess.run(
        [sys.executable, "-m", "zelfscan_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        env=env,
    )


@pytest.fixture
def good_files(tmp_path: Path, q: Questionnaire) -> list[Path]:
    from dataclasses import replace

    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for name in ("Aldermeer", "Brugwijk", "Veendam-Oost"):
        scan = replace(rich_scan(q), gemeente=name)
        path = folder / f"{name.lower()}.xlsx"
        path.write_bytes(scan_bytes(q, scan))
        paths.append(path)
    return paths


@needs_fifo
def test_import_refuses_a_fifo_and_reads_the_other_files(
    tmp_path: Path, good_files: list[Path]
) -> None:
    fifo = tmp_path / "in" / "x.xlsx"
    os.mkfifo(fifo)
    result = _cli("import", good_files[0], fifo, good_files[1], database=tmp_path / "db.sqlite")
    assert result.returncode == 1
    assert f"geweigerd: {fifo}: dit is geen gewoon bestand maar een pijp (FIFO)" in result.stderr
    assert result.stderr.count("geweigerd") == 1 and "Traceback" not in result.stderr
    assert "2 geïmporteerd" in result.stdout and "1 geweigerd" in result.stdout


@needs_fifo
def test_merge_refuses_a_fifo_and_merges_the_other_files(
    tmp_path: Path, good_files: list[Path]
) -> None:
    fifo = tmp_path / "in" / "x.xlsx"
    os.mkfifo(fifo)
    out = tmp_path / "regio.json"
    result = _cli("merge", *good_files, fifo, "--json", out, database=tmp_path / "db.sqlite")
    assert result.returncode == 1
    assert f"geweigerd: {fifo}: dit is geen gewoon bestand maar een pijp (FIFO)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "3 van 4 bestanden samengevoegd (3 gemeenten)." in result.stdout
    assert out.is_file()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_behind_an_xlsx_name_is_refused(tmp_path: Path, q: Questionnaire) -> None:
    link = tmp_path / "nul.xlsx"
    link.symlink_to("/dev/zero")
    with pytest.raises(ImportRefused) as refused:
        read_scan_file(link, q)
    assert refused.value.problem.startswith("dit is geen gewoon bestand maar een apparaatbestand")


def test_a_folder_named_xlsx_is_refused(tmp_path: Path, q: Questionnaire) -> None:
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    with pytest.raises(ImportRefused) as refused:
        read_scan_file(folder, q)
    assert refused.value.problem == "dit is een map, geen bestand"


def _with_1904(serial_or_date: object, rich_bytes: bytes, *, number_format: str = "") -> bytes:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    row = key_row(rich_bytes, "Datum")

    def change(workbook) -> None:
        workbook.epoch = CALENDAR_MAC_1904
        cell = workbook["Toelichting"][f"B{row}"]
        cell.value = serial_or_date
        if number_format:
            cell.number_format = number_format

    return edit(rich_bytes, change)


def test_1904_day_number_gives_the_right_date(rich_bytes: bytes, q: Questionnaire) -> None:
    from datetime import date

    # 44999 days after 1904-01-01 (the 1900 system would say 2023-03-14).
    data = _with_1904(44999, rich_bytes)
    assert read_scan_bytes(data, "mac.xlsx", q).scan.datum == date(2027, 3, 15)


def test_1904_formatted_date_gives_the_right_date(rich_bytes: bytes, q: Questionnaire) -> None:
    from datetime import date, datetime

    data = _with_1904(datetime(2026, 3, 15), rich_bytes, number_format="yyyy-mm-dd")
    assert read_scan_bytes(data, "mac.xlsx", q).scan.datum == date(2026, 3, 15)


def test_1900_day_number_is_unchanged(rich_bytes: bytes, q: Questionnaire) -> None:
    from datetime import date

    row = key_row(rich_bytes, "Datum")

    def change(workbook) -> None:
        workbook["Toelichting"][f"B{row}"] = 46096

    data = edit(rich_bytes, change)
    assert read_scan_bytes(data, "pc.xlsx", q).scan.datum == date(2026, 3, 15)


@pytest.mark.parametrize("length", [201, 2500])
def test_name_length_message_names_the_real_limit(
    rich_bytes: bytes, q: Questionnaire, length: int
) -> None:
    row = key_row(rich_bytes, "Gemeente")

    def change(workbook) -> None:
        workbook["Toelichting"][f"B{row}"] = "g" * length

    with pytest.raises(ImportRefused) as refused:
        read_scan_bytes(edit(rich_bytes, change), "lang.xlsx", q)
    assert refused.value.problem == f"de gemeente is {length} tekens lang; het maximum is 200"
