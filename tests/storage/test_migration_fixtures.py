"""Databases written by earlier releases open in this one without loss.

The files in fixtures/ were written once by the release at each schema revision (TagStudio's
pattern) and are committed as they are: building the old schema with today's migrations
would only prove that today's code agrees with itself. Each is copied, opened (which upgrades it
to the current revision) and read back through the services.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from zelfscan_app.domain.routekaart import ItemProgress, Scope
from zelfscan_app.domain.scan import Action, Answer, AnswerValue, Participant
from zelfscan_app.services import actions as actions_svc
from zelfscan_app.services import routekaart as routekaart_svc
from zelfscan_app.services import scans as svc
from zelfscan_app.services import wheel as wheel_svc
from zelfscan_app.storage.database import SCHEMA_REVISION, Database

FIXTURES = Path(__file__).with_name("fixtures")
# 0007: made by fixtures/make_schema_0007.py, with data in everything 0004-0007 added, so the
# migrations after it are tested on a stored file too.
REVISIONS = ("0001", "0002", "0003", "0007")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("revision", REVISIONS)
def test_stored_database_is_upgraded_without_loss(tmp_path: Path, revision: str) -> None:
    fixture = FIXTURES / f"schema_{revision}.sqlite"
    before = _sha(fixture)
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)

    db = Database(f"sqlite:///{path}")  # opening upgrades to the current revision
    try:
        assert db.current_revision() == SCHEMA_REVISION
        scan = svc.get_scan(db, 7)
        assert (scan.gemeente, scan.regio, str(scan.datum)) == (
            "Oude Gemeente",
            "Regio Oud",
            "2024-05-01",
        )
        assert scan.participants == (Participant("Jan", "Lokaal team", "jeugd"),)
        expected = Answer(1, AnswerValue.NIET_OP_ORDE, "oud", "", bespreekpunt=revision != "0001")
        assert scan.answer(1) == expected
        stored = actions_svc.stored_actions(db, 7)
        if revision >= "0003":
            assert [(a.maatregel, a.verbeteractie, a.wie) for a in stored] == [
                ("Regie beleggen", "Een regisseur aanwijzen", "Wethouder")
            ]
        else:
            assert stored == []
        if revision >= "0007":
            _assert_meeting_kit(db, stored[0])
        # What the newer schema added works on the upgraded file.
        svc.set_bespreekpunt(db, 7, 2, True)
        assert svc.get_scan(db, 7).answer(2).bespreekpunt
    finally:
        db.dispose()
    assert _sha(fixture) == before, "the committed fixture itself must never be written"


def _assert_meeting_kit(db: Database, action: Action) -> None:
    """What revisions 0004-0007 added, as the 0007 release stored it."""
    assert svc.get_scan(db, 7).duiding == "Duiding uit de oude versie"
    assert action.herziendatum == date(2025, 1, 15)
    state = routekaart_svc.load(db, Scope.GEMEENTE, "Oude Gemeente")
    assert state.progress["f1-onderschrijven"] == ItemProgress(
        "f1-onderschrijven", True, date(2024, 6, 1), "Wethouder", "akkoord"
    )
    assert state.herhaal_op == date(2026, 5, 1)
    assert wheel_svc.questions_for(db, "Regio Oud") == ("Wat ging goed?", "Wat kan beter?")
    assert wheel_svc.answers(db, 7) == [("Wat ging goed?", "De samenwerking")]


def test_the_fixtures_cover_every_stored_revision() -> None:
    """A fixture per listed revision, and none lying around untested."""
    stored = sorted(p.stem.removeprefix("schema_") for p in FIXTURES.glob("schema_*.sqlite"))
    assert stored == list(REVISIONS)
