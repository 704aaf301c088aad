"""Read a scan workbook into a domain `Scan`, or refuse it with one clear Dutch message.

Three stages, so that nothing half-checked reaches the database:
1. `guards` checks the raw bytes (size, zip structure, zip bomb, CRC, XML DTDs, well-formed
   parts, sheet extent) before any reading, and notes the formula and error cells;
2. python-calamine (Rust) extracts the cell values of the sheets we need, with row limits;
   whatever it raises on a damaged file becomes one ImportRefused. openpyxl stays for writing:
   calamine reads the same workbooks about twenty times faster (tests/exchange keeps the old
   openpyxl reader as a reference and demands the same result for every workbook);
3. plain Python interprets the cells against the questionnaire.
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any, cast

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.scan import (
    Answer,
    AnswerValue,
    Participant,
    Scan,
    SoortMeting,
    parse_answer_value,
    parse_soort,
)
from zelfscan_app.errors import ImportRefused, ZelfscanError
from zelfscan_app.exchange import cells, guards
from zelfscan_app.exchange import layout as L
from zelfscan_app.exchange.cells import BLANK, CellProblem, RawCell

Row = tuple[RawCell, ...]


@dataclass(frozen=True, slots=True)
class RawSheet:
    name: str
    rows: tuple[tuple[int, Row], ...]  # non-empty rows with their 1-based row number


@dataclass(frozen=True, slots=True)
class WorkbookScan:
    """A scan read from a workbook, with the file's fingerprint and any warnings."""

    scan: Scan
    sha256: str
    warnings: tuple[str, ...] = ()


def read_scan_file(path: str | Path, questionnaire: Questionnaire) -> WorkbookScan:
    data = guards.read_limited(path)
    return read_scan_bytes(data, str(path), questionnaire)


def read_scan_bytes(data: bytes, path: str, questionnaire: Questionnaire) -> WorkbookScan:
    checked = guards.check_workbook_bytes(data, path)
    sheets = _extract(data, path, checked)
    scan, warnings = _interpret(sheets, path, questionnaire, date1904=checked.date1904)
    return WorkbookScan(scan=scan, sha256=hashlib.sha256(data).hexdigest(), warnings=warnings)


# Many files -----------------------------------------------------------------------------------

# Below this many files a pool costs more (starting workers) than it saves.
PARALLEL_FROM = 24


@dataclass(frozen=True, slots=True)
class ReadPlan:
    """How a batch of files is read: in this process, or in a pool of worker processes."""

    workers: int  # 1 = serial, in this process
    method: str = ""  # the multiprocessing start method of the pool

    def describe(self) -> str:
        if self.workers <= 1:
            return "serieel ingelezen (in dit proces)"
        return f"parallel ingelezen ({self.workers} processen, {self.method})"


