"""Use cases of the Rad van Fortuin: the region's question list and the group's answers.

A region may edit the bijlage-2 list; the answers are kept with the scan (one committed unit
of work per answer, like every answer in the session) and printed in the findings report.
"""

from __future__ import annotations

from zelfscan_app.domain.routekaart import check_wheel_questions
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.routekaart_file import default_routekaart
from zelfscan_app.storage import kit_repository as repo
from zelfscan_app.storage.database import Database

MAX_ANSWER_CHARS = 10_000


def default_questions() -> tuple[str, ...]:
    return default_routekaart().wheel_questions


def questions_for(db: Database, regio: str) -> tuple[str, ...]:
    """The region's own list when it has one, else the bijlage-2 list."""
    with db.session() as session:
        own = repo.wheel_questions(session, regio) if regio else None
    return own or default_questions()


def has_own_questions(db: Database, regio: str) -> bool:
    with db.session() as session:
        return bool(regio) and repo.wheel_questions(session, regio) is not None


def save_questions(db: Database, regio: str, questions: list[str] | None) -> tuple[str, ...]:
    """Store the region's list (checked first; None restores bijlage 2); returns what applies."""
    if not regio.strip():
        raise ZelfscanError(
            "een eigen vragenlijst voor het rad hoort bij een regio; vul de regio in"
        )
    cleaned = None
    if questions is not None:
        try:
            cleaned = check_wheel_questions(questions)
        except ValueError as exc:
            raise ZelfscanError(str(exc)) from None
    with db.session() as session:
        repo.save_wheel_questions(session, regio, cleaned)
    return cleaned or default_questions()


def answers(db: Database, scan_id: int) -> list[tuple[str, str]]:
    """(question, answer) in the order the wheel drew them."""
    with db.session() as session:
        return repo.wheel_answers(session, scan_id)


def save_answer(db: Database, scan_id: int, question: str, answer: str) -> None:
    if len(answer) > MAX_ANSWER_CHARS:
        raise ZelfscanError(f"het antwoord is langer dan {MAX_ANSWER_CHARS} tekens")
    with db.session() as session:
        repo.save_wheel_answer(session, scan_id, question, answer)
