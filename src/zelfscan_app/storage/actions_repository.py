"""Improvement actions in the database (kept apart from scans: a plan outlives its scan)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zelfscan_app.domain.scan import Action, ActionStatus
from zelfscan_app.errors import NotFound
from zelfscan_app.storage.models import ActionRow, ScanRow
from zelfscan_app.storage.repository import now

_FIELDS = (
    "standard",
    "question",
    "maatregel",
    "huidige_stand",
    "verbeteractie",
    "beoogd_resultaat",
    "wie",
    "planning",
    "kosten",
    "herziendatum",
)


def _to_domain(row: ActionRow) -> Action:
    return Action(
        id=row.id,
        status=ActionStatus(row.status),
        **{name: getattr(row, name) for name in _FIELDS},
    )


def actions_of(session: Session, scan_id: int) -> list[Action]:
    rows = session.scalars(
        select(ActionRow).where(ActionRow.scan_id == scan_id).order_by(ActionRow.id)
    )
    return [_to_domain(r) for r in rows]


def save_action(session: Session, scan_id: int, action: Action) -> int:
    """Insert (id None) or update an action; returns its id."""
    if session.get(ScanRow, scan_id) is None:
        raise NotFound(f"zelfscan {scan_id} bestaat niet")
    if action.id is None:
        row = ActionRow(scan_id=scan_id)
        session.add(row)
    else:
        found = session.get(ActionRow, action.id)
        if found is None or found.scan_id != scan_id:
            raise NotFound(f"verbeteractie {action.id} bestaat niet")
        row = found
    for name in _FIELDS:
        setattr(row, name, getattr(action, name))
    row.status = action.status.value
    row.updated_at = now()
    session.flush()
    return row.id


def delete_action(session: Session, action_id: int) -> None:
    row = session.get(ActionRow, action_id)
    if row is not None:
        session.delete(row)


def open_actions_of_earlier_scans(session: Session, scan_id: int) -> list[tuple[int, Action]]:
    """Actions not yet 'gereed' from earlier scans of the same municipality, with their scan id."""
    scan = session.get(ScanRow, scan_id)
    if scan is None:
        raise NotFound(f"zelfscan {scan_id} bestaat niet")
    earlier = session.execute(
        select(ActionRow.scan_id, ActionRow)
        .join(ScanRow, ScanRow.id == ActionRow.scan_id)
        .where(
            ScanRow.gemeente == scan.gemeente,
            ScanRow.id != scan.id,
            ScanRow.datum <= scan.datum,
            ScanRow.deleted_at.is_(None),
            ActionRow.status != ActionStatus.GEREED.value,
        )
        .order_by(ScanRow.datum, ActionRow.id)
    )
    return [(sid, _to_domain(row)) for sid, row in earlier]
