"""A session's answer changes on a shared database: to the server, or to the local journal.

While the server answers, a change is committed there at once (`services.scans.apply_change`,
with its history row). When it does not (a `DatabaseFault`: server stopped, network gone),
the change and every change after it go to the local journal (`storage.journal`) instead, so
nothing typed is lost and the order is kept. `replay` (run off the UI thread, on a timer)
writes the journal to the server oldest first, deleting each entry only after its commit;
the change id makes a repeated replay harmless. A journal left by an earlier run is replayed
the same way the next time that database is opened.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace

from zelfscan_app.domain.history import AnswerChange
from zelfscan_app.errors import DatabaseFault, ZelfscanError
from zelfscan_app.services import scans as svc
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.history import utc_now
from zelfscan_app.storage.journal import Journal, target_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What became of one change: committed (with its history id, None if nothing changed)
    or kept in the journal until the shared database is back."""

    journaled: bool
    history_id: int | None = None


@dataclass(frozen=True, slots=True)
class ReplayResult:
    stored: int  # journal entries committed to the shared database now
    history_ids: tuple[int, ...]  # their history rows (this window's own changes)
    refused: tuple[str, ...] = ()  # Dutch reasons for entries set aside (their scan is gone)


class SharedWriter:
    """The one door for a window's answer changes to a shared database. Thread-safe."""

    def __init__(self, db: Database, journal: Journal | None = None) -> None:
        self.db = db
        self.journal = journal or Journal()
        self.target = target_of(db.url)
        self._lock = threading.Lock()
        # A journal left by an earlier run goes first: new changes queue up behind it.
        self._offline = self.journal.count(self.target) > 0
        self.reason = ""  # why the server was last unreachable ('' while it answers)

    @property
    def offline(self) -> bool:
        """True while changes go to the journal (server away, or journal not yet replayed)."""
        return self._offline

    def go_offline(self, reason: str) -> None:
        """The server did not answer a poll: keep the next changes in the journal at once
        instead of letting each one wait for the network first."""
        with self._lock:
            self._offline = True
            self.reason = reason

    def pending(self) -> int:
        """Changes typed here and not yet committed to the shared database."""
        return self.journal.count(self.target)

    def write(self, change: AnswerChange) -> WriteResult:
        """Commit `change` to the shared database, or keep it in the journal when that is
        away. Raises only what retrying cannot fix (ZelfscanError) or a journal fault."""
        with self._lock:
            if self._offline:
                self._keep(change)
                return WriteResult(journaled=True)
        try:
            return WriteResult(journaled=False, history_id=svc.apply_change(self.db, change))
        except DatabaseFault as exc:
            with self._lock:
                self._offline = True
                self.reason = str(exc)
                self._keep(change)  # the same id: if it did commit after all, replay skips it
            log.warning("gedeelde database niet bereikbaar; wijziging in het journaal: %s", exc)
            return WriteResult(journaled=True)

    def _keep(self, change: AnswerChange) -> None:
        stamped = change if change.made_at is not None else replace(change, made_at=utc_now())
        self.journal.add(self.target, stamped, svc.editor_of(self.db))

    def replay(self) -> ReplayResult:
        """Write the journal to the shared database, oldest first; back online when empty.

        Raises DatabaseFault (and stays offline) when the server is still away; what was
        committed before that is already gone from the journal.
        """
        count = 0
        stored: list[int] = []
        refused: list[str] = []
        try:
            while True:
                with self._lock:
                    entries = self.journal.pending(self.target)
                    if not entries:
                        self._offline = False
                        self.reason = ""
                        return ReplayResult(count, tuple(stored), tuple(refused))
                for entry in entries:
                    try:
                        history_id = svc.apply_change(self.db, entry.change, entry.editor)
                    except DatabaseFault:
                        raise
                    except ZelfscanError as exc:  # the scan was deleted meanwhile
                        self.journal.set_aside(entry.change.change_id, str(exc))
                        refused.append(str(exc))
                        continue
                    self.journal.remove(entry.change.change_id)
                    count += 1
                    if history_id is not None:
                        stored.append(history_id)
        except DatabaseFault as exc:
            self.reason = str(exc)
            raise
