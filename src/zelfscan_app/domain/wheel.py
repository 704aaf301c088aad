"""The Rad van Fortuin (bijlage 2): which process question the wheel lands on next.

No question comes up twice until every question has had its turn; then a new round begins.
The random source is passed in, so a test (or a replay) with a seeded `random.Random` gets the
same sequence every time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WheelState:
    """The questions on the wheel and the ones already drawn in the current round."""

    questions: tuple[str, ...]
    drawn: tuple[int, ...] = ()

    @classmethod
    def start(
        cls, questions: tuple[str, ...], answered: frozenset[str] = frozenset()
    ) -> WheelState:
        """A round that counts questions already answered for this scan as drawn."""
        drawn = tuple(i for i, q in enumerate(questions) if q in answered)
        if len(drawn) == len(questions):
            drawn = ()
        return cls(questions, drawn)

    @property
    def remaining(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.questions)) if i not in self.drawn)

    def draw(self, rng: random.Random) -> tuple[int, WheelState]:
        """The index of the next question and the state after it."""
        if not self.questions:
            raise ValueError("het Rad van Fortuin heeft geen vragen")
        remaining = self.remaining or tuple(range(len(self.questions)))
        drawn = self.drawn if self.remaining else ()
        choice = remaining[rng.randrange(len(remaining))]
        return choice, WheelState(self.questions, (*drawn, choice))
