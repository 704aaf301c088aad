"""Every output file gets the permissions a normal file would get: 0666 filtered by the umask,
whatever its kind (workbook, Word document, JSON, chart). Temporary-file writers used to create
0600 files, so a workbook was private while the Word document beside it was not."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.exchange.workbooks import rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.output_file import write_atomic


@pytest.fixture(params=[0o022, 0o002, 0o077], ids=["022", "002", "077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _outputs(q: Questionnaire, db, tmp_path: Path) -> dict[str, Callable[[], Path]]:
    from zelfscan_app.services import exchange, region
    from zelfscan_app.services.charts import export_chart, scan_chart
    from zelfscan_app.services.documents import write_plan
    from zelfscan_app.services.scans import create_scan, get_scan

    scan = get_scan(db, create_scan(db, rich_scan(q)))
    merge = region.merge_files([exchange.export_scan(db, q, scan.id, tmp_path / "s.xlsx")], q)
    report = region.RegionReport(merge.picture)
    return {
        "export .xlsx": lambda: exchange.export_scan(db, q, scan.id, tmp_path / "uit.xlsx"),
        "form .xlsx": lambda: exchange.make_form(q, tmp_path / "leeg.xlsx"),
        "regional .xlsx": lambda: region.write_workbook(report, tmp_path / "regio.xlsx"),
        "regional .json": lambda: region.write_json(report, tmp_path / "regio.json"),
        "plan .docx": lambda: write_plan(db, q, scan.id, tmp_path / "plan.docx").path,
        "chart .png": lambda: export_chart(scan_chart(q, scan), tmp_path / "spin.png"),
        "chart .svg": lambda: export_chart(scan_chart(q, scan), tmp_path / "spin.svg"),
    }


@pytest.mark.slow
def test_every_output_respects_the_umask(umask: int, q: Questionnaire, db, tmp_path: Path) -> None:
    expected = 0o666 & ~umask
    modes = {}
    for kind, write in _outputs(q, db, tmp_path).items():
        modes[kind] = stat.S_IMODE(os.stat(write()).st_mode)
    assert modes == dict.fromkeys(modes, expected), {k: oct(v) for k, v in modes.items()}
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_overwriting_keeps_the_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "gedeeld.json"
    target.write_text("{}")
    target.chmod(0o640)
    write_atomic(b'{"a": 1}', target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b'{"a": 1}'
