"""The duiding (guidance) for GUI, CLI and documents: one loader, strict or forgiving.

Documents are strict: a broken guidance file stops `zelfscan plan` with one Dutch message naming
the file, like a broken questionnaire. Views are forgiving: they show that message in place of
the suggestions, and the plan editor keeps working without pre-filled suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from zelfscan_app.domain.guidance import (
    Guidance,
    QuestionSuggestions,
    StandardHelp,
    explain_score,
    most_room,
    room_text,
    scan_phase,
    standard_help,
    suggestions_for,
)
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import Scan
from zelfscan_app.domain.scoring import StandardScore, standard_scores
from zelfscan_app.errors import ZelfscanError

if TYPE_CHECKING:
    from zelfscan_app.storage.database import Database


def guidance_for(questionnaire: Questionnaire) -> Guidance:
    """The guidance in use for this questionnaire; GuidanceError (Dutch) when it is unusable."""
    from zelfscan_app.guidance_file import default_guidance

    return default_guidance(questionnaire)


def guidance_or_problem(questionnaire: Questionnaire) -> tuple[Guidance | None, str]:
    """(guidance, '') or (None, the Dutch message) for views that must not fail on it."""
    try:
        return guidance_for(questionnaire), ""
    except ZelfscanError as exc:
        return None, str(exc)


# What the results page and the session's help panel show ------------------------------------


@dataclass(frozen=True, slots=True)
class StandardLine:
    """One standard's score with the sentence that explains it."""

    number: int
    title: str
    score: StandardScore
    sentence: str


@dataclass(frozen=True, slots=True)
class ScanDuiding:
    """The results page's duiding of one scan: scores in words, most room, suggestions."""

    lines: tuple[StandardLine, ...]
    room: str
    most_room: tuple[int, ...]
    suggestions: tuple[QuestionSuggestions, ...]
    notice: str
    problem: str  # the guidance file's Dutch error, when it could not be used
    phase: int


def scan_duiding(db: Database | None, questionnaire: Questionnaire, scan: Scan) -> ScanDuiding:
    """Everything the duiding tab shows; the scores come from domain.scoring like everywhere."""
    guidance, problem = guidance_or_problem(questionnaire)
    values = scan.values
    scores = standard_scores(questionnaire, values)
    lines = tuple(
        StandardLine(
            s.standard,
            questionnaire.standard(s.standard).short_title,
            s,
            explain_score(questionnaire, s, values),
        )
        for s in scores
    )
    return ScanDuiding(
        lines=lines,
        room=room_text(questionnaire, scores),
        most_room=tuple(s.standard for s in most_room(scores)),
        suggestions=suggestions_for(questionnaire, guidance, values) if guidance else (),
        notice=guidance.notice if guidance else "",
        problem=problem,
        phase=phase_of(db, questionnaire, scan),
    )


def phase_of(db: Database | None, questionnaire: Questionnaire, scan: Scan) -> int:
    """The routekaart phase of a scan (domain.guidance.scan_phase) with its stored actions."""
    from zelfscan_app.services.actions import stored_actions

    actions = stored_actions(db, scan.id) if db is not None and scan.id is not None else []
    return scan_phase(questionnaire, scan.values, actions)


def help_for_standard(
    db: Database | None, questionnaire: Questionnaire, scan: Scan | None, number: int
) -> StandardHelp:
    """The help panel's content for one standard, with the advice for the scan's phase."""
    guidance, _problem = guidance_or_problem(questionnaire)
    phase = phase_of(db, questionnaire, scan) if scan is not None else 2
    return standard_help(questionnaire, guidance, number, phase)
