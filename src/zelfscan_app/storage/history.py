"""Answer changes with their history row, in one unit of work, and reading that history.

The scan's row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite has one writer anyway)
before the answer is read, so two workstations changing answers of one scan are serialised:
the later one sees the earlier one's result as its 'old', history ids of a scan grow in
commit order, and the last history row's 'new' is what is stored (the later write wins).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zelfscan_app.domain.history import AnswerChange, AnswerState, Editor, HistoryEntry
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.errors import NotFound
from zelfscan_app.storage.models import AnswerHistoryRow, AnswerRow, ScanRow


def utc_now() -> datetime:
    """Naive UTC: the same in SQLite and PostgreSQL columns, whatever the workstation's zone."""
    return datetime.now(UTC).replace(tzinfo=None)


def _state(row: AnswerRow | None) -> AnswerState:
    if row is None:
        return AnswerState()
    return AnswerState(
        value=AnswerValue(row.value) if row.value else None,
        toelichting=row.toelichting or "",
        nuancering=row.nuancering or "",
        bespreekpunt=bool(row.bespreekpunt),
    )


def history_id_of(session: Session, change_id: str) -> int | None:
    """The history row of a change stored before, if any."""
    found = session.scalar(
        select(AnswerHistoryRow.id).where(AnswerHistoryRow.change_id == change_id)
    )
    return None if found is None else int(found)


def apply_change(
    session: Session, change: AnswerChange, editor: Editor, local_stamp: datetime
) -> int | None:
    """Store one change and its history row; the history id, or None when nothing changed.

    A change whose `change_id` is already in the history was committed before (a replay after
    a broken connection): its id is returned and nothing is written again.
    """
    scan = session.scalars(
        select(ScanRow)
        .where(ScanRow.id == change.scan_id, ScanRow.deleted_at.is_(None))
        .with_for_update()
    ).one_or_none()
    if scan is None:
        raise NotFound(f"zelfscan {change.scan_id} bestaat niet (meer)")
    # Checked under the lock: a replay of the same change by another window that committed
    # while this one waited is seen here, and not applied again over a later change.
    done = history_id_of(session, change.change_id)
    if done is not None:
        return done
    row = session.get(AnswerRow, (change.scan_id, change.question), populate_existing=True)
    old = _state(row)
    if row is None:
        row = AnswerRow(
            scan_id=change.scan_id,
            question=change.question,
            value=None,
            toelichting="",
            nuancering="",
            bespreekpunt=False,
            updated_at=local_stamp,
        )
        session.add(row)
    value = change.value
    if change.field == "value":
        row.value = value.value if isinstance(value, AnswerValue) else None
    elif change.field == "bespreekpunt":
        row.bespreekpunt = bool(value)
    else:
        setattr(row, change.field, str(value or ""))
    new = _state(row)
    if new == old:
        return None
    row.updated_at = local_stamp
    scan.updated_at = local_stamp
    # The scan list's stored count (migration 0009) moves with the answer, in this transaction.
    scan.answered_count = (
        (scan.answered_count or 0) + (new.value is not None) - (old.value is not None)
    )
    entry = AnswerHistoryRow(
        scan_id=change.scan_id,
        question=change.question,
        changed_at=change.made_at or utc_now(),
        workstation=editor.workstation[:200],
        user_name=editor.user[:200],
        change_id=change.change_id,
        old_value=old.value.value if old.value else None,
        new_value=new.value.value if new.value else None,
        old_toelichting=old.toelichting,
        new_toelichting=new.toelichting,
        old_nuancering=old.nuancering,
        new_nuancering=new.nuancering,
        old_bespreekpunt=old.bespreekpunt,
        new_bespreekpunt=new.bespreekpunt,
    )
    session.add(entry)
    session.flush()
    return entry.id


def _entry(row: AnswerHistoryRow) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        scan_id=row.scan_id,
        question=row.question,
        changed_at=row.changed_at,
        editor=Editor(user=row.user_name, workstation=row.workstation),
        old=AnswerState(
            AnswerValue(row.old_value) if row.old_value else None,
            row.old_toelichting or "",
            row.old_nuancering or "",
            bool(row.old_bespreekpunt),
        ),
        new=AnswerState(
            AnswerValue(row.new_value) if row.new_value else None,
            row.new_toelichting or "",
            row.new_nuancering or "",
            bool(row.new_bespreekpunt),
        ),
    )


def history(
    session: Session, scan_id: int, *, after_id: int = 0, question: int | None = None
) -> list[HistoryEntry]:
    """The changes of a scan (of one question), oldest first; only those after `after_id`."""
    query = select(AnswerHistoryRow).where(
        AnswerHistoryRow.scan_id == scan_id, AnswerHistoryRow.id > after_id
    )
    if question is not None:
        query = query.where(AnswerHistoryRow.question == question)
    return [_entry(row) for row in session.scalars(query.order_by(AnswerHistoryRow.id))]


def last_history_id(session: Session, scan_id: int) -> int:
    """The newest history id of a scan (0 when none): the cheap 'changed since' marker."""
    found = session.scalar(
        select(func.max(AnswerHistoryRow.id)).where(AnswerHistoryRow.scan_id == scan_id)
    )
    return int(found or 0)
