"""The one atomic file writer for every output (workbook, Word document, JSON, chart).

Writes to a temporary file in the target's folder and renames it over the target, so a failure
never leaves half a file and the old file stays until the new one is whole. The temporary file
is created with mode 0666 filtered by the umask, exactly like a file written with `open()`:
`tempfile.mkstemp` would create it 0600, so a workbook would be private while a Word document
next to it is readable by the group. When the target already exists its mode is kept, as
overwriting a file in place would.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(data: bytes, target: str | Path) -> Path:
    """Write `data` to `target` atomically; raises OSError (the caller words it in Dutch)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        kept: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        kept = None
    for _attempt in range(100):
        temporary = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(temporary, _FLAGS, 0o666)  # the umask applies, as for open()
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover - a hundred random names taken
        raise FileExistsError(f"no free temporary name next to {target}")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if kept is not None and hasattr(os, "chmod"):
            os.chmod(temporary, kept)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
