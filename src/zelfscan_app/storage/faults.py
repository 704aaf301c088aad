"""What went wrong with the database, in one Dutch sentence that says what to do.

Faults of the surroundings (a lock, a read-only or full disk, a damaged file, a missing
driver) are told apart here from errors in the program (a constraint, bad SQL): only the first
kind becomes a `DatabaseFault`; the second keeps its traceback, because a user cannot fix it.
Standard library only (the process lock uses it before SQLAlchemy loads).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

IN_USE = (
    "de database is in gebruik door een ander Zelfscan-venster of een andere zelfscan-opdracht; "
    "sluit dat eerst en probeer het opnieuw"
)
BUSY = (
    "de database is bezet door een ander programma; wacht tot het klaar is of sluit het, "
    "en probeer het opnieuw"
)
READ_ONLY = (
    "de database kan niet worden gewijzigd, want het bestand, de map of de schijf is "
    "alleen-lezen; kies een map waarin u mag schrijven of vraag om schrijfrechten"
)
FULL = "de schijf is vol; maak ruimte vrij en probeer het opnieuw"
WRITE = (
    "er kon niet naar de schijf worden geschreven (schijf vol, bestand te groot of schijffout); "
    "maak ruimte vrij of controleer de schijf en probeer het opnieuw"
)
DAMAGED = (
    "het bestand is beschadigd of is geen SQLite-database; zet een reservekopie terug of "
    "kies een ander bestand"
)
FOREIGN = (
    "dit is geen Zelfscan-database (het bestand bevat andere gegevens) en het is niet gewijzigd; "
    "kies een ander bestand of een nieuwe bestandsnaam"
)
CANT_OPEN = (
    "het bestand kan niet worden geopend; controleer of de map bestaat en of u er mag lezen "
    "en schrijven"
)
IO = (
    "lees- of schrijffout op de schijf; controleer de schijf of de netwerkverbinding en "
    "probeer het opnieuw"
)
IN_MEMORY = (
    "een database in het geheugen bewaart niets na afloop; geef een bestand op, bijvoorbeeld "
    "--database sqlite:///pad/naar/zelfscan.sqlite"
)
REPLACED = (
    "de database is buiten Zelfscan om gewijzigd (het logbestand -wal is vervangen of "
    "verwijderd); deze wijziging is niet opgeslagen, sluit Zelfscan en open de database opnieuw"
)

# SQLite's primary result codes (the low byte of sqlite_errorcode).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _PROTOCOL, _NOLFS, _NOTADB, _PERM, _AUTH = 13, 14, 15, 22, 26, 3, 23
_IOERR_WRITE_LIKE = {10 | (3 << 8), 10 | (6 << 8), 10 | (4 << 8), 10 | (19 << 8)}
# ...WRITE, TRUNCATE, FSYNC, SHMSIZE: what a full disk or a file size limit looks like


def display_name(url: str) -> str:
    """The database as a message names it: the file, or the URL without its password."""
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return url.removeprefix("sqlite:///")
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not even a URL: show the scheme part only, a password may follow
        return url.split("@")[-1] if "@" in url else url


def os_error(exc: OSError) -> str:
    """An OSError on the database file, its folder or its lock file."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return READ_ONLY
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return FULL
    if code == errno.ENOTDIR:
        return "een deel van het pad is een bestand in plaats van een map; kies een andere plek"
    if code == errno.EISDIR:
        return (
            "er staat een map waar een bestand hoort (ook naast de database); kies een andere plek"
        )
    if code == errno.ENAMETOOLONG:
        return "de bestandsnaam of het pad is te lang; kies een kortere naam of plek"
    return f"{IO} ({exc.strerror or exc})"


def folder_error(folder: Path, exc: OSError) -> str:
    """The database's folder could not be made."""
    reasons = {
        errno.EACCES: "geen toestemming",
        errno.EPERM: "geen toestemming",
        errno.EROFS: "de schijf is alleen-lezen",
        errno.ENOSPC: "de schijf is vol",
        errno.ENOTDIR: "een deel van het pad is een bestand",
        errno.EEXIST: "er staat een bestand met die naam",
        errno.ENAMETOOLONG: "het pad is te lang",
    }
    reason = (reasons.get(exc.errno) if exc.errno is not None else None) or (
        exc.strerror or str(exc)
    )
    return (
        f"de map {folder} kan niet worden gemaakt ({reason}); kies een andere plek voor de database"
    )


def sqlite_error(exc: BaseException, database: Path | None) -> str | None:
    """The sentence for a fault of the surroundings, None for an error in the program."""
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_BUSY, _LOCKED):
        return BUSY
    if primary in (_CORRUPT, _NOTADB):
        return DAMAGED
    if primary == _FULL:
        return FULL
    if primary == _CANTOPEN and database is not None and not database.parent.is_dir():
        return f"de map {database.parent} bestaat niet of is niet bereikbaar; kies een andere plek"
    if primary in (_READONLY, _PERM, _AUTH, _CANTOPEN):
        return READ_ONLY if not writable(database) else CANT_OPEN
    if primary in (_IOERR, _NOLFS, _PROTOCOL):
        if database is not None and not writable(database):
            return READ_ONLY
        if code in _IOERR_WRITE_LIKE or primary == _NOLFS:
            return FULL if _nearly_full(database) else WRITE
        return IO
    return None


def writable(database: Path | None) -> bool:
    """Whether this user may change the file and its folder (SQLite needs both for WAL)."""
    if database is None:
        return True
    folder = database.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not database.exists() or os.access(database, os.R_OK | os.W_OK)


def _nearly_full(database: Path | None) -> bool:
    """Whether the disk of `database` has (almost) no room left: then say so plainly."""
    if database is None:
        return False
    try:
        return shutil.disk_usage(database.parent).free < 1024 * 1024
    except OSError:
        return False
