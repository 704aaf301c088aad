"""Workbook exchange use cases: import files, export a scan, write a blank form.

Each imported file is one unit of work: the workbook is read and validated completely first
(`zelfscan_app.exchange.reader`, no database), and only then stored, all or nothing, so a
refused file changes nothing and an accepted one is stored whole. A bulk import stores its
files in batches: one transaction per batch (at most BATCH_FILES files or BATCH_SECONDS), one
SAVEPOINT per file inside it (a file that fails rolls back only its savepoint), and progress
and the report count a file only once its batch is committed, so whatever was acknowledged
survives a kill while the durable commit (synchronous=FULL, fsync) is paid once per batch
instead of once per file. The GUI calls these with a progress callback and a cancel check; the
CLI calls them without.
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.names import lookalike_message
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan, SoortMeting, content_fingerprint
from zelfscan_app.errors import NotFound, ZelfscanError
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.repository import ScanListItem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from zelfscan_app.exchange.reader import WorkbookScan

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ImportStatus(StrEnum):
    IMPORTED = "geïmporteerd"
    DUPLICATE = "al aanwezig"
    CONFLICT = "conflict"
    REFUSED = "geweigerd"
    SKIPPED = "niet verwerkt"


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one file; `message` is one Dutch sentence for the user."""

    path: str
    status: ImportStatus
    message: str
    scan_id: int | None = None
    title: str = ""
    warning: str = ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    results: tuple[FileResult, ...]
    cancelled: bool = False

    def with_status(self, status: ImportStatus) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if r.status is status)

    @property
    def imported(self) -> tuple[FileResult, ...]:
        return self.with_status(ImportStatus.IMPORTED)

    @property
    def duplicates(self) -> tuple[FileResult, ...]:
        return self.with_status(ImportStatus.DUPLICATE)

    @property
    def conflicts(self) -> tuple[FileResult, ...]:
        return self.with_status(ImportStatus.CONFLICT)

    @property
    def refused(self) -> tuple[FileResult, ...]:
        return self.with_status(ImportStatus.REFUSED)

    @property
    def not_stored(self) -> tuple[FileResult, ...]:
        """Refused files and conflicts that were not stored (a lookalike gemeente name)."""
        return self.refused + tuple(r for r in self.conflicts if r.scan_id is None)

    @property
    def stored_ids(self) -> tuple[int, ...]:
        stored = (ImportStatus.IMPORTED, ImportStatus.CONFLICT)
        return tuple(r.scan_id for r in self.results if r.status in stored and r.scan_id)

    def summary(self) -> str:
        kept = sum(1 for r in self.conflicts if r.scan_id is not None)
        left_out = len(self.conflicts) - kept
        how = f"{kept} apart bewaard, {left_out} niet ingelezen" if left_out else "apart bewaard"
        parts = [
            f"{len(self.imported)} geïmporteerd",
            f"{len(self.duplicates)} al aanwezig",
            f"{len(self.conflicts)} conflict ({how})",
            f"{len(self.refused)} geweigerd",
        ]
        if self.cancelled:
            parts.append(
                f"{len(self.with_status(ImportStatus.SKIPPED))} niet verwerkt (afgebroken)"
            )
        return ", ".join(parts) + "."


