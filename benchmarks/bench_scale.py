"""Scale: a region's database of ten years (342 municipalities × nulmeting/evaluatie ≈ 6,840
scans) must open as fast as one year's (342 scans). Issue 21.

Databases of 342, 3,420 and 6,840 scans (342 municipalities in one region, 1, 10 or 20 scans
each, 31 answers per scan) are built once per run in the run's temp folder, by bulk insert
through the storage models (not 6,840 workbook imports). At each size:

- start-up (startup_probe.py, the real entry point): window visible, scan list idle, deferred
  work done;
- the scan list query the window runs (its first page and the count; before issue 21: the whole
  list) vs raw sqlite3 running SQL that does the same work;
- the regional view's newest scan per municipality vs the same SQL in raw sqlite3;
- an import's duplicate check (file hash, content fingerprint, lookalike names, same
  gemeente/datum/soort) vs the same four SELECTs in raw sqlite3;
- the regional view (scale_probe.py): first paint and idle after Beeld → Regio-overzicht, on
  SQLite and, when a PostgreSQL server can be started (tests/pg_server.py), on PostgreSQL.

Each row prints its growth factor (figure at this size / figure at 342) beside it; the
`scale` key of results.json keeps the whole table. Works on older code too (then the list is
read whole and the newest per municipality picked in Python, as it was), so before and after
figures come from the same benchmark.
"""

from __future__ import annotations

import contextlib
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from random import Random

from common import Result, median_time
from probes import Probes

STARTUP_PROBE = Path(__file__).with_name("startup_probe.py")
REGION_PROBE = Path(__file__).with_name("scale_probe.py")
MUNICIPALITIES = 342
REGIO = "Regio Landelijk"

#: Filled by `measure`: the table written under "scale" in results.json.
SCALE: dict[str, object] = {}


@dataclass
class Row:
    measure: str
    goal: str  # on the growth factor at the largest size ('≤ 1.2×'), or on the ratio to raw
    values: dict[int, float] = field(default_factory=dict)
    raw: dict[int, float] = field(default_factory=dict)  # the raw query, when there is one
    ratio_goal: str = ""  # '≤ 2×' for the ratio to raw at every size

    def growth(self, size: int, first: int) -> float:
        return self.values[size] / self.values[first] if self.values.get(first) else 0.0

    def ratio(self, size: int) -> float | None:
        return self.values[size] / self.raw[size] if self.raw.get(size) else None

    def met(self, sizes: list[int]) -> bool | None:
        checks: list[bool] = []
        if self.goal.startswith("≤"):
            checks.append(self.growth(sizes[-1], sizes[0]) <= _limit(self.goal))
        if self.ratio_goal:
            checks += [(self.ratio(n) or 0) <= _limit(self.ratio_goal) for n in sizes]
        return all(checks) if checks else None


def _limit(goal: str) -> float:
    return float(goal.strip("≤ ×"))


# Databases -----------------------------------------------------------------------------------


