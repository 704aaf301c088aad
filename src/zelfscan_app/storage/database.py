"""The database handle: engine, per-unit-of-work sessions, and schema upgrades on open.

SQLite runs in WAL mode with synchronous=FULL so that a committed answer survives a kill or a
power cut. Alembic is only imported when the schema is not at the current revision, which keeps
it off the normal start-up path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage.config import (  # re-exported: they lived here first
    APP_NAME,
    ENV_DATABASE,
    SCHEMA_REVISION,
    default_url,
)

__all__ = ["APP_NAME", "ENV_DATABASE", "SCHEMA_REVISION", "Database", "default_url"]


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Database:
    """One per process; hands out short sessions, one per unit of work."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = url or default_url()
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise ZelfscanError(f"ongeldige database-URL '{self.url}'") from None
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.upgrade()

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to `revision`; a no-op (without alembic) when already current."""
        if revision == "head" and self.current_revision() == SCHEMA_REVISION:
            return
        from zelfscan_app.storage.migrate import upgrade

        try:
            upgrade(self.engine, revision)
        except Exception as exc:  # a foreign or damaged database: say so, change nothing more
            raise ZelfscanError(
                f"de database kan niet worden bijgewerkt naar de huidige versie ({exc})",
                path=self.url,
            ) from exc
        reached = self.current_revision()
        if revision == "head" and reached != SCHEMA_REVISION:
            # A migration script missing from an installation would otherwise go unnoticed.
            raise ZelfscanError(
                f"de database staat op schemaversie {reached}, verwacht {SCHEMA_REVISION}; "
                "de installatie mist een migratiescript",
                path=self.url,
            )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
