"""The meeting kit in the database: routekaart progress, wheel questions and answers.

Kept in its own module beside `repository` (scans) and `actions_repository` (plan van aanpak):
a routekaart belongs to a municipality or region, not to one scan, so it outlives any scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from zelfscan_app.domain.routekaart import ItemProgress, Scope
from zelfscan_app.domain.scan import Action
from zelfscan_app.errors import NotFound
from zelfscan_app.storage.actions_repository import _to_domain as action_to_domain
from zelfscan_app.storage.models import (
    ActionRow,
    RoutekaartItemRow,
    RoutekaartRow,
    ScanRow,
    WheelAnswerRow,
    WheelQuestionRow,
)
from zelfscan_app.storage.repository import now


@dataclass(frozen=True, slots=True)
class StoredRoutekaart:
    scope: Scope
    naam: str
    herhaal_op: date | None
    progress: dict[str, ItemProgress]


def _routekaart(session: Session, scope: Scope, naam: str) -> RoutekaartRow | None:
    return session.scalars(
        select(RoutekaartRow).where(RoutekaartRow.scope == scope.value, RoutekaartRow.naam == naam)
    ).one_or_none()


def _routekaart_to_write(session: Session, scope: Scope, naam: str) -> RoutekaartRow:
    """The routekaart's row, made when this is its first change."""
    row = _routekaart(session, scope, naam)
    if row is None:
        row = RoutekaartRow(scope=scope.value, naam=naam, updated_at=now())
        session.add(row)
        session.flush()
    return row


def _progress(row: RoutekaartItemRow) -> ItemProgress:
    return ItemProgress(
        key=row.item_key,
        done=bool(row.done),
        datum=row.datum,
        eigenaar=row.eigenaar or "",
        notitie=row.notitie or "",
    )


def get_routekaart(session: Session, scope: Scope, naam: str) -> StoredRoutekaart:
    row = _routekaart(session, scope, naam)
    if row is None:
        return StoredRoutekaart(scope, naam, None, {})
    return StoredRoutekaart(
        scope, naam, row.herhaal_op, {i.item_key: _progress(i) for i in row.items}
    )


def all_routekaarten(session: Session) -> list[StoredRoutekaart]:
    rows = session.scalars(select(RoutekaartRow).order_by(RoutekaartRow.naam)).all()
    items: dict[int, dict[str, ItemProgress]] = {}
    for item in session.scalars(select(RoutekaartItemRow)):
        items.setdefault(item.routekaart_id, {})[item.item_key] = _progress(item)
    return [
        StoredRoutekaart(Scope(r.scope), r.naam, r.herhaal_op, items.get(r.id, {})) for r in rows
    ]


def save_item(session: Session, scope: Scope, naam: str, progress: ItemProgress) -> None:
    routekaart = _routekaart_to_write(session, scope, naam)
    row = session.get(RoutekaartItemRow, (routekaart.id, progress.key))
    if row is None:
        row = RoutekaartItemRow(routekaart_id=routekaart.id, item_key=progress.key)
        session.add(row)
    row.done = progress.done
    row.datum = progress.datum
    row.eigenaar = progress.eigenaar
    row.notitie = progress.notitie
    row.updated_at = routekaart.updated_at = now()


def set_repeat_date(session: Session, scope: Scope, naam: str, day: date | None) -> None:
    routekaart = _routekaart_to_write(session, scope, naam)
    routekaart.herhaal_op = day
    routekaart.updated_at = now()


# Scans as the routekaart sees them ----------------------------------------------------------


def municipalities(session: Session) -> list[tuple[str, str, date]]:
    """(gemeente, regio and date of its latest scan) for every municipality with a live scan."""
    latest = (
        select(ScanRow.gemeente, func.max(ScanRow.datum).label("datum"))
        .where(ScanRow.deleted_at.is_(None))
        .group_by(ScanRow.gemeente)
        .subquery()
    )
    rows = session.execute(
        select(ScanRow.gemeente, ScanRow.regio, ScanRow.datum)
        .join(latest, (latest.c.gemeente == ScanRow.gemeente) & (latest.c.datum == ScanRow.datum))
        .where(ScanRow.deleted_at.is_(None))
        .order_by(ScanRow.gemeente, ScanRow.id.desc())
    ).all()
    seen: dict[str, tuple[str, str, date]] = {}
    for gemeente, regio, datum in rows:
        seen.setdefault(gemeente, (gemeente, regio, datum))
    return list(seen.values())


def regions(session: Session) -> list[str]:
    rows = session.scalars(
        select(ScanRow.regio).where(ScanRow.deleted_at.is_(None), ScanRow.regio != "").distinct()
    )
    return sorted(set(rows), key=str.casefold)


def monitored_actions(
    session: Session, regio: str | None = None
) -> list[tuple[str, str, date, Action]]:
    """(gemeente, regio, scan date, action) for every action of a live scan (or one region)."""
    query = (
        select(ScanRow.gemeente, ScanRow.regio, ScanRow.datum, ActionRow)
        .join(ScanRow, ScanRow.id == ActionRow.scan_id)
        .where(ScanRow.deleted_at.is_(None))
        .order_by(ScanRow.gemeente, ScanRow.datum, ActionRow.standard, ActionRow.id)
    )
    if regio is not None:
        query = query.where(ScanRow.regio == regio)
    return [(g, r, d, action_to_domain(a)) for g, r, d, a in session.execute(query)]


# Rad van Fortuin ----------------------------------------------------------------------------


def wheel_questions(session: Session, regio: str) -> tuple[str, ...] | None:
    """The region's own list, or None when it has none (then the bijlage-2 list applies)."""
    rows = session.scalars(
        select(WheelQuestionRow.tekst)
        .where(WheelQuestionRow.regio == regio)
        .order_by(WheelQuestionRow.position)
    ).all()
    return tuple(rows) or None


def save_wheel_questions(session: Session, regio: str, questions: Sequence[str] | None) -> None:
    """Replace the region's list; None goes back to the bijlage-2 list."""
    session.execute(delete(WheelQuestionRow).where(WheelQuestionRow.regio == regio))
    for position, text in enumerate(questions or ()):
        session.add(WheelQuestionRow(regio=regio, position=position, tekst=text))


def wheel_answers(session: Session, scan_id: int) -> list[tuple[str, str]]:
    rows = session.scalars(
        select(WheelAnswerRow)
        .where(WheelAnswerRow.scan_id == scan_id)
        .order_by(WheelAnswerRow.position, WheelAnswerRow.id)
    )
    return [(r.vraag, r.antwoord) for r in rows]


def save_wheel_answer(session: Session, scan_id: int, vraag: str, antwoord: str) -> None:
    scan = session.get(ScanRow, scan_id)
    if scan is None or scan.deleted_at is not None:
        raise NotFound(f"zelfscan {scan_id} bestaat niet (meer)")
    row = session.scalars(
        select(WheelAnswerRow).where(
            WheelAnswerRow.scan_id == scan_id, WheelAnswerRow.vraag == vraag
        )
    ).one_or_none()
    if row is None:
        position = session.scalar(
            select(func.coalesce(func.max(WheelAnswerRow.position), -1)).where(
                WheelAnswerRow.scan_id == scan_id
            )
        )
        row = WheelAnswerRow(
            scan_id=scan_id, vraag=vraag, position=(-1 if position is None else position) + 1
        )
        session.add(row)
    row.antwoord = antwoord
    row.updated_at = now()
