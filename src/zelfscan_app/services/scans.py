"""Scans in the database: create, answer (one committed transaction per change), list, trash."""

from __future__ import annotations

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan
from zelfscan_app.domain.scoring import StandardScore, standard_scores
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.repository import ScanListItem

TEXT_LIMIT = 10_000  # characters per toelichting/nuancering; a sane bound for a meeting note


def create_scan(db: Database, scan: Scan) -> int:
    with db.session() as session:
        return repo.add_scan(session, scan)


def get_scan(db: Database, scan_id: int) -> Scan:
    with db.session() as session:
        return repo.get_scan(session, scan_id)


def list_scans(db: Database) -> list[ScanListItem]:
    with db.session() as session:
        return repo.list_scans(session)


def _check_question(questionnaire: Questionnaire | None, question: int) -> None:
    if questionnaire is not None and not questionnaire.has_question(question):
        raise ZelfscanError(f"vraag {question} bestaat niet in de vragenlijst")


def set_answer(
    db: Database,
    scan_id: int,
    question: int,
    value: AnswerValue | None,
    questionnaire: Questionnaire | None = None,
) -> None:
    """Store one answer; returns only after the commit, so the caller may say 'opgeslagen'."""
    _check_question(questionnaire, question)
    with db.session() as session:
        repo.update_answer(session, scan_id, question, value=value)


def set_text(
    db: Database,
    scan_id: int,
    question: int,
    field: str,
    text: str,
    questionnaire: Questionnaire | None = None,
) -> None:
    if field not in ("toelichting", "nuancering"):
        raise ValueError(f"unknown text field {field!r}")
    if len(text) > TEXT_LIMIT:
        raise ZelfscanError(f"de {field} is langer dan {TEXT_LIMIT} tekens")
    _check_question(questionnaire, question)
    with db.session() as session:
        repo.update_answer(session, scan_id, question, **{field: text})


def set_bespreekpunt(db: Database, scan_id: int, question: int, flag: bool) -> None:
    with db.session() as session:
        repo.update_answer(session, scan_id, question, bespreekpunt=flag)


def update_metadata(db: Database, scan_id: int, scan: Scan) -> None:
    with db.session() as session:
        repo.update_metadata(session, scan_id, scan)


def move_to_trash(db: Database, scan_id: int) -> None:
    with db.session() as session:
        repo.move_to_trash(session, scan_id)


def restore_from_trash(db: Database, scan_id: int) -> None:
    with db.session() as session:
        repo.restore_from_trash(session, scan_id)


def scores(questionnaire: Questionnaire, scan: Scan) -> tuple[StandardScore, ...]:
    return standard_scores(questionnaire, scan.values)
