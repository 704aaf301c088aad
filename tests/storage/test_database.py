"""Storage: durable settings, migrations from older databases, one commit per answer."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.backends import sqlite_only
from tests.conftest import open_upgraded
from zelfscan_app.domain.scan import Answer, AnswerValue, Participant, Scan, SoortMeting
from zelfscan_app.errors import NotFound, ZelfscanError
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import SCHEMA_REVISION, Database
from zelfscan_app.storage.migrate import head_revision

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


def make_scan(**overrides) -> Scan:
    fields = dict(
        gemeente="Aldermeer",
        regio="Demoregio Veenland",
        datum=date(2026, 3, 15),
        soort=SoortMeting.NULMETING,
        questionnaire_id="vng-kwaliteitskader-zelfscan",
        questionnaire_version="2026.1",
        facilitator="Marieke Verbeek",
        participants=(Participant("Ans de Wit", "Gemeente", "beleid Jeugd"),),
        answers=(Answer(1, OP, "toelichting ë", "nuance"), Answer(2, NIET, bespreekpunt=True)),
    )
    fields.update(overrides)
    return Scan(**fields)


def test_schema_revision_constant_matches_migrations() -> None:
    assert head_revision() == SCHEMA_REVISION


@sqlite_only
def test_sqlite_is_durable(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_round_trip_scan(db: Database) -> None:
    scan = make_scan()
    scan_id = svc.create_scan(db, scan)
    loaded = svc.get_scan(db, scan_id)
    assert loaded.gemeente == scan.gemeente
    assert loaded.participants == scan.participants
    assert loaded.answers == scan.answers
    assert loaded.id == scan_id


def test_duiding_is_stored_with_the_scan_and_bounded(db: Database) -> None:
    scan_id = svc.create_scan(db, make_scan(duiding="Eerste indruk."))
    assert svc.get_scan(db, scan_id).duiding == "Eerste indruk."
    svc.set_duiding(db, scan_id, "Herkenbaar.\n\nWmo blijft achter — ‘nog te bespreken’.")
    loaded = svc.get_scan(db, scan_id)
    assert loaded.duiding == "Herkenbaar.\n\nWmo blijft achter — ‘nog te bespreken’."
    assert loaded.answers == make_scan().answers  # nothing else changed
    with pytest.raises(ZelfscanError, match="duiding is langer dan"):
        svc.set_duiding(db, scan_id, "x" * (svc.DUIDING_LIMIT + 1))
    assert svc.get_scan(db, scan_id).duiding.startswith("Herkenbaar.")
    with pytest.raises(NotFound):
        svc.set_duiding(db, scan_id + 99, "x")


def test_each_answer_is_committed_at_once(db: Database, db_url: str) -> None:
    scan_id = svc.create_scan(db, make_scan(answers=()))
    svc.set_answer(db, scan_id, 5, OP)
    svc.set_text(db, scan_id, 5, "toelichting", "Regel 1\nRegel 2 — café")
    svc.set_bespreekpunt(db, scan_id, 5, True)
    # A separate connection (another process, in effect) sees it immediately.
    row = outside_row(
        db_url,
        "SELECT value, toelichting, bespreekpunt FROM answers WHERE scan_id=:id AND question=5",
        id=scan_id,
    )
    assert row == ("Op orde", "Regel 1\nRegel 2 — café", 1)
    svc.set_answer(db, scan_id, 5, None)
    assert svc.get_scan(db, scan_id).answer(5).value is None
    assert svc.get_scan(db, scan_id).answer(5).toelichting.startswith("Regel 1")


def test_unknown_question_is_refused(db: Database, questionnaire) -> None:
    scan_id = svc.create_scan(db, make_scan(answers=()))
    with pytest.raises(ZelfscanError, match="vraag 99 bestaat niet"):
        svc.set_answer(db, scan_id, 99, OP, questionnaire)


def test_overlong_text_is_refused(db: Database) -> None:
    scan_id = svc.create_scan(db, make_scan(answers=()))
    with pytest.raises(ZelfscanError, match="langer dan"):
        svc.set_text(db, scan_id, 1, "nuancering", "x" * (svc.TEXT_LIMIT + 1))
    assert svc.get_scan(db, scan_id).answer(1).nuancering == ""


def test_list_counts_answered(db: Database) -> None:
    first = svc.create_scan(db, make_scan())
    svc.create_scan(db, make_scan(gemeente="Brugwijk", answers=(Answer(3, None, "alleen tekst"),)))
    items = {i.gemeente: i for i in svc.list_scans(db)}
    assert items["Aldermeer"].answered == 2
    assert items["Brugwijk"].answered == 0
    assert items["Aldermeer"].id == first


def test_trash_and_restore(db: Database) -> None:
    scan_id = svc.create_scan(db, make_scan())
    svc.move_to_trash(db, scan_id)
    assert svc.list_scans(db) == []
    with pytest.raises(NotFound):
        svc.get_scan(db, scan_id)
    svc.restore_from_trash(db, scan_id)
    assert [i.id for i in svc.list_scans(db)] == [scan_id]


def test_failed_unit_of_work_changes_nothing(db: Database, db_url: str) -> None:
    svc.create_scan(db, make_scan())
    before = outside_row(db_url, "SELECT count(*) FROM scans")
    with pytest.raises(RuntimeError), db.session() as session:
        from zelfscan_app.storage.repository import add_scan

        add_scan(session, make_scan(gemeente="Half"))
        session.flush()  # the row reached the database inside the transaction
        raise RuntimeError("crash halfway")
    after = outside_row(db_url, "SELECT count(*) FROM scans")
    assert before == after == (1,)


def outside_row(url: str, sql: str, **params: object) -> tuple:
    """One row read over a connection of its own, outside the app's Database."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return tuple(conn.execute(text(sql), params).one())
    finally:
        engine.dispose()


