"""Looking after a database: its status, its schema upgrade and (PostgreSQL) its roles.

The one door for `zelfscan database ...` and the GUI's "Database…" setting. Every function
opens the database itself, without the automatic schema step (`Database(migrate=False)`), and
gives it back; faults arrive as a DatabaseFault with a Dutch sentence, as everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text

from zelfscan_app.domain.names import skeleton
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage import faults
from zelfscan_app.storage.config import SCHEMA_REVISION
from zelfscan_app.storage.credentials import (  # the GUI's door to them (layer rule)
    keyring_available,
    shown,
    store_in_keyring,
    without_password,
)
from zelfscan_app.storage.database import Database

__all__ = [
    "DatabaseStatus",
    "Upgrade",
    "check",
    "keyring_available",
    "setup_roles",
    "shown",
    "status",
    "store_in_keyring",
    "upgrade",
    "without_password",
]


@dataclass(frozen=True)
class DatabaseStatus:
    """What `zelfscan database status` prints and the GUI's connection test shows."""

    shown_url: str  # the password hidden
    backend: str  # "sqlite" or "postgresql"
    revision: str | None  # None: no schema yet
    expected: str
    scans: int | None  # None when the schema is not this program's (not counted)
    trashed: int | None
    municipalities: int | None

    @property
    def current(self) -> bool:
        return self.revision == self.expected

    def lines(self) -> list[str]:
        """The status in Dutch, one fact per line."""
        if self.revision is None:
            schema = f"geen (leeg); {faults.UPGRADE_HINT}"
        elif self.current:
            schema = f"{self.revision} (actueel)"
        else:
            schema = (
                f"{self.revision} (dit programma verwacht {self.expected}); {faults.UPGRADE_HINT}"
            )
        lines = [f"Database: {self.shown_url}", f"Schemaversie: {schema}"]
        if self.scans is not None:
            lines.append(f"Zelfscans: {self.scans} (in de prullenbak: {self.trashed})")
            lines.append(f"Gemeenten: {self.municipalities}")
        return lines


def status(url: str) -> DatabaseStatus:
    """Connect, read the revision and, at this program's schema, count what is there."""
    db = Database(url, migrate=False)
    try:
        return _status(db)
    finally:
        db.dispose()


def _status(db: Database) -> DatabaseStatus:
    from zelfscan_app.storage.models import ScanRow

    revision = db.current_revision()
    scans = trashed = municipalities = None
    if revision == SCHEMA_REVISION:
        with db.session() as session:
            live = ScanRow.deleted_at.is_(None)
            scans = session.scalar(select(func.count()).select_from(ScanRow).where(live)) or 0
            trashed = session.scalar(select(func.count()).select_from(ScanRow).where(~live)) or 0
            municipalities = (
                session.scalar(select(func.count(func.distinct(ScanRow.gemeente_key))).where(live))
                or 0
            )
    return DatabaseStatus(
        shown_url=shown(db.url),
        backend=db.engine.dialect.name,
        revision=revision,
        expected=SCHEMA_REVISION,
        scans=scans,
        trashed=trashed,
        municipalities=municipalities,
    )


@dataclass(frozen=True)
class Upgrade:
    before: str | None
    after: str | None
    #: Row-level security was set up (`database rollen`) and is now applied again, so tables
    #: the migrations added follow the same rules (grants and policies) as the others.
    roles_applied: bool = False


def upgrade(url: str) -> Upgrade:
    """Run the migrations (also creates the schema in an empty database); on a database whose
    roles were set up, apply the row-level security again in the same run.

    A table with `scan_id` that a migration adds has no grants and no policy until then:
    without this step every municipality's app stopped at it after an upgrade (closed, but
    broken) until someone remembered to run `database rollen` again."""
    from sqlalchemy import inspect

    from zelfscan_app.storage import roles

    db = Database(url, migrate=False)
    try:
        before = db.current_revision()
        db.upgrade()
        after = db.current_revision()
        applied = False
        if db.is_postgresql:
            with db.engine.begin() as conn:
                if inspect(conn).has_table(roles.MAPPING):
                    for statement in roles.role_sql(conn):
                        conn.exec_driver_sql(statement)
                    applied = True
        return Upgrade(before, after, applied)
    finally:
        db.dispose()


def check(url: str) -> DatabaseStatus:
    """The GUI's "Verbinding testen": open as the app would (schema checked), then count."""
    db = Database(url)
    try:
        return _status(db)
    finally:
        db.dispose()


def setup_roles(
    url: str,
    *,
    coordinators: Sequence[str] = (),
    gemeenten: Sequence[tuple[str, str]] = (),
    dry_run: bool = False,
) -> list[str]:
    """Row-level security on a PostgreSQL database at this program's schema (storage.roles).

    `gemeenten`: (login role, municipality name) pairs. Returns the SQL (run unless dry_run),
    all in one transaction: either every statement took effect or none did.
    """
    from zelfscan_app.storage import roles

    db = Database(url, migrate=False)
    try:
        if not db.is_postgresql:
            raise ZelfscanError(
                "rollen en rijbeveiliging bestaan alleen in een gedeelde PostgreSQL-database; "
                "een SQLite-bestand is van wie het bestand heeft",
                path=db.name,
            )
        db.check_schema()
        pairs = [(role, skeleton(name)) for role, name in gemeenten]
        for role, key in pairs:
            if not key:
                raise ZelfscanError(f"rol '{role}' heeft geen gemeentenaam", path=db.name)
        with db.engine.begin() as conn:
            sql = roles.role_sql(conn) + roles.grant_sql(
                coordinators=list(coordinators), gemeenten=pairs
            )
            if not dry_run:
                missing = [
                    r for r in [*coordinators, *(r for r, _ in pairs)] if not _role_exists(conn, r)
                ]
                if missing:
                    raise ZelfscanError(
                        f"de rol {', '.join(missing)} bestaat niet; maak hem eerst aan "
                        "(CREATE ROLE naam LOGIN PASSWORD '...') en probeer het opnieuw",
                        path=db.name,
                    )
                for statement in sql:
                    conn.exec_driver_sql(statement)
        return sql
    finally:
        db.dispose()


def _role_exists(conn: Connection, role: str) -> bool:

    return bool(
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    )
