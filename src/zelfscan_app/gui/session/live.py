"""A session on a shared database: other windows' changes, and the server going away.

`LiveSync` asks the shared database every second, on a worker thread (the UI thread never
waits for the network), for the history rows of the open scan after the newest one it saw:
one indexed range query, that works through pgbouncer too. While the server is away it
tries again with a growing pause (1, 2, 4, 8, 15 s), first writing the local journal to it
(`services.journal.SharedWriter.replay`). `LiveBar` says what is going on, in one banner
instead of a dialog per failed keystroke.
"""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zelfscan_app.domain.history import HistoryEntry
from zelfscan_app.errors import DatabaseFault
from zelfscan_app.gui.i18n import arg
from zelfscan_app.services import scans as svc
from zelfscan_app.services.journal import ReplayResult, SharedWriter, WriteResult

log = logging.getLogger(__name__)

POLL_MS = 1000  # another window's change shows within about this long
BACKOFF_MS = (1000, 2000, 4000, 8000, 15000)  # pauses between reconnect attempts


@dataclass
class _Outcome:
    """What one worker round found (delivered to the UI thread)."""

    serial: int  # the local write counter when the round started
    replay: ReplayResult | None = None
    entries: list[HistoryEntry] = field(default_factory=list)
    fault: str = ""


