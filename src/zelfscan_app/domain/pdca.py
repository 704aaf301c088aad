"""PDCA monitoring (routekaart fase 5): which improvement actions are due for review.

Pure rules with the day passed in, so the main window, the voortgang workbook and the tests
(with a fixed clock) all decide 'te herzien' and 'over datum' the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from zelfscan_app.domain.scan import Action, ActionStatus

#: How many days ahead a review date counts as 'te herzien' (due soon).
DUE_WINDOW_DAYS = 14


class ReviewState(StrEnum):
    GEEN = ""  # no review date, or the action is gereed
    GEPLAND = "gepland"
    TE_HERZIEN = "te herzien"
    OVER_DATUM = "over datum"


def review_state(action: Action, today: date, window_days: int = DUE_WINDOW_DAYS) -> ReviewState:
    """Over datum before today; te herzien from today up to `window_days` ahead."""
    if action.herziendatum is None or action.status is ActionStatus.GEREED:
        return ReviewState.GEEN
    if action.herziendatum < today:
        return ReviewState.OVER_DATUM
    if (action.herziendatum - today).days <= window_days:
        return ReviewState.TE_HERZIEN
    return ReviewState.GEPLAND


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Per municipality: how many actions are due, overdue and still open."""

    gemeente: str
    te_herzien: int
    over_datum: int
    open: int
    earliest: date | None  # the earliest review date among due/overdue actions

    @property
    def needs_attention(self) -> bool:
        return bool(self.te_herzien or self.over_datum)


def follow_up(
    actions: Iterable[tuple[str, Action]], today: date, window_days: int = DUE_WINDOW_DAYS
) -> list[FollowUp]:
    """One FollowUp per municipality that has actions, most urgent first, then by name."""
    groups: dict[str, list[Action]] = {}
    for gemeente, action in actions:
        groups.setdefault(gemeente, []).append(action)
    result = []
    for gemeente, items in groups.items():
        states = [(a, review_state(a, today, window_days)) for a in items]
        urgent = [
            a.herziendatum
            for a, s in states
            if s in (ReviewState.TE_HERZIEN, ReviewState.OVER_DATUM) and a.herziendatum
        ]
        result.append(
            FollowUp(
                gemeente=gemeente,
                te_herzien=sum(1 for _a, s in states if s is ReviewState.TE_HERZIEN),
                over_datum=sum(1 for _a, s in states if s is ReviewState.OVER_DATUM),
                open=sum(1 for a in items if a.is_open),
                earliest=min(urgent) if urgent else None,
            )
        )
    return sorted(result, key=lambda f: (-f.over_datum, -f.te_herzien, f.gemeente.casefold()))


_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_review_date(text: str) -> date | None:
    """'15-3-2026', '15-03-2026' or '2026-03-15'; empty means no date. ValueError in Dutch."""
    value = text.strip()
    if not value:
        return None
    if match := _DUTCH_DATE.match(value):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.match(value):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(f"‘{value}’ is geen datum; schrijf bijvoorbeeld 15-03-2026")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"‘{value}’ is geen bestaande datum") from None


def format_review_date(day: date | None) -> str:
    return "" if day is None else f"{day:%d-%m-%Y}"