def import_files(
    db: Database,
    paths: Sequence[str | Path],
    questionnaire: Questionnaire,
    *,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ImportReport:
    """Import each file on its own (all or nothing per file); stops between files on cancel.

    Many files are read by a process pool (`reader.read_scan_files`), in input order, while
    this process stores them in committed batches (see the module docstring); `on_progress`
    counts only files whose batch is committed. The database is only written from here."""
    from zelfscan_app.exchange.reader import read_scan_files

    results: list[FileResult] = []
    total = len(paths)

    def acknowledge(done: list[FileResult]) -> None:
        for result in done:
            results.append(result)
            if on_progress is not None:
                on_progress(len(results), total)

    outcomes = read_scan_files(paths, questionnaire)
    batch = _Batch(db, acknowledge)
    token = _BATCH.set(batch)
    try:
        for done, path in enumerate(paths):
            if should_cancel is not None and should_cancel():
                batch.commit()
                results += [
                    FileResult(
                        str(p), ImportStatus.SKIPPED, "niet verwerkt: het inlezen is afgebroken"
                    )
                    for p in paths[done:]
                ]
                return ImportReport(tuple(results), cancelled=True)
            batch.add(_import_read(db, path, next(outcomes)))
        batch.commit()
    finally:
        _BATCH.reset(token)
        batch.abandon()  # only after an error: what was not committed is rolled back
        outcomes.close()
    return ImportReport(tuple(results))


#: A batch is committed after this many files or this many seconds, whichever comes first:
#: few enough seconds that a kill loses little unacknowledged work and another writer
#: waits briefly for the write lock; enough files that the commit's fsync is shared.
BATCH_FILES = 100
BATCH_SECONDS = 0.5


class _Batch:
    """One write transaction shared by the files of a bulk import, a SAVEPOINT per file.

    The transaction takes the import lock first (`repo.lock_scans_for_import`), so the
    duplicate checks of every file in it see the latest committed state plus the batch's
    own files, and a second importing process waits; the unique fingerprint index stays the
    guarantee. Results wait in `pending` until their batch is committed."""

    def __init__(self, db: Database, acknowledge: Callable[[list[FileResult]], None]) -> None:
        self.db = db
        self.acknowledge = acknowledge
        self.pending: list[FileResult] = []
        self.stack: ExitStack | None = None
        self.session: Session | None = None
        self.started = 0.0

    @contextmanager
    def savepoint(self) -> Iterator[Session]:
        """One file's unit of work inside the batch transaction: released when the block ends,
        rolled back alone on any error."""
        if self.session is None:
            self.stack = ExitStack()
            self.session = self.stack.enter_context(self.db.session())
            # The first statement takes the write lock and begins the transaction (SQLite's
            # driver begins it before a write, not before a SAVEPOINT).
            repo.lock_scans_for_import(self.session)
            self.session.info["import_locked"] = True
            self.started = time.monotonic()
        nested = self.session.begin_nested()
        try:
            yield self.session
        except BaseException:
            nested.rollback()
            raise
        nested.commit()

    def add(self, result: FileResult) -> None:
        """One file done; commit when the batch is full or old (at once when nothing was
        written: a refused file is acknowledged without a transaction)."""
        self.pending.append(result)
        if (
            self.session is None
            or len(self.pending) >= BATCH_FILES
            or time.monotonic() - self.started > BATCH_SECONDS
        ):
            self.commit()

    def commit(self) -> None:
        """Commit the transaction (if any file wrote) and acknowledge the files it holds."""
        if self.stack is not None:
            stack, self.stack, self.session = self.stack, None, None
            stack.close()  # the session's block ends: commit (an error rolls back, raises)
        done, self.pending = self.pending, []
        self.acknowledge(done)

    def abandon(self) -> None:
        """After an error: roll back what was not committed; nothing pending is reported."""
        if self.stack is not None:
            stack, self.stack, self.session = self.stack, None, None
            stack.__exit__(RuntimeError, RuntimeError("import afgebroken"), None)
        self.pending = []


_BATCH: ContextVar[_Batch | None] = ContextVar("zelfscan_import_batch", default=None)


@contextmanager
def _unit(db: Database) -> Iterator[Session]:
    """The session one file is stored in: a savepoint of the running bulk import's batch on
    this database, else a transaction of its own, committed when the block ends."""
    batch = _BATCH.get()
    if batch is not None and batch.db is db:
        with batch.savepoint() as session:
            yield session
    else:
        with db.session() as session:
            yield session


def import_file(db: Database, path: str | Path, questionnaire: Questionnaire) -> FileResult:
    from zelfscan_app.exchange.reader import read_scan_files

    return _import_read(db, path, next(read_scan_files([path], questionnaire)))


def _import_read(db: Database, path: str | Path, read: WorkbookScan | ZelfscanError) -> FileResult:
    """Store what reading one file gave: a refusal is reported, a scan stored whole."""
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(read, ZelfscanError):
        return FileResult(str(path), ImportStatus.REFUSED, str(read))
    if read.scan.prepared_by:
        # One participant's voorbereiding must never become a scan of its own by accident.
        return FileResult(str(path), ImportStatus.REFUSED, prescan_refusal(str(path)))
    try:
        return store_scan(db, str(path), read.scan, read.sha256)
    except SQLAlchemyError as exc:  # rolled back by the session; the file itself was fine
        message = f"{path}: de database kon de zelfscan niet opslaan ({type(exc).__name__})"
        return FileResult(str(path), ImportStatus.REFUSED, message)


def prescan_refusal(path: str) -> str:
    """The one sentence for a pre-scan offered where a group's scan is expected."""
    return (
        f"{path}: niet ingelezen: dit is een voorbereiding (het veld ‘Voorbereiding door’ is "
        "ingevuld), geen zelfscan van de groep; lees het in bij de zelfscan met "
        "‘Voorbereidingen inlezen’ of met zelfscan voorbereiding importeer --scan NUMMER "
        "BESTAND, of maak het veld leeg als het toch de zelfscan van de groep is"
    )


@dataclass(frozen=True, slots=True)
class StoreWording:
    """How a report names what came in: a workbook that was read, or a published scan."""

    noun: str = "werkmap"
    stored: str = "ingelezen"


WORKBOOK = StoreWording()

#: Writes what travels with a scan beyond the scan itself (plan, wheel answers) in the same
#: transaction, given the new scan's id.
AttachCallback = Callable[["Session", int], None]


def store_scan(
    db: Database,
    path: str,
    scan: Scan,
    sha256: str | None,
    *,
    attach: AttachCallback | None = None,
    wording: StoreWording = WORKBOOK,
) -> FileResult:
    """Store one scan from outside (a workbook, a published scan) by the import rules, once.

    The one door for every way a scan arrives whole: duplicates by file hash (`sha256`, when
    there is a file) and by content fingerprint are reported 'al aanwezig', the same
    gemeente, datum and soort with other content is stored apart as a conflict, a lookalike
    municipality name is refused. `attach` runs in the same transaction for a new scan."""
    from sqlalchemy.exc import IntegrityError

    try:
        return _store(db, path, scan, sha256, attach, wording)
    except IntegrityError:
        # Another process stored the same scan between our check and our insert (only
        # possible where the import lock is not available): the unique index refused
        # the copy, and a second look finds the winner.
        return _store(db, path, scan, sha256, attach, wording)


def _store(
    db: Database,
    path: str,
    scan: Scan,
    sha256: str | None,
    attach: AttachCallback | None = None,
    wording: StoreWording = WORKBOOK,
) -> FileResult:
    """Check and store in one transaction that holds the write lock from the first read, so
    two imports of one file (even in two processes) store it once; the loser reports
    'al aanwezig', or 'conflict' for the same gemeente, datum and soort with other content."""
    fingerprint = content_fingerprint(scan)
    with _unit(db) as session:
        repo.lock_scans_for_import(session)
        found = repo.import_matches(session, scan, sha256=sha256, fingerprint=fingerprint)
        if found.by_file is not None:
            return FileResult(
                path,
                ImportStatus.DUPLICATE,
                f"{path}: dit bestand is al eerder ingelezen (zelfscan {found.by_file})",
                scan_id=found.by_file,
                title=scan.title,
            )
        if found.by_content is not None:
            return _already_there(path, scan, found.by_content)
        if found.lookalikes:
            # Storing it would create a second municipality that reads the same.
            message = lookalike_message(scan.gemeente, found.lookalikes[0])
            return FileResult(
                path, ImportStatus.CONFLICT, f"{path}: niet ingelezen: {message}", title=scan.title
            )
        others = [repo.get_scan(session, scan_id) for scan_id in found.same_day]
        for other in others:
            if content_fingerprint(other) == fingerprint:
                return _already_there(path, scan, other.id)
        warning = scan.warning
        if others:
            ids = ", ".join(str(o.id) for o in others)
            warning = " ".join(
                part
                for part in (
                    warning,
                    f"Conflict: bij het inlezen bestond al een andere zelfscan van "
                    f"{scan.gemeente} ({scan.soort.value} {scan.datum.isoformat()}), zelfscan "
                    f"{ids}; deze {wording.noun} is apart bewaard en niet samengevoegd.",
                )
                if part
            )
        scan_id = repo.add_scan(
            session,
            replace(scan, warning=warning),
            source_sha256=sha256,
            import_fingerprint=fingerprint,
        )
        if attach is not None:
            attach(session, scan_id)
    if others:
        message = (
            f"{path}: er bestaat al een andere zelfscan van {scan.gemeente} met dezelfde datum "
            f"en soort meting (zelfscan {ids}); deze is apart bewaard als zelfscan {scan_id}"
        )
        return FileResult(
            path, ImportStatus.CONFLICT, message, scan_id=scan_id, title=scan.title, warning=warning
        )
    return FileResult(
        path,
        ImportStatus.IMPORTED,
        f"{path}: {wording.stored} als zelfscan {scan_id} ({scan.title})",
        scan_id=scan_id,
        title=scan.title,
        warning=warning,
    )


def _already_there(path: str, scan: Scan, scan_id: int | None) -> FileResult:
    return FileResult(
        path,
        ImportStatus.DUPLICATE,
        f"{path}: deze zelfscan staat al in de database (zelfscan {scan_id})",
        scan_id=scan_id,
        title=scan.title,
    )


# Export ----------------------------------------------------------------------------------------


def choose_scan(
    db: Database,
    *,
    gemeente: str,
    datum: date | None = None,
    soort: SoortMeting | None = None,
) -> ScanListItem:
    """The newest scan of `gemeente` matching datum/soort; a clear error if none or ambiguous."""
    with db.session() as session:
        everything = repo.find_scans(session, gemeente=gemeente)
        if not everything:
            known = sorted({i.gemeente for i in repo.list_scans(session)})
            close = difflib.get_close_matches(gemeente, known, n=3, cutoff=0.6)
            hint = f"; bedoelt u {' of '.join(close)}?" if close else ""
            raise NotFound(f"er is geen zelfscan van gemeente '{gemeente}' in de database{hint}")
        items = repo.find_scans(session, gemeente=gemeente, datum=datum, soort=soort)
    if not items:
        wanted = " en ".join(
            part
            for part in (
                f"datum {datum.isoformat()}" if datum else "",
                f"soort {soort.value}" if soort else "",
            )
            if part
        )
        available = ", ".join(f"{i.soort.value} {i.datum.isoformat()}" for i in everything[:8])
        raise NotFound(
            f"er is geen zelfscan van {everything[0].gemeente} met {wanted}; wel: {available}"
        )
    newest = items[0]
    tied = [i for i in items if (i.datum, i.soort) == (newest.datum, newest.soort)]
    if len(tied) > 1:
        listed = ", ".join(f"zelfscan {i.id}" for i in tied)
        raise ZelfscanError(
            f"er zijn {len(tied)} zelfscans van {newest.gemeente} met datum "
            f"{newest.datum.isoformat()} en soort {newest.soort.value} ({listed}); "
            "exporteer de juiste vanuit het programma of verwijder de dubbele"
        )
    same_day = [i for i in items if i.datum == newest.datum]
    if len(same_day) > 1 and soort is None:
        kinds = " en ".join(i.soort.value for i in same_day)
        raise ZelfscanError(
            f"op {newest.datum.isoformat()} heeft {newest.gemeente} meerdere zelfscans "
            f"({kinds}); kies er één met --soort"
        )
    return newest


def export_scan(
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    path: str | Path,
    *,
    with_participants: bool = False,
) -> Path:
    """Write one scan from the database as a filled workbook (atomically).

    Participants' names go along only when asked for: an export usually goes to the region.
    """
    from zelfscan_app.exchange.writer import save_atomic, scan_bytes
    from zelfscan_app.services.prescans import splits

    with db.session() as session:
        scan = repo.get_scan(session, scan_id)
    data = scan_bytes(
        questionnaire,
        scan,
        with_participants=with_participants,
        splits=splits(db, questionnaire, scan_id),
    )
    return save_atomic(data, path)


def make_form(
    questionnaire: Questionnaire,
    path: str | Path,
    *,
    gemeente: str = "",
    regio: str = "",
    datum: date | None = None,
    soort: SoortMeting | None = None,
    prescan: bool = False,
) -> Path:
    """Write the blank workbook a group fills in Excel or LibreOffice (with `prescan`: the
    form one participant fills alone before the meeting, see `exchange.writer.form_bytes`)."""
    from zelfscan_app.exchange.writer import form_bytes, save_atomic

    data = form_bytes(
        questionnaire, gemeente=gemeente, regio=regio, datum=datum, soort=soort, prescan=prescan
    )
    return save_atomic(data, path)
