"""Scans in the database: create, answer (one committed transaction per change, with its
history row: who, where, when, old and new), list, trash."""

from __future__ import annotations

import getpass
import socket
import uuid
import weakref
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from zelfscan_app.domain.history import AnswerChange, Editor, HistoryEntry
from zelfscan_app.domain.names import NameProblem, clean_name, lookalike_message
from zelfscan_app.domain.scan import AnswerValue, Participant, Scan, SoortMeting
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.storage import history as history_repo
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.repository import ScanListItem, ScanListQuery

if TYPE_CHECKING:  # the questionnaire model (pydantic) stays off the start-up path
    from zelfscan_app.domain.questionnaire import Questionnaire
    from zelfscan_app.domain.scoring import StandardScore

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


class DatabaseScanList:
    """The scan list of a database, a page at a time (a `ScanListSource` for the window's
    list): searched, sorted and counted by the database, so the first screen of a list of
    thousands costs what it costs for a dozen."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self, query: ScanListQuery) -> int:
        with self.db.reading() as connection:
            return repo.count_scan_list(connection, query)

    def fetch(self, query: ScanListQuery, offset: int, limit: int | None) -> list[ScanListItem]:
        with self.db.reading() as connection:
            return repo.scan_list_page(connection, query, offset, limit)


def _check_question(questionnaire: Questionnaire | None, question: int) -> None:
    if questionnaire is not None and not questionnaire.has_question(question):
        raise ZelfscanError(f"vraag {question} bestaat niet in de vragenlijst")


def new_change(
    scan_id: int, question: int, field: str, value: AnswerValue | str | bool | None
) -> AnswerChange:
    """A change with a fresh id: the id follows it into the journal and the history."""
    return AnswerChange(uuid.uuid4().hex, scan_id, question, field, value)


def check_change(change: AnswerChange, questionnaire: Questionnaire | None = None) -> None:
    """Refuse what can never be stored (unknown question, text too long): ZelfscanError."""
    if change.field in ("toelichting", "nuancering"):
        if not isinstance(change.value, str):
            raise ValueError(f"{change.field} must be text")
        if len(change.value) > TEXT_LIMIT:
            raise ZelfscanError(f"de {change.field} is langer dan {TEXT_LIMIT} tekens")
    elif change.field == "value" and change.value is not None:
        AnswerValue(change.value)  # type: ignore[arg-type]  # ValueError for anything else
    _check_question(questionnaire, change.question)


def apply_change(db: Database, change: AnswerChange, editor: Editor | None = None) -> int | None:
    """Store one change with its history row in one transaction; returns after the commit.

    The history id, or None when the answer already was so. Storing a change twice (a
    replay after a broken connection, or two windows replaying one journal) stores it once.
    """
    editor = editor or editor_of(db)
    try:
        with db.session() as session:
            return history_repo.apply_change(session, change, editor, repo.now())
    except IntegrityError:  # the same change_id committed by another writer meanwhile
        with db.session() as session:
            done = history_repo.history_id_of(session, change.change_id)
        if done is None:
            raise
        return done


def set_answer(
    db: Database,
    scan_id: int,
    question: int,
    value: AnswerValue | None,
    questionnaire: Questionnaire | None = None,
) -> int | None:
    """Store one answer; returns only after the commit, so the caller may say 'opgeslagen'."""
    change = new_change(scan_id, question, "value", value)
    check_change(change, questionnaire)
    return apply_change(db, change)


def set_text(
    db: Database,
    scan_id: int,
    question: int,
    field: str,
    text: str,
    questionnaire: Questionnaire | None = None,
) -> int | None:
    if field not in ("toelichting", "nuancering"):
        raise ValueError(f"unknown text field {field!r}")
    change = new_change(scan_id, question, field, text)
    check_change(change, questionnaire)
    return apply_change(db, change)


def set_bespreekpunt(db: Database, scan_id: int, question: int, flag: bool) -> int | None:
    return apply_change(db, new_change(scan_id, question, "bespreekpunt", bool(flag)))


# --- who changed what: the answer history -------------------------------------------------

_editors: weakref.WeakKeyDictionary[Database, Editor] = weakref.WeakKeyDictionary()


def current_editor() -> Editor:
    """This workstation's OS login and host name, as the history records them."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in the environment (a service account, a container)
        user = ""
    return Editor(user=user or "onbekend", workstation=socket.gethostname() or "onbekend")


def set_editor(db: Database, editor: Editor) -> None:
    """Record changes through `db` under another name (two windows in one test process)."""
    _editors[db] = editor


def editor_of(db: Database) -> Editor:
    editor = _editors.get(db)
    if editor is None:
        editor = _editors[db] = current_editor()
    return editor


def answer_history(db: Database, scan_id: int, question: int | None = None) -> list[HistoryEntry]:
    """Every stored change of a scan's answers (of one question), oldest first."""
    with db.session() as session:
        return history_repo.history(session, scan_id, question=question)


def changes_since(db: Database, scan_id: int, after_id: int) -> list[HistoryEntry]:
    """The changes after history id `after_id`, oldest first: what another window did."""
    with db.session() as session:
        return history_repo.history(session, scan_id, after_id=after_id)


def last_change(db: Database, scan_id: int) -> int:
    """The newest history id of a scan (0: none yet)."""
    with db.session() as session:
        return history_repo.last_history_id(session, scan_id)


def is_shared(db: Database) -> bool:
    """A database other workstations write to as well (a server, not a SQLite file)."""
    return db.engine.dialect.name != "sqlite"


