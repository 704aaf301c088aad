"""The database handle: engine, per-unit-of-work sessions, and schema upgrades on open.

SQLite runs in WAL mode with synchronous=FULL so that a committed answer survives a kill or a
power cut. A process holds `process_lock` on a SQLite file for as long as it has it open, so
that no other Zelfscan process can checkpoint and delete the WAL under it (see that module).
Alembic is only imported when the schema is not at the current revision, which keeps it off
the normal start-up path.

Faults of the surroundings (a lock, a read-only or full disk, a damaged or foreign file, an
unknown database type) become one `DatabaseFault` with a Dutch sentence (`storage.faults`),
raised before anything is written.

PostgreSQL (a region's shared database, `postgresql+psycopg://user@host/db`): the app never
creates or upgrades the schema there, because it may run with a role that may only read and
write rows; `zelfscan database upgrade` (run by whoever administers the database) does that,
also on an empty database. Opening a PostgreSQL database whose schema is missing, older or
newer than this program raises a DatabaseFault that says to ask for exactly that. A password
is never stored: see `storage.credentials`. Connections are checked before use
(pool_pre_ping), so a server restart costs one failed unit of work at most, not the session.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from zelfscan_app.errors import DatabaseFault, ZelfscanError
from zelfscan_app.storage import faults, process_lock
from zelfscan_app.storage.config import (  # re-exported: they lived here first
    APP_NAME,
    ENV_DATABASE,
    SCHEMA_REVISION,
    default_url,
)

__all__ = ["APP_NAME", "ENV_DATABASE", "SCHEMA_REVISION", "Database", "default_url"]

BUSY_TIMEOUT_MS = 5000  # one wait for a lock held by another program, then a DatabaseFault
#: For the test suite only: a shorter busy timeout in milliseconds (a whole number), so that
#: its locked-database cases do not each sit out the default. Unset or invalid: the default.
ENV_BUSY_TIMEOUT = "ZELFSCAN_BUSY_TIMEOUT_MS"
PG_CONNECT_TIMEOUT_S = 10  # an unreachable server: a DatabaseFault after this, not a hang
#: Tables that make a SQLite file ours; a file with other tables and not these is refused.
OUR_TABLES = frozenset({"alembic_version", "scans"})


def busy_timeout_ms() -> int:
    """How long SQLite waits for another program's lock: BUSY_TIMEOUT_MS unless the test
    suite set ZELFSCAN_BUSY_TIMEOUT_MS."""
    value = os.environ.get(ENV_BUSY_TIMEOUT, "").strip()
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def sqlite_path(parsed: URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database or another engine."""
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database
    if not name or name == ":memory:" or name.startswith("file:") or parsed.query.get("uri"):
        return None
    return Path(name)


