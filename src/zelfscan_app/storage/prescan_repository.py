"""Pre-scans (voorbereidingen) and the show of hands (handopsteken) in the database.

Kept beside `repository` (scans): both hang off a scan and go with it (cascade), but they are
never a scan themselves, so no scan query (list, region, export) can pick them up.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zelfscan_app.domain.prescan import Prescan, PrescanAnswer, prescan_fingerprint
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.storage.models import HandCountRow, PrescanAnswerRow, PrescanRow
from zelfscan_app.storage.repository import now


def prescans(session: Session, scan_id: int) -> list[Prescan]:
    """The scan's pre-scans in the order they were imported: two plain column queries, no
    ORM objects (the session reloads them after every import or show of hands)."""
    heads = session.execute(
        select(PrescanRow.id, PrescanRow.door)
        .where(PrescanRow.scan_id == scan_id)
        .order_by(PrescanRow.id)
    ).all()
    if not heads:
        return []
    answers: dict[int, list[PrescanAnswer]] = {pid: [] for pid, _ in heads}
    rows = session.execute(
        select(
            PrescanAnswerRow.voorbereiding_id,
            PrescanAnswerRow.question,
            PrescanAnswerRow.value,
            PrescanAnswerRow.toelichting,
        )
        .join(PrescanRow, PrescanRow.id == PrescanAnswerRow.voorbereiding_id)
        .where(PrescanRow.scan_id == scan_id)
        .order_by(PrescanAnswerRow.voorbereiding_id, PrescanAnswerRow.question)
    )
    values = {v.value: v for v in AnswerValue}
    for pid, question, value, toelichting in rows:
        answers[pid].append(
            PrescanAnswer(question, values[value] if value else None, toelichting or "")
        )
    return [Prescan(door=door, id=pid, answers=tuple(answers[pid])) for pid, door in heads]


def prescan_with_fingerprint(session: Session, scan_id: int, fingerprint: str) -> int | None:
    return session.scalar(
        select(PrescanRow.id).where(
            PrescanRow.scan_id == scan_id, PrescanRow.fingerprint == fingerprint
        )
    )


def prescan_with_source(session: Session, scan_id: int, sha256: str) -> int | None:
    return session.scalar(
        select(PrescanRow.id).where(
            PrescanRow.scan_id == scan_id, PrescanRow.source_sha256 == sha256
        )
    )


def doors(session: Session, scan_id: int) -> list[str]:
    return list(
        session.scalars(
            select(PrescanRow.door).where(PrescanRow.scan_id == scan_id).order_by(PrescanRow.id)
        )
    )


def add_prescan(
    session: Session, scan_id: int, prescan: Prescan, *, source_sha256: str | None = None
) -> int:
    """Store a pre-scan; the unique (scan, fingerprint) index refuses a second copy."""
    row = PrescanRow(
        scan_id=scan_id,
        door=prescan.door,
        fingerprint=prescan_fingerprint(prescan),
        source_sha256=source_sha256,
        created_at=now(),
        answers=[
            PrescanAnswerRow(
                question=a.question,
                value=a.value.value if a.value else None,
                toelichting=a.toelichting,
            )
            for a in prescan.answers
            if a.value is not None or a.toelichting
        ],
    )
    session.add(row)
    session.flush()
    return row.id


def remove_prescan(session: Session, scan_id: int, prescan_id: int) -> bool:
    row = session.get(PrescanRow, prescan_id)
    if row is None or row.scan_id != scan_id:
        return False
    session.delete(row)
    return True


def hand_counts(session: Session, scan_id: int) -> dict[int, tuple[int, int]]:
    rows = session.scalars(select(HandCountRow).where(HandCountRow.scan_id == scan_id))
    return {r.question: (r.op_orde, r.niet_op_orde) for r in rows}


def save_hand_count(
    session: Session, scan_id: int, question: int, counts: tuple[int, int] | None
) -> None:
    """Store (or with None remove) the show of hands for one question."""
    if counts is None:
        session.execute(
            delete(HandCountRow).where(
                HandCountRow.scan_id == scan_id, HandCountRow.question == question
            )
        )
        return
    row = session.get(HandCountRow, (scan_id, question))
    if row is None:
        row = HandCountRow(scan_id=scan_id, question=question)
        session.add(row)
    row.op_orde, row.niet_op_orde = counts
    row.updated_at = now()
