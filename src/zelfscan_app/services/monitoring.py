"""PDCA monitoring (routekaart fase 5): due and overdue actions, and the voortgang workbook.

Which action is 'te herzien' or 'over datum' is decided by `domain.pdca` with the day passed
in (tests use a fixed clock); this module only fetches the actions and writes the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from zelfscan_app.domain.pdca import FollowUp, follow_up, review_state
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage import kit_repository as repo
from zelfscan_app.storage.database import Database


def follow_ups(db: Database, today: date, regio: str | None = None) -> list[FollowUp]:
    """Per municipality: actions te herzien / over datum, most urgent first."""
    with db.session() as session:
        rows = repo.monitored_actions(session, regio)
    return follow_up(((g, a) for g, _r, _d, a in rows), today)


def regions(db: Database) -> list[str]:
    with db.session() as session:
        return repo.regions(session)


def voortgang_bytes(db: Database, today: date, regio: str | None = None) -> bytes:
    from zelfscan_app.exchange.voortgang_workbook import VoortgangRow
    from zelfscan_app.exchange.voortgang_workbook import voortgang_bytes as build

    with db.session() as session:
        actions = repo.monitored_actions(session, regio)
    rows = [
        VoortgangRow(
            gemeente=g,
            scan_datum=d,
            standard=a.standard,
            maatregel=a.maatregel,
            verbeteractie=a.verbeteractie,
            wie=a.wie,
            planning=a.planning,
            status=a.status.value,
            herziendatum=a.herziendatum,
            state=review_state(a, today),
        )
        for g, _r, d, a in actions
    ]
    summary = follow_up(((g, a) for g, _r, _d, a in actions), today)
    return build(regio or "alle gemeenten", rows, summary, today)


def write_voortgang(db: Database, out: str | Path, today: date, regio: str | None = None) -> Path:
    """The voortgang workbook of a region (or of every municipality), written atomically."""
    from zelfscan_app.exchange.writer import save_atomic

    if regio is not None and regio not in regions(db):
        raise ZelfscanError(f"de regio ‘{regio}’ heeft geen zelfscans in de database")
    return save_atomic(voortgang_bytes(db, today, regio), out)
