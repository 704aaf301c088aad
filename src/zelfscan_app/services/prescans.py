"""Use cases of pre-scans (voorbereidingen) and the show of hands: the one door for GUI and CLI.

A voorbereiding is one participant's answers, filled alone in the blank form before the
meeting with ‘Voorbereiding door’ filled in. It is imported *into* one chosen scan and stored
beside it (`storage.prescan_repository`), never as a scan of its own and never in the
regional view. The same hostile-file guards apply: files are read by `exchange.reader`
(the one reader), each refused on its own with its own Dutch message, and stored in one unit
of work each. During the session the facilitator sees per question how the voorbereidingen
split, or types the room's show of hands when there are none.

Names: what a voorbereiding is `door` is shown only when the facilitator asks for it
(`toelichtingen(..., with_names=True)`); messages, splits, rankings and documents never
carry it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.names import skeleton
from zelfscan_app.domain.prescan import (
    Prescan,
    PrescanAnswer,
    RankedQuestion,
    Split,
    clean_door,
    prescan_fingerprint,
    rank_disagreement,
    split_from_hands,
    splits_for,
)
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import AnswerValue, Scan
from zelfscan_app.errors import ZelfscanError
from zelfscan_app.services.exchange import FileResult, ImportReport, ImportStatus
from zelfscan_app.storage import prescan_repository as repo
from zelfscan_app.storage import repository as scans_repo
from zelfscan_app.storage.database import Database

if TYPE_CHECKING:
    from zelfscan_app.exchange.reader import WorkbookScan

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


# Reading -----------------------------------------------------------------------------------


def prescans(db: Database, scan_id: int) -> list[Prescan]:
    with db.session() as session:
        return repo.prescans(session, scan_id)


def hand_counts(db: Database, scan_id: int) -> dict[int, tuple[int, int]]:
    with db.session() as session:
        return repo.hand_counts(session, scan_id)


def splits(db: Database, questionnaire: Questionnaire, scan_id: int) -> dict[int, Split]:
    """The split per question (pre-scans if any, else the show of hands where typed)."""
    with db.session() as session:
        stored = repo.prescans(session, scan_id)
        hands = repo.hand_counts(session, scan_id) if not stored else {}
    return splits_for(questionnaire.question_numbers, stored, hands)


@dataclass(frozen=True, slots=True)
class Overview:
    """What the session shows: how many pre-scans, the split per question and the ranking."""

    prescans: int
    splits: dict[int, Split]
    ranking: tuple[RankedQuestion, ...]

    @property
    def marked(self) -> frozenset[int]:
        return frozenset(r.question for r in self.ranking if r.split.marked)


def overview(db: Database, questionnaire: Questionnaire, scan_id: int) -> Overview:
    return session_view(db, questionnaire, scan_id)[0]


def session_view(
    db: Database, questionnaire: Questionnaire, scan_id: int
) -> tuple[Overview, list[Prescan]]:
    """The overview and the pre-scans themselves, read once: the session keeps both and
    answers every question change from memory (`notes_from`)."""
    with db.session() as session:
        stored = repo.prescans(session, scan_id)
        hands = repo.hand_counts(session, scan_id) if not stored else {}
    per_question = splits_for(questionnaire.question_numbers, stored, hands)
    view = Overview(len(stored), per_question, tuple(rank_disagreement(per_question)))
    return view, stored


@dataclass(frozen=True, slots=True)
class PrescanNote:
    """One voorbereiding's toelichting on a question; `door` is empty unless names were asked."""

    value: AnswerValue | None
    toelichting: str
    door: str = ""

    @property
    def value_text(self) -> str:
        return self.value.value if self.value is not None else "Open"


def toelichtingen(
    db: Database, scan_id: int, question: int, *, with_names: bool = False
) -> list[PrescanNote]:
    """The pre-scans' toelichtingen on one question (only those with text).

    Without names they are ordered by answer and text, not by import order: the order in which
    the facilitator received the files would otherwise hint at who wrote what."""
    return notes_from(prescans(db, scan_id), question, with_names=with_names)


def notes_from(
    stored: Sequence[Prescan], question: int, *, with_names: bool = False
) -> list[PrescanNote]:
    """`toelichtingen` from pre-scans already read."""
    notes = []
    for p in stored:
        answer = p.answer(question)
        if answer.toelichting.strip():
            notes.append(
                PrescanNote(answer.value, answer.toelichting, p.door if with_names else "")
            )
    if not with_names:
        order = {AnswerValue.OP_ORDE: 0, AnswerValue.NIET_OP_ORDE: 1, None: 2}
        notes.sort(key=lambda n: (order[n.value], n.toelichting.casefold()))
    return notes


# Changing ----------------------------------------------------------------------------------


def save_hand_count(
    db: Database, scan_id: int, question: int, counts: tuple[int, int] | None
) -> Split | None:
    """Store the room's show of hands for one question (None or 0/0 removes it); one
    committed unit of work, like every answer in the session."""
    split = None
    if counts is not None:
        try:
            split = split_from_hands(*counts)
        except ValueError as exc:
            raise ZelfscanError(str(exc)) from None
        if split.answered == 0:
            split, counts = None, None
    with db.session() as session:
        scans_repo.get_scan(session, scan_id)  # NotFound in Dutch for a deleted scan
        repo.save_hand_count(session, scan_id, question, counts)
    return split