def is_in_memory(url: str) -> bool:
    """`sqlite://` and friends: fine for tests, but nothing survives the process."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False
    if parsed.get_backend_name() != "sqlite":
        return False
    name = parsed.database or ""
    return name in ("", ":memory:") or "mode=memory" in name or "memory" in parsed.query.values()


class _FileLock:
    """This Database's share of the process lock: taken before SQLite opens the file, given
    back on dispose (and taken again if the Database is used after that)."""

    def __init__(self, file: Path, name: str) -> None:
        self.file = file
        self.name = name
        self._key: str | None = None
        self._held = False
        self._mutex = threading.Lock()

    def ensure(self) -> None:
        with self._mutex:
            if not self._held:
                self._key = process_lock.acquire(self.file, name=self.name)
                self._held = True

    def release(self, *, tidy: bool = False) -> None:
        with self._mutex:
            if self._held:
                self._held = False
                process_lock.release(self._key, tidy=tidy)


def _make_folder(folder: Path, name: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseFault(faults.folder_error(folder, exc), path=name) from None
    if not folder.is_dir():
        exists = FileExistsError(17, "exists")
        raise DatabaseFault(faults.folder_error(folder, exists), path=name)


def _check_file(file: Path, name: str) -> None:
    """Refuse a file that is not a Zelfscan database before anything writes to it.

    Read through a read-only SQLite connection, never with open(): a plain close() of the
    file would drop the SQLite locks of this process (see process_lock). A read-only
    connection neither checkpoints nor switches the journal mode, so a refused file is left
    byte for byte as it was.
    """
    if not os.path.lexists(file):
        return
    if file.is_dir():
        raise DatabaseFault("dit is een map, geen databasebestand; kies een bestand", path=name)
    if not file.is_file():  # a FIFO or device would block or misbehave
        raise DatabaseFault("dit is geen gewoon bestand; kies een databasebestand", path=name)
    if file.stat().st_size == 0:
        return  # SQLite's own empty database: ours to fill
    try:
        conn = sqlite3.connect(
            f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000
        )
    except sqlite3.Error as exc:
        raise DatabaseFault(faults.sqlite_error(exc, file) or faults.CANT_OPEN, path=name) from None
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error as exc:
        raise DatabaseFault(faults.sqlite_error(exc, file) or faults.DAMAGED, path=name) from None
    finally:
        conn.close()
    tables = {row[0] for row in rows}
    if tables and not tables >= OUR_TABLES:
        raise DatabaseFault(faults.FOREIGN, path=name)


def _engine_options(parsed: URL) -> dict[str, object]:
    """PostgreSQL: a password from the keyring (never in the URL or the settings), a connect
    timeout unless the URL or PGCONNECT_TIMEOUT sets one, and a liveness check before a pooled
    connection is used. libpq options in the URL (sslmode, ...) pass through untouched."""
    if parsed.get_backend_name() != "postgresql":
        return {}
    connect_args: dict[str, object] = {}
    if "connect_timeout" not in parsed.query and not os.environ.get("PGCONNECT_TIMEOUT"):
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    from zelfscan_app.storage.credentials import keyring_password

    if (password := keyring_password(parsed)) is not None:
        connect_args["password"] = password
    return {"connect_args": connect_args, "pool_pre_ping": True}


def _create_engine(url: str, parsed: URL, name: str) -> Engine:
    try:
        return create_engine(url, **_engine_options(parsed))
    except NoSuchModuleError:
        raise DatabaseFault(
            f"onbekend databasetype '{parsed.drivername}'; gebruik een SQLite-bestand, "
            "bijvoorbeeld sqlite:///pad/naar/zelfscan.sqlite",
            path=name,
        ) from None
    except ImportError as exc:
        driver = exc.name or parsed.get_driver_name()
        raise DatabaseFault(
            f"het stuurprogramma voor {parsed.get_backend_name()} ({driver}) is niet "
            "geïnstalleerd; gebruik een SQLite-bestand of installeer het stuurprogramma",
            path=name,
        ) from None


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Database:
    """One per process; hands out short sessions, one per unit of work."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        """`migrate`: bring a SQLite file to the current schema, check a PostgreSQL one
        (never changed here); False for `zelfscan database upgrade|status`."""
        self.url = url or default_url()
        self.name = faults.display_name(self.url)
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise ZelfscanError(f"ongeldige database-URL '{self.name}'") from None
        self.file = sqlite_path(parsed)
        self._lock: _FileLock | None = None
        self._wal: str | None = None
        if self.file is not None:
            _make_folder(self.file.parent, self.name)
            self._wal = os.path.realpath(self.file) + "-wal"
            self._lock = _FileLock(self.file, self.name)
            self._lock.ensure()
            weakref.finalize(self, self._lock.release)
        try:
            if self.file is not None:
                _check_file(self.file, self.name)
            self.engine: Engine = _create_engine(self.url, parsed, self.name)
        except DatabaseFault as exc:
            if self._lock is not None:  # a refused file: leave its folder as it was
                self._lock.release(tidy=exc.problem in (faults.FOREIGN, faults.DAMAGED))
            raise
        except BaseException:
            if self._lock is not None:
                self._lock.release()
            raise
        if self.engine.dialect.name == "sqlite":
            if self._lock is not None:
                event.listen(self.engine, "do_connect", self._before_connect)
                event.listen(self.engine, "commit", self._before_commit)
            event.listen(self.engine, "connect", self._on_connect)
        event.listen(self.engine, "handle_error", self._translate)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            try:
                if self.is_postgresql:
                    self.check_schema()
                else:
                    self.upgrade()
            except BaseException:
                self.dispose()
                raise

    @property
    def is_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    # Engine events ----------------------------------------------------------------------------
    def _before_connect(self, _dialect, _record, _cargs, _cparams) -> None:
        """Used again after dispose(): take the process lock again before SQLite opens."""
        if self._lock is not None:  # a file database (only listened to for one)
            self._lock.ensure()

    def _on_connect(self, dbapi_connection, _record) -> None:
        """Pragmas for every new connection; journal mode last, after the file was checked."""
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as exc:
            message = faults.sqlite_error(exc, self.file)
            if message is None:
                raise
            raise DatabaseFault(message, path=self.name) from None
        finally:
            cursor.close()

    def _before_commit(self, conn) -> None:
        """Belt and braces: refuse to acknowledge a commit into a WAL that is no longer the
        database's WAL (replaced or deleted by a program that ignores our process lock).

        While a connection is open SQLite never deletes its WAL (the connection's shared lock
        prevents that), so another file, or none, at the WAL's name means the commit would
        go to a deleted file. The WAL is created with the first transaction, so each
        connection notes its WAL at its first commit. One stat() per commit, a few µs.
        """
        info = conn.connection.info
        if self._wal is None:  # not a file database (only listened to for one)
            return
        now = _identity(self._wal)
        expected = info.get("zelfscan_wal")
        if expected is None:
            info["zelfscan_wal"] = now
        elif now != expected:
            raise DatabaseFault(faults.REPLACED, path=self.name)

    def _translate(self, context) -> None:
        """A fault of the surroundings becomes one DatabaseFault; program errors stay."""
        if isinstance(context.original_exception, ZelfscanError):
            return
        original = context.original_exception
        if self.engine.dialect.name == "sqlite":
            message = faults.sqlite_error(original, self.file)
        elif self.engine.dialect.name == "postgresql":
            connecting = context.connection is None or context.is_disconnect
            message = faults.postgres_error(original, connecting=connecting)
        else:
            message = None
            if context.is_disconnect or isinstance(context.sqlalchemy_exception, OperationalError):
                first = "".join(str(original).strip().splitlines()[:1])
                message = f"de database is niet bereikbaar ({first}); probeer het later opnieuw"
        if message is not None:
            raise DatabaseFault(message, path=self.name) from original

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def has_tables(self) -> bool:
        """Whether the database holds any table at all (ours or someone else's)."""
        with self.engine.connect() as conn:
            return bool(inspect(conn).get_table_names())

    def check_schema(self) -> None:
        """PostgreSQL: refuse a schema other than this program's, saying what to do.

        The app does not change a shared database's schema (its role may not be allowed
        to, and several app versions may share it): that is `zelfscan database upgrade`.
        """
        reached = self.current_revision()
        if reached == SCHEMA_REVISION:
            return
        if reached is None:
            if self.has_tables():
                raise DatabaseFault(faults.PG_FOREIGN, path=self.name)
            raise DatabaseFault(
                f"de database heeft nog geen Zelfscan-tabellen; {faults.UPGRADE_HINT}",
                path=self.name,
            )
        from zelfscan_app.storage.migrate import known_revisions

        if reached in known_revisions():
            raise DatabaseFault(
                f"de database heeft een oudere schemaversie ({reached}) dan dit programma "
                f"verwacht ({SCHEMA_REVISION}); {faults.UPGRADE_HINT}",
                path=self.name,
            )
        raise DatabaseFault(
            f"de database heeft schemaversie {reached}, die dit programma niet kent (het "
            f"verwacht {SCHEMA_REVISION}); werk Zelfscan bij naar de nieuwste versie, of "
            f"{faults.UPGRADE_HINT}",
            path=self.name,
        )

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to `revision`; a no-op (without alembic) when already current."""
        if revision == "head" and self.current_revision() == SCHEMA_REVISION:
            return
        if self.is_postgresql and self.current_revision() is None and self.has_tables():
            raise DatabaseFault(faults.PG_FOREIGN, path=self.name)
        from zelfscan_app.storage.migrate import upgrade

        try:
            upgrade(self.engine, revision)
        except DatabaseFault:
            raise
        except Exception as exc:  # a foreign or damaged database: say so, change nothing more
            raise ZelfscanError(
                f"de database kan niet worden bijgewerkt naar de huidige versie ({exc})",
                path=self.name,
            ) from exc
        reached = self.current_revision()
        if revision == "head" and reached != SCHEMA_REVISION:
            # A migration script missing from an installation would otherwise go unnoticed.
            raise ZelfscanError(
                f"de database staat op schemaversie {reached}, verwacht {SCHEMA_REVISION}; "
                "de installatie mist een migratiescript",
                path=self.name,
            )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error.

        SQLAlchemy's own `sessionmaker.begin()`; the SQLite WAL check runs in the engine's
        commit event and faults are translated by `_translate`, both below this level.
        """
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A unit of work that only reads: a Core connection, rolled back when the block ends.

        No ORM session to build and no commit to acknowledge, which is most of the cost of a
        small indexed read: the scan list counts and fetches a page this way on every search
        keystroke and scroll."""
        with self.engine.connect() as connection:
            yield connection

    def dispose(self) -> None:
        """Close the connections and give back this Database's share of the process lock."""
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
