"""Pre-scans (voorbereidingen), the room's show of hands, and where the group disagrees.

The routekaart asks how to create the safe atmosphere in which the facts come on the table;
a chain study found that professionals of one region answer the same question differently.
So before the meeting each participant may fill the form alone (a *voorbereiding*); during
the meeting the facilitator sees per question how those answers split, and where they split
most, and plans the conversation's time around those questions. Without pre-scans the room's
show of hands (*handopsteken*) typed by the facilitator gives the same split.

Disagreement measure: the **minority share** — of those who answered (op orde or niet op
orde; an open answer says nothing about agreement), the fraction on the smaller side, from 0
(all agree) to 1/2 (an equal split). It was chosen over Shannon entropy because it can be said
aloud in the room ("3 van de 8 dachten anders"), and for two outcomes entropy is a strictly
increasing function of the minority share, so both rank the questions in exactly the same
order. A question with at most one answer has no measure: one voice cannot disagree. Ties are
broken by the number of answers (more voices weigh more), then by question number.

Individual answers are sensitive: a `Prescan` carries its author (`door`), but a `Split` only
counts, and nothing in this module puts a name into a split or a ranking.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from zelfscan_app.domain.names import NameProblem, clean_name
from zelfscan_app.domain.scan import AnswerValue

#: Longest 'Voorbereiding door' (a name or an organisation; the database column width).
MAX_DOOR = 200
#: Largest count of hands for one answer: far above any meeting, small enough to catch a typo.
MAX_HANDS = 999
#: A question counts as *verschil van mening* when at least this share of those who answered
#: chose the other side (a third: 3 of 9, 2 of 6, 1 of 3).
MARKED_FROM = Fraction(1, 3)


class SplitSource(StrEnum):
    """Where a split comes from: the participants' pre-scans or the room's show of hands."""

    VOORBEREIDING = "voorbereiding"
    HANDOPSTEKEN = "handopsteken"


@dataclass(frozen=True, slots=True)
class PrescanAnswer:
    """One participant's answer to one question, as filled before the meeting."""

    question: int
    value: AnswerValue | None = None
    toelichting: str = ""


@dataclass(frozen=True, slots=True)
class Prescan:
    """One participant's voorbereiding: the answers to all questions and who prepared them.

    `door` is a name or only an organisation (cleaned by `domain.names.clean_name`); it is
    shown only when the facilitator asks for names, and never in a document."""

    door: str
    answers: tuple[PrescanAnswer, ...] = ()
    id: int | None = None

    def answer(self, question: int) -> PrescanAnswer:
        for a in self.answers:
            if a.question == question:
                return a
        return PrescanAnswer(question)


def clean_door(text: str) -> str:
    """'Voorbereiding door' as stored: the app's one name rule; ValueError in Dutch if bad."""
    try:
        return clean_name(text, what="naam bij ‘Voorbereiding door’", limit=MAX_DOOR)
    except NameProblem as problem:
        raise ValueError(str(problem)) from None


def prescan_fingerprint(prescan: Prescan) -> str:
    """What a pre-scan says, hashed: the same file (or the same content) imported twice for one
    scan has one fingerprint and is stored once. Covers `door` (case-insensitive) and every
    answer with its toelichting, not the database id."""
    answers = sorted(
        (a for a in prescan.answers if a.value is not None or a.toelichting),
        key=lambda a: a.question,
    )
    content = [
        prescan.door.casefold(),
        [[a.question, a.value.value if a.value else None, a.toelichting] for a in answers],
    ]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Split:
    """How the answers to one question divide: counts only, never who said what."""

    op_orde: int = 0
    niet_op_orde: int = 0
    open: int = 0
    source: SplitSource = SplitSource.VOORBEREIDING

    @property
    def answered(self) -> int:
        return self.op_orde + self.niet_op_orde

    @property
    def disagreement(self) -> Fraction | None:
        """The minority share (see the module text); None with at most one answer."""
        if self.answered <= 1:
            return None
        return Fraction(min(self.op_orde, self.niet_op_orde), self.answered)

    @property
    def marked(self) -> bool:
        """At least a third on the other side: worth the meeting's time."""
        share = self.disagreement
        return share is not None and share >= MARKED_FROM

    def label(self) -> str:
        """'5 op orde · 3 niet op orde · 1 open' (a show of hands has no 'open')."""
        parts = [f"{self.op_orde} op orde", f"{self.niet_op_orde} niet op orde"]
        if self.source is SplitSource.VOORBEREIDING:
            parts.append(f"{self.open} open")
        return " · ".join(parts)

    def minority_text(self) -> str:
        """'3 van de 8 dachten anders' — the measure said aloud; empty without a measure."""
        if self.disagreement is None:
            return ""
        return f"{min(self.op_orde, self.niet_op_orde)} van de {self.answered} dachten anders"


def split_from_prescans(prescans: Sequence[Prescan], question: int) -> Split:
    """Count the pre-scans' answers to one question; a pre-scan without an answer is open."""
    op = sum(1 for p in prescans if p.answer(question).value is AnswerValue.OP_ORDE)
    niet = sum(1 for p in prescans if p.answer(question).value is AnswerValue.NIET_OP_ORDE)
    return Split(op, niet, len(prescans) - op - niet, SplitSource.VOORBEREIDING)


def split_from_hands(op_orde: int, niet_op_orde: int) -> Split:
    """The room's show of hands as typed by the facilitator (checked counts)."""
    for count, what in ((op_orde, "op orde"), (niet_op_orde, "niet op orde")):
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValueError(f"het aantal handen voor ‘{what}’ is geen heel getal")
        if not 0 <= count <= MAX_HANDS:
            raise ValueError(f"het aantal handen voor ‘{what}’ moet tussen 0 en {MAX_HANDS} liggen")
    return Split(op_orde, niet_op_orde, 0, SplitSource.HANDOPSTEKEN)


def splits_for(
    questions: Iterable[int],
    prescans: Sequence[Prescan],
    hands: Mapping[int, tuple[int, int]],
) -> dict[int, Split]:
    """The split per question: from the pre-scans when there are any (they are what each
    participant thought on their own), else from the show of hands where one was typed."""
    if prescans:
        return {q: split_from_prescans(prescans, q) for q in questions}
    return {q: split_from_hands(*hands[q]) for q in questions if q in hands}


@dataclass(frozen=True, slots=True)
class RankedQuestion:
    question: int
    split: Split

    @property
    def disagreement(self) -> Fraction:
        share = self.split.disagreement
        assert share is not None  # ranking keeps only questions with a measure
        return share


def rank_disagreement(splits: Mapping[int, Split]) -> list[RankedQuestion]:
    """Questions with a measure, most disagreement first (equal splits on top); ties: more
    answers first, then the lower question number."""
    ranked = [RankedQuestion(q, s) for q, s in splits.items() if s.disagreement is not None]
    ranked.sort(key=lambda r: (-r.disagreement, -r.split.answered, r.question))
    return ranked


def most_disagreement(splits: Mapping[int, Split], limit: int = 10) -> list[RankedQuestion]:
    """The marked questions (at least a third on the other side), ranked, at most `limit`."""
    return [r for r in rank_disagreement(splits) if r.split.marked][:limit]
