"""A throw-away PostgreSQL server for the tests: initdb + pg_ctl on loopback in a temp folder.

No pytest here, so benchmarks and helper processes can start one too. PostgreSQL refuses to
run as root, and CI runs as root, so the server runs as the `postgres` system user that
Debian's `postgresql` package creates (`runuser -u postgres --`); as any other user it runs
directly. The superuser is called `postgres` either way and is trusted on loopback without a
password; every other role must give its password (scram-sha-256), so the tests can show the
wrong-password fault.

Speed over durability: fsync, full_page_writes and synchronous_commit are off; this server
holds nothing anyone needs after the test run. Only TCP on 127.0.0.1 is used (no unix socket:
pytest's temp paths can be longer than a socket path may be).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN_DIRS = (
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/15/bin",
)
SYSTEM_USER = "postgres"
SUPERUSER = "postgres"


class PgUnavailable(Exception):
    """Why a server cannot be started here (no binaries, no `postgres` user, initdb failed)."""


def _bin_dir() -> Path:
    if env := os.environ.get("ZELFSCAN_PG_BIN"):
        return Path(env)
    for folder in PG_BIN_DIRS:
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PgUnavailable("initdb en pg_ctl niet gevonden (installeer het Debian-pakket postgresql)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _server_command(args: list[str]) -> list[str]:
    """Run a server program as the postgres system user when we are root."""
    if _as_root():
        return ["runuser", "-u", SYSTEM_USER, "--", *args]
    return args


def _accessible_to_server(folder: Path) -> bool:
    if not _as_root():
        return True
    probe = subprocess.run(
        _server_command(["test", "-w", str(folder), "-a", "-x", str(folder)]),
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def _hand_to_server_user(folder: Path) -> None:
    if _as_root():
        shutil.chown(folder, user=SYSTEM_USER, group=None)
        os.chmod(folder, 0o700)


HBA = """\
# Written by tests/pg_server.py: loopback only.
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""

SETTINGS = """
# Written by tests/pg_server.py: a disposable server, speed over durability.
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = ''
fsync = off
full_page_writes = off
synchronous_commit = off
shared_buffers = 32MB
max_connections = 60
logging_collector = off
log_min_messages = warning
"""


@dataclass
class PgServer:
    """A running (or stopped) server; `stop()` and `start()` reuse the data dir and port."""

    base: Path
    data: Path
    port: int
    bin: Path
    log: Path
    _own_base: Path | None = field(default=None, repr=False)

    def admin_url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def url(self, user: str, password: str | None, dbname: str) -> str:
        """The URL a non-superuser role connects with (password in the URL when given)."""
        credentials = f"{user}:{password}" if password is not None else user
        return f"postgresql+psycopg://{credentials}@127.0.0.1:{self.port}/{dbname}"

    def _pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), *args]
        return subprocess.run(
            _server_command(command), capture_output=True, text=True, check=False, timeout=120
        )

    def start(self) -> None:
        done = self._pg_ctl("-w", "-t", "60", "start")
        if done.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PgUnavailable(f"pg_ctl start mislukt: {done.stderr.strip()} {tail}".strip())

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-w", "-t", "60", "-m", mode, "stop")

    def is_running(self) -> bool:
        return self._pg_ctl("status").returncode == 0

    def connect(self, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None):
        """A psycopg connection in autocommit mode (CREATE DATABASE cannot run in a block)."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            dbname=dbname,
            user=user,
            password=password,
            autocommit=True,
            connect_timeout=10,
        )

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """A fresh database (empty, or a copy of `template`); returns its admin URL."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return self.admin_url(name)

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def psql(
        self, sql: str, dbname: str = "postgres", user: str = SUPERUSER, password: str | None = None
    ) -> str:
        """Run SQL with the psql client; returns its output (unaligned, tuples only)."""
        env = dict(os.environ)
        env.pop("PGPASSFILE", None)
        if password is not None:
            env["PGPASSWORD"] = password
        done = subprocess.run(
            [
                str(self.bin / "psql"),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                user,
                "-d",
                dbname,
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"psql mislukt ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def destroy(self) -> None:
        """Stop the server and remove its folder when start_pg_server made one itself."""
        with contextlib.suppress(Exception):
            self.stop("immediate")
        if self._own_base is not None:
            shutil.rmtree(self._own_base, ignore_errors=True)


def start_pg_server(base: Path) -> PgServer:
    """initdb + start a server with its data inside `base` (or a /tmp folder when the
    `postgres` user cannot reach `base`, e.g. under root's private pytest folder)."""
    bin_dir = _bin_dir()
    for program in ("initdb", "pg_ctl", "postgres"):
        if not (bin_dir / program).exists():
            raise PgUnavailable(f"{program} ontbreekt in {bin_dir}")
    if _as_root():
        import pwd

        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            raise PgUnavailable("de systeemgebruiker 'postgres' bestaat niet") from None
        if shutil.which("runuser") is None:
            raise PgUnavailable("runuser ontbreekt (nodig om PostgreSQL als postgres te starten)")

    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    own: Path | None = None
    root = base / f"pg-{uuid.uuid4().hex[:8]}"
    root.mkdir()
    _hand_to_server_user(root)
    if not _accessible_to_server(root):
        shutil.rmtree(root, ignore_errors=True)
        own = Path(tempfile.mkdtemp(prefix="zelfscan-pg-"))
        root = own
        _hand_to_server_user(root)
        if not _accessible_to_server(root):
            shutil.rmtree(own, ignore_errors=True)
            raise PgUnavailable(f"de gebruiker postgres kan niet schrijven in {root}")
    data = root / "data"
    log = root / "server.log"
    init = subprocess.run(
        _server_command(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if init.returncode != 0:
        if own is not None:
            shutil.rmtree(own, ignore_errors=True)
        raise PgUnavailable(f"initdb mislukt: {init.stderr.strip()[-1000:]}")

    last_error: PgUnavailable | None = None
    for _attempt in range(3):  # the free port can be taken between asking and binding
        port = _free_port()
        _write_as_server(data / "pg_hba.conf", HBA)
        _append_as_server(data / "postgresql.conf", SETTINGS.format(port=port))
        server = PgServer(base=root, data=data, port=port, bin=bin_dir, log=log, _own_base=own)
        try:
            server.start()
        except PgUnavailable as exc:
            last_error = exc
            time.sleep(0.2)
            continue
        return server
    if own is not None:
        shutil.rmtree(own, ignore_errors=True)
    assert last_error is not None
    raise last_error


def _write_as_server(path: Path, text: str) -> None:
    path.write_text(text)
    if _as_root():
        shutil.chown(path, user=SYSTEM_USER, group=None)


def _append_as_server(path: Path, text: str) -> None:
    """Later settings win in postgresql.conf, so a retry with another port just appends."""
    with path.open("a") as handle:
        handle.write(text)
    if _as_root():
        shutil.chown(path, user=SYSTEM_USER, group=None)
