"""Who changed which answer when: the change a facilitator makes, and the history it leaves.

Pure data. An `AnswerChange` is what a session asks for (one field of one answer, with an id
chosen by the writer so that replaying it from the local journal can never store it twice);
a `HistoryEntry` is what the shared database kept: the answer before and after, when (UTC) and
by whom (OS login on which workstation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from zelfscan_app.domain.scan import AnswerValue

#: The fields of an answer a session can change, in the order the history shows them.
ANSWER_FIELDS = ("value", "toelichting", "nuancering", "bespreekpunt")


@dataclass(frozen=True, slots=True)
class Editor:
    """The person at a workstation: OS login name and host name, as the history shows them."""

    user: str
    workstation: str


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """One field of one answer set to a new value; `change_id` is unique per change."""

    change_id: str
    scan_id: int
    question: int
    field: str
    value: AnswerValue | str | bool | None
    #: When it was typed (naive UTC); set for a change kept in the journal while the shared
    #: database was away, so the history says when it was made, not when it arrived.
    made_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.field not in ANSWER_FIELDS:
            raise ValueError(f"unknown answer field {self.field!r}")


@dataclass(frozen=True, slots=True)
class AnswerState:
    """The four stored fields of one answer at one moment."""

    value: AnswerValue | None = None
    toelichting: str = ""
    nuancering: str = ""
    bespreekpunt: bool = False


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One stored change of one answer, oldest first by `id` within a scan."""

    id: int
    scan_id: int
    question: int
    changed_at: datetime  # UTC, naive
    editor: Editor
    old: AnswerState
    new: AnswerState

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields this change altered (empty only for a change that altered nothing)."""
        return tuple(f for f in ANSWER_FIELDS if getattr(self.old, f) != getattr(self.new, f))


_LABELS = {
    "value": "antwoord",
    "toelichting": "toelichting",
    "nuancering": "nuancering",
    "bespreekpunt": "bespreekpunt",
}
TEXT_PREVIEW = 60  # characters of a toelichting shown in a history line


def _shown(field: str, value: object) -> str:
    if field == "value":
        return value.value if isinstance(value, AnswerValue) else "geen antwoord"
    if field == "bespreekpunt":
        return "aan" if value else "uit"
    text = " ".join(str(value or "").split())
    if not text:
        return "(leeg)"
    if len(text) > TEXT_PREVIEW:
        text = text[: TEXT_PREVIEW - 1] + "…"
    return f"‘{text}’"


def describe(entry: HistoryEntry) -> str:
    """What changed, old → new, in Dutch: "antwoord Op orde → Niet op orde"."""
    parts = [
        f"{_LABELS[f]} {_shown(f, getattr(entry.old, f))} → {_shown(f, getattr(entry.new, f))}"
        for f in entry.fields
    ]
    return "; ".join(parts) or "geen wijziging"
