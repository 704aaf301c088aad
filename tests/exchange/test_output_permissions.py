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


def test_every_output_is_synced_then_renamed_then_its_folder_synced(
    q: Questionnaire, db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rename is durable only once the folder is synced: each output fsyncs the temporary
    file, renames it over the target, then fsyncs the folder (the JSON summary and the chart
    export used to skip steps)."""
    outputs = _outputs(q, db, tmp_path)
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        events.append(("fsync", kind))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    for kind, write in outputs.items():
        events.clear()
        written = write()
        expected = [("fsync", "file"), ("replace", written.name), ("fsync", "folder")]
        assert events[-3:] == expected, (kind, events)


def test_the_letter_key_goes_through_the_same_writer(tmp_path: Path, monkeypatch) -> None:
    """The secret key file: private (0600) whatever the umask, and its folder synced too."""
    from zelfscan_app.services import region

    synced: list[bool] = []
    real_fsync = os.fsync
    monkeypatch.setattr(
        os,
        "fsync",
        lambda fd: (synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)), real_fsync(fd))[1],
    )
    old = os.umask(0o002)
    try:
        path = region.save_letter_key(region.new_letter_key(), tmp_path / "lettersleutel.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert synced == [False, True]
    assert region.load_letter_key(path).secret
