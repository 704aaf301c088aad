"""Every database fault is one Dutch sentence: the fault matrix, through the real command.

Each case runs `zelfscan --database URL import/export …` in a new process and checks: exit
code 1, exactly one line on stderr that names the database and says what to do, no
traceback, and the database file byte for byte as it was (nothing lost, nothing half done).

Read-only cases run as root without CAP_DAC_OVERRIDE (`setpriv`), which makes root obey file
permissions like any user; `runuser -u nobody` cannot start this Python (it lives under
/root). A read-only mount and a full disk (a tiny tmpfs) use a private mount namespace
(`unshare -m`) and are skipped where that is not allowed; a file size limit (RLIMIT_FSIZE,
SIGXFSZ ignored so writes fail with EFBIG) stands in for a full disk everywhere.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.storage.helpers import CLI, HOLD_WITH_SQLITE, HOLD_WITH_ZELFSCAN, Holder
from zelfscan_app.storage import faults
from zelfscan_app.storage.database import BUSY_TIMEOUT_MS, ENV_BUSY_TIMEOUT


@dataclass
class Case:
    url: str
    args: list[str]
    expect: str  # part of the one Dutch sentence
    file: Path | None = None  # must be byte for byte unchanged
    prefix: list[str] = field(default_factory=list)  # e.g. setpriv, unshare
    preexec: Callable[[], None] | None = None
    holder: Holder | None = None
    name: str = ""  # how the message names the database (default: the file)


def our_database(folder: Path, material: Path, name: str = "zelfscan.sqlite") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    shutil.copyfile(material / "basis.sqlite", path)
    return path


def imports(material: Path) -> list[str]:
    return ["import", str(material / "Brugwijk.xlsx"), str(material / "Cdorp.xlsx")]


def exports(tmp: Path) -> list[str]:
    return ["export", "--gemeente", "Aldermeer", "--out", str(tmp / "uit.xlsx")]


def without_dac_override() -> list[str]:
    """A prefix that makes this process obey file permissions (root or not)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is missing: as root a read-only file cannot be simulated")
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]