def build(url: str, questionnaire, scans: int) -> None:
    """`scans` scans (342 municipalities, scans // 342 each: nulmeting and evaluatie a year
    apart, newest last) with every answer, by bulk insert through the storage models."""
    from sqlalchemy import insert

    from zelfscan_app.domain.names import skeleton
    from zelfscan_app.domain.scan import AnswerValue
    from zelfscan_app.storage.database import Database
    from zelfscan_app.storage.models import AnswerRow, ScanRow

    per = max(1, scans // MUNICIPALITIES)
    stored = {c.key for c in ScanRow.__table__.columns}
    rng = Random(21)
    stamp = datetime(2026, 1, 1, 9, 0)
    numbers = [q.number for q in questionnaire.questions]
    scan_rows: list[dict[str, object]] = []
    answer_rows: list[dict[str, object]] = []
    for k in range(per):  # the oldest round first, so ids and changes follow time
        for m in range(min(scans, MUNICIPALITIES)):
            scan_id = len(scan_rows) + 1
            gemeente = f"Gemeente {m:03d}"
            soort = "nulmeting" if k % 2 == 0 else "evaluatie"
            datum = date(2016 + k // 2, 3 if k % 2 == 0 else 10, 1 + m % 28)
            row: dict[str, object] = {
                "id": scan_id,
                "gemeente": gemeente,
                "gemeente_key": skeleton(gemeente),
                "regio": REGIO,
                "datum": datum,
                "soort": soort,
                "questionnaire_id": questionnaire.id,
                "questionnaire_version": questionnaire.version,
                "facilitator": "Benchmark",
                "created_at": stamp,
                "updated_at": stamp + timedelta(minutes=scan_id),
                "warning": "",
                "duiding": "",
            }
            if scan_id % 2:  # every other scan imported from a workbook, as in a region
                row["source_sha256"] = f"{scan_id:064x}"
                row["import_fingerprint"] = f"{scan_id:064d}"
            optional = {  # migration 0009 (issue 21); absent in older code
                "answered_count": len(numbers),
                "gemeente_fold": gemeente.casefold(),
                "regio_key": REGIO.casefold(),
                "search_key": f"{gemeente} {REGIO} {datum:%d-%m-%Y} {soort}".casefold(),
            }
            row.update({k: v for k, v in optional.items() if k in stored})
            scan_rows.append(row)
            strength = rng.uniform(0.2, 0.95)
            answer_rows += [
                {
                    "scan_id": scan_id,
                    "question": n,
                    "value": (
                        AnswerValue.OP_ORDE if rng.random() < strength else AnswerValue.NIET_OP_ORDE
                    ).value,
                    "toelichting": f"Toelichting bij vraag {n}.",
                    "nuancering": "",
                    "bespreekpunt": False,
                    "updated_at": stamp,
                }
                for n in numbers
            ]
    if url.startswith("postgresql"):  # the app never makes the schema there: the DBA's command
        from zelfscan_app.services.shared_database import upgrade

        upgrade(url)
    db = Database(url)
    try:
        with db.session() as session:
            session.execute(insert(ScanRow), scan_rows)
            for start in range(0, len(answer_rows), 20_000):
                session.execute(insert(AnswerRow), answer_rows[start : start + 20_000])
        # PostgreSQL gathers statistics by itself (autovacuum); the app never runs ANALYZE on
        # a SQLite file, so neither does the benchmark: the planner chooses as for a user.
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        # PostgreSQL sequences do not follow explicit ids: move them on for later inserts.
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.exec_driver_sql(
                    "SELECT setval(pg_get_serial_sequence('scans', 'id'), max(id)) FROM scans"
                )
    finally:
        db.dispose()


@contextlib.contextmanager
def postgres(folder: Path) -> Iterator[object | None]:
    """The test suite's PostgreSQL server (tests/pg_server.py), or None when it cannot start."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    try:
        from tests.pg_server import PgUnavailable, start_pg_server
    except ImportError:
        yield None
        return
    try:
        server = start_pg_server(folder)
    except PgUnavailable as exc:
        print(f"scale: PostgreSQL niet beschikbaar ({exc}); alleen SQLite", file=sys.stderr)
        yield None
        return
    try:
        yield server
    finally:
        server.destroy()


# Measures in this process --------------------------------------------------------------------


def _scan_list(db, path: str) -> tuple[Callable[[], object], Callable[[], object]]:
    """(the query the window runs for its list, raw sqlite3 doing the same work)."""
    from zelfscan_app.services import scans as svc

    if hasattr(svc, "DatabaseScanList"):  # issue 21: count + first page, by index
        from zelfscan_app.gui.scan_list_model import ScanListModel
        from zelfscan_app.storage.items import ScanListQuery
        from zelfscan_app.storage.scan_list_fast import count_sql, scan_list_sql

        source, query, page = svc.DatabaseScanList(db), ScanListQuery(), ScanListModel.PAGE

        def ours() -> object:
            return source.count(query), source.fetch(query, 0, page)

        def raw() -> object:
            conn = sqlite3.connect(path)
            count = conn.execute(*count_sql(query)).fetchone()
            rows = conn.execute(*scan_list_sql(query, offset=0, limit=page)).fetchall()
            conn.close()
            return count, rows

        return ours, raw

    def raw_all() -> object:  # what bench_database.py compares the whole list with
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT s.*, (SELECT count(*) FROM answers a WHERE a.scan_id = s.id"
            " AND a.value IS NOT NULL) FROM scans s WHERE s.deleted_at IS NULL"
            " ORDER BY s.updated_at DESC, s.id DESC"
        ).fetchall()
        conn.close()
        return rows

    return (lambda: svc.list_scans(db)), raw_all


def _latest(db, path: str, questionnaire) -> tuple[Callable[[], object], Callable[[], object]]:
    """(the regional view's newest scan per municipality, raw sqlite3 doing the same work)."""
    from zelfscan_app.storage import repository as repo

    if hasattr(repo, "latest_per_municipality"):  # issue 21: in SQL, by index
        where, params = repo._region_where(questionnaire.id, None, None)
        params["regio"] = REGIO.casefold()
        sql = repo.LATEST_PER_MUNICIPALITY_SQL.format(where=where)

        def ours() -> object:
            with db.session() as session:
                return repo.latest_per_municipality(session, questionnaire.id, regio=REGIO)

        def raw() -> object:
            conn = sqlite3.connect(path)
            rows = conn.execute(sql, params).fetchall()
            conn.close()
            return rows

        return ours, raw

    from zelfscan_app.domain.region import latest_per_municipality

    def before() -> object:  # what load_region did: every scan whole, picked in Python
        with db.session() as session:
            scans = repo.get_scans(session)
        wanted = [s for s in scans if s.regio.strip().casefold() == REGIO.casefold()]
        return latest_per_municipality(s for s in wanted if s.questionnaire_id == questionnaire.id)

    def raw_window() -> object:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY lower(gemeente)"
            " ORDER BY datum DESC, id DESC) AS rank FROM scans WHERE deleted_at IS NULL"
            " AND lower(trim(regio)) = lower(?) AND questionnaire_id = ?) WHERE rank = 1",
            (REGIO, questionnaire.id),
        ).fetchall()
        conn.close()
        return rows

    return before, raw_window


def _duplicate_check(db, path: str) -> tuple[Callable[[], object], Callable[[], object]]:
    """(an import's duplicate check of one workbook, the same SELECTs in raw sqlite3)."""
    from zelfscan_app.domain.names import skeleton
    from zelfscan_app.domain.scan import SoortMeting
    from zelfscan_app.storage import repository as repo

    gemeente, datum, soort = "Gemeente 100", date(2016, 3, 1 + 100 % 28), SoortMeting.NULMETING
    sha, fingerprint = "0" * 64, "1" * 64
    answered = (
        "answered_count"
        if hasattr(repo, "scan_list_page")
        else ("(SELECT count(*) FROM answers a WHERE a.scan_id = scans.id AND a.value IS NOT NULL)")
    )

    if hasattr(repo, "import_matches"):  # one statement, as the import runs it
        from zelfscan_app.domain.scan import Scan

        scan = Scan(gemeente, REGIO, datum, soort, "q", "1")
        statement = repo._IMPORT_MATCHES.params(
            key=skeleton(gemeente), sha=sha, fingerprint=fingerprint
        )
        sql = str(
            statement.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
        )

        def ours_one() -> object:
            with db.session() as session:
                repo.lock_scans_for_import(session)
                return repo.import_matches(session, scan, sha256=sha, fingerprint=fingerprint)

        def raw_one() -> object:
            conn = sqlite3.connect(path)
            conn.execute("BEGIN IMMEDIATE")
            found = conn.execute(sql).fetchall()
            conn.rollback()
            conn.close()
            return found

        return ours_one, raw_one

    def ours() -> object:
        with db.session() as session:
            repo.lock_scans_for_import(session)
            return (
                repo.scan_with_fingerprint(session, sha),
                repo.scan_with_import_fingerprint(session, fingerprint),
                repo.gemeente_lookalikes(session, gemeente),
                repo.find_scans(session, gemeente=gemeente, datum=datum, soort=soort),
            )

    def raw() -> object:
        conn = sqlite3.connect(path)
        live = "deleted_at IS NULL"
        key = skeleton(gemeente)
        conn.execute("BEGIN IMMEDIATE")
        found = (
            conn.execute(
                f"SELECT id FROM scans WHERE source_sha256 = ? AND {live}", (sha,)
            ).fetchall(),
            conn.execute(
                f"SELECT id FROM scans WHERE import_fingerprint = ? AND {live}", (fingerprint,)
            ).fetchall(),
            conn.execute(
                f"SELECT DISTINCT gemeente FROM scans WHERE gemeente_key = ? AND {live}", (key,)
            ).fetchall(),
            conn.execute(
                f"SELECT id, gemeente, regio, datum, soort, questionnaire_id,"
                f" questionnaire_version, {answered}, updated_at, warning FROM scans"
                f" WHERE gemeente_key = ? AND datum = ? AND soort = ? AND {live}"
                " ORDER BY updated_at DESC, id DESC",
                (key, datum.isoformat(), soort.value),
            ).fetchall(),
        )
        conn.rollback()
        conn.close()
        return found

    return ours, raw


def _interleaved(ours: Callable[[], object], raw: Callable[[], object], repeat: int):
    """Medians of ours and raw, run alternately so a busy machine slows both alike; at least
    three rounds, more (up to `repeat`) while they take less than two seconds in all."""
    ours(), raw()  # warm caches and prepared statements once
    a: list[float] = []
    b: list[float] = []
    while len(a) < 3 or (len(a) < repeat and sum(a) + sum(b) < 2.0):
        a.append(median_time(ours, 1))
        b.append(median_time(raw, 1))
    return statistics.median(a), statistics.median(b)


# The run -----------------------------------------------------------------------------------


def measure(
    probes: Probes, folder: Path, questionnaire, *, quick: bool, repeat: int
) -> list[Result]:
    from zelfscan_app.storage.database import Database

    global MUNICIPALITIES
    MUNICIPALITIES = 5 if quick else 342
    sizes = [MUNICIPALITIES * n for n in (1, 10, 20)]
    folder.mkdir(parents=True, exist_ok=True)
    probe_repeat = 1 if quick else 3
    query_repeat = 3 if quick else 31

    rows = {
        name: Row(name, goal, ratio_goal=ratio)
        for name, goal, ratio in (
            ("start-up: window visible", "≤ 1.2×", ""),
            ("start-up: scan list idle", "≤ 1.2×", ""),
            ("start-up: deferred work done", "info", ""),
            ("scan list query (vs raw sqlite3)", "", "≤ 2×"),
            ("latest per municipality (vs raw sqlite3)", "", "≤ 2×"),
            ("import duplicate check (vs raw sqlite3)", "", "≤ 2×"),
            ("regional view, SQLite: first paint", "≤ 1.5×", ""),
            ("regional view, SQLite: idle", "≤ 1.5×", ""),
        )
    }
    started = time.perf_counter()
    sqlite_urls = {n: f"sqlite:///{folder / f'scale-{n}.sqlite'}" for n in sizes}
    for n, url in sqlite_urls.items():
        build(url, questionnaire, n)
    print(f"scale: SQLite databases built in {time.perf_counter() - started:.1f} s", flush=True)

    for n, url in sqlite_urls.items():
        db = Database(url)
        path = db.engine.url.database
        try:
            for name, pair in (
                ("scan list query (vs raw sqlite3)", _scan_list(db, path)),
                ("latest per municipality (vs raw sqlite3)", _latest(db, path, questionnaire)),
                ("import duplicate check (vs raw sqlite3)", _duplicate_check(db, path)),
            ):
                rows[name].values[n], rows[name].raw[n] = _interleaved(*pair, query_repeat)
        finally:
            db.dispose()  # the probes are other processes: one process per file

    for n, url in sqlite_urls.items():
        if quick and n != sizes[0]:
            continue  # quick: the probes run at one size (the queries ran at every size)
        if not quick:
            probes.run(STARTUP_PROBE, "app", url, str(n))  # warm the file and bytecode caches
        visible, idle, settled, paint, region_idle = [], [], [], [], []
        for _ in range(probe_repeat):
            app = probes.run(STARTUP_PROBE, "app", url, str(n))
            visible.append(app["visible"])
            idle.append(app["idle"])
            settled.append(app["settled"])
            view = probes.run(REGION_PROBE, "region", url, str(n))
            paint.append(view["region_paint"] - view["region_start"])
            region_idle.append(view["region_idle"] - view["region_start"])
        med = statistics.median
        rows["start-up: window visible"].values[n] = med(visible)
        rows["start-up: scan list idle"].values[n] = med(idle)
        rows["start-up: deferred work done"].values[n] = med(settled)
        rows["regional view, SQLite: first paint"].values[n] = med(paint)
        rows["regional view, SQLite: idle"].values[n] = med(region_idle)

    if quick:  # the table has every size: the one probed figure stands in for the others
        for row in rows.values():
            for n in sizes:
                row.values.setdefault(n, row.values[sizes[0]])

    if not quick:
        try:
            _postgres_rows(probes, folder, questionnaire, sizes, probe_repeat, rows)
        except Exception as exc:  # the SQLite figures still count; say what failed
            print(f"scale: PostgreSQL rows not measured: {exc!r}", file=sys.stderr)

    print(table(list(rows.values()), sizes))
    SCALE.clear()
    SCALE.update(
        sizes=sizes,
        rows=[
            {
                "measure": r.measure,
                "unit": "s",
                "values": {str(n): round(r.values[n], 6) for n in sizes},
                "growth": {str(n): round(r.growth(n, sizes[0]), 3) for n in sizes},
                "raw": {str(n): round(r.raw[n], 6) for n in sizes if n in r.raw},
                "ratio_to_raw": {str(n): round(r.ratio(n) or 0, 3) for n in sizes if n in r.raw},
                "goal": r.goal,
                "ratio_goal": r.ratio_goal,
                "met": r.met(sizes),
            }
            for r in rows.values()
        ],
    )
    big, small = sizes[-1], sizes[0]
    results = []
    for r in rows.values():
        if r.goal.startswith("≤"):
            results.append(
                Result(
                    f"scale: {r.measure} at {big}",
                    r.values[big],
                    r.values[small],
                    "s",
                    r.goal,
                    f"same at {small} scans",
                )
            )
        if r.ratio_goal:
            results.append(
                Result(
                    f"scale: {r.measure} at {big}",
                    r.values[big],
                    r.raw[big],
                    "s",
                    r.ratio_goal,
                    "raw sqlite3, same work",
                )
            )
    return results


def _postgres_rows(probes, folder: Path, questionnaire, sizes, probe_repeat: int, rows) -> None:
    """The regional view on PostgreSQL at each size (databases in a throw-away server)."""
    with postgres(folder / "pg") as server:
        if server is None:
            return
        paint_row = Row("regional view, PostgreSQL: first paint", "≤ 1.5×")
        idle_row = Row("regional view, PostgreSQL: idle", "≤ 1.5×")
        for n in sizes:
            url = server.create_database(f"scale_{n}")  # type: ignore[attr-defined]
            build(url, questionnaire, n)
            probes.run(REGION_PROBE, "region", url, str(n))
            paint, region_idle = [], []
            for _ in range(probe_repeat):
                view = probes.run(REGION_PROBE, "region", url, str(n))
                paint.append(view["region_paint"] - view["region_start"])
                region_idle.append(view["region_idle"] - view["region_start"])
            paint_row.values[n] = statistics.median(paint)
            idle_row.values[n] = statistics.median(region_idle)
        rows[paint_row.measure], rows[idle_row.measure] = paint_row, idle_row


def _show(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[Row], sizes: list[int]) -> str:
    """One line per measure: the figure at each size with its growth factor (and ratio to raw)."""
    head = f"{'scale':44}" + "".join(f"{f'{n:,} scans':>26}" for n in sizes) + "  goal"
    lines = [head]
    for r in rows:
        cells = []
        for n in sizes:
            cell = f"{_show(r.values[n])} {r.growth(n, sizes[0]):.2f}×"
            ratio = r.ratio(n)
            if ratio is not None:
                cell += f" ({ratio:.1f}× raw)"
            cells.append(f"{cell:>26}")
        goal = " ".join(
            g
            for g in (
                f"growth {r.goal}" if r.goal else "",
                f"raw {r.ratio_goal}" if r.ratio_goal else "",
            )
            if g
        )
        met = {True: "yes", False: "NO", None: ""}[r.met(sizes)]
        lines.append(f"{r.measure:44}" + "".join(cells) + f"  {goal} {met}")
    return "\n".join(lines)