def read_plan(count: int) -> ReadPlan:
    """A process pool sized to the cores when there are enough files and it is safe.

    Serial in the frozen app (a bundled executable would have to re-launch itself for every
    worker, and a console-less Windows build has no safe way to), with ZELFSCAN_WORKERS=1, on
    a single core, or for a few files. A process that already runs threads (the GUI's worker
    thread) starts its workers with forkserver or spawn, never by forking threads."""
    import multiprocessing
    import os
    import sys
    import threading

    wanted = os.environ.get("ZELFSCAN_WORKERS", "").strip()
    workers = int(wanted) if wanted.isdigit() and int(wanted) > 0 else _cores()
    workers = min(workers, max(count // 8, 1))
    if getattr(sys, "frozen", False) or workers <= 1 or count < PARALLEL_FROM:
        return ReadPlan(1)
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    elif "forkserver" in methods:
        method = "forkserver"
    else:
        method = "spawn"
    return ReadPlan(workers, method)


def _cores() -> int:
    import os

    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


ReadOutcome = WorkbookScan | ImportRefused


def read_scan_files(
    paths: Sequence[str | Path],
    questionnaire: Questionnaire,
    *,
    plan: ReadPlan | None = None,
) -> Generator[ReadOutcome, None, None]:
    """Read each file (refused on its own, with its own message), yielding in input order.

    The caller may stop iterating at any time (cancel): the pool is shut down and files not
    yet read are never started."""
    plan = plan or read_plan(len(paths))
    if plan.workers <= 1:
        for path in paths:
            yield _read_one(path, questionnaire)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(plan.method)
    if plan.method == "forkserver":  # the server imports the reader once, workers fork from it
        context.set_forkserver_preload(["zelfscan_app.exchange.reader"])
    chunk = max(1, min(16, len(paths) // (plan.workers * 4)))
    pool = ProcessPoolExecutor(
        plan.workers, mp_context=context, initializer=_worker_start, initargs=(questionnaire,)
    )
    try:
        for outcome in pool.map(_worker_read, [str(p) for p in paths], chunksize=chunk):
            yield _unpack(outcome)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _read_one(path: str | Path, questionnaire: Questionnaire) -> ReadOutcome:
    try:
        return read_scan_file(path, questionnaire)
    except ImportRefused as refused:
        return refused
    except ZelfscanError as error:
        return ImportRefused(error.problem, path=error.path, where=error.where)


_worker_questionnaire: Questionnaire | None = None


def _worker_start(questionnaire: Questionnaire) -> None:
    global _worker_questionnaire
    _worker_questionnaire = questionnaire
    _end_with_parent()


#: How often a worker checks that the process that started it is still there.
PARENT_CHECK_S = 0.5


def _end_with_parent() -> None:
    """A worker ends when its parent is gone. A parent that is killed (SIGKILL, a crash, the
    task manager) cannot stop its pool, and the workers would wait for work forever, each
    holding tens of megabytes; a watchdog thread sees the parent change (the worker is handed
    to another process) and ends the worker."""
    import os
    import threading
    import time as clock

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            clock.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="zelfscan-ouder", daemon=True).start()


def _worker_read(path: str) -> tuple[str, object]:
    """In a worker: the outcome as plain data (an exception's fields survive pickling)."""
    assert _worker_questionnaire is not None
    outcome = _read_one(path, _worker_questionnaire)
    if isinstance(outcome, ImportRefused):
        return ("refused", (outcome.problem, outcome.path, outcome.where))
    return ("read", outcome)


def _unpack(outcome: tuple[str, object]) -> ReadOutcome:
    kind, payload = outcome
    if kind == "refused":
        problem, path, where = cast(tuple[str, Any, Any], payload)
        return ImportRefused(problem, path=path, where=where)
    assert isinstance(payload, WorkbookScan)
    return payload


# Stage 2: python-calamine ----------------------------------------------------------------------

SHEETS: tuple[tuple[str, int, int, bool], ...] = (
    # name, columns read, maximum non-empty rows, required
    (L.SHEET_TOELICHTING, 2, L.MAX_SHEET_ROWS, True),
    (L.SHEET_VRAGEN, L.MAX_READ_COLUMNS, L.MAX_QUESTION_ROWS + 1, True),
    (L.SHEET_DEELNEMERS, 3, L.MAX_PARTICIPANTS + 1, False),
)


def _extract(data: bytes, path: str, checked: guards.CheckedWorkbook) -> dict[str, RawSheet | None]:
    """The cell values of the sheets we read, by python-calamine (Rust, values only).

    calamine shows a formula as its cached value and an error as an empty cell; the guards
    found both while checking the sheet XML, and they are put back here, so a formula is
    refused exactly as before. Text comes back with the OOXML `_xHHHH_` escapes undone."""
    try:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(BytesIO(data))
        try:
            return _extract_sheets(workbook, path, checked)
        finally:
            workbook.close()
    except ImportRefused:
        raise
    except Exception:  # a damaged file can make the reader raise anything; say so, plainly
        raise ImportRefused(
            "het bestand is beschadigd en kan niet als Excel-werkmap worden gelezen", path=path
        ) from None


def _extract_sheets(
    workbook: Any, path: str, checked: guards.CheckedWorkbook
) -> dict[str, RawSheet | None]:
    names: list[str] = list(workbook.sheet_names)
    by_name = {" ".join(n.split()).casefold(): n for n in names}
    kinds = {m.name: str(m.typ) for m in workbook.sheets_metadata}
    result: dict[str, RawSheet | None] = {}
    for wanted, columns, max_rows, required in SHEETS:
        actual = by_name.get(wanted.casefold())
        if actual is None:
            if required:
                raise ImportRefused(
                    f"het blad ‘{wanted}’ ontbreekt (de werkmap heeft: {', '.join(names)})",
                    path=path,
                )
            result[wanted] = None
            continue
        part = checked.sheet(actual)
        if not kinds.get(actual, "").endswith("WorkSheet") or part is None:
            raise ImportRefused(f"het blad ‘{wanted}’ is geen gewoon werkblad", path=path)
        grid = workbook.get_sheet_by_name(actual).to_python(skip_empty_area=False)
        result[wanted] = sheet_rows(grid, part.special, wanted, columns, max_rows, path)
    return result


def sheet_rows(
    grid: list[list[Any]],
    special: Mapping[tuple[int, int], tuple[str, str]],
    name: str,
    columns: int,
    max_rows: int,
    path: str,
) -> RawSheet:
    """The non-empty rows of one sheet within the limits; `grid` starts at cell A1."""
    if len(grid) > L.MAX_SHEET_ROWS:
        raise ImportRefused(
            f"het blad heeft meer dan {L.MAX_SHEET_ROWS} rijen", path=path, where=f"blad {name}"
        )
    rows: list[tuple[int, Row]] = []
    memo: dict[str, RawCell] = {}  # texts repeat (labels, answers, standards): one cell each
    for number, values in enumerate(grid, start=1):
        if special:
            row = tuple(_cell(v, memo) for v in values[:columns])
            row = _with_special(row, special, number, columns)
            if all(c.is_blank and c.kind not in ("f", "e") for c in row):
                continue
        elif all(v == "" or (type(v) is str and v.isspace()) for v in values[:columns]):
            continue
        else:
            row = tuple(_cell(v, memo) for v in values[:columns])
        rows.append((number, row))
        if len(rows) > max_rows:
            raise ImportRefused(
                f"het blad heeft meer dan {max_rows} gevulde rijen, veel meer dan een zelfscan "
                "kan hebben",
                path=path,
                where=f"blad {name}",
            )
    return RawSheet(name, tuple(rows))


def _cell(value: Any, memo: dict[str, RawCell]) -> RawCell:
    """A calamine value as the interpretation expects it (openpyxl's conventions)."""
    kind = type(value)
    if kind is str:
        if not value:
            return BLANK
        cell = memo.get(value)
        if cell is None:
            cell = memo[value] = RawCell(value, "s")
        return cell
    if kind is float:
        # The file stores digits; "1" is an integer, as a reader of the XML text would say.
        return RawCell(int(value) if value.is_integer() and abs(value) < 2**53 else value, "n")
    if value is None:
        return BLANK
    if kind is date:
        return RawCell(datetime(value.year, value.month, value.day), "d")
    if kind is bool:
        return RawCell(value, "b")
    return RawCell(value, "d" if isinstance(value, (datetime, time, timedelta)) else "n")


def _with_special(
    row: Row, special: Mapping[tuple[int, int], tuple[str, str]], number: int, columns: int
) -> Row:
    """Put the formulas and error values the guards found back in their cells."""
    found = {c: v for (r, c), v in special.items() if r == number and c <= columns}
    if not found:
        return row
    cells_ = list(row) + [BLANK] * (max(found) - len(row))
    for column, (kind, text) in found.items():
        cells_[column - 1] = RawCell(text, kind)
    return tuple(cells_)


# Stage 3: meaning ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Where:
    path: str
    sheet: str

    def refuse(self, message: str, row: int | None = None, column: str | None = None) -> None:
        where = f"blad {self.sheet}"
        if row is not None:
            where += f", rij {row}"
        if column:
            where += f", kolom {column}"
        raise ImportRefused(message, path=self.path, where=where)


def _interpret(
    sheets: dict[str, RawSheet | None], path: str, q: Questionnaire, *, date1904: bool = False
) -> tuple[Scan, tuple[str, ...]]:
    toelichting = sheets[L.SHEET_TOELICHTING]
    vragen = sheets[L.SHEET_VRAGEN]
    assert toelichting is not None and vragen is not None  # required sheets
    meta = _metadata(toelichting, path, q, date1904=date1904)
    warnings: list[str] = []
    same_version = meta.version == q.version
    if not same_version:
        shown = meta.version or "(zonder versie)"
        warnings.append(
            f"Ingelezen uit een werkmap met vragenlijstversie {shown}; dit programma gebruikt "
            f"versie {q.version}. De antwoorden zijn op vraagnummer gekoppeld."
        )
    answers = _answers(vragen, path, q, same_version=same_version, warnings=warnings)
    participants = _participants(sheets[L.SHEET_DEELNEMERS], path)
    scan = Scan(
        gemeente=meta.gemeente,
        regio=meta.regio,
        datum=meta.datum,
        soort=meta.soort,
        questionnaire_id=q.id,
        questionnaire_version=meta.version or q.version,
        facilitator=meta.facilitator,
        participants=participants,
        answers=answers,
        warning=" ".join(warnings),
        prepared_by=meta.prepared_by,
    )
    return scan, tuple(warnings)


@dataclass(frozen=True, slots=True)
class _Meta:
    gemeente: str
    regio: str
    datum: date
    soort: SoortMeting
    version: str
    facilitator: str
    prepared_by: str = ""


def _metadata(sheet: RawSheet, path: str, q: Questionnaire, *, date1904: bool) -> _Meta:
    at = _Where(path, sheet.name)
    wanted = {key.casefold(): key for key in L.KEYS}
    found: dict[str, tuple[int, RawCell]] = {}
    for number, row in sheet.rows:
        key = wanted.get(cells.label(row[0]))
        if key is None:
            continue
        if key in found:
            at.refuse(
                f"het veld '{key}' staat er twee keer in (ook op rij {found[key][0]})", number
            )
        found[key] = (number, row[1] if len(row) > 1 else BLANK)
    for key in (L.KEY_GEMEENTE, L.KEY_REGIO, L.KEY_DATUM, L.KEY_SOORT, L.KEY_VRAGENLIJST):
        if key not in found:
            at.refuse(f"het veld '{key}' ontbreekt (in kolom A, met de waarde in kolom B)")

    def value(key: str, parse: Any) -> Any:
        if key not in found:
            return ""
        number, cell = found[key]
        try:
            return parse(cell)
        except CellProblem as problem:
            at.refuse(str(problem), number, "B")

    def name(key: str) -> Any:
        return value(key, lambda c: cells.name(c, limit=L.MAX_NAME, what=key.lower()))

    gemeente = name(L.KEY_GEMEENTE)
    if not gemeente:
        at.refuse("de gemeente is niet ingevuld", found[L.KEY_GEMEENTE][0], "B")
    datum = value(L.KEY_DATUM, lambda c: cells.parse_date(c, date1904=date1904))
    soort = value(L.KEY_SOORT, _soort)
    version = value(L.KEY_VRAGENLIJST, lambda c: _questionnaire_version(c, q))
    return _Meta(
        gemeente=gemeente,
        regio=name(L.KEY_REGIO),
        datum=datum,
        soort=soort,
        version=version,
        facilitator=name(L.KEY_GESPREKSLEIDER),
        prepared_by=name(L.KEY_VOORBEREIDING),
    )


def _soort(cell: RawCell) -> SoortMeting:
    raw = cells.name(cell, limit=40, what="soort meting")
    if not raw:
        raise CellProblem(
            "de soort meting is niet ingevuld (nulmeting, evaluatie of toetsingsmoment)"
        )
    try:
        return parse_soort(raw)
    except ValueError as exc:
        raise CellProblem(str(exc)) from None


def _questionnaire_version(cell: RawCell, q: Questionnaire) -> str:
    """The workbook's questionnaire version; a different questionnaire id is refused."""
    raw = cells.name(cell, limit=200, what="vragenlijst")
    if not raw:
        raise CellProblem(f"de vragenlijst is niet ingevuld (verwacht '{q.label}')")
    ident = q.id.casefold()
    lowered = raw.casefold()
    if lowered == ident or lowered.startswith(ident + " "):
        return raw[len(q.id) :].strip()[:50]
    foreign = raw.rsplit(" ", 1)[0] if " " in raw else raw
    raise CellProblem(
        f"de werkmap hoort bij vragenlijst '{foreign[:60]}', niet bij '{q.id}'; zelfscans van "
        "verschillende vragenlijsten worden nooit gemengd"
    )


def _header(sheet: RawSheet, at: _Where, required: tuple[str, ...]) -> tuple[int, dict[str, int]]:
    """Find the header row among the first filled rows; map column name → index."""
    first_rows = sheet.rows[:10]
    for number, row in first_rows:
        labels = [cells.label(c) for c in row]
        if required[0].casefold() not in labels:
            continue
        columns: dict[str, int] = {}
        for index, text in enumerate(labels):
            if not text:
                continue
            if text in columns:
                at.refuse(f"de kolom '{row[index].value}' staat er twee keer in", number)
            columns[text] = index
        missing = [name for name in required if name.casefold() not in columns]
        if missing:
            names = "', '".join(missing)
            at.refuse(f"de kolom '{names}' ontbreekt in de kopregel", number)
        return number, columns
    at.refuse(f"de kopregel met de kolommen {', '.join(required)} ontbreekt")
    raise AssertionError  # unreachable: refuse raised


def _answers(
    sheet: RawSheet,
    path: str,
    q: Questionnaire,
    *,
    same_version: bool,
    warnings: list[str],
) -> tuple[Answer, ...]:
    at = _Where(path, sheet.name)
    header_row, columns = _header(sheet, at, L.REQUIRED_VRAGEN_COLUMNS)

    # Column positions by the names used below, looked up once per sheet, not once per cell.
    positions = {name: columns.get(name.casefold()) for name in (*L.VRAGEN_COLUMNS, L.COL_NR)}

    def cell(row: Row, name: str) -> RawCell:
        index = positions[name] if name in positions else columns.get(name.casefold())
        return row[index] if index is not None and index < len(row) else BLANK

    seen: dict[int, int] = {}
    answers: list[Answer] = []
    mismatched: list[int] = []
    for number, row in sheet.rows:
        if number <= header_row:
            continue

        def parse(name: str, fn: Any, row: Row = row, number: int = number) -> Any:
            try:
                return fn(cell(row, name))
            except CellProblem as problem:
                at.refuse(str(problem), number, name)

        question = parse(L.COL_NR, cells.question_number)
        if question is None:
            if all(cell(row, name).is_blank for name in L.VRAGEN_COLUMNS):
                continue  # only unrelated columns are filled: not a question row
            at.refuse("deze rij heeft geen vraagnummer in de kolom Nr", number)
        if not q.has_question(question):
            at.refuse(f"vraag {question} bestaat niet in vragenlijst {q.label}", number, L.COL_NR)
        if question in seen:
            at.refuse(
                f"vraag {question} staat twee keer in het blad (ook op rij {seen[question]})",
                number,
                L.COL_NR,
            )
        seen[question] = number
        standard = parse(L.COL_STANDAARD, cells.leading_number)
        expected = q.question(question).standard
        if standard is not None and standard != expected:
            if same_version:
                at.refuse(
                    f"vraag {question} hoort bij kwaliteitsstandaard {expected}, maar de werkmap "
                    f"noemt {standard}",
                    number,
                    L.COL_STANDAARD,
                )
            mismatched.append(question)
        value = parse(L.COL_ANTWOORD, _answer_value)
        toelichting = parse(
            L.COL_TOELICHTING, lambda c: cells.text(c, limit=L.MAX_TEXT, what="toelichting")
        )
        nuancering = parse(
            L.COL_NUANCERING, lambda c: cells.text(c, limit=L.MAX_TEXT, what="nuancering")
        )
        bespreekpunt = parse(L.COL_BESPREEKPUNT, cells.flag)
        answer = Answer(question, value, toelichting, nuancering, bespreekpunt)
        if not answer.is_empty:
            answers.append(answer)
    if mismatched:
        warnings.append(
            "In deze vragenlijstversie horen vragen "
            f"{', '.join(map(str, mismatched))} bij een andere kwaliteitsstandaard; "
            "de scores volgen de indeling van dit programma."
        )
    return tuple(sorted(answers, key=lambda a: a.question))


def _answer_value(cell: RawCell) -> AnswerValue | None:
    cells.check_plain(cell)
    if cell.is_blank:
        return None
    if not isinstance(cell.value, str):
        raise CellProblem(
            f"onbekend antwoord '{cell.value}' (toegestaan: 'Op orde', 'Niet op orde' of leeg)"
        )
    try:
        return parse_answer_value(cell.value[:100])
    except ValueError as exc:
        raise CellProblem(str(exc)) from None


def _participants(sheet: RawSheet | None, path: str) -> tuple[Participant, ...]:
    if sheet is None or not sheet.rows:
        return ()
    at = _Where(path, sheet.name)
    header_row, columns = _header(sheet, at, (L.COL_NAAM,))
    people: list[Participant] = []
    for number, row in sheet.rows:
        if number <= header_row:
            continue
        fields = []
        for name in L.DEELNEMERS_COLUMNS:
            index = columns.get(name.casefold())
            raw = row[index] if index is not None and index < len(row) else BLANK
            try:
                fields.append(cells.name(raw, limit=L.MAX_NAME, what=name.lower()))
            except CellProblem as problem:
                at.refuse(str(problem), number, name)
        if any(fields):
            people.append(Participant(*fields))
    return tuple(people)