class LiveSync(QObject):
    """Polls the shared database for one scan and replays the journal; UI thread API only."""

    changesArrived = Signal(list, int)  # HistoryEntry list (oldest first), serial at start
    reachableChanged = Signal(bool)
    pendingChanged = Signal(int)  # changes kept in the local journal
    replayed = Signal(int)  # journal entries just committed to the shared database
    _finished = Signal(object)  # internal: a worker round's _Outcome, queued to the UI thread

    def __init__(
        self, writer: SharedWriter, scan_id: int, last_seen: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.writer = writer
        self.scan_id = scan_id
        self.last_seen = last_seen
        self.reachable = True
        self.own: set[int] = set()  # history ids written by this window
        self.serial = 0  # counts this window's writes (a poll older than a write is stale)
        self._attempt = 0
        self._busy = False
        self._again = False
        self._closed = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zelfscan-live")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        self._finished.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._timer.start(0 if writer.offline else POLL_MS)

    @property
    def pending(self) -> int:
        return self.writer.pending()

    def wrote(self, result: WriteResult) -> None:
        """A change of this window was committed or journaled (called by the session)."""
        self.serial += 1
        if result.history_id is not None:
            self.own.add(result.history_id)
        if result.journaled:
            if self.reachable and self.writer.reason:
                self._set_reachable(False)
            self.pendingChanged.emit(self.pending)
            if not self._busy and not self._timer.isActive():
                self._timer.start(BACKOFF_MS[0])

    def tick(self) -> None:
        """Start one round on the worker: replay when offline, then fetch new changes."""
        if self._closed:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        future = self._pool.submit(self._work, self.writer.offline, self.last_seen, self.serial)
        future.add_done_callback(self._deliver)

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    # Worker thread ------------------------------------------------------------------------------
    def _work(self, offline: bool, last_seen: int, serial: int) -> _Outcome:
        outcome = _Outcome(serial=serial)
        try:
            if offline:
                outcome.replay = self.writer.replay()
            outcome.entries = svc.changes_since(self.writer.db, self.scan_id, last_seen)
        except DatabaseFault as exc:
            outcome.fault = str(exc)
        except Exception as exc:  # never let the worker die silently
            log.exception("bijwerken vanuit de gedeelde database mislukt")
            outcome.fault = str(exc) or exc.__class__.__name__
        return outcome

    def _deliver(self, future: Future) -> None:
        if future.cancelled():
            return
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished.emit(future.result())

    # UI thread ----------------------------------------------------------------------------------
    def _done(self, outcome: _Outcome) -> None:
        self._busy = False
        if self._closed:
            return
        if outcome.replay is not None:
            self.own.update(outcome.replay.history_ids)
            if outcome.replay.stored:
                self.replayed.emit(outcome.replay.stored)
            self.pendingChanged.emit(self.pending)
        if outcome.fault:
            self.writer.go_offline(outcome.fault)
            self._set_reachable(False)
            delay = BACKOFF_MS[min(self._attempt, len(BACKOFF_MS) - 1)]
            self._attempt += 1
            self._timer.start(delay)
            return
        self._attempt = 0
        if self.writer.offline and self.writer.reason:
            # the server went away again between the replay and now: stay in the journal
            self._set_reachable(False)
            self._timer.start(BACKOFF_MS[0])
            return
        self._set_reachable(True)
        if outcome.entries:
            self.last_seen = max(self.last_seen, outcome.entries[-1].id)
            self.changesArrived.emit(outcome.entries, outcome.serial)
        if self._again or self.writer.offline:
            self._again = False
            self._timer.start(0)
        else:
            self._timer.start(POLL_MS)

    def _set_reachable(self, on: bool) -> None:
        if on != self.reachable:
            self.reachable = on
            self.reachableChanged.emit(on)


class LiveBar(QWidget):
    """Under the session header: the outage banner and who else changed what."""

    def __init__(self, sync: LiveSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveBar")
        self._sync = sync
        self.banner = QLabel()
        self.banner.setObjectName("warningBox")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Verbinding met de gedeelde database"))
        self.banner.hide()
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Laatste wijziging door een ander"))
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 4, 24, 4)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(self.note)
        sync.reachableChanged.connect(self._refresh)
        sync.pendingChanged.connect(self._refresh)
        sync.replayed.connect(self._replayed)
        self._refresh()

    def _refresh(self, *_args) -> None:
        sync = self._sync
        pending = sync.pending
        parts = []
        if not sync.reachable:
            parts.append(
                self.tr(
                    "De gedeelde database is niet bereikbaar. U kunt doorgaan: wat u invoert "
                    "wordt op deze computer bewaard en opgeslagen zodra de verbinding terug is."
                )
            )
        if pending:
            text = (
                self.tr("1 wijziging nog niet opgeslagen in de gedeelde database.")
                if pending == 1
                else arg(
                    self.tr("%1 wijzigingen nog niet opgeslagen in de gedeelde database."), pending
                )
            )
            parts.append(text)
        self.banner.setText(" ".join(parts))
        self.banner.setAccessibleDescription(self.banner.text())
        self.banner.setVisible(bool(parts))
        self._fit()

    def _replayed(self, count: int) -> None:
        self.note.setText(
            arg(
                self.tr(
                    "Verbinding hersteld: %1 wijziging(en) opgeslagen in de gedeelde database."
                ),
                count,
            )
        )
        self.note.show()
        self._refresh()

    def show_remote(self, entry: HistoryEntry, question_label: str) -> None:
        """'Gewijzigd door <user> op <werkplek>' for the newest change of another window."""
        when = entry.changed_at.replace(tzinfo=UTC).astimezone().strftime("%H:%M:%S")
        self.note.setText(
            arg(
                self.tr("Gewijzigd door %1 op %2: %3 (%4)"),
                entry.editor.user,
                entry.editor.workstation,
                question_label,
                when,
            )
        )
        self.note.setAccessibleDescription(self.note.text())
        self.note.show()
        self._fit()

    def _fit(self) -> None:
        self.setVisible(self.banner.isVisibleTo(self) or self.note.isVisibleTo(self))


class JournalReplay(QObject):
    """At the opening of a shared database: write a journal left by an earlier run (the app
    closed or crashed while the server was away), on a worker thread. Does nothing, and
    creates no file, when there is no such journal."""

    finished = Signal(int, str)  # changes stored, and the fault ('' when all went well)
    _done = Signal(object)

    def __init__(self, writer: SharedWriter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zelfscan-journal")
        self._done.connect(self._report, Qt.ConnectionType.QueuedConnection)
        future = self._pool.submit(self._work)
        future.add_done_callback(self._deliver)
        self._pool.shutdown(wait=False)

    def _work(self) -> tuple[int, str]:
        try:
            return self.writer.replay().stored, ""
        except DatabaseFault as exc:
            return 0, str(exc)
        except Exception as exc:
            log.exception("journal schrijven mislukt")
            return 0, str(exc) or exc.__class__.__name__

    def _deliver(self, future: Future) -> None:
        with contextlib.suppress(RuntimeError):
            self._done.emit(future.result())

    def _report(self, outcome: tuple[int, str]) -> None:
        self.finished.emit(*outcome)


def replay_left_journal(db, parent: QObject | None = None) -> JournalReplay | None:
    """Start writing a journal an earlier run left for this shared database, if any."""
    if not svc.is_shared(db):
        return None
    writer = SharedWriter(db)
    if not writer.offline:  # nothing waiting
        return None
    return JournalReplay(writer, parent)
