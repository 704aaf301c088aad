"""Export → import gives back every field exactly, also through the database and LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.exchange.workbooks import LONG_TEXT, normalised, rich_scan
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer, Participant, Scan
from zelfscan_app.exchange import layout
from zelfscan_app.exchange.reader import read_scan_bytes, read_scan_file
from zelfscan_app.exchange.text import escape_cell_text, unescape_cell_text
from zelfscan_app.exchange.writer import scan_bytes
from zelfscan_app.services import exchange as service
from zelfscan_app.services.demo import demo_scans
from zelfscan_app.services.scans import TEXT_LIMIT, create_scan, get_scan
from zelfscan_app.storage.database import Database


def test_rich_scan_round_trips_exactly(q: Questionnaire, rich: Scan, rich_bytes: bytes) -> None:
    read = read_scan_bytes(rich_bytes, "rijk.xlsx", q)
    assert read.scan == normalised(rich)
    assert read.warnings == ()
    assert read.scan.answer(9).toelichting == LONG_TEXT  # long, multi-line, Dutch characters
    assert "\r\n" in read.scan.answer(6).toelichting  # carriage returns survive too


def test_every_demo_scan_round_trips(q: Questionnaire) -> None:
    for scan in demo_scans(q):
        assert read_scan_bytes(
            scan_bytes(q, scan, with_participants=True), "demo.xlsx", q
        ).scan == normalised(scan)


def test_round_trip_through_the_database(db: Database, q: Questionnaire, tmp_path: Path) -> None:
    scan_id = create_scan(db, rich_scan(q))
    out = service.export_scan(db, q, scan_id, tmp_path / "uit.xlsx", with_participants=True)
    other = Database(f"sqlite:///{tmp_path / 'regio.sqlite'}")
    report = service.import_files(other, [out], q)
    assert [r.status for r in report.results] == [service.ImportStatus.IMPORTED]
    back = get_scan(other, report.results[0].scan_id)
    assert replace(back, id=None) == normalised(get_scan(db, scan_id))
    other.dispose()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_workbook_saved_again_by_libreoffice_reads_the_same(
    q: Questionnaire, rich: Scan, tmp_path: Path
) -> None:
    # LibreOffice itself turns a carriage return into a newline, so that text is left out here
    # (our own trip keeps it). A literal "_x000D_" survives: LibreOffice protects it as
    # "_x005F_x000D_", which the old openpyxl reader unprotected once too often.
    scan = replace(
        rich,
        answers=tuple(
            replace(a, toelichting=_lo_safe(a.toelichting), nuancering=_lo_safe(a.nuancering))
            for a in rich.answers
        ),
    )
    source = tmp_path / "in" / "scan.xlsx"
    source.parent.mkdir()
    source.write_bytes(scan_bytes(q, scan, with_participants=True))
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "xlsx", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    assert read_scan_file(out / "scan.xlsx", q).scan == normalised(scan)


def _lo_safe(text: str) -> str:
    return "vervangen" if "\r" in text else text


def test_text_limit_matches_the_app() -> None:
    assert layout.MAX_TEXT == TEXT_LIMIT


_texts = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=300
)  # every character but lone surrogates, which no file format can hold


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(toelichting=_texts, nuancering=_texts, naam=_texts)
def test_any_text_round_trips(toelichting: str, nuancering: str, naam: str) -> None:
    """Free text comes back exactly; a name comes back as `clean_name` makes it, or the
    workbook is refused when the name holds a control or bidi character."""
    from zelfscan_app.domain.names import NameProblem, clean_name
    from zelfscan_app.errors import ImportRefused
    from zelfscan_app.questionnaire_file import default_questionnaire

    q = default_questionnaire()
    base = rich_scan(q)
    scan = replace(
        base,
        participants=(Participant(naam or "x", "", ""),),
        answers=(Answer(1, None, toelichting, nuancering, True),),
    )
    data = scan_bytes(q, scan, with_participants=True)
    try:
        cleaned = clean_name(naam or "x")
    except NameProblem:
        with pytest.raises(ImportRefused, match="stuurteken"):
            read_scan_bytes(data, "h.xlsx", q)
        return
    read = read_scan_bytes(data, "h.xlsx", q)
    people = (Participant(cleaned, "", ""),) if cleaned else ()
    assert read.scan == normalised(replace(scan, participants=people))


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80))
def test_escape_is_reversible(text: str) -> None:
    assert unescape_cell_text(escape_cell_text(text)) == text
