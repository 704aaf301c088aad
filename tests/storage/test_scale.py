"""Issue 21: the scan list, the regional view's newest scan per municipality and an import's
duplicate check read by index, with stored counts and keys, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import _drop_quietly, ready_sqlite
from zelfscan_app.domain.scan import Answer, AnswerValue, Scan, SoortMeting
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.services import region as region_service
from zelfscan_app.services import scans as svc
from zelfscan_app.storage import repository as repo
from zelfscan_app.storage.database import Database
from zelfscan_app.storage.items import ScanListQuery
from zelfscan_app.storage.migrate import upgrade
from zelfscan_app.storage.scan_list_fast import FastScanList, scan_list_sql

NAMES = ["Aldermeer", "Élst", "Súdwest-Fryslân", "Zandhorst", "bergen", "Oosterwaal"]


def _scan(q, gemeente: str, regio: str, datum: date, soort: SoortMeting, answered: int) -> Scan:
    answers = tuple(
        Answer(n, AnswerValue.OP_ORDE if n % 2 else AnswerValue.NIET_OP_ORDE)
        for n in q.question_numbers[:answered]
    )
    return Scan(gemeente, regio, datum, soort, q.id, q.version, answers=answers)


def _fill(db: Database, q) -> list[int]:
    """Six municipalities in two regions, each with a nulmeting and an evaluatie a year apart
    (one region written with other case and spaces), some answers."""
    ids = []
    for i, name in enumerate(NAMES):
        regio = "Regio Noord" if i % 2 else "  regio NOORD "
        regio = "Regio Zuid" if i >= 4 else regio
        for k, soort in enumerate((SoortMeting.NULMETING, SoortMeting.EVALUATIE)):
            scan = _scan(q, name, regio, date(2024 + k, 3, 1 + i), soort, 3 * i + k)
            ids.append(svc.create_scan(db, scan))
    return ids


@pytest.fixture(scope="module")
def big_sqlite(sqlite_template: Path, tmp_path_factory) -> tuple[Path, list[int]]:
    """`_fill` once per module on SQLite: the file and the scan ids."""
    path = tmp_path_factory.mktemp("groot") / "zelfscan.sqlite"
    db = Database(ready_sqlite(sqlite_template, path))
    ids = _fill(db, default_questionnaire())
    db.dispose()
    return path, ids


@pytest.fixture(scope="module")
def big_pg(pg_server, pg_template: str) -> Iterator[tuple[str, list[int]]]:
    """`_fill` once per module on PostgreSQL: the database's name and the scan ids."""
    url = pg_server.create_database(template=pg_template)
    db = Database(url)
    ids = _fill(db, default_questionnaire())
    db.dispose()
    yield url.rsplit("/", 1)[1], ids
    _drop_quietly(pg_server, url)


@pytest.fixture(params=["sqlite", "postgresql"])
def big(request: pytest.FixtureRequest, tmp_path: Path):
    """`_fill`'s twelve scans on each backend, in a database of this test's own: a copy (file
    copy, or CREATE DATABASE ... TEMPLATE) of one filled once per module."""
    if request.param == "sqlite":
        template, ids = request.getfixturevalue("big_sqlite")
        url = ready_sqlite(template, tmp_path / "zelfscan.sqlite")
    else:
        server = request.getfixturevalue("pg_server")
        name, ids = request.getfixturevalue("big_pg")
        url = server.create_database(template=name)
        request.addfinalizer(lambda: _drop_quietly(server, url))
    db = Database(url)
    yield db, list(ids)
    db.dispose()


def test_answered_count_follows_every_answer_change(big, questionnaire) -> None:
    db, ids = big
    scan_id = ids[5]  # Súdwest-Fryslân evaluatie: 7 answers

    def stored() -> int:
        return next(i.answered for i in svc.list_scans(db) if i.id == scan_id)

    def counted() -> int:
        return sum(a.value is not None for a in svc.get_scan(db, scan_id).answers)

    assert stored() == counted() == 7
    first, last = questionnaire.question_numbers[0], questionnaire.question_numbers[-1]
    svc.set_answer(db, scan_id, first, None)  # cleared
    assert stored() == counted() == 6
    svc.set_answer(db, scan_id, first, None)  # cleared again: no change
    svc.set_answer(db, scan_id, last, AnswerValue.OP_ORDE)  # a new answer
    svc.set_answer(db, scan_id, last, AnswerValue.NIET_OP_ORDE)  # changed, still one
    svc.set_text(db, scan_id, questionnaire.question_numbers[-2], "toelichting", "alleen tekst")
    assert stored() == counted() == 7