def remove_prescan(db: Database, scan_id: int, prescan_id: int) -> bool:
    with db.session() as session:
        return repo.remove_prescan(session, scan_id, prescan_id)


# Import ------------------------------------------------------------------------------------


def workbooks_in(paths: Iterable[str | Path]) -> list[str]:
    """Files as given, and for a folder the .xlsx files in it (not its subfolders), sorted.

    Office's lock files (~$name.xlsx) are left out: they are not workbooks."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                str(p)
                for p in path.iterdir()
                if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$") and p.is_file()
            )
        else:
            found.append(str(path))
    return found


def import_prescans(
    db: Database,
    questionnaire: Questionnaire,
    scan_id: int,
    paths: Sequence[str | Path],
    *,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ImportReport:
    """Import filled forms as voorbereidingen of scan `scan_id` (each file all or nothing).

    A file is refused (with its own message) when it is not a safe, valid workbook, when
    ‘Voorbereiding door’ is empty (then it is the group's form, not a voorbereiding) or when it
    belongs to another gemeente. The same content twice for one scan is stored once."""
    from zelfscan_app.exchange.reader import read_scan_files

    with db.session() as session:
        scan = scans_repo.get_scan(session, scan_id)  # NotFound before any file is read
    results: list[FileResult] = []
    outcomes = read_scan_files(paths, questionnaire)
    try:
        for done, path in enumerate(paths):
            if should_cancel is not None and should_cancel():
                results += [
                    FileResult(
                        str(p), ImportStatus.SKIPPED, "niet verwerkt: het inlezen is afgebroken"
                    )
                    for p in paths[done:]
                ]
                return ImportReport(tuple(results), cancelled=True)
            results.append(_import_one(db, scan, str(path), next(outcomes)))
            if on_progress is not None:
                on_progress(done + 1, len(paths))
    finally:
        getattr(outcomes, "close", lambda: None)()  # a generator: stop the pool on cancel
    return ImportReport(tuple(results))


def _import_one(
    db: Database, scan: Scan, path: str, read: WorkbookScan | ZelfscanError
) -> FileResult:
    from sqlalchemy.exc import IntegrityError, SQLAlchemyError

    if isinstance(read, ZelfscanError):
        return FileResult(path, ImportStatus.REFUSED, str(read))
    found = read.scan
    if not found.prepared_by:
        return FileResult(
            path,
            ImportStatus.REFUSED,
            f"{path}: niet ingelezen als voorbereiding: het veld ‘Voorbereiding door’ op het "
            "blad Toelichting is leeg (vul een naam of organisatie in; een ingevulde zelfscan "
            "van de groep lees je in met Importeren)",
        )
    if skeleton(found.gemeente) != skeleton(scan.gemeente):
        return FileResult(
            path,
            ImportStatus.REFUSED,
            f"{path}: niet ingelezen: deze voorbereiding is voor gemeente ‘{found.gemeente}’, "
            f"de gekozen zelfscan is van ‘{scan.gemeente}’",
        )
    try:
        door = clean_door(found.prepared_by)
    except ValueError as exc:
        return FileResult(path, ImportStatus.REFUSED, f"{path}: {exc}")
    prescan = Prescan(
        door=door,
        answers=tuple(PrescanAnswer(a.question, a.value, a.toelichting) for a in found.answers),
    )
    fingerprint = prescan_fingerprint(prescan)
    assert scan.id is not None
    try:
        with db.session() as session:
            scans_repo.lock_scans_for_import(session)
            known = repo.prescan_with_source(session, scan.id, read.sha256)
            if known is None:
                known = repo.prescan_with_fingerprint(session, scan.id, fingerprint)
            if known is not None:
                return FileResult(
                    path,
                    ImportStatus.DUPLICATE,
                    f"{path}: deze voorbereiding is al ingelezen bij zelfscan {scan.id}",
                    scan_id=scan.id,
                )
            repo.add_prescan(session, scan.id, prescan, source_sha256=read.sha256)
            count = len(repo.doors(session, scan.id))
    except IntegrityError:  # another process stored the same voorbereiding first
        return FileResult(
            path,
            ImportStatus.DUPLICATE,
            f"{path}: deze voorbereiding is al ingelezen bij zelfscan {scan.id}",
            scan_id=scan.id,
        )
    except SQLAlchemyError as exc:
        return FileResult(
            path,
            ImportStatus.REFUSED,
            f"{path}: de database kon de voorbereiding niet opslaan ({type(exc).__name__})",
        )
    return FileResult(
        path,
        ImportStatus.IMPORTED,
        f"{path}: ingelezen als voorbereiding {count} bij zelfscan {scan.id} ({scan.title})",
        scan_id=scan.id,
        title=scan.title,
        warning=found.warning,
    )


def make_prescan_form(
    db: Database, questionnaire: Questionnaire, scan_id: int, path: str | Path
) -> Path:
    """The blank form for this scan's voorbereidingen: gemeente, regio, datum and soort are
    filled in, so a participant only types a name (or organisation) and the answers."""
    from zelfscan_app.services.exchange import make_form

    with db.session() as session:
        scan = scans_repo.get_scan(session, scan_id)
    return make_form(
        questionnaire,
        path,
        gemeente=scan.gemeente,
        regio=scan.regio,
        datum=scan.datum,
        soort=scan.soort,
        prescan=True,
    )