def in_private_mount(setup: str) -> list[str]:
    """A prefix that runs the command after `setup` in a private mount namespace."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare here")
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here (unshare -m)")
    return ["unshare", "-m", "sh", "-c", f'{setup} && exec "$@"', "sh"]


def file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def corrupt(tmp: Path, material: Path) -> Case:
    path = tmp / "kapot.sqlite"
    path.write_bytes(os.urandom(8192))
    return Case(f"sqlite:///{path}", imports(material), faults.DAMAGED, path)


def damaged_pages(tmp: Path, material: Path) -> Case:
    path = our_database(tmp, material)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : page * 3] = os.urandom(page * 2)  # the pages after the first one
    path.write_bytes(bytes(data))
    return Case(f"sqlite:///{path}", exports(tmp), faults.DAMAGED, path)


def foreign(tmp: Path, material: Path) -> Case:
    path = tmp / "vreemd.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (naam TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ans')")
    conn.commit()
    conn.close()
    return Case(f"sqlite:///{path}", imports(material), faults.FOREIGN, path)


def read_only_file(tmp: Path, material: Path) -> Case:
    path = our_database(tmp, material)
    path.chmod(0o444)
    return Case(
        f"sqlite:///{path}", imports(material), faults.READ_ONLY, path, without_dac_override()
    )


def read_only_folder(tmp: Path, material: Path) -> Case:
    path = our_database(tmp / "alleen-lezen", material)
    path.parent.chmod(0o555)
    return Case(
        f"sqlite:///{path}", imports(material), faults.READ_ONLY, path, without_dac_override()
    )


def read_only_mount(tmp: Path, material: Path) -> Case:
    path = our_database(tmp / "schijf", material)
    folder = path.parent
    setup = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
    prefix = in_private_mount(setup)
    return Case(f"sqlite:///{path}", imports(material), faults.READ_ONLY, path, prefix)


def file_too_large(tmp: Path, material: Path) -> Case:
    path = our_database(tmp, material)
    return Case(
        f"sqlite:///{path}", imports(material), "schijf", path, preexec=file_size_limit(8192)
    )


def disk_full(tmp: Path, material: Path) -> Case:
    folder = tmp / "klein"
    folder.mkdir()
    inner = folder / "zelfscan.sqlite"
    basis = material / "basis.sqlite"
    # Room for the empty database and a few pages more, never for an imported scan.
    kilobytes = (basis.stat().st_size + 8192 + 4095) // 4096 * 4
    setup = f"mount -t tmpfs -o size={kilobytes}k tmpfs {folder} && cp {basis} {inner}"
    prefix = in_private_mount(setup)
    return Case(f"sqlite:///{inner}", imports(material), faults.FULL, None, prefix)


def locked_by_zelfscan(tmp: Path, material: Path) -> Case:
    path = our_database(tmp, material)
    url = f"sqlite:///{path}"
    return Case(url, exports(tmp), faults.IN_USE, path, holder=Holder(HOLD_WITH_ZELFSCAN, url))


def locked_in_wal_mode(tmp: Path, material: Path) -> Case:
    path = our_database(tmp, material)
    holder = Holder(HOLD_WITH_SQLITE, str(path), "write")
    return Case(f"sqlite:///{path}", imports(material), faults.BUSY, path, holder=holder)


def locked_in_delete_mode(tmp: Path, material: Path) -> Case:
    path = our_database(tmp, material)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    conn.close()
    holder = Holder(HOLD_WITH_SQLITE, str(path), "exclusive")
    return Case(f"sqlite:///{path}", exports(tmp), faults.BUSY, path, holder=holder)


def folder_cannot_be_made(tmp: Path, material: Path) -> Case:
    blocker = tmp / "gewoon-bestand"
    blocker.write_text("geen map")
    path = blocker / "sub" / "zelfscan.sqlite"
    return Case(f"sqlite:///{path}", imports(material), "kan niet worden gemaakt", blocker)


def fifo(tmp: Path, material: Path) -> Case:
    path = tmp / "pijp.sqlite"
    os.mkfifo(path)
    return Case(f"sqlite:///{path}", exports(tmp), "geen gewoon bestand")


def unknown_scheme(tmp: Path, material: Path) -> Case:
    url = "onbekend://gebruiker@server/zelfscan"
    return Case(url, exports(tmp), "onbekend databasetype", name=url)


def postgres_unknown_host(tmp: Path, material: Path) -> Case:
    """psycopg 3 is installed (SQLAlchemy 2.1's default for postgresql://): the server's name
    is what is wrong here, and the password never shows."""
    url = "postgresql://regio:geheim123@db.example/zelfscan"
    name = "postgresql://regio:***@db.example/zelfscan"
    return Case(url, imports(material), "de databaseserver is onbekend", name=name)


def missing_mysql_driver(tmp: Path, material: Path) -> Case:
    url = "mysql://regio:geheim123@db.example/zelfscan"
    return Case(
        url, exports(tmp), "stuurprogramma voor mysql", name="mysql://regio:***@db.example/zelfscan"
    )


def in_memory(tmp: Path, material: Path) -> Case:
    return Case("sqlite://", imports(material), "in het geheugen", name="sqlite://")


CASES = [
    corrupt,
    damaged_pages,
    foreign,
    read_only_file,
    read_only_folder,
    read_only_mount,
    file_too_large,
    disk_full,
    locked_by_zelfscan,
    locked_in_wal_mode,
    locked_in_delete_mode,
    folder_cannot_be_made,
    fifo,
    unknown_scheme,
    postgres_unknown_host,
    missing_mysql_driver,
    in_memory,
]


@pytest.mark.parametrize("make", CASES, ids=[c.__name__ for c in CASES])
@pytest.mark.usefixtures("short_lock_waits")  # a held lock: the same sentence after 0.2 s
def test_database_fault_is_one_dutch_sentence(make, tmp_path: Path, material: Path) -> None:
    case = make(tmp_path, material)
    before = case.file.read_bytes() if case.file is not None and case.file.is_file() else None
    listing = sorted(p.name for p in tmp_path.iterdir())
    try:
        result = subprocess.run(
            [*case.prefix, *CLI, "--database", case.url, *case.args],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=case.preexec,
        )
    finally:
        if case.holder is not None:
            case.holder.release()
        for path in tmp_path.rglob("*"):  # give the folder back to pytest's clean-up
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
    lines = result.stderr.splitlines()
    name = case.name or case.url.removeprefix("sqlite:///")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"zelfscan: fout: {name}: "), lines[0]
    assert case.expect in lines[0]
    assert "geheim123" not in result.stderr + result.stdout
    assert "geïmporteerd:" not in result.stdout and "ingelezen als" not in result.stdout
    if before is not None:
        assert case.file.read_bytes() == before
    if make in (foreign, corrupt):  # refused untouched: not even a lock file next to it
        assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_a_lock_costs_one_wait_for_the_whole_command(
    tmp_path: Path, material: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten files behind a lock: one wait, one sentence, then the command stops.

    With the real busy timeout (the other lock tests shorten it, see `short_lock_waits`):
    the command waited at least that long before it gave up."""
    monkeypatch.delenv(ENV_BUSY_TIMEOUT, raising=False)
    path = our_database(tmp_path, material)
    files = [str(material / "Brugwijk.xlsx"), str(material / "Cdorp.xlsx")] * 5
    with Holder(HOLD_WITH_SQLITE, str(path), "write") as holder:
        started = time.monotonic()
        result = subprocess.run(
            [*CLI, "--database", f"sqlite:///{path}", "import", *files],
            capture_output=True,
            text=True,
            timeout=120,
        )
        waited = time.monotonic() - started
        holder.release()
    assert waited >= BUSY_TIMEOUT_MS / 1000, "the default wait happened"
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"zelfscan: fout: {path}: {faults.BUSY}"]
    assert result.stdout == ""  # not a line per file: the first wait ended the command
