"""The one atomic file writer for every output (workbook, Word document, JSON, chart, key).

Writes to a temporary file in the target's folder, fsyncs it, renames it over the target and
then fsyncs the folder, so a failure never leaves half a file, the old file stays until the new
one is whole, and after a power cut the folder entry points at the new file (the rename itself
is only durable once the folder is synced). The temporary file is created with mode 0666
filtered by the umask, exactly like a file written with `open()`: `tempfile.mkstemp` would
create it 0600, so a workbook would be private while a Word document next to it is readable by
the group. When the target already exists its mode is kept, as overwriting a file in place
would. A secret (the letter key) asks for `private=True`: 0600 whatever the umask.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(data: bytes, target: str | Path, *, private: bool = False) -> Path:
    """Write `data` to `target` atomically; raises OSError (the caller words it in Dutch)."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    kept: int | None
    try:
        kept = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        kept = None
    if private:
        kept = 0o600
    for _attempt in range(100):
        temporary = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            # The umask applies, as for open(); a private file is never readable by others.
            fd = os.open(temporary, _FLAGS, 0o600 if private else 0o666)
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
    sync_folder(folder)
    return target


def sync_folder(folder: Path) -> None:
    """fsync a folder so a rename inside it survives a power cut.

    Windows cannot open a folder for syncing (and its NTFS journal covers the rename), so there
    this is a no-op; a file system that refuses to sync a folder (some network mounts) is not a
    reason to report a written file as failed.
    """
    if os.name == "nt":  # pragma: no cover - no folder descriptors on Windows
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# The Dutch door every export goes through ---------------------------------------------------


def check_target(path: str | Path, suffixes: tuple[str, ...]) -> Path:
    """The target, checked before anything is rendered: the right suffix, an existing folder.

    Raises a ZelfscanError naming the file ('kies een bestandsnaam die eindigt op .xlsx').
    """
    from zelfscan_app.errors import ZelfscanError

    target = Path(path).expanduser()
    if target.suffix.lower() not in suffixes:
        wanted = " of ".join(suffixes)
        raise ZelfscanError(f"kies een bestandsnaam die eindigt op {wanted}", path=str(path))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ZelfscanError("de map om in op te slaan bestaat niet", path=str(path))
    return target


def save_output(
    data: bytes,
    path: str | Path,
    suffixes: tuple[str, ...],
    *,
    in_use: str = "of het bestand is geopend in een ander programma",
) -> Path:
    """Check the target, write it atomically and word any failure in one Dutch sentence.

    `in_use` completes the sentence for a refused write: on Windows a file open in Excel or
    Word cannot be replaced, which is the usual reason, so the caller may name the program.
    """
    from zelfscan_app.errors import ZelfscanError

    target = check_target(path, suffixes)
    try:
        return write_atomic(data, target)
    except PermissionError:
        raise ZelfscanError(
            f"het bestand kan niet worden geschreven (geen schrijfrechten, {in_use})",
            path=str(path),
        ) from None
    except OSError as exc:
        raise ZelfscanError(
            f"het bestand kan niet worden geschreven ({os_reason(exc)})", path=str(path)
        ) from None


def os_reason(exc: OSError) -> str:
    """The usual reasons in Dutch; the system's own text (often English) otherwise."""
    import errno

    reasons = {
        errno.ENOENT: "de map bestaat niet",
        errno.EACCES: "geen toestemming om hier te schrijven",
        errno.EPERM: "geen toestemming om hier te schrijven",
        errno.EISDIR: "dit is een map",
        errno.ENOSPC: "de schijf is vol",
        errno.EROFS: "de schijf is alleen-lezen",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
