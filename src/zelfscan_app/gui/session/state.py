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
            lambda: svc.set_answer(self.db, self.scan_id, question, value, self.questionnaire),
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
            lambda: svc.set_bespreekpunt(self.db, self.scan_id, question, flag),
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
        svc.set_text(self.db, self.scan_id, question, field, text, self.questionnaire)

    def close(self) -> bool:
        return self.autosave.flush()

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
