"""Outputs: the export workbook carries the split in extra columns (and still imports), the
findings report has 'Waar we van mening verschilden'; no individual's name or answer in any."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.conftest import ready_sqlite
from tests.prescan.helpers import PERSONS, expected, nine_prescans
from zelfscan_app.domain.prescan import Split
from zelfscan_app.domain.scan import AnswerValue, Scan, SoortMeting
from zelfscan_app.exchange import layout as L
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.reports.findings_document import MAX_DISAGREEMENTS
from zelfscan_app.services import documents, exchange, prescans, scans
from zelfscan_app.services.region import merge_files
from zelfscan_app.storage.database import Database

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def group_value(question: int) -> AnswerValue:
    return NIET if question % 3 == 0 else OP


@pytest.fixture
def scan_id(db: Database, questionnaire) -> int:
    return _group_scan(db, questionnaire)


def _group_scan(db: Database, questionnaire) -> int:
    new = Scan(
        gemeente="Aldermeer",
        regio="Veenland",
        datum=date(2026, 3, 15),
        soort=SoortMeting.NULMETING,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
    )
    scan_id = scans.create_scan(db, new)
    for number in questionnaire.question_numbers:
        scans.set_answer(db, scan_id, number, group_value(number), questionnaire)
    return scan_id


@pytest.fixture(scope="module")
def nine_template(sqlite_template: Path, tmp_path_factory) -> tuple[Path, int]:
    """The group's scan with nine voorbereidingen imported, once per module: the file and the
    scan's id. The tests that use it only read."""
    questionnaire = default_questionnaire()
    folder = tmp_path_factory.mktemp("negen")
    path = folder / "zelfscan.sqlite"
    db = Database(ready_sqlite(sqlite_template, path))
    try:
        scan_id = _group_scan(db, questionnaire)
        paths = nine_prescans(questionnaire, scans.get_scan(db, scan_id), folder / "v")
        report = prescans.import_prescans(db, questionnaire, scan_id, [str(p) for p in paths])
        assert len(report.imported) == 9
    finally:
        db.dispose()
    return path, scan_id


@pytest.fixture
def with_nine(nine_template: tuple[Path, int], tmp_path: Path) -> Iterator[tuple[Database, int]]:
    """(an open copy of `nine_template`'s database, the scan's id)."""
    template, scan_id = nine_template
    db = Database(ready_sqlite(template, tmp_path / "negen.sqlite"))
    yield db, scan_id
    db.dispose()


def all_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(
            archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        )


def test_blank_form_has_an_empty_voorbereiding_door_field(questionnaire, tmp_path: Path) -> None:
    path = exchange.make_form(questionnaire, tmp_path / "leeg.xlsx")
    sheet = load_workbook(path)[L.SHEET_TOELICHTING]
    keys = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(5, 13)}
    assert list(keys)[:7] == [*L.KEYS[:6], L.KEY_VOORBEREIDING]
    assert keys[L.KEY_VOORBEREIDING] in (None, "")
    assert sheet["B5"].value in (None, "")  # the contract's cells did not move


def test_export_carries_the_split_after_the_contract_and_still_imports(
    with_nine: tuple[Database, int], questionnaire, tmp_path: Path
) -> None:
    db, scan_id = with_nine
    out = exchange.export_scan(db, questionnaire, scan_id, tmp_path / "export.xlsx")
    data = out.read_bytes()
    vragen = load_workbook(out)[L.SHEET_VRAGEN]
    header = [c.value for c in vragen[1]]
    assert header == [*L.VRAGEN_COLUMNS, *L.SPLIT_COLUMNS]
    assert header[:6] == list(L.REQUIRED_VRAGEN_COLUMNS)  # the contract, unchanged
    first = len(L.VRAGEN_COLUMNS)
    for row in vragen.iter_rows(min_row=2, values_only=True):
        assert tuple(row[first : first + 3]) == expected(row[0])
        assert row[first + 3] == "voorbereiding"
    text = all_text(data)
    assert not any(name in text for name in PERSONS)  # never a name
    assert "Toelichting 1 bij vraag" not in text  # never an individual's toelichting

    fresh = Database(f"sqlite:///{tmp_path / 'elders.sqlite'}")
    try:
        result = exchange.import_files(fresh, [out], questionnaire)
        assert len(result.imported) == 1, result.results
        back = scans.get_scan(fresh, result.imported[0].scan_id)
        assert back.values == {n: group_value(n) for n in questionnaire.question_numbers}
        assert prescans.prescans(fresh, back.id) == []  # the split is not a pre-scan
    finally:
        fresh.dispose()
    merged = merge_files([out], questionnaire)  # the region reads the workbook as before
    assert merged.picture is not None and not merged.refused


def test_export_of_a_show_of_hands_and_of_nothing(
    db: Database, questionnaire, scan_id: int, tmp_path: Path
) -> None:
    prescans.save_hand_count(db, scan_id, 2, (3, 3))
    out = exchange.export_scan(db, questionnaire, scan_id, tmp_path / "handen.xlsx")
    rows = {
        r[0]: r for r in load_workbook(out)[L.SHEET_VRAGEN].iter_rows(min_row=2, values_only=True)
    }
    first = len(L.VRAGEN_COLUMNS)
    assert rows[2][first:] == (3, 3, None, "handopsteken")
    assert rows[3][first:] == (None, None, None, None)


def test_findings_report_has_the_disagreement_section_without_names(
    with_nine: tuple[Database, int], questionnaire, tmp_path: Path
) -> None:
    db, scan_id = with_nine
    written = documents.write_findings(db, questionnaire, scan_id, tmp_path / "rapport.docx")
    data = written.path.read_bytes()
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Waar we van mening verschilden" in headings
    intro = next(p.text for p in document.paragraphs if "eigen antwoord" in p.text)
    assert "de voorbereiding van 9 deelnemers" in intro
    table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Verdeling"]
    )
    body = [[c.text for c in r.cells] for r in table.rows[1:]]
    splits = {n: Split(*expected(n)) for n in questionnaire.question_numbers}
    marked = sorted(
        (n for n, s in splits.items() if s.marked),
        key=lambda n: (-splits[n].disagreement, -splits[n].answered, n),
    )[:MAX_DISAGREEMENTS]
    assert [int(r[0]) for r in body] == marked
    for row in body:
        number = int(row[0])
        assert row[2] == splits[number].label()
        assert row[3] == splits[number].minority_text()
        assert row[4] == group_value(number).value  # the group's final answer
    text = all_text(data)
    assert not any(name in text for name in PERSONS)
    assert "Toelichting 1 bij vraag" not in text


def test_findings_report_without_splits_has_no_disagreement_section(
    db: Database, questionnaire, scan_id: int, tmp_path: Path
) -> None:
    written = documents.write_findings(db, questionnaire, scan_id, tmp_path / "rapport.docx")
    document = docx.Document(str(written.path))
    assert "Waar we van mening verschilden" not in [p.text for p in document.paragraphs]
