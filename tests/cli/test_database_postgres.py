"""A region's shared PostgreSQL database, against a real server (tests/pg_server.py).

Schema management (`zelfscan database upgrade|status`, the app refusing a schema it does not
know), every connection fault as one Dutch sentence through the real command (exit 1, no
traceback, the password never shown, nothing half written), passwords from the keyring and
libpq options passed through unchanged.
"""

from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from tests.cli.test_database_faults import imports
from tests.pg_server import PgServer
from tests.storage.helpers import CLI, a_scan
from zelfscan_app.cli.main import main
from zelfscan_app.errors import DatabaseFault
from zelfscan_app.services import scans as svc
from zelfscan_app.services import shared_database
from zelfscan_app.storage import faults
from zelfscan_app.storage.config import SCHEMA_REVISION
from zelfscan_app.storage.credentials import KEYRING_SERVICE, keyring_user
from zelfscan_app.storage.database import Database

PASSWORD = "geheim-wachtwoord-42"


def dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


def login_role(server: PgServer, *, password: str = PASSWORD) -> str:
    """A new login role (roles are per server, so each test makes its own)."""
    role = f"r_{uuid.uuid4().hex[:10]}"
    server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    return role


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    """`zelfscan ARGS` in this process (an uncaught exception would fail the test, so "no
    traceback" holds as in a new process), with its exit code and output."""

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)

    return call


def one_dutch_line(result: subprocess.CompletedProcess[str], shown: str, sentence: str) -> None:
    """Exit 1, one line on stderr naming the database (password hidden) and the sentence."""
    lines = result.stderr.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0] == f"zelfscan: fout: {shown}: {sentence}"
    assert PASSWORD not in result.stdout + result.stderr


def scan_count(server: PgServer, url: str) -> int:
    return int(server.psql("SELECT count(*) FROM scans", dbname=dbname(url)))


# Schema management ------------------------------------------------------------------------


