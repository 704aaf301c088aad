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
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
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


# PostgreSQL ---------------------------------------------------------------------------------
# A connection failure from libpq carries no SQLSTATE (psycopg raises OperationalError with
# the server's or libpq's text), so those are told apart by their text; errors raised on a
# live connection by their SQLSTATE. libpq's own texts are English in the psycopg wheel.

UPGRADE_HINT = "vraag de beheerder om `zelfscan database upgrade`"
PG_PASSWORD = (
    "het wachtwoord is onjuist of de gebruiker bestaat niet; controleer de gebruikersnaam en "
    "het wachtwoord (in ~/.pgpass, PGPASSWORD of de sleutelbos van het systeem)"
)
PG_NO_PASSWORD = (
    "de server vraagt een wachtwoord en er is er geen gevonden; zet het in ~/.pgpass, "
    "PGPASSWORD of de sleutelbos van het systeem (Zelfscan bewaart geen wachtwoorden)"
)
PG_UNKNOWN_HOST = (
    "de databaseserver is onbekend (de naam bestaat niet of het netwerk is weg); "
    "controleer de servernaam in de database-URL en de netwerkverbinding"
)
PG_REFUSED = (
    "de databaseserver weigert de verbinding (de server draait niet of niet op deze poort); "
    "controleer servernaam en poort, of vraag de beheerder of de server draait"
)
PG_TIMEOUT = (
    "de databaseserver antwoordt niet binnen de tijd; controleer de netwerkverbinding of "
    "probeer het later opnieuw"
)
PG_NO_DATABASE = (
    "deze database bestaat niet op de server; controleer de databasenaam in de URL of vraag "
    "de beheerder de database aan te maken"
)
PG_NO_CONNECT = (
    "u mag geen verbinding maken met deze database; vraag de beheerder om toegang voor "
    "deze gebruiker"
)
PG_PERMISSION = (
    "u hebt geen rechten voor deze gegevens in de gedeelde database (de rol van deze "
    "gebruiker staat het niet toe); er is niets gewijzigd, vraag de beheerder om rechten"
)
PG_GONE = (
    "de verbinding met de databaseserver is verbroken (de server is herstart of gestopt); "
    "er is niets half opgeslagen, probeer het opnieuw zodra de server weer bereikbaar is"
)
PG_STARTING = (
    "de databaseserver start op of wordt afgesloten; probeer het over een ogenblik opnieuw"
)
PG_READ_ONLY = (
    "de gedeelde database staat alleen lezen toe (bijvoorbeeld een reservekopie-server); "
    "er is niets gewijzigd, vraag de beheerder om de gewone server"
)
PG_FULL = (
    "de databaseserver heeft geen schijfruimte meer; er is niets gewijzigd, meld het de beheerder"
)

PG_FOREIGN = (
    "deze database bevat al andere tabellen en geen Zelfscan-schema; er is niets gewijzigd, "
    "kies een lege database of een Zelfscan-database"
)

_PG_SQLSTATE = {
    "28P01": PG_PASSWORD,  # invalid_password
    "28000": PG_PASSWORD,  # invalid_authorization_specification
    "3D000": PG_NO_DATABASE,  # invalid_catalog_name
    "42501": PG_PERMISSION,  # insufficient_privilege
    "57P01": PG_GONE,  # admin_shutdown
    "57P02": PG_GONE,  # crash_shutdown
    "57P03": PG_STARTING,  # cannot_connect_now
    "08000": PG_GONE,
    "08003": PG_GONE,
    "08006": PG_GONE,
    "08001": PG_REFUSED,
    "25006": PG_READ_ONLY,  # read_only_sql_transaction
    "53100": PG_FULL,  # disk_full
}

_PG_TEXTS = (  # (fragment of libpq's or the server's text, sentence), first match wins
    ("password authentication failed", PG_PASSWORD),
    ("no password supplied", PG_NO_PASSWORD),
    ("permission denied for database", PG_NO_CONNECT),
    ("no pg_hba.conf entry", PG_NO_CONNECT),
    ("failed to resolve host", PG_UNKNOWN_HOST),
    ("could not translate host name", PG_UNKNOWN_HOST),
    ("name or service not known", PG_UNKNOWN_HOST),
    ("temporary failure in name resolution", PG_UNKNOWN_HOST),
    ("connection refused", PG_REFUSED),
    ("no route to host", PG_UNKNOWN_HOST),
    ("network is unreachable", PG_UNKNOWN_HOST),
    ("timeout expired", PG_TIMEOUT),
    ("timed out", PG_TIMEOUT),
    ("the database system is starting up", PG_STARTING),
    ("the database system is shutting down", PG_STARTING),
    ("the database system is in recovery mode", PG_STARTING),
    ("terminating connection", PG_GONE),
    ("server closed the connection", PG_GONE),
    ("connection is closed", PG_GONE),
    ("the connection is lost", PG_GONE),
    ("consuming input failed", PG_GONE),
    ("sending query failed", PG_GONE),
    ("ssl", None),  # an SSL problem: the server's own words say more (see postgres_error)
    ("certificate", None),
    ("connection to server", PG_GONE),  # any other "connection to server ... failed"
)


def postgres_error(exc: BaseException, *, connecting: bool = False) -> str | None:
    """The sentence for a PostgreSQL fault of the surroundings, None for a program error.

    `connecting`: the error came while opening a connection, so any OperationalError is a
    fault of the surroundings even when its text is unknown here.
    """
    module = type(exc).__module__
    if not module.startswith("psycopg"):
        return None
    state = getattr(exc, "sqlstate", None)
    if state in _PG_SQLSTATE:
        return _PG_SQLSTATE[state]
    if state is not None and state.startswith("08"):
        return PG_GONE
    if type(exc).__name__ != "OperationalError" and not connecting:
        return None
    text = str(exc).casefold()
    if "does not exist" in text:
        if 'database "' in text:
            return PG_NO_DATABASE
        if 'role "' in text:
            return PG_PASSWORD
    first = " ".join(str(exc).split())[:200]
    for fragment, sentence in _PG_TEXTS:
        if fragment in text:
            if sentence is not None:
                return sentence
            detail = first.rsplit("failed: ", 1)[-1]
            return (
                f"de beveiligde verbinding (SSL) met de databaseserver lukt niet ({detail}); "
                "controleer sslmode en de certificaten in de database-URL"
            )
    return (
        f"de database is niet bereikbaar ({first}); controleer de database-URL of probeer "
        "het later opnieuw"
    )
