"""The routekaart (five phases from preparation to PDCA) as validated data, and its pure rules.

The phases, their steps and beslismomenten come from `resources/routekaart.yaml` (the seed's
text, like the questionnaire); what a municipality or region has ticked off is stored per
item key. Which phase a routekaart is in and when the next scan is due are decided here once,
so the scan list, the checklist window and the findings report never disagree.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

PHASE_COUNT = 5


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ItemKind(StrEnum):
    STAP = "stap"
    BESLISMOMENT = "beslismoment"


class RouteItem(_Frozen):
    """One step or beslismoment; `key` is what progress is stored under, so it never changes."""

    key: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=1, max_length=600)


class Phase(_Frozen):
    number: int = Field(ge=1, le=PHASE_COUNT)
    title: str = Field(min_length=1, max_length=120)
    steps: tuple[RouteItem, ...] = Field(min_length=1)
    decisions: tuple[RouteItem, ...] = ()

    @property
    def label(self) -> str:
        return f"Fase {self.number} · {self.title}"

    def items(self) -> tuple[tuple[ItemKind, RouteItem], ...]:
        return (
            *((ItemKind.STAP, s) for s in self.steps),
            *((ItemKind.BESLISMOMENT, d) for d in self.decisions),
        )


class Routekaart(_Frozen):
    id: str = Field(min_length=1)
    version: str = Field(min_length=1)
    herhaling_maanden: int = Field(default=24, ge=1, le=120)
    herinnering_dagen: int = Field(default=90, ge=0, le=730)
    phases: tuple[Phase, ...] = Field(min_length=PHASE_COUNT, max_length=PHASE_COUNT)
    wheel_questions: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Routekaart:
        numbers = [p.number for p in self.phases]
        if numbers != list(range(1, PHASE_COUNT + 1)):
            raise ValueError(
                f"de fasen moeten 1 tot en met {PHASE_COUNT} zijn, op volgorde "
                f"(gevonden: {', '.join(map(str, numbers))})"
            )
        seen: set[str] = set()
        for phase in self.phases:
            for _kind, item in phase.items():
                if item.key in seen:
                    raise ValueError(f"de sleutel ‘{item.key}’ komt twee keer voor")
                seen.add(item.key)
        check_wheel_questions(self.wheel_questions)
        return self

    def phase(self, number: int) -> Phase:
        return self.phases[number - 1]

    def item_keys(self) -> tuple[str, ...]:
        return tuple(item.key for p in self.phases for _kind, item in p.items())


#: Bounds on a wheel question list (bijlage 2 has eight): the wheel must stay readable.
MAX_WHEEL_QUESTIONS = 24
MAX_WHEEL_QUESTION_CHARS = 300


def check_wheel_questions(questions: Iterable[str]) -> tuple[str, ...]:
    """The cleaned list, or ValueError with one Dutch sentence (shared by YAML and the editor)."""
    cleaned = tuple(" ".join(q.split()) for q in questions)
    cleaned = tuple(q for q in cleaned if q)
    if not cleaned:
        raise ValueError("het Rad van Fortuin heeft minstens één vraag nodig")
    if len(cleaned) > MAX_WHEEL_QUESTIONS:
        raise ValueError(f"het Rad van Fortuin kan hoogstens {MAX_WHEEL_QUESTIONS} vragen hebben")
    for question in cleaned:
        if len(question) > MAX_WHEEL_QUESTION_CHARS:
            raise ValueError(
                f"de vraag ‘{question[:40]}…’ is langer dan {MAX_WHEEL_QUESTION_CHARS} tekens"
            )
    folded = [q.casefold() for q in cleaned]
    for question, key in zip(cleaned, folded, strict=True):
        if folded.count(key) > 1:
            raise ValueError(f"de vraag ‘{question}’ staat er twee keer in")
    return cleaned


def parse_routekaart(data: Any) -> Routekaart:
    """Validate a loaded mapping; ValueError with Dutch sentences naming where it is wrong."""
    if not isinstance(data, Mapping):
        raise ValueError("het bestand bevat geen routekaart (verwacht een tabel met velden)")
    try:
        return Routekaart.model_validate(dict(data))
    except ValidationError as exc:
        messages = []
        for error in exc.errors():
            if error["type"] == "value_error":
                messages.append(str(error["ctx"]["error"]))
                continue
            where = ".".join(str(part) for part in error["loc"])
            messages.append(f"{where}: {_DUTCH.get(error['type'], error['msg'])}")
        raise ValueError("; ".join(messages)) from None


_DUTCH = {
    "missing": "ontbreekt",
    "extra_forbidden": "is een onbekend veld",
    "string_too_short": "is leeg",
    "string_too_long": "is te lang",
    "string_pattern_mismatch": "mag alleen kleine letters, cijfers en streepjes bevatten",
    "too_short": "heeft te weinig onderdelen",
    "too_long": "heeft te veel onderdelen",
    "int_parsing": "moet een geheel getal zijn",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "string_type": "moet tekst zijn",
    "tuple_type": "moet een lijst zijn",
}


# Progress -----------------------------------------------------------------------------------


class Scope(StrEnum):
    """A routekaart is kept per municipality or for a whole region."""

    GEMEENTE = "gemeente"
    REGIO = "regio"


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """What is recorded for one step or beslismoment."""

    key: str
    done: bool = False
    datum: date | None = None
    eigenaar: str = ""
    notitie: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.done or self.datum or self.eigenaar or self.notitie)


#: Longest owner and note kept (the same bounds the checklist enforces as you type).
MAX_OWNER_CHARS = 200
MAX_NOTE_CHARS = 4000


def current_phase(routekaart: Routekaart, progress: Mapping[str, ItemProgress]) -> int | None:
    """The first phase with an item not yet ticked off; None when every item is done."""
    for phase in routekaart.phases:
        for _kind, item in phase.items():
            entry = progress.get(item.key)
            if entry is None or not entry.done:
                return phase.number
    return None


def phase_text(routekaart: Routekaart, progress: Mapping[str, ItemProgress]) -> str:
    """'Fase 3 · Analyse …', 'Afgerond', or '' when nothing has been recorded yet."""
    if not any(not p.is_empty for p in progress.values() if p.key in routekaart.item_keys()):
        return ""
    number = current_phase(routekaart, progress)
    return "Alle fasen doorlopen" if number is None else routekaart.phase(number).label


def phase_counts(
    routekaart: Routekaart, progress: Mapping[str, ItemProgress]
) -> dict[int, tuple[int, int]]:
    """Per phase (done, total) items, for '3 van 10' beside each phase."""
    counts = {}
    for phase in routekaart.phases:
        items = phase.items()
        done = sum(1 for _k, i in items if (e := progress.get(i.key)) is not None and e.done)
        counts[phase.number] = (done, len(items))
    return counts


# Repeat scan --------------------------------------------------------------------------------


class Reminder(StrEnum):
    """Whether the repeat scan needs attention on a given day."""

    GEEN = "geen"
    BINNENKORT = "binnenkort"
    VERLOPEN = "verlopen"


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def repeat_due(last_scan: date | None, months: int, agreed: date | None = None) -> date | None:
    """The agreed date (beslismoment in fase 4) if any, else the last scan plus `months`."""
    if agreed is not None:
        return agreed
    if last_scan is None:
        return None
    return add_months(last_scan, months)


def repeat_reminder(due: date | None, today: date, window_days: int) -> Reminder:
    if due is None:
        return Reminder.GEEN
    if due < today:
        return Reminder.VERLOPEN
    if (due - today).days <= window_days:
        return Reminder.BINNENKORT
    return Reminder.GEEN