def test_upgrade_creates_the_schema_the_app_does_not(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["database", "status", "--database", pg_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"Database: {pg_url}",
        f"Schemaversie: geen (leeg); {faults.UPGRADE_HINT}",
    ]
    # The app itself never creates the schema on PostgreSQL.
    assert main(["--database", pg_url, "demo"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        f"zelfscan: fout: {pg_url}: de database heeft nog geen Zelfscan-tabellen; "
        "vraag de beheerder om `zelfscan database upgrade`"
    )
    assert main(["--database", pg_url, "database", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{pg_url}: schema bijgewerkt van leeg naar {SCHEMA_REVISION}"
    )
    assert main(["database", "upgrade", "--database", pg_url]) == 0
    assert "al actueel" in capsys.readouterr().out
    assert main(["--database", pg_url, "demo"]) == 0
    capsys.readouterr()
    assert main(["database", "status", "--database", pg_url]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Database: {pg_url}",
        f"Schemaversie: {SCHEMA_REVISION} (actueel)",
        "Zelfscans: 12 (in de prullenbak: 0)",
        "Gemeenten: 8",
    ]


def test_an_older_schema_is_refused_not_upgraded(
    pg_url: str, pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    old = Database(pg_url, migrate=False)
    old.upgrade("0005")
    old.dispose()
    assert main(["--database", pg_url, "demo"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"zelfscan: fout: {pg_url}: de database heeft een oudere schemaversie (0005) dan dit "
        f"programma verwacht ({SCHEMA_REVISION}); vraag de beheerder om "
        "`zelfscan database upgrade`"
    )
    revision = pg_server.psql("SELECT version_num FROM alembic_version", dbname=dbname(pg_url))
    assert revision.strip() == "0005"  # not touched
    done = shared_database.upgrade(pg_url)
    assert (done.before, done.after, done.roles_applied) == ("0005", SCHEMA_REVISION, False)
    Database(pg_url).dispose()  # now it opens


def test_a_newer_schema_is_refused(pg_schema_url: str, pg_server: PgServer) -> None:
    pg_server.psql("UPDATE alembic_version SET version_num = '0099'", dbname=dbname(pg_schema_url))
    with pytest.raises(DatabaseFault, match="schemaversie 0099, die dit programma niet kent"):
        Database(pg_schema_url)
    with pytest.raises(DatabaseFault, match="zelfscan database upgrade"):
        Database(pg_schema_url)


def test_a_database_with_other_tables_is_left_alone(run, pg_url: str, pg_server: PgServer) -> None:
    pg_server.psql("CREATE TABLE boekhouding (n int)", dbname=dbname(pg_url))
    result = run("database", "upgrade", "--database", pg_url)
    one_dutch_line(result, pg_url, faults.PG_FOREIGN)
    tables = pg_server.psql(
        "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'",
        dbname=dbname(pg_url),
    )
    assert tables.strip() == "boekhouding"


def test_status_and_messages_never_show_the_password(
    run, pg_schema_url: str, pg_server: PgServer
) -> None:
    role = login_role(pg_server)
    pg_server.psql(
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=dbname(pg_schema_url)
    )
    url = pg_server.url(role, PASSWORD, dbname(pg_schema_url))
    result = run("database", "status", "--database", url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Database: postgresql+psycopg://{role}:***@127.0.0.1:{pg_server.port}/"
        f"{dbname(pg_schema_url)}"
    )
    assert PASSWORD not in result.stdout + result.stderr


# Faults: one sentence each, exit 1, nothing written ------------------------------------------


def test_wrong_password(run, pg_schema_url: str, pg_server: PgServer, material: Path) -> None:
    role = login_role(pg_server)
    url = pg_server.url(role, "fout-" + PASSWORD, dbname(pg_schema_url))
    shown = url.replace("fout-" + PASSWORD, "***")
    one_dutch_line(run("--database", url, *imports(material)), shown, faults.PG_PASSWORD)
    assert scan_count(pg_server, pg_schema_url) == 0


def test_no_password_anywhere(
    run, pg_schema_url: str, pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    role = login_role(pg_server)
    url = pg_server.url(role, None, dbname(pg_schema_url))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "geen-pgpass"))
    one_dutch_line(run("--database", url, "database", "status"), url, faults.PG_NO_PASSWORD)


def test_password_from_pgpass_and_pgpassword(
    run, pg_schema_url: str, pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq's own sources: the app passes the URL without password and libpq finds it."""
    role = login_role(pg_server)
    name = dbname(pg_schema_url)
    pg_server.psql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=name)
    url = pg_server.url(role, None, name)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:{name}:{role}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    result = run("database", "status", "--database", url)
    assert result.returncode == 0, result.stderr
    assert f"Schemaversie: {SCHEMA_REVISION} (actueel)" in result.stdout
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "geen-pgpass"))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    result = run("database", "status", "--database", url)
    assert result.returncode == 0, result.stderr


def test_refused_connection(run, tmp_path: Path, material: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql+psycopg://regio:{PASSWORD}@127.0.0.1:{port}/zelfscan"
    shown = url.replace(PASSWORD, "***")
    one_dutch_line(run("--database", url, *imports(material)), shown, faults.PG_REFUSED)


def test_unknown_host(run, material: Path) -> None:
    url = f"postgresql+psycopg://regio:{PASSWORD}@bestaat-niet.invalid/zelfscan"
    shown = url.replace(PASSWORD, "***")
    one_dutch_line(run("--database", url, *imports(material)), shown, faults.PG_UNKNOWN_HOST)


def test_database_does_not_exist(run, pg_server: PgServer, material: Path) -> None:
    url = pg_server.admin_url("bestaat_niet")
    one_dutch_line(run("--database", url, *imports(material)), url, faults.PG_NO_DATABASE)


def test_role_without_rights(run, pg_schema_url: str, pg_server: PgServer, material: Path) -> None:
    """A role that may connect but not read: told so; a read-only role that tries to write:
    told so, and nothing stored."""
    name = dbname(pg_schema_url)
    role = login_role(pg_server)
    url = pg_server.url(role, PASSWORD, name)
    shown = url.replace(PASSWORD, "***")
    one_dutch_line(run("--database", url, "database", "status"), shown, faults.PG_PERMISSION)
    pg_server.psql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=name)
    one_dutch_line(run("--database", url, *imports(material)), shown, faults.PG_PERMISSION)
    assert scan_count(pg_server, pg_schema_url) == 0


def test_no_connect_right(run, pg_schema_url: str, pg_server: PgServer) -> None:
    name = dbname(pg_schema_url)
    pg_server.psql(f'REVOKE CONNECT ON DATABASE "{name}" FROM PUBLIC')
    role = login_role(pg_server)
    url = pg_server.url(role, PASSWORD, name)
    one_dutch_line(
        run("--database", url, "database", "status"),
        url.replace(PASSWORD, "***"),
        faults.PG_NO_CONNECT,
    )


def test_server_restart_during_an_import(
    run, pg_schema_url: str, pg_server: PgServer, material: Path
) -> None:
    """The import waits for the scans lock (held here); the server restarts meanwhile: one
    sentence, exit 1, and after the restart nothing of the import is in the database."""
    name = dbname(pg_schema_url)
    holder = pg_server.connect(name)
    holder.autocommit = False
    holder.execute("LOCK TABLE scans IN ACCESS EXCLUSIVE MODE")
    process = subprocess.Popen(
        [*CLI, "--database", pg_schema_url, *imports(material)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with pg_server.connect(name) as watcher:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:  # until the import waits for the lock
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    " WHERE c.relname = 'scans' AND NOT l.granted"
                ).fetchone()
                if waiting and waiting[0] > 0:
                    break
                assert process.poll() is None, process.communicate()
                time.sleep(0.05)
            else:
                pytest.fail("the import never reached the lock")
        pg_server.stop()
        pg_server.start()
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        holder.close()
    one_dutch_line(
        subprocess.CompletedProcess(process.args, process.returncode, out, err),
        pg_schema_url,
        faults.PG_GONE,
    )
    assert scan_count(pg_server, pg_schema_url) == 0
    # The same import, with the server back: it goes through.
    again = run("--database", pg_schema_url, *imports(material))
    assert again.returncode == 0, again.stderr
    assert scan_count(pg_server, pg_schema_url) == 2


def test_the_same_database_keeps_working_after_a_server_restart(
    pg_schema_url: str, pg_server: PgServer
) -> None:
    """A window's Database outlives a restart: pooled connections are checked before use."""
    db = Database(pg_schema_url)
    try:
        first = svc.create_scan(db, a_scan("Aldermeer"))
        pg_server.stop()
        with pytest.raises(DatabaseFault) as caught:
            svc.get_scan(db, first)
        assert caught.value.problem in (faults.PG_REFUSED, faults.PG_GONE)
        pg_server.start()
        assert svc.get_scan(db, first).gemeente == "Aldermeer"
        svc.create_scan(db, a_scan("Brugwijk"))
        assert {i.gemeente for i in svc.list_scans(db)} == {"Aldermeer", "Brugwijk"}
    finally:
        db.dispose()


# Passwords and libpq options ------------------------------------------------------------------


class MemoryKeyring:
    """A keyring backend in memory: the test's stand-in for the OS keyring."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.store.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.store[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        self.store.pop((service, user), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(MemoryKeyring, KeyringBackend):
        pass

    backend = Backend()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_password_from_the_keyring(
    pg_schema_url: str,
    pg_server: PgServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = dbname(pg_schema_url)
    role = login_role(pg_server)
    pg_server.psql(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        dbname=name,
    )
    pg_server.psql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}", dbname=name)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "geen-pgpass"))
    url = pg_server.url(role, None, name)
    with pytest.raises(DatabaseFault) as caught:
        Database(url)
    assert caught.value.problem == faults.PG_NO_PASSWORD
    assert keyring_user(url) == f"{role}@127.0.0.1:{pg_server.port}/{name}"
    memory_keyring.set_password(KEYRING_SERVICE, keyring_user(url), PASSWORD)
    db = Database(url)
    try:
        svc.create_scan(db, a_scan("Aldermeer"))
        assert [i.gemeente for i in svc.list_scans(db)] == ["Aldermeer"]
        assert PASSWORD not in db.name and PASSWORD not in db.url
    finally:
        db.dispose()


def test_libpq_options_pass_through(pg_schema_url: str) -> None:
    db = Database(f"{pg_schema_url}?application_name=zelfscan-regio&sslmode=disable")
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SHOW application_name")).scalar() == "zelfscan-regio"
    finally:
        db.dispose()
    # sslmode=require against a server without SSL: libpq's refusal, as one sentence.
    with pytest.raises(DatabaseFault, match="SSL"):
        Database(f"{pg_schema_url}?sslmode=require")


def test_psycopg_is_the_driver(pg_schema_url: str) -> None:
    db = Database(pg_schema_url)
    try:
        with db.engine.connect() as conn:
            assert isinstance(conn.connection.dbapi_connection, psycopg.Connection)
    finally:
        db.dispose()


def test_status_on_both_backends(run, database_url: str) -> None:
    """`database status` is the same command on SQLite and PostgreSQL."""
    assert run("--database", database_url, "demo").returncode == 0
    result = run("database", "status", "--database", database_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1:] == [
        f"Schemaversie: {SCHEMA_REVISION} (actueel)",
        "Zelfscans: 12 (in de prullenbak: 0)",
        "Gemeenten: 8",
    ]
