"""One open scan during a session: the current question and the answers as stored."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Answer, AnswerValue, Scan
from zelfscan_app.domain.scoring import Progress, StandardScore, progress, standard_scores
from zelfscan_app.gui.session.autosave import Autosaver
from zelfscan_app.services import scans as svc
from zelfscan_app.services.scans import TEXT_LIMIT


class ScanSession(QObject):
    currentChanged = Signal(int)
    answerChanged = Signal(int)  # the stored answer of this question changed
    remoteChanged = Signal(int)  # ... by another window on the shared database
    foreignChange = Signal(object)  # the newest HistoryEntry written by another window

    def __init__(self, db, questionnaire: Questionnaire, scan: Scan, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.questionnaire = questionnaire
        self.scan = scan
        self.scan_id: int = scan.id  # type: ignore[assignment]
        self._answers: dict[int, Answer] = {a.question: a for a in scan.answers}
        self.order = questionnaire.question_numbers
        self.current = self.order[0]
        self.autosave = Autosaver(self)
        self.autosave.set_text_store(self._store_text)
        # On a shared database (PostgreSQL) other windows write too, and the server can go
        # away: changes go through a SharedWriter (server, or the local journal) and LiveSync
        # brings in the others' changes. A SQLite file has one writer: neither is needed.
        self.writer = None
        self.live = None
        self._local_serial: dict[int, int] = {}  # question -> LiveSync.serial of our last write
        if svc.is_shared(db):
            from zelfscan_app.gui.session.live import LiveSync
            from zelfscan_app.services.journal import SharedWriter

            self.writer = SharedWriter(db)
            self.live = LiveSync(self.writer, self.scan_id, svc.last_change(db, self.scan_id), self)
            self.live.changesArrived.connect(self._remote_changes)
            self.live.replayed.connect(lambda _count: self.autosave.confirm())
            self.autosave.kept_locally = lambda: self.offline

    # Reading --------------------------------------------------------------------------------
    def answer(self, question: int) -> Answer:
        return self._answers.get(question) or Answer(question)

    def values(self) -> dict[int, AnswerValue | None]:
        return {q: a.value for q, a in self._answers.items()}

    def progress(self, block: int | None = None) -> Progress:
        return progress(self.questionnaire, self.values(), block)

    def scores(self, block: int | None = None) -> tuple[StandardScore, ...]:
        scores = standard_scores(self.questionnaire, self.values())
        if block is None:
            return scores
        wanted = set(self.questionnaire.standards_in_block(block))
        return tuple(s for s in scores if s.standard in wanted)

    def current_scan(self) -> Scan:
        """The scan with the answers as they are now (what the spider of the session shows)."""
        return replace(self.scan, answers=tuple(self._answers.values()))

    def position(self) -> int:
        return self.order.index(self.current) + 1

    @property
    def block(self) -> int:
        return self.questionnaire.block_of(self.current).number

    # Navigation -----------------------------------------------------------------------------
    def go(self, question: int) -> None:
        if question not in self.order:
            return
        self.autosave.flush()
        if question != self.current:
            self.current = question
            self.currentChanged.emit(question)

    def next_question(self) -> int | None:
        i = self.order.index(self.current)
        return self.order[i + 1] if i + 1 < len(self.order) else None

    def previous_question(self) -> int | None:
        i = self.order.index(self.current)
        return self.order[i - 1] if i > 0 else None

    # Changing (every change is committed by the autosaver) ----------------------------------
    def set_value(self, value: AnswerValue | None, question: int | None = None) -> bool:
        question = self.current if question is None else question
        ok = self.autosave.run(
            question,
            "value",
            lambda: (
                self._shared_write(question, "value", value)
                if self.writer is not None
                else svc.set_answer(self.db, self.scan_id, question, value, self.questionnaire)
            ),
        )
        if ok:
            self._answers[question] = replace(self.answer(question), value=value)
            self.answerChanged.emit(question)
        return ok

    def set_bespreekpunt(self, flag: bool, question: int | None = None) -> bool:
        question = self.current if question is None else question
        ok = self.autosave.run(
            question,
            "bespreekpunt",
            lambda: (
                self._shared_write(question, "bespreekpunt", flag)
                if self.writer is not None
                else svc.set_bespreekpunt(self.db, self.scan_id, question, flag)
            ),
        )
        if ok:
            self._answers[question] = replace(self.answer(question), bespreekpunt=flag)
            self.answerChanged.emit(question)
        return ok

    def set_text(self, field: str, text: str, question: int | None = None) -> None:
        """Keep the text locally at once; the autosaver commits it after a short pause."""
        question = self.current if question is None else question
        text = text[:TEXT_LIMIT]
        change: dict[str, Any] = {field: text}  # one of the answer's text fields
        self._answers[question] = replace(self.answer(question), **change)
        self.autosave.queue_text(question, field, text)

    def _store_text(self, question: int, field: str, text: str) -> None:
        if self.writer is not None:
            self._shared_write(question, field, text)
            return
        svc.set_text(self.db, self.scan_id, question, field, text, self.questionnaire)

    def close(self) -> bool:
        ok = self.autosave.flush()
        if self.live is not None:
            self.live.close()
        return ok

    # Shared database ------------------------------------------------------------------------
    def _shared_write(self, question: int, field: str, value) -> None:
        """One change to the shared database, or to the local journal while it is away."""
        assert self.writer is not None and self.live is not None
        change = svc.new_change(self.scan_id, question, field, value)
        svc.check_change(change, self.questionnaire)
        result = self.writer.write(change)
        self._local_serial[question] = self.live.serial + 1
        self.live.wrote(result)

    @property
    def offline(self) -> bool:
        """True while changes are kept in the local journal (shared database away)."""
        return self.writer is not None and self.writer.offline

    def _remote_changes(self, entries: list, serial: int) -> None:
        """Other windows changed answers: show the newest state of each (the later write
        wins), except where this window wrote after the query began or still has typing
        queued (that will be written later, and so win)."""
        newest: dict[int, object] = {}
        for entry in entries:
            newest[entry.question] = entry
        assert self.live is not None
        foreign = [e for e in entries if e.id not in self.live.own]
        for question, entry in newest.items():
            if self._local_serial.get(question, 0) > serial:
                continue
            state = entry.new  # type: ignore[attr-defined]
            fields = {"value": state.value, "bespreekpunt": state.bespreekpunt}
            for name in ("toelichting", "nuancering"):
                if not self.autosave.is_queued(question, name):
                    fields[name] = getattr(state, name)
            current = self.answer(question)
            updated = replace(current, **fields)
            if updated != current:
                self._answers[question] = updated
                self.answerChanged.emit(question)
                self.remoteChanged.emit(question)
        if foreign:
            self.foreignChange.emit(foreign[-1])

    # For the first-results view -------------------------------------------------------------
    def niet_op_orde(self, block: int | None = None) -> list[Answer]:
        return [a for a in self._in(block) if a.value is AnswerValue.NIET_OP_ORDE]

    def bespreekpunten(self, block: int | None = None) -> list[Answer]:
        return [a for a in self._in(block) if a.bespreekpunt]

    def _in(self, block: int | None) -> list[Answer]:
        questions = (
            self.questionnaire.questions
            if block is None
            else self.questionnaire.questions_in_block(block)
        )
        return [self.answer(q.number) for q in questions]
