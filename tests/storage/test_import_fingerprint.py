"""The database refuses a second copy of an imported scan (unique fingerprint, migration 0004)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.conftest import open_upgraded
from tests.storage.test_database import make_scan
from zelfscan_app.domain.scan import Action, content_fingerprint
from zelfscan_app.services import scans as svc
from zelfscan_app.services.actions import save_action
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import SCHEMA_REVISION, Database


def test_unique_index_refuses_a_second_copy(db: Database) -> None:
    scan = make_scan()
    fingerprint = content_fingerprint(scan)
    with db.session() as session:
        first = repo.add_scan(session, scan, import_fingerprint=fingerprint)
    with pytest.raises(IntegrityError), db.session() as session:
        repo.add_scan(session, scan, import_fingerprint=fingerprint)
    assert [i.id for i in svc.list_scans(db)] == [first]
    # Raw SQL gets the same answer: it is the database, not the app, that says no.
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO scans (gemeente, gemeente_key, regio, datum, soort,"
                " questionnaire_id, questionnaire_version, facilitator, created_at, updated_at,"
                " warning, import_fingerprint) VALUES ('X', 'x', '', '2026-01-01', 'nulmeting',"
                " 'q', '1', '', '2026-01-01', '2026-01-01', '', :fp)"
            ),
            {"fp": fingerprint},
        )


def test_fingerprint_is_about_content(db: Database) -> None:
    scan = make_scan()
    assert content_fingerprint(scan) == content_fingerprint(replace(scan, gemeente="ALDERMEER"))
    assert content_fingerprint(scan) == content_fingerprint(replace(scan, id=4, warning="w"))
    for changed in (
        replace(scan, regio="Anders"),
        replace(scan, answers=scan.answers[:1]),
        replace(scan, participants=()),
        replace(scan, answers=(replace(scan.answers[0], toelichting="anders"),)),
    ):
        assert content_fingerprint(changed) != content_fingerprint(scan)


def test_trash_frees_the_fingerprint_and_restore_keeps_the_newer_import(db: Database) -> None:
    scan = make_scan()
    fingerprint = content_fingerprint(scan)
    with db.session() as session:
        old = repo.add_scan(session, scan, import_fingerprint=fingerprint)
    svc.move_to_trash(db, old)
    with db.session() as session:  # the same workbook imported again after the trash
        new = repo.add_scan(session, scan, import_fingerprint=fingerprint)
    svc.restore_from_trash(db, old)  # the user wants the old copy back too: allowed
    assert {i.id for i in svc.list_scans(db)} == {old, new}
    with db.session() as session:
        assert repo.scan_with_import_fingerprint(session, fingerprint) == new


def test_duplicate_check_reads_through_the_index(db: Database) -> None:
    """The import's lookup of a municipality's scans must not scan the table (flat speed).

    PostgreSQL's planner prefers a sequential scan of a tiny table, so there the question is
    asked with sequential scans discouraged: can the index answer it at all?
    """
    from zelfscan_app.domain.names import skeleton
    from zelfscan_app.storage.models import ScanRow

    query = (
        repo.select(ScanRow.id)
        .where(ScanRow.gemeente_key == skeleton("Aldermeer"))
        .where(ScanRow.datum == make_scan().datum, ScanRow.soort == "nulmeting")
    )
    fingerprint_query = "SELECT id FROM scans WHERE import_fingerprint = 'x' AND deleted_at IS NULL"
    with db.engine.connect() as conn:
        dialect = conn.dialect
        compiled = query.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
        if dialect.name == "sqlite":
            explain = "EXPLAIN QUERY PLAN "
        else:
            conn.exec_driver_sql("SET enable_seqscan = off")
            # The scan list's partial index (0009) costs the same on an empty table; dropped
            # inside this transaction (rolled back below), so the plan shows what the
            # fingerprint's own index can do.
            conn.exec_driver_sql("DROP INDEX ix_scans_list")
            explain = "EXPLAIN "
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"{explain}{compiled}"))
        assert "ix_scans_gemeente_key" in plan
        fingerprint_plan = " ".join(
            str(r[-1]) for r in conn.exec_driver_sql(f"{explain}{fingerprint_query}")
        )
        assert "uq_scans_import_fingerprint" in fingerprint_plan
        conn.rollback()


def _insert_0003_scan(conn, scan_id: int, gemeente: str, sha: str | None, *, deleted=None) -> None:
    conn.execute(
        text(
            "INSERT INTO scans (id, gemeente, regio, datum, soort, questionnaire_id,"
            " questionnaire_version, facilitator, created_at, updated_at, warning,"
            " source_sha256, deleted_at) VALUES (:id, :g, 'Veenland', '2026-03-15', 'nulmeting',"
            " 'vng-kwaliteitskader-zelfscan', '2026.1', 'F', '2026-03-15 10:00:00',"
            " '2026-03-15 10:00:00', '', :sha, :deleted)"
        ),
        {"id": scan_id, "g": gemeente, "sha": sha, "deleted": deleted},
    )
    conn.execute(
        text(
            "INSERT INTO participants (scan_id, position, naam, organisatie, rol)"
            " VALUES (:id, 0, 'Jan', 'Lokaal team', 'jeugd')"
        ),
        {"id": scan_id},
    )
    conn.execute(
        text(
            "INSERT INTO answers (scan_id, question, value, toelichting, nuancering,"
            " updated_at, bespreekpunt) VALUES (:id, 1, 'Niet op orde', 'oud', '',"
            " '2026-03-15 10:00:00', FALSE)"
        ),
        {"id": scan_id},
    )


def test_migration_0004_upgrades_a_0003_database_with_race_leftovers(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    old = Database(url, migrate=False)
    old.upgrade("0003")
    with old.engine.begin() as conn:
        # Two imports raced: scans 1, 2, 3 and 6 are the same workbook, 4 is another one,
        # 5 was made in the app (no file); 1 and 6 each have a plan action of their own.
        for scan_id in (1, 2, 3, 6):
            _insert_0003_scan(conn, scan_id, "Aldermeer", "a" * 64)
        _insert_0003_scan(conn, 4, "Brugwijk", "b" * 64)
        _insert_0003_scan(conn, 5, "Aldermeer", None)
        conn.execute(
            text(
                "INSERT INTO actions (scan_id, standard, question, maatregel, huidige_stand,"
                " verbeteractie, beoogd_resultaat, wie, planning, kosten, status, updated_at)"
                " VALUES (:id, 1, 1, 'm', '', 'v', '', '', '', '', 'gepland', '2026-03-16')"
            ),
            [{"id": 1}, {"id": 6}],
        )
    old.dispose()

    db = open_upgraded(url)  # SQLite: opening upgrades to head
    try:
        assert db.current_revision() == SCHEMA_REVISION
        live = {i.id: i for i in svc.list_scans(db)}
        # The first copy with a plan stays; the other copy with a plan stays visible (warned);
        # the plain copies go to the trash, where they can be restored.
        assert set(live) == {1, 4, 5, 6}
        assert live[1].warning == ""
        assert "gelijk aan zelfscan 1" in live[6].warning
        trashed = {i.id: i for i in svc.list_trashed(db)}
        assert set(trashed) == {2, 3}
        assert all("gelijk aan zelfscan 1" in i.warning for i in trashed.values())
        with db.engine.connect() as conn:
            rows = dict(conn.execute(text("SELECT id, import_fingerprint FROM scans")).all())
            keys = set(conn.execute(text("SELECT gemeente_key FROM scans")).scalars())
        assert rows[5] is None and rows[6] is None  # made in the app / visible copy
        assert rows[1] == rows[2] == rows[3] is not None and rows[4] not in (None, rows[1])
        assert keys == {"aldermeer", "brugwijk"}
        # Data as before, and the duplicate check finds the upgraded scans.
        scan = svc.get_scan(db, 1)
        assert scan.answer(1).toelichting == "oud"
        assert rows[1] == content_fingerprint(scan)
        assert [i.id for i in svc.same_scans(db, "ALDERMEER", scan.datum, scan.soort)] == [
            6,
            5,
            1,
        ]
        save_action(db, 1, Action(standard=1, maatregel="nieuw"))  # the schema works on
    finally:
        db.dispose()
