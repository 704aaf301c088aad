"""The meeting kit in the database: routekaart progress, wheel questions and answers, review
dates, the voortgang workbook and the findings report sections."""

from __future__ import annotations

import io
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.reports.test_documents import sample_scan
from zelfscan_app.domain.routekaart import ItemProgress, Reminder, Scope
from zelfscan_app.domain.scan import Action, ActionStatus
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.exchange.voortgang_workbook import (
    ACTION_COLUMNS,
    FOLLOW_UP_COLUMNS,
    HEADER_ROW,
    SHEET_ACTIES,
    SHEET_GEMEENTEN,
)
from zelfscan_app.reports.templates import TemplateKind, find_template
from zelfscan_app.services import actions as action_service
from zelfscan_app.services import monitoring, routekaart, wheel
from zelfscan_app.services.documents import findings_document, write_findings
from zelfscan_app.services.scans import create_scan, get_scan, list_scans, move_to_trash
from zelfscan_app.storage.database import SCHEMA_REVISION, Database

TODAY = date(2026, 6, 15)
FIXTURE = Path(__file__).parents[1] / "storage" / "fixtures" / "schema_0003.sqlite"


@pytest.fixture
def scan_id(db: Database, questionnaire) -> int:
    return create_scan(db, sample_scan(questionnaire))


def test_a_0003_database_gains_the_kit_tables_and_keeps_its_actions(tmp_path: Path) -> None:
    path = tmp_path / "oud.sqlite"
    shutil.copyfile(FIXTURE, path)
    before = sqlite3.connect(path).execute("select count(*) from actions").fetchone()[0]
    db = Database(f"sqlite:///{path}")
    try:
        assert db.current_revision() == SCHEMA_REVISION
        conn = sqlite3.connect(path)
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        assert {"routekaarten", "routekaart_items", "rad_vragen", "rad_antwoorden"} <= tables
        assert conn.execute("select count(*) from actions").fetchone()[0] == before
        columns = {r[1] for r in conn.execute("pragma table_info(actions)")}
        assert "herziendatum" in columns
        conn.close()
    finally:
        db.dispose()


def test_routekaart_progress_is_stored_per_gemeente_and_regio(db: Database, scan_id: int) -> None:
    item = ItemProgress("f1-visie", True, date(2026, 1, 10), "Ans de Wit", "In regiovisie")
    routekaart.save_item(db, Scope.GEMEENTE, "Aldermeer", item)
    routekaart.save_item(db, Scope.REGIO, "Demoregio Veenland", ItemProgress("f1-regionaal", True))
    state = routekaart.load(db, Scope.GEMEENTE, "  Aldermeer ")
    assert state.progress == {"f1-visie": item}
    assert state.phase.startswith("Fase 1")
    assert state.last_scan == date(2026, 3, 15)
    assert state.due == date(2028, 3, 15)
    routekaart.set_repeat_date(db, Scope.GEMEENTE, "Aldermeer", date(2027, 9, 1))
    assert routekaart.load(db, Scope.GEMEENTE, "Aldermeer").due == date(2027, 9, 1)
    names = routekaart.names(db)
    assert names[Scope.GEMEENTE] == ["Aldermeer"]
    assert names[Scope.REGIO] == ["Demoregio Veenland"]


def test_unknown_step_and_overlong_note_are_refused(db: Database) -> None:
    with pytest.raises(ZelfscanError, match="geen stap"):
        routekaart.save_item(db, Scope.GEMEENTE, "Aldermeer", ItemProgress("f9-bestaat-niet"))
    with pytest.raises(ZelfscanError, match="notitie"):
        routekaart.save_item(
            db, Scope.GEMEENTE, "Aldermeer", ItemProgress("f1-visie", notitie="x" * 5000)
        )
    with pytest.raises(ZelfscanError, match="gemeente of regio"):
        routekaart.save_item(db, Scope.GEMEENTE, "   ", ItemProgress("f1-visie"))
    assert routekaart.load(db, Scope.GEMEENTE, "Aldermeer").progress == {}


def test_overview_gives_phase_and_repeat_reminder(db: Database, questionnaire) -> None:
    create_scan(db, sample_scan(questionnaire, datum=date(2024, 7, 1)))
    create_scan(db, sample_scan(questionnaire, gemeente="Bosdorp", datum=date(2025, 1, 1)))
    routekaart.save_item(db, Scope.REGIO, "Demoregio Veenland", ItemProgress("f1-visie", True))
    statuses = {s.gemeente: s for s in routekaart.overview(db, TODAY)}
    assert statuses["Aldermeer"].due == date(2026, 7, 1)
    assert statuses["Aldermeer"].reminder is Reminder.BINNENKORT
    assert statuses["Bosdorp"].reminder is Reminder.GEEN
    assert statuses["Bosdorp"].short_phase == "Fase 1 (regio)"  # the region's routekaart


def test_wheel_questions_per_region_and_answers_per_scan(db: Database, scan_id: int) -> None:
    assert wheel.questions_for(db, "Demoregio Veenland") == wheel.default_questions()
    own = wheel.save_questions(db, "Demoregio Veenland", ["Wat ging goed?", "", " Wat  niet? "])
    assert own == ("Wat ging goed?", "Wat niet?")
    assert wheel.questions_for(db, "Demoregio Veenland") == own
    assert wheel.questions_for(db, "Andere regio") == wheel.default_questions()
    with pytest.raises(ZelfscanError, match="twee keer"):
        wheel.save_questions(db, "Demoregio Veenland", ["Zelfde", "zelfde"])
    assert wheel.questions_for(db, "Demoregio Veenland") == own  # a refused list changes nothing
    wheel.save_answer(db, scan_id, "Wat niet?", "De planning")
    wheel.save_answer(db, scan_id, "Wat ging goed?", "Sfeer")
    wheel.save_answer(db, scan_id, "Wat niet?", "De planning was te krap")
    assert wheel.answers(db, scan_id) == [
        ("Wat niet?", "De planning was te krap"),
        ("Wat ging goed?", "Sfeer"),
    ]
    assert wheel.save_questions(db, "Demoregio Veenland", None) == wheel.default_questions()


