"""Scores per standard and the comparison of two scans of one municipality.

A standard with no answers has no score (None): a gap, never a silent 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue


@dataclass(frozen=True, slots=True)
class StandardScore:
    standard: int
    op_orde: int
    answered: int
    total: int

    @property
    def score(self) -> float | None:
        return 100.0 * self.op_orde / self.answered if self.answered else None

    @property
    def niet_op_orde(self) -> int:
        return self.answered - self.op_orde

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0


Values = Mapping[int, AnswerValue | None]


def standard_scores(questionnaire: Questionnaire, values: Values) -> tuple[StandardScore, ...]:
    """One score per standard, in questionnaire order; unknown question numbers are ignored."""
    scores = []
    for standard in questionnaire.standards:
        questions = questionnaire.questions_for_standard(standard.number)
        given = [values.get(q.number) for q in questions]
        scores.append(
            StandardScore(
                standard=standard.number,
                op_orde=sum(v is AnswerValue.OP_ORDE for v in given),
                answered=sum(v is not None for v in given),
                total=len(questions),
            )
        )
    return tuple(scores)


@dataclass(frozen=True, slots=True)
class Progress:
    answered: int
    total: int

    @property
    def fraction(self) -> float:
        return self.answered / self.total if self.total else 0.0


def progress(questionnaire: Questionnaire, values: Values, block: int | None = None) -> Progress:
    questions = (
        questionnaire.questions if block is None else questionnaire.questions_in_block(block)
    )
    answered = sum(values.get(q.number) is not None for q in questions)
    return Progress(answered, len(questions))


@dataclass(frozen=True, slots=True)
class StandardDelta:
    standard: int
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class QuestionChange:
    question: int
    before: AnswerValue | None
    after: AnswerValue | None

    @property
    def improved(self) -> bool:
        return self.before is AnswerValue.NIET_OP_ORDE and self.after is AnswerValue.OP_ORDE

    @property
    def worsened(self) -> bool:
        return self.before is AnswerValue.OP_ORDE and self.after is AnswerValue.NIET_OP_ORDE


@dataclass(frozen=True, slots=True)
class Comparison:
    standards: tuple[StandardDelta, ...]
    changes: tuple[QuestionChange, ...]

    @property
    def improved(self) -> tuple[QuestionChange, ...]:
        return tuple(c for c in self.changes if c.improved)

    @property
    def worsened(self) -> tuple[QuestionChange, ...]:
        return tuple(c for c in self.changes if c.worsened)


def compare(questionnaire: Questionnaire, before: Values, after: Values) -> Comparison:
    """Change per standard and per question from an earlier scan to a later one."""
    old = standard_scores(questionnaire, before)
    new = standard_scores(questionnaire, after)
    deltas = tuple(
        StandardDelta(o.standard, o.score, n.score) for o, n in zip(old, new, strict=True)
    )
    changes = tuple(
        QuestionChange(q.number, before.get(q.number), after.get(q.number))
        for q in questionnaire.questions
        if before.get(q.number) != after.get(q.number)
    )
    return Comparison(deltas, changes)
