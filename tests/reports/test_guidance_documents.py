"""Duiding in the documents: the plan's pre-filled suggestion cells and suggestion section,
stored actions winning, the demo region's plans, and the small-number notes in every regional
output (Word, workbook, chart, JSON).
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.region.helpers import region
from tests.reports.test_documents import NIET_OP_ORDE, plan_tables, sample_scan
from zelfscan_app.cli.main import main
from zelfscan_app.domain.scan import Action, AnswerValue
from zelfscan_app.guidance_file import default_guidance
from zelfscan_app.services import actions as action_service
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.services.documents import write_plan
from zelfscan_app.services.region import (
    RegionReport,
    build_picture,
    write_chart,
    write_document,
    write_json,
    write_workbook,
)
from zelfscan_app.services.scans import create_scan, list_scans

COLUMNS = {"maatregel": 0, "huidige_stand": 1, "verbeteractie": 2, "beoogd_resultaat": 3}


def plan_rows(path: Path) -> dict[int, list[str]]:
    """Per question number (from 'Vraag N: …') the cells of its plan row."""
    rows = {}
    for table in plan_tables(docx.Document(str(path))):
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            # Unanswered questions are rows of their own ("… is niet beantwoord"): no suggestion.
            if cells[0].startswith("Vraag ") and "niet beantwoord" not in cells[0]:
                rows[int(cells[0].split()[1].rstrip(":"))] = cells
    return rows


def suggestion_section(path: Path) -> list[str]:
    """The paragraphs under 'Suggesties voor verbetermaatregelen', up to the next heading."""
    out, inside = [], False
    for p in docx.Document(str(path)).paragraphs:
        if p.style.name.startswith("Heading"):
            if inside:
                break
            inside = p.text == "Suggesties voor verbetermaatregelen"
            continue
        if inside and p.text.strip() and p.style.name != "Invulaanwijzing":
            out.append(p.text)
    return out


@pytest.fixture
def scan_id(db, questionnaire) -> int:
    return create_scan(db, sample_scan(questionnaire))


def test_plan_cells_are_prefilled_from_the_suggestion(db, questionnaire, scan_id, tmp_path):
    guidance = default_guidance(questionnaire)
    out = write_plan(db, questionnaire, scan_id, tmp_path / "plan.docx").path
    rows = plan_rows(out)
    assert set(rows) == set(NIET_OP_ORDE)  # only Niet-op-orde questions get a row
    for number, cells in rows.items():
        entry = guidance.for_question(number)
        action, result = cells[COLUMNS["verbeteractie"]], cells[COLUMNS["beoogd_resultaat"]]
        assert action.startswith("Suggestie:") and result.startswith("Suggestie:")
        for s in entry.suggestions:
            assert s.measure in action and s.result in result
    assert rows[1][COLUMNS["huidige_stand"]].startswith("Geen visie vastgesteld.")


def test_summary_lists_suggestions_for_niet_op_orde_and_not_for_op_orde(
    db, questionnaire, scan_id, tmp_path
) -> None:
    guidance = default_guidance(questionnaire)
    out = write_plan(db, questionnaire, scan_id, tmp_path / "plan.docx").path
    section = suggestion_section(out)
    text = "\n".join(section)
    assert section[0] == guidance.notice  # marked as the program's own suggestions
    headings = [p for p in section if p.startswith("Vraag ")]
    assert [int(h.split()[1]) for h in headings] == sorted(NIET_OP_ORDE)
    assert headings[1].startswith("Vraag 5 (3. Basisvaardigheden): Kunnen alle lokale")
    for number in NIET_OP_ORDE:
        for s in guidance.for_question(number).suggestions:
            assert f"{s.measure} Beoogd resultaat: {s.result}" in section
    for number in (2, 9, 17, 24, 30):  # Op orde or unanswered
        assert guidance.for_question(number).suggestions[0].measure not in text


def test_stored_actions_win_over_suggestions(db, questionnaire, scan_id, tmp_path) -> None:
    action_service.save_action(
        db,
        scan_id,
        Action(standard=3, question=5, maatregel="Meldcode", verbeteractie="Eigen aanpak"),
    )
    action_service.save_action(db, scan_id, Action(standard=4, question=15, maatregel="Zicht"))
    out = write_plan(db, questionnaire, scan_id, tmp_path / "plan.docx").path
    cells = {r[0]: r for t in plan_tables(docx.Document(str(out))) for r in _texts(t)}
    assert cells["Meldcode"][COLUMNS["verbeteractie"]] == "Eigen aanpak"
    assert cells["Meldcode"][COLUMNS["beoogd_resultaat"]] == ""  # stored empty stays empty
    assert cells["Zicht"][COLUMNS["verbeteractie"]] == ""
    rows = plan_rows(out)  # the other Niet-op-orde questions are still drafts with suggestions
    assert set(rows) == {1, 19, 28}
    assert all(r[COLUMNS["verbeteractie"]].startswith("Suggestie:") for r in rows.values())


def _texts(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_plan_everything_op_orde_says_so(db, questionnaire, tmp_path) -> None:
    scan = sample_scan(questionnaire)
    from dataclasses import replace

    scan = replace(scan, answers=tuple(replace(a, value=AnswerValue.OP_ORDE) for a in scan.answers))
    out = write_plan(db, questionnaire, create_scan(db, scan), tmp_path / "plan.docx").path
    assert suggestion_section(out) == [
        "Geen enkele vraag is met ‘Niet op orde’ beantwoord; er zijn geen suggesties."
    ]


def test_demo_region_plans_have_no_empty_suggestion_section(db, questionnaire, tmp_path):
    fill_demo(db, questionnaire)
    for item in list_scans(db):
        out = write_plan(db, questionnaire, item.id, tmp_path / f"plan-{item.id}.docx").path
        section = suggestion_section(out)
        assert section, item.gemeente
        assert len([p for p in section if p.startswith("Vraag ")]) >= 1, item.gemeente
        assert not any("[" in p for p in section)  # no placeholder text


def test_cli_refuses_a_broken_guidance_file_in_dutch(
    db_url, db, scan_id, tmp_path, monkeypatch, capsys
) -> None:
    broken = tmp_path / "guidance.yaml"
    broken.write_text("questionnaire: vng-kwaliteitskader-zelfscan\nquestions: []\n", "utf-8")
    monkeypatch.setattr("zelfscan_app.guidance_file.guidance_paths", lambda: (broken, None))
    monkeypatch.setattr("zelfscan_app.guidance_file._CACHE", {})
    out = tmp_path / "plan.docx"
    assert main(["--database", db_url, "plan", str(scan_id), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("zelfscan: fout: ") and str(broken) in err
    assert "geen duiding voor vragen 1, 2, 3" in err and "geen advies voor fasen 1, 2, 3" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


# Small numbers in every regional output -----------------------------------------------------

SMALL = "Dit regionale beeld rust op 3 gemeenten, minder dan 5."
INCOMPLETE = "Niet alle zelfscans zijn volledig ingevuld."
SINGLE = "Kwaliteitsstandaard 5 en 9 hebben elk één vraag"


def _report(questionnaire, count: int, *, skip=frozenset(), anonymous=False) -> RegionReport:
    scans = region(questionnaire, count, skip=skip)
    return RegionReport(build_picture(questionnaire, scans, regio="Regio Testland"), anonymous)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def _sheet_text(path: Path, sheet: str) -> str:
    ws = load_workbook(path)[sheet]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_small_region_note_in_docx_xlsx_chart_and_json(questionnaire, tmp_path) -> None:
    report = _report(questionnaire, 3)
    text = _docx_text(write_document(report, tmp_path / "regio.docx"))
    assert f"Let op: {SMALL}" in text and SINGLE in text
    # x van y beside the regional mean, explained under the table
    standard_1 = report.picture.summary.standard(1)
    op = sum(report.picture.summary.question(n).op_orde for n in (1, 2))
    assert f"{round(standard_1.mean)}% ({op} van 6)" in text
    assert "Tussen haakjes bij het gemiddelde" in text
    book = write_workbook(report, tmp_path / "regio.xlsx")
    for sheet in ("Toelichting", "Resultaten"):
        assert SMALL in _sheet_text(book, sheet), sheet
    assert "Op orde (x van y)" in _sheet_text(book, "Resultaten")
    assert f"{op} van 6 antwoorden op orde" in _sheet_text(book, "Resultaten")
    svg = write_chart(report, tmp_path / "regio.svg").read_text(encoding="utf-8")
    assert "slechts 3 gemeenten" in svg and "antwoorden op orde" in svg
    data = json.loads(write_json(report, tmp_path / "regio.json").read_text(encoding="utf-8"))
    assert any(SMALL in c for c in data["cautions"])


def test_incomplete_scans_are_noted_and_a_full_region_is_not_small(questionnaire, tmp_path):
    report = _report(questionnaire, 6, skip=frozenset({30, 31}))
    text = _docx_text(write_document(report, tmp_path / "regio.docx"))
    assert INCOMPLETE in text and "rust op" not in text
    assert INCOMPLETE in _sheet_text(write_workbook(report, tmp_path / "r.xlsx"), "Resultaten")
    assert "niet alle zelfscans volledig ingevuld" in report.chart().note
    complete = _report(questionnaire, 6)
    assert complete.cautions == (complete.cautions[-1],)  # only the one-question note
    assert SINGLE in complete.cautions[0] and complete.chart().note.count("Let op") == 0


def test_anonymised_small_region_notes_but_shows_no_counts(questionnaire, tmp_path) -> None:
    report = _report(questionnaire, 3, anonymous=True)
    assert report.suppressed
    text = _docx_text(write_document(report, tmp_path / "regio.docx"))
    assert SMALL in text
    assert " van 6)" not in text  # no 'x van y' that could point at one municipality
    sheet = _sheet_text(write_workbook(report, tmp_path / "regio.xlsx"), "Resultaten")
    assert SMALL in sheet and "antwoorden op orde" not in sheet
    assert not any("op orde" in a.caption for a in report.chart().axes)


def test_cli_merge_warns_about_a_small_region(questionnaire, tmp_path, capsys) -> None:
    from tests.region.helpers import write

    paths = [
        write(questionnaire, s, tmp_path / f"{i}.xlsx")
        for i, s in enumerate(region(questionnaire, 3))
    ]
    assert main(["merge", *map(str, paths), "--out", str(tmp_path / "regio.xlsx")]) == 0
    err = capsys.readouterr().err
    assert f"let op: {SMALL}" in err
    assert SINGLE not in err  # an explanation, not a warning: it stays in the outputs