def test_review_date_is_stored_with_the_action(db: Database, scan_id: int) -> None:
    action_id = action_service.save_action(
        db, scan_id, Action(standard=3, maatregel="Scholing", herziendatum=date(2026, 6, 1))
    )
    (stored,) = action_service.stored_actions(db, scan_id)
    assert stored.id == action_id and stored.herziendatum == date(2026, 6, 1)


def _actions(db: Database, questionnaire) -> None:
    a = create_scan(db, sample_scan(questionnaire))
    b = create_scan(db, sample_scan(questionnaire, gemeente="Bosdorp", regio="Andere regio"))
    for scan_id, day, status in (
        (a, date(2026, 6, 1), ActionStatus.IN_UITVOERING),
        (a, date(2026, 6, 20), ActionStatus.GEPLAND),
        (a, date(2026, 1, 1), ActionStatus.GEREED),
        (b, date(2026, 5, 1), ActionStatus.GEPLAND),
    ):
        action_service.save_action(
            db,
            scan_id,
            Action(standard=3, maatregel='=HYPERLINK("x")', herziendatum=day, status=status),
        )


def test_voortgang_workbook_lists_actions_with_status(
    db: Database, questionnaire, tmp_path: Path
) -> None:
    _actions(db, questionnaire)
    path = monitoring.write_voortgang(db, tmp_path / "voortgang.xlsx", TODAY, "Demoregio Veenland")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [SHEET_ACTIES, SHEET_GEMEENTEN]
    ws = wb[SHEET_ACTIES]
    header = [ws.cell(HEADER_ROW, c).value for c in range(1, len(ACTION_COLUMNS) + 1)]
    assert header == [h for h, _w in ACTION_COLUMNS]
    rows = [
        [ws.cell(r, c).value for c in range(1, len(ACTION_COLUMNS) + 1)]
        for r in range(HEADER_ROW + 1, ws.max_row + 1)
    ]
    assert len(rows) == 3  # only the region's municipality
    assert {r[0] for r in rows} == {"Aldermeer"}
    assert [r[9] for r in rows] == ["over datum", "te herzien", None]
    assert [r[7] for r in rows] == ["in uitvoering", "gepland", "gereed"]
    assert rows[0][8].date() == date(2026, 6, 1)
    assert ws.cell(HEADER_ROW + 1, 4).data_type == "s"  # free text is never a formula
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}")
    per = wb[SHEET_GEMEENTEN]
    assert [per.cell(HEADER_ROW, c).value for c in range(1, 6)] == [
        h for h, _w in FOLLOW_UP_COLUMNS
    ]
    assert [per.cell(HEADER_ROW + 1, c).value for c in range(1, 5)] == ["Aldermeer", 2, 1, 1]
    everyone = openpyxl.load_workbook(io.BytesIO(monitoring.voortgang_bytes(db, TODAY)))
    assert everyone[SHEET_ACTIES].max_row == HEADER_ROW + 4


def test_voortgang_with_a_bad_name_changes_nothing(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ZelfscanError, match=r"\.xlsx"):
        monitoring.write_voortgang(db, tmp_path / "voortgang.csv", TODAY)
    with pytest.raises(ZelfscanError, match="bestaat niet"):
        monitoring.write_voortgang(db, tmp_path / "weg" / "v.xlsx", TODAY)
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".xlsx", ".csv", ".tmp")]


def test_deleted_scans_leave_monitoring(db: Database, questionnaire) -> None:
    _actions(db, questionnaire)
    assert {f.gemeente for f in monitoring.follow_ups(db, TODAY)} == {"Aldermeer", "Bosdorp"}
    bosdorp = next(s.id for s in list_scans(db) if s.gemeente == "Bosdorp")
    move_to_trash(db, bosdorp)
    assert {f.gemeente for f in monitoring.follow_ups(db, TODAY)} == {"Aldermeer"}


def _texts(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    text = [p.text for p in document.paragraphs]
    text += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(text)


def test_findings_report_prints_wheel_answers_and_routekaart(
    db: Database, questionnaire, scan_id: int, tmp_path: Path
) -> None:
    template = find_template(TemplateKind.FINDINGS)
    scan = get_scan(db, scan_id)
    plain = _texts(findings_document(questionnaire, scan, template=template, db=db))
    assert "Rad van Fortuin" not in plain and "Routekaart" not in plain  # nothing recorded
    wheel.save_answer(db, scan_id, wheel.default_questions()[0], "Jeugd en Wmo; GI miste")
    routekaart.save_item(
        db, Scope.GEMEENTE, "Aldermeer", ItemProgress("f1-visie", True, date(2026, 1, 10), "Ans")
    )
    written = write_findings(db, questionnaire, scan_id, tmp_path / "rapport.docx")
    text = _texts(written.path.read_bytes())
    assert "Procesevaluatie: Rad van Fortuin" in text
    assert "Jeugd en Wmo; GI miste" in text
    assert wheel.default_questions()[0] in text
    assert "Routekaart van Aldermeer: Fase 1 · Voorbereiding en oriëntatie" in text
    assert "Volgende zelfscan: 15 maart 2028" in text
    assert "Fase 1 · Voorbereiding en oriëntatie · 1 van 10 afgerond" in text
    assert "10-01-2026" in text and "✓" in text
