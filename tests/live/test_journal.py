"""The local journal and the SharedWriter without a window: order, idempotent replay, refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.live.conftest import a_scan
from zelfscan_app.domain.history import Editor
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.services import scans as svc
from zelfscan_app.services.journal import SharedWriter
from zelfscan_app.storage import repository
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.journal import Journal, target_of


@pytest.fixture
def shared(database_url: str) -> Database:
    db = Database(database_url)
    svc.set_editor(db, Editor("anna", "PC-A"))
    yield db
    db.dispose()


def test_the_journal_keeps_changes_in_order_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "journal.sqlite"
    journal = Journal(path)
    assert journal.count("x") == 0 and not path.exists(), "looking creates no file"
    changes = [
        svc.new_change(1, 2, "value", AnswerValue.OP_ORDE),
        svc.new_change(1, 2, "toelichting", "met ‘aanhalingstekens’ en é"),
        svc.new_change(1, 3, "bespreekpunt", True),
        svc.new_change(1, 2, "value", None),
    ]
    for change in changes:
        journal.add("x", change, Editor("anna", "PC-A"))
    journal.add("y", svc.new_change(9, 1, "nuancering", "ander"), Editor("bram", "PC-B"))
    again = Journal(path)  # the app restarted
    entries = again.pending("x")
    assert [(e.change.change_id, e.change.field, e.change.value) for e in entries] == [
        (c.change_id, c.field, c.value) for c in changes
    ]
    assert all(e.change.made_at is not None for e in entries)
    assert again.count("y") == 1 and again.pending("y")[0].editor == Editor("bram", "PC-B")
    again.remove(changes[0].change_id)
    assert [e.change.change_id for e in again.pending("x")] == [c.change_id for c in changes[1:]]


def test_a_change_that_did_commit_before_the_connection_broke_is_not_stored_again(
    shared: Database, questionnaire, journal_path: Path
) -> None:
    scan_id = svc.create_scan(shared, a_scan(questionnaire))
    change = svc.new_change(scan_id, 4, "value", AnswerValue.NIET_OP_ORDE)
    svc.apply_change(shared, change)  # committed, but the answer never came back …
    journal = Journal(journal_path)
    journal.add(target_of(shared.url), change, Editor("anna", "PC-A"))  # … so it was kept
    writer = SharedWriter(shared, journal)
    assert writer.offline, "a journal left behind goes first"
    later = writer.write(svc.new_change(scan_id, 4, "value", AnswerValue.OP_ORDE))
    assert later.journaled, "and new changes queue behind it"
    result = writer.replay()
    assert result.stored == 2 and not writer.offline and writer.pending() == 0
    history = svc.answer_history(shared, scan_id, question=4)
    assert [e.new.value for e in history] == [AnswerValue.NIET_OP_ORDE, AnswerValue.OP_ORDE]
    assert writer.replay().stored == 0, "a second replay stores nothing"
    assert len(svc.answer_history(shared, scan_id)) == 2


def test_a_change_for_a_scan_deleted_meanwhile_is_set_aside_not_lost(
    shared: Database, questionnaire, journal_path: Path
) -> None:
    gone = svc.create_scan(shared, a_scan(questionnaire, "Weggedorp"))
    kept = svc.create_scan(shared, a_scan(questionnaire))
    journal = Journal(journal_path)
    target = target_of(shared.url)
    journal.add(target, svc.new_change(gone, 1, "toelichting", "bewaard"), Editor("a", "b"))
    journal.add(target, svc.new_change(kept, 1, "toelichting", "ook"), Editor("a", "b"))
    with shared.session() as session:
        repository.purge(session, gone)
    writer = SharedWriter(shared, journal)
    result = writer.replay()
    assert result.stored == 1 and len(result.refused) == 1
    assert "bestaat niet" in result.refused[0]
    assert not writer.offline and writer.pending() == 0
    assert svc.get_scan(shared, kept).answer(1).toelichting == "ook"
    with sqlite3.connect(journal_path) as conn:  # the text typed is still on this computer
        rows = conn.execute("SELECT value, problem FROM journal").fetchall()
    assert rows == [('"bewaard"', result.refused[0])]