#: Characters of the 'Duiding door de groep': a few pages of a report, no more.
DUIDING_LIMIT = 20_000


def set_duiding(db: Database, scan_id: int, text: str) -> None:
    """Store the group's interpretation of the results; returns after the commit."""
    if len(text) > DUIDING_LIMIT:
        raise ZelfscanError(f"de duiding is langer dan {DUIDING_LIMIT} tekens")
    with db.session() as session:
        repo.update_duiding(session, scan_id, text)


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
    from zelfscan_app.domain.scoring import standard_scores

    return standard_scores(questionnaire, scan.values)


# --- used by the session GUI ---------------------------------------------------------------

NAME_LIMIT = 200  # the column width of gemeente, regio, facilitator and participant fields


def list_trashed(db: Database) -> list[ScanListItem]:
    """Scans in the trash, most recently changed first (for 'Prullenbak' / undo)."""
    with db.session() as session:
        return repo.list_scans(session, deleted=True)


def known_regions(db: Database) -> list[str]:
    """The distinct region names already used, for completion in the new-scan dialog."""
    return sorted({item.regio for item in list_scans(db) if item.regio}, key=str.casefold)


def same_scans(db: Database, gemeente: str, datum: date, soort: SoortMeting) -> list[ScanListItem]:
    """Existing scans with the same gemeente, date and kind (a likely duplicate)."""
    with db.session() as session:
        return repo.find_scans(session, gemeente=_cleaned(gemeente), datum=datum, soort=soort)


def lookalike_gemeente(db: Database, gemeente: str, *, exclude_id: int | None = None) -> str:
    """The existing municipality that `gemeente` is not, but looks like (confusable letters,
    case, diacritics); '' when the name is new or exactly known. `exclude_id` is the scan
    being edited: its own old name does not count."""
    name = _cleaned(gemeente)
    if not name:
        return ""
    with db.session() as session:
        names = repo.gemeente_lookalikes(session, name, exclude_id=exclude_id)
    return names[0] if names else ""


def lookalike_problem(gemeente: str, existing: str, *, advice: bool = True) -> str:
    """The one sentence shown for a lookalike ("… lijkt op de bestaande gemeente …")."""
    return _sentence(lookalike_message(_cleaned(gemeente), existing, advice=advice))


def _cleaned(name: str) -> str:
    """A name cleaned for a lookup; a name that would be refused is compared as typed."""
    try:
        return clean_name(name)
    except NameProblem:
        return name.strip()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:].rstrip(".") + "."


def _name_problem(value: str, what: str, too_long: str) -> str:
    """What is wrong with one name field as one Dutch sentence, or ''."""
    try:
        cleaned = clean_name(value, what=what)
    except NameProblem as problem:
        return _sentence(str(problem))
    return too_long if len(cleaned) > NAME_LIMIT else ""


def scan_problems(
    gemeente: str,
    regio: str,
    facilitator: str,
    participants: list[Participant] | tuple[Participant, ...],
) -> list[str]:
    """What blocks creating or changing a scan, one Dutch sentence each (empty when fine)."""
    problems: list[str] = []
    if not _cleaned(gemeente):
        problems.append("Vul de naam van de gemeente in.")
    for label, value in (("gemeente", gemeente), ("regio", regio), ("gespreksleider", facilitator)):
        too_long = f"De naam van de {label} is langer dan {NAME_LIMIT} tekens."
        if problem := _name_problem(value, label, too_long):
            problems.append(problem)
    for number, person in enumerate(participants, start=1):
        if not _cleaned(person.naam) and (_cleaned(person.organisatie) or _cleaned(person.rol)):
            problems.append(f"Deelnemer {number} heeft nog geen naam.")
        for label, value in (
            ("naam", person.naam),
            ("organisatie", person.organisatie),
            ("rol", person.rol),
        ):
            too_long = f"Een veld van deelnemer {number} is langer dan {NAME_LIMIT} tekens."
            if problem := _name_problem(value, f"{label} van deelnemer {number}", too_long):
                problems.append(problem)
                break
    return problems


def build_scan(
    questionnaire: Questionnaire,
    *,
    gemeente: str,
    regio: str,
    datum: date,
    soort: SoortMeting,
    facilitator: str = "",
    participants: list[Participant] | tuple[Participant, ...] = (),
) -> Scan:
    """A new, unanswered scan from the dialog's fields, every name cleaned by
    `domain.names.clean_name`; raises ZelfscanError when invalid."""
    problems = scan_problems(gemeente, regio, facilitator, participants)
    if problems:
        raise ZelfscanError(" ".join(problems))
    people = tuple(
        Participant(clean_name(p.naam), clean_name(p.organisatie), clean_name(p.rol))
        for p in participants
        if clean_name(p.naam)
    )
    return Scan(
        gemeente=clean_name(gemeente),
        regio=clean_name(regio),
        datum=datum,
        soort=soort,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        facilitator=clean_name(facilitator),
        participants=people,
    )


def check_questionnaire(questionnaire: Questionnaire, scan: Scan) -> str:
    """Refuse a scan of another questionnaire; returns a warning for another version, else ''."""
    if scan.questionnaire_id != questionnaire.id:
        raise ZelfscanError(
            f"deze zelfscan hoort bij vragenlijst '{scan.questionnaire_id}', "
            f"dit programma werkt met '{questionnaire.id}'"
        )
    if scan.questionnaire_version != questionnaire.version:
        return (
            f"Deze zelfscan is gemaakt met versie {scan.questionnaire_version} van de "
            f"vragenlijst; dit programma toont versie {questionnaire.version}."
        )
    return ""