def _all(db: Database, query: ScanListQuery) -> list[repo.ScanListItem]:
    with db.session() as session:
        return repo.scan_list_page(session, query)


@pytest.mark.parametrize("sort", ["gemeente", "regio", "datum", "soort", "voortgang", "gewijzigd"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_cover_every_scan_once_in_python_order(big, sort: str, descending: bool) -> None:
    db, ids = big
    query = ScanListQuery(sort=sort, descending=descending)
    keys = {
        "gemeente": lambda i: i.gemeente.casefold(),
        "regio": lambda i: i.regio.strip().casefold(),
        "datum": lambda i: i.datum,
        "soort": lambda i: i.soort.value,
        "voortgang": lambda i: i.answered,
        "gewijzigd": lambda i: i.updated_at,
    }
    everything = svc.list_scans(db)
    expected = sorted(everything, key=lambda i: (keys[sort](i), i.id), reverse=descending)
    source = svc.DatabaseScanList(db)
    pages = [source.fetch(query, offset, 5) for offset in range(0, 15, 5)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert [i.id for p in pages for i in p] == [i.id for i in expected]
    assert source.count(query) == len(ids) == 12


def test_search_matches_every_word_in_gemeente_regio_datum_or_soort(big) -> None:
    db, _ids = big
    source = svc.DatabaseScanList(db)

    def found(text: str) -> list[tuple[str, str]]:
        query = ScanListQuery(ScanListQuery.words_of(text), sort="gemeente", descending=False)
        items = source.fetch(query, 0, None)
        assert source.count(query) == len(items)
        return [(i.gemeente, i.soort.value) for i in items]

    assert found("SÚDWEST evaluatie") == [("Súdwest-Fryslân", "evaluatie")]
    assert found("élst") == [("Élst", "nulmeting"), ("Élst", "evaluatie")]
    assert len(found("noord")) == 8  # the region as written twice, any case
    assert found("03-2025 zand") == [("Zandhorst", "evaluatie")]  # the date as shown: 04-03-2025
    assert found("%") == found("_") == found("zz") == []  # LIKE wildcards are plain characters


def test_trash_and_restore_move_between_the_lists(big) -> None:
    db, ids = big
    svc.move_to_trash(db, ids[0])
    source = svc.DatabaseScanList(db)
    assert source.count(ScanListQuery()) == 11
    assert [i.id for i in source.fetch(ScanListQuery(deleted=True), 0, None)] == [ids[0]]
    svc.restore_from_trash(db, ids[0])
    assert source.count(ScanListQuery(deleted=True)) == 0


def test_renaming_updates_the_stored_keys(big) -> None:
    db, ids = big
    scan = svc.get_scan(db, ids[0])
    svc.update_metadata(db, ids[0], Scan("Nieuwdorp", "Regio West", scan.datum, scan.soort, "", ""))
    source = svc.DatabaseScanList(db)
    query = ScanListQuery(words=("nieuwdorp", "west"))
    assert [i.id for i in source.fetch(query, 0, None)] == [ids[0]]
    options = {o.regio: o for o in region_service.region_options(db)}
    assert options["Regio West"].scans == 1


def test_the_fast_path_pages_exactly_as_the_database_layer(
    db: Database, db_url: str, questionnaire
) -> None:
    _fill(db, questionnaire)
    fast = FastScanList.open(db_url)
    if not db_url.startswith("sqlite"):
        assert fast is None  # the start-up fast path reads SQLite files only
        return
    assert fast is not None
    source = svc.DatabaseScanList(db)
    for query in (ScanListQuery(), ScanListQuery(words=("noord",), sort="datum", descending=False)):
        assert fast.count(query) == source.count(query)
        assert fast.fetch(query, 3, 4) == source.fetch(query, 3, 4)


def _old_load(db: Database, q, regio: str | None, soort: SoortMeting | None):
    """What load_region did before issue 21: every scan whole, filtered and picked in Python."""
    with db.session() as session:
        scans = repo.get_scans(session)
    if regio is not None:
        scans = [s for s in scans if s.regio.strip().casefold() == regio.strip().casefold()]
    return region_service.build_picture(q, scans, soort=soort, regio=(regio or "").strip())


def _summary(picture) -> tuple:
    return (
        [(c.scan.id, c.answered, c.total, c.others) for c in picture.contributions],
        picture.missing,
        picture.excluded_questions,
        picture.other_questionnaire,
        picture.versions,
        picture.summary,
    )


@pytest.mark.parametrize("regio", ["Regio Noord", "regio zuid", None])
@pytest.mark.parametrize("soort", [None, SoortMeting.NULMETING, SoortMeting.EVALUATIE])
def test_the_regional_view_picks_as_before(big, questionnaire, regio, soort) -> None:
    db, _ids = big
    q = questionnaire
    # A trashed newer scan, a scan of another questionnaire, one of another version, a tie.
    later = date(2026, 1, 1)
    newer = svc.create_scan(
        db, _scan(q, "Aldermeer", "Regio Noord", later, SoortMeting.EVALUATIE, 2)
    )
    svc.move_to_trash(db, newer)
    svc.create_scan(
        db,
        Scan("Zandhorst", "Regio Noord", later, SoortMeting.EVALUATIE, "andere-vragenlijst", "1"),
    )
    first = Answer(q.question_numbers[0], AnswerValue.OP_ORDE)
    svc.create_scan(
        db,
        Scan(
            "Oosterwaal", "Regio Zuid", later, SoortMeting.NULMETING, q.id, "0.1", answers=(first,)
        ),
    )
    tie = _scan(q, "ZANDHORST", "Regio Noord", date(2025, 3, 4), SoortMeting.EVALUATIE, 1)
    svc.create_scan(db, tie)
    kwargs = {"regio": regio} if regio is not None else {}
    new = region_service.load_region(db, q, soort=soort, **kwargs)
    assert _summary(new) == _summary(_old_load(db, q, regio, soort))
    assert new.count > 0


def _plan(db: Database, sql: str, params: dict[str, object]) -> str:
    with db.session() as session:
        if db.engine.dialect.name == "sqlite":
            rows = session.execute(text("EXPLAIN QUERY PLAN " + sql), params).all()
            return "\n".join(str(r[-1]) for r in rows)
        return "\n".join(r[0] for r in session.execute(text("EXPLAIN " + sql), params))


def _grow(db: Database, questionnaire, count: int) -> None:
    """`count` more scans (of as many municipalities, some in the trash), then statistics, so
    the planner chooses as it would for a region's database."""
    from sqlalchemy import insert

    from zelfscan_app.storage.models import ScanRow

    stamp = datetime(2025, 1, 1)
    rows = [
        {
            "gemeente": f"Gemeente {i}",
            "gemeente_key": f"gemeente {i}",
            "gemeente_fold": f"gemeente {i}",
            "regio": f"Regio {i % 25}",
            "regio_key": f"regio {i % 25}",
            "datum": date(2020, 1, 1) + timedelta(days=i % 700),
            "soort": "nulmeting",
            "questionnaire_id": questionnaire.id,
            "questionnaire_version": questionnaire.version,
            "created_at": stamp,
            "updated_at": stamp + timedelta(minutes=i),
            "deleted_at": stamp if i % 50 == 0 else None,
            "source_sha256": f"{i:064d}",
            "import_fingerprint": f"{i:064x}",
            "search_key": f"gemeente {i}",
        }
        for i in range(count)
    ]
    with db.session() as session:
        session.execute(insert(ScanRow), rows)
    with db.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def test_the_list_the_regional_view_and_the_duplicate_check_use_indexes(big, questionnaire) -> None:
    db, _ids = big
    _grow(db, questionnaire, 3000)
    sqlite = db.engine.dialect.name == "sqlite"
    page_sql, page_params = scan_list_sql(ScanListQuery(), offset=0, limit=64)
    plan = _plan(db, page_sql, page_params)
    assert "ix_scans_list" in plan
    if sqlite:
        assert "TEMP B-TREE" not in plan  # read in index order, no sort of every scan
    where, params = repo._region_where(questionnaire.id, None, SoortMeting.EVALUATIE)
    plan = _plan(
        db, repo.LATEST_PER_MUNICIPALITY_SQL.format(where=where), {**params, "regio": "regio noord"}
    )
    assert "ix_scans_region_latest" in plan
    assert ("SCAN s\n" not in plan + "\n") if sqlite else "Seq Scan" not in plan
    # The import's duplicate check, the statement it runs: three index lookups, no table scan.
    statement = repo._IMPORT_MATCHES.params(key="gemeente 7", sha="0" * 64, fingerprint="1" * 64)
    sql = str(statement.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
    plan = _plan(db, sql, {})
    for index in ("ix_scans_gemeente_key", "ix_scans_source_sha256", "uq_scans_import_fingerprint"):
        assert index in plan, plan
    assert ("SCAN scans" not in plan) if sqlite else "Seq Scan" not in plan, plan


def test_migration_0009_fills_counts_and_keys(tmp_path: Path, questionnaire) -> None:
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    engine = create_engine(url)
    upgrade(engine, "0007")
    stamp = datetime(2025, 1, 1)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO scans (id, gemeente, regio, datum, soort, questionnaire_id,"
                " questionnaire_version, facilitator, created_at, updated_at, warning,"
                " gemeente_key, duiding) VALUES (1, 'Súdwest-Fryslân', ' Regio NOORD ',"
                " '2025-03-04', 'nulmeting', 'q', '1', '', :t, :t, '', 'x', '')"
            ),
            {"t": stamp},
        )
        for n, value in ((1, "Op orde"), (2, None), (3, "Niet op orde")):
            conn.execute(
                text(
                    "INSERT INTO answers (scan_id, question, value, toelichting, nuancering,"
                    " updated_at, bespreekpunt) VALUES (1, :n, :v, '', '', :t, 0)"
                ),
                {"n": n, "v": value, "t": stamp + timedelta(seconds=n)},
            )
    engine.dispose()
    db = Database(url)  # upgrades to the head
    try:
        with db.session() as session:
            row = session.execute(
                text("SELECT answered_count, search_key, gemeente_fold, regio_key FROM scans")
            ).one()
        assert tuple(row) == (
            2,
            "súdwest-fryslân  regio noord  04-03-2025 nulmeting",
            "súdwest-fryslân",
            "regio noord",
        )
        assert [i.answered for i in svc.list_scans(db)] == [2]
    finally:
        db.dispose()


def test_the_scan_list_reads_without_a_commit(big) -> None:
    """The count and the pages are read on every search keystroke and scroll: a plain read
    (no ORM session, nothing to commit), which is most of what a small indexed read costs."""
    from sqlalchemy import event

    db, ids = big
    commits: list[object] = []
    event.listen(db.engine, "commit", commits.append)
    source = svc.DatabaseScanList(db)
    query = ScanListQuery(words=("aldermeer",))
    assert source.count(query) == 2
    assert [i.gemeente for i in source.fetch(query, 0, 10)] == ["Aldermeer", "Aldermeer"]
    assert source.count(ScanListQuery()) == len(ids)
    assert commits == []


def test_many_scans_come_back_whole_past_each_chunk_of_ids(
    database_url: str, questionnaire
) -> None:
    """Participants and answers are read 500 scans at a time: every scan of a larger set (640:
    two chunks) still gets exactly its own, in the list's order."""
    from zelfscan_app.domain.scan import Participant

    db = Database(database_url)
    try:
        made: dict[int, Scan] = {}
        with db.session() as session:
            for i in range(640):
                scan = _scan(
                    questionnaire,
                    f"Gemeente {i:04d}",
                    "Regio",
                    date(2025, 1, 1),
                    SoortMeting.NULMETING,
                    i % 32,
                )
                scan = replace(scan, participants=(Participant(f"Deelnemer {i}", "Team", ""),))
                made[repo.add_scan(session, scan)] = scan
        with db.session() as session:
            every = repo.get_scans(session)
            some = repo.get_scans(session, sorted(made)[::2])
        assert [s.gemeente for s in every] == sorted(s.gemeente for s in made.values())
        assert len(some) == 320
        for got in every:
            want = made[got.id]
            assert got.participants == want.participants
            assert got.values == {a.question: a.value for a in want.answers}
    finally:
        db.dispose()