def test_database_of_first_release_is_upgraded_without_loss(empty_database_url: str) -> None:
    url = empty_database_url
    old = Database(url, migrate=False)
    old.upgrade("0001")
    assert old.current_revision() == "0001"
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO scans (id, gemeente, regio, datum, soort, questionnaire_id,"
                " questionnaire_version, facilitator, created_at, updated_at) VALUES (7,"
                " 'Oude Gemeente', 'Regio', '2024-05-01', 'nulmeting',"
                " 'vng-kwaliteitskader-zelfscan',"
                " '2026.1', 'F', '2024-05-01 10:00:00', '2024-05-01 10:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO participants (scan_id, position, naam, organisatie, rol)"
                " VALUES (7, 0, 'Jan', 'Lokaal team', 'jeugd')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO answers (scan_id, question, value, toelichting, nuancering,"
                " updated_at) VALUES (7, 1, 'Niet op orde', 'oud', '', '2024-05-01 10:00:00')"
            )
        )
    old.dispose()

    upgraded = open_upgraded(url)  # SQLite: opening upgrades to head
    assert upgraded.current_revision() == SCHEMA_REVISION
    scan = svc.get_scan(upgraded, 7)
    assert scan.gemeente == "Oude Gemeente"
    assert scan.participants == (Participant("Jan", "Lokaal team", "jeugd"),)
    assert scan.answer(1) == Answer(1, NIET, "oud", "", bespreekpunt=False)
    assert scan.warning == ""
    svc.set_bespreekpunt(upgraded, 7, 1, True)  # the new column works
    assert svc.get_scan(upgraded, 7).answer(1).bespreekpunt
    assert scan.duiding == ""  # 0005: an old scan has no duiding yet
    svc.set_duiding(upgraded, 7, "Herkenbaar beeld.")
    assert svc.get_scan(upgraded, 7).duiding == "Herkenbaar beeld."


def test_foreign_database_gets_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "vreemd.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scans (x INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ZelfscanError, match="geen Zelfscan-database"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == before  # no alembic_version table, no WAL mode


def test_bad_url_message() -> None:
    with pytest.raises(ZelfscanError, match="ongeldige database-URL"):
        Database("geen url")


def test_missing_migration_script_is_noticed(tmp_path: Path, monkeypatch) -> None:
    import zelfscan_app.storage.database as database

    monkeypatch.setattr(database, "SCHEMA_REVISION", "0099")
    with pytest.raises(ZelfscanError, match="mist een migratiescript"):
        Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
