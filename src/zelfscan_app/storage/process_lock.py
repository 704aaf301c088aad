"""One Zelfscan process at a time per SQLite file, held by a lock that no stray close() drops.

Why: SQLite locks a database with POSIX `fcntl` locks. Those belong to the *process* and are
all released when the process closes *any* descriptor of that file, not just SQLite's own
(a documented SQLite hazard). A Qt file dialog that peeks into the database file while the
window has it open is enough. Another process then thinks it is the last user, checkpoints
and deletes the WAL, and the window goes on committing into a deleted file: it says
"opgeslagen" and the answers are gone after a restart.

So every Zelfscan process that opens a SQLite file first takes a BSD `flock` on a sidecar file
`<database>-lock`. A flock belongs to the open file description of that sidecar, not to the
process: closing other descriptors (of the database or of the sidecar) leaves it in place, and
it is released only by our own `release` or when the process ends, so a killed window leaves no
stale lock. A second process waits once, briefly, and then gets one clear message. The sidecar
rather than the database itself: on macOS/BSD (and Linux on NFS) flock and fcntl locks on one
file interact, which would make SQLite's own locks in this process fail.

Inside one process the lock is shared and counted: several `Database` objects (and the
start-up fast path) on one file are fine, SQLite coordinates those itself.

Windows: SQLite locks with LockFileEx there, which is per handle and not affected by other
handles being closed, so no extra lock is needed and none is taken.

Standard library only: the start-up fast path uses it before SQLAlchemy loads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from zelfscan_app.errors import DatabaseFault, DatabaseInUse
from zelfscan_app.storage import faults

#: How long a second process waits for the lock, once per command (seconds).
LOCK_WAIT_S = 3.0
#: For the test suite only: a shorter wait in milliseconds (a whole number), so that its
#: "in gebruik" cases do not each sit out the default. Unset or invalid: LOCK_WAIT_S.
ENV_LOCK_WAIT = "ZELFSCAN_LOCK_WAIT_MS"
POLL_S = 0.05
SUFFIX = "-lock"
NEEDED = sys.platform != "win32"


@dataclass
class _Held:
    fd: int
    count: int
    path: Path
    created: bool  # this process made the sidecar (and may remove it again, see release)


_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
_guard = threading.Lock()
_held: dict[str, _Held] = {}


def lock_path(database: Path) -> Path:
    """The sidecar next to the real file (SQLite, too, puts -wal and -shm there)."""
    return Path(os.path.realpath(database) + SUFFIX)


def lock_wait_s() -> float:
    """How long a second process waits for the lock: LOCK_WAIT_S unless the test suite set
    ZELFSCAN_LOCK_WAIT_MS."""
    value = os.environ.get(ENV_LOCK_WAIT, "").strip()
    return int(value) / 1000 if value.isdigit() else LOCK_WAIT_S


def acquire(database: Path, *, wait: float | None = None, name: str | None = None) -> str | None:
    """Hold the lock for `database` (counted); returns the key for `release`.

    Raises DatabaseInUse when another process still holds it after `wait` seconds (default:
    `lock_wait_s()`), and DatabaseFault when the sidecar cannot be created (read-only folder,
    full disk).
    """
    if not NEEDED:
        return None
    if wait is None:
        wait = lock_wait_s()
    import fcntl

    key = os.path.realpath(database)
    label = name or str(database)
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return key
        path = Path(key + SUFFIX)
        created = not os.path.lexists(path)
        fd = _open(path, label)
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise DatabaseInUse(faults.IN_USE, path=label) from None
                time.sleep(POLL_S)
            except OSError as exc:
                if exc.errno in _UNSUPPORTED:
                    # A file system without flock (some network or FUSE mounts): carry on
                    # as before this lock existed; Database's WAL check still refuses to
                    # acknowledge a commit into a replaced WAL.
                    break
                os.close(fd)
                raise DatabaseFault(faults.os_error(exc), path=label) from None
        _held[key] = _Held(fd, 1, path, created)
        return key


def release(key: str | None, *, tidy: bool = False) -> None:
    """Give back one hold; the last one closes the sidecar, which releases the flock.

    `tidy`: the file was refused (not a Zelfscan database), so a sidecar this process made
    for it is removed again, leaving the folder as it was. Only then: removing a lock file
    that others may be waiting on would let two of them lock different files.
    """
    if key is None:
        return
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count <= 0:
            del _held[key]
            if tidy and held.created:
                with contextlib.suppress(OSError):
                    os.unlink(held.path)
            os.close(held.fd)


def held_here(database: Path) -> bool:
    """Whether this process holds the lock for `database` (tests and diagnostics)."""
    with _guard:
        return os.path.realpath(database) in _held


def _open(path: Path, label: str) -> int:
    # Not inherited by child processes (O_CLOEXEC): a child must never share our lock.
    flags = os.O_CLOEXEC
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o666)
    except PermissionError as denied:
        # A sidecar made by another user: a read-only descriptor can hold a flock, too.
        try:
            return os.open(path, os.O_RDONLY | flags)
        except OSError:
            raise DatabaseFault(faults.os_error(denied), path=label) from None
    except OSError as exc:
        raise DatabaseFault(faults.os_error(exc), path=label) from None
