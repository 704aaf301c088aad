"""Every answer change through services.scans leaves one history row, in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.live.conftest import a_scan
from zelfscan_app.domain.history import AnswerState, Editor
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database

OP, NIET = AnswerValue.OP_ORDE, AnswerValue.NIET_OP_ORDE


@pytest.fixture
def shared(database_url: str) -> Database:
    db = Database(database_url)
    yield db
    db.dispose()


def test_each_change_is_recorded_with_who_where_when_old_and_new(shared, questionnaire) -> None:
    scan_id = svc.create_scan(shared, a_scan(questionnaire))
    svc.set_editor(shared, Editor("anna", "PC-12"))
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=5)
    svc.set_answer(shared, scan_id, 3, OP, questionnaire)
    svc.set_text(shared, scan_id, 3, "toelichting", "Ketenoverleg loopt", questionnaire)
    svc.set_answer(shared, scan_id, 3, NIET, questionnaire)
    svc.set_bespreekpunt(shared, scan_id, 3, True)
    svc.set_text(shared, scan_id, 4, "nuancering", "alleen in de wijk", questionnaire)

    entries = svc.answer_history(shared, scan_id, question=3)
    assert [e.fields for e in entries] == [
        ("value",),
        ("toelichting",),
        ("value",),
        ("bespreekpunt",),
    ]
    assert entries[0].old == AnswerState()
    assert entries[0].new == AnswerState(value=OP)
    assert entries[2].old == AnswerState(value=OP, toelichting="Ketenoverleg loopt")
    assert entries[2].new == AnswerState(value=NIET, toelichting="Ketenoverleg loopt")
    assert entries[-1].new == AnswerState(NIET, "Ketenoverleg loopt", "", True)
    assert all(e.editor == Editor("anna", "PC-12") for e in entries)
    after = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=5)
    assert all(before <= e.changed_at <= after for e in entries)  # UTC, whatever the zone
    assert [e.id for e in entries] == sorted(e.id for e in entries)

    everything = svc.answer_history(shared, scan_id)
    assert [e.question for e in everything] == [3, 3, 3, 3, 4]
    assert svc.last_change(shared, scan_id) == everything[-1].id
    assert [e.question for e in svc.changes_since(shared, scan_id, entries[-1].id)] == [4]


def test_nothing_changed_leaves_no_history_and_a_change_is_stored_once(
    shared, questionnaire
) -> None:
    scan_id = svc.create_scan(shared, a_scan(questionnaire))
    assert svc.set_answer(shared, scan_id, 1, OP) is not None
    assert svc.set_answer(shared, scan_id, 1, OP) is None  # already so: no history row
    change = svc.new_change(scan_id, 2, "toelichting", "eerst")
    first = svc.apply_change(shared, change)
    again = svc.apply_change(shared, change)  # a replay after a broken connection
    assert first == again
    assert len(svc.answer_history(shared, scan_id)) == 2
    assert svc.get_scan(shared, scan_id).answer(2).toelichting == "eerst"


def test_a_refused_change_leaves_neither_answer_nor_history(shared, questionnaire) -> None:
    scan_id = svc.create_scan(shared, a_scan(questionnaire))
    with pytest.raises(ZelfscanError, match="langer dan"):
        svc.set_text(shared, scan_id, 1, "toelichting", "x" * (svc.TEXT_LIMIT + 1))
    with pytest.raises(ZelfscanError, match="bestaat niet"):
        svc.set_answer(shared, scan_id, 999, OP, questionnaire)
    with pytest.raises(ZelfscanError, match="bestaat niet"):
        svc.set_answer(shared, scan_id + 100, 1, OP)
    assert svc.answer_history(shared, scan_id) == []
    assert svc.get_scan(shared, scan_id).answers == ()


def test_history_goes_with_its_scan(shared, questionnaire) -> None:
    scan_id = svc.create_scan(shared, a_scan(questionnaire))
    svc.set_answer(shared, scan_id, 1, OP)
    from zelfscan_app.storage import repository

    with shared.session() as session:
        repository.purge(session, scan_id)
    assert svc.answer_history(shared, scan_id) == []
