"""Shared fixtures. Qt runs offscreen, and no test ever touches the user's own database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# No test touches the user's keyring; tests that need one install one in memory.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgServer, PgUnavailable, start_pg_server
from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.questionnaire_file import default_questionnaire
from zelfscan_app.storage.database import ENV_BUSY_TIMEOUT, Database
from zelfscan_app.storage.process_lock import ENV_LOCK_WAIT

# --- Order: the long poles first ------------------------------------------------------------------
# `make test` runs on one xdist worker per core with --maxschedchunk=1 (pyproject.toml): a
# worker is sent the next test when it is nearly done with its own, in collection order. A
# long test collected late would run alone at the end while the other core idles, so these
# go first, slowest first (rough seconds on a busy 2-core machine; only the order matters).
LONG_POLES = {
    "tests/test_benchmarks_smoke.py": 40,
    "tests/gui/test_kill.py": 26,
    "tests/exchange/test_reader_equivalence.py::test_the_whole_corpus_reads_the_same": 13,
    "tests/reports/test_guidance_documents.py::test_demo_region_plans_have_no_empty": 12,
    "tests/exchange/test_reader_equivalence.py::test_any_text_reads_the_same": 10,
    "tests/exchange/test_roundtrip.py::test_any_text_round_trips": 10,
    "tests/reports/test_chart_cache.py::test_cold_plan_skips_matplotlib_the_second_time": 9,
    "tests/cli/test_database_faults.py::test_a_lock_costs_one_wait_for_the_whole_command": 8,
    "tests/exchange/test_reader_equivalence.py::test_workbooks_saved_by_libreoffice": 7,
    "tests/exchange/test_import_batches.py::test_what_was_acknowledged_survives_a_kill": 7,
    "tests/gui/test_integration_results.py::test_duiding_typed_survives_a_restart": 6,
    "tests/gui/test_region_view.py::test_the_report_names_the_choice_made_in_the_window": 6,
    "tests/exchange/test_reader_equivalence.py::test_valid_workbooks_read_the_same": 6,
    "tests/exchange/test_roundtrip.py::test_workbook_saved_again_by_libreoffice": 6,
    "tests/live/test_concurrency.py": 6,
    "tests/reports/test_spider.py::test_png_is_the_same_in_another_process": 6,
    "tests/gui/test_meeting_room.py::test_windows_never_open_larger_than_the_screen": 5,
    "tests/region/test_anonymity.py::test_the_same_files_do_name_names_when_not_anonymised": 5,
    "tests/exchange/test_file_kinds.py::test_import_refuses_a_fifo_and_reads_the_other": 5,
    "tests/test_offline.py": 5,
    "tests/test_packaging.py": 4,
}


def _pole(item: pytest.Item) -> int:
    return next((s for prefix, s in LONG_POLES.items() if item.nodeid.startswith(prefix)), 0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long poles first, slowest first; the rest in collection order (a stable sort). The
    first two workers are each sent two tests at the start: the two longest go to different
    ones (xdist's LoadScheduling gives the first worker tests 0 and 1)."""
    items.sort(key=lambda item: -_pole(item))
    if len(items) >= 4 and _pole(items[3]):
        items[1], items[2] = items[2], items[1]


@pytest.fixture(scope="session", autouse=True)
def _gc_on_the_gui_thread(qapp) -> Iterator[None]:
    """As in the app (gui/main_thread_gc.py): Python's cycle collector never runs in a worker
    thread (an import's, a backup's), where freeing a Qt object made on the GUI thread crashes
    the process; the GUI thread collects while events are processed and after every test."""
    from zelfscan_app.gui import main_thread_gc

    collector = main_thread_gc.install(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    from zelfscan_app.gui.main_thread_gc import collect_if_due

    collect_if_due()


@pytest.fixture(scope="session")
def _chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rendered-chart cache of this worker (never the user's): shared by its tests, as a
    user's runs share theirs. A chart is keyed by everything its picture depends on, so a
    cached PNG is the exact bytes a render gives; tests/reports/test_chart_cache.py, about
    the cache itself, gives each test its own."""
    return tmp_path_factory.mktemp("chart-cache")


@pytest.fixture(autouse=True)
def _isolated_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _chart_cache: Path) -> None:
    """Any code that falls back to the default database gets a fresh file in tmp_path."""
    monkeypatch.setenv("ZELFSCAN_DATABASE", f"sqlite:///{tmp_path / 'default.sqlite'}")
    monkeypatch.setenv("ZELFSCAN_CACHE", str(_chart_cache))  # rendered charts


#: The waits the `short_lock_waits` fixture sets, in ms: any wait for a lock that is held until
#: the test releases it ends in the same refusal, however short; only its length differs.
SHORT_WAIT_MS = "200"


@pytest.fixture
def short_lock_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests that expect "in gebruik"/"bezig" refusals: this process and the commands it
    starts wait 0.2 s for another process's lock (storage.process_lock, ZELFSCAN_LOCK_WAIT_MS)
    or SQLite lock (ZELFSCAN_BUSY_TIMEOUT_MS) instead of 3 s and 5 s. The real waits are kept
    by test_a_lock_costs_one_wait_for_the_whole_command (tests/cli/test_database_faults.py)
    and test_this_process_waits_for_another_and_says_in_gebruik (test_process_lock.py)."""
    monkeypatch.setenv(ENV_LOCK_WAIT, SHORT_WAIT_MS)
    monkeypatch.setenv(ENV_BUSY_TIMEOUT, SHORT_WAIT_MS)


@pytest.fixture
def questionnaire() -> Questionnaire:
    return default_questionnaire()


# --- SQLite: a ready database is a copy ----------------------------------------------------------
# Creating a database runs every migration (~0.15 s); copying a file made that way once per
# worker costs ~0.01 s. Tests about creating or upgrading a database use `new_db_url` (a file
# that does not exist yet) or `empty_database_url`, and so still run the migrations for real.


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database made by `Database` (every migration, up to the schema head), closed,
    with everything in the file itself (no WAL left): the source of `ready_sqlite` copies."""
    path = tmp_path_factory.mktemp("sjabloon") / "zelfscan.sqlite"
    Database(f"sqlite:///{path}").dispose()
    assert not Path(f"{path}-wal").exists(), "the template must be one self-contained file"
    return path


def ready_sqlite(template: Path, path: Path, *, replace: bool = False) -> str:
    """Copy the template to `path`; its URL. A file already there is kept unless `replace`:
    `db_url` and `database_url` name the same file, which one test may already have open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if replace or not path.exists():
        shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def new_db_url(tmp_path: Path) -> str:
    """A SQLite file that does not exist yet: opening it creates the schema, for real."""
    return f"sqlite:///{tmp_path / 'zelfscan.sqlite'}"


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:
    """A new SQLite database at the schema head, as `Database` makes it (a copy of one)."""
    return ready_sqlite(sqlite_template, tmp_path / "zelfscan.sqlite")


@pytest.fixture
def db(db_url: str) -> Database:
    database = Database(db_url)
    yield database
    database.dispose()


# --- PostgreSQL (tests/pg_server.py) ------------------------------------------------------------
# One throw-away server per pytest process (so one per xdist worker), started on first use.
# `pg_url` is an empty database; `database_url` runs a test on SQLite and on PostgreSQL with a
# database that is ready to use. On PostgreSQL the app never creates or upgrades the schema
# itself (a DBA runs `zelfscan database upgrade`), so the ready database is a cheap copy
# (CREATE DATABASE ... TEMPLATE) of one database upgraded once per worker.

PG_TEMPLATE = "zelfscan_template"


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgServer]:
    """The worker's PostgreSQL server; skipped (with the reason) only when it cannot start."""
    try:
        server = start_pg_server(tmp_path_factory.mktemp("pg"))
    except PgUnavailable as exc:
        pytest.skip(f"PostgreSQL niet beschikbaar: {exc}")
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """Name of a database at the current schema head, the template for `pg_schema_url`."""
    from sqlalchemy import create_engine

    from zelfscan_app.storage.migrate import upgrade

    url = pg_server.create_database(PG_TEMPLATE)
    engine = create_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return PG_TEMPLATE


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (no schema yet; `zelfscan database upgrade` makes it)."""
    url = pg_server.create_database()
    yield url
    _drop_quietly(pg_server, url)


@pytest.fixture
def pg_schema_url(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database already at the current schema head (copied from a template)."""
    url = pg_server.create_database(template=pg_template)
    yield url
    _drop_quietly(pg_server, url)


def _drop_quietly(server: PgServer, url: str) -> None:
    """Drop a test database; a test that left connections open is not failed for it."""
    name = url.rsplit("/", 1)[1]
    with contextlib.suppress(Exception):
        server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ready-to-open database on each backend: a new SQLite file at the schema head (a copy
    of `sqlite_template`) or a fresh PostgreSQL database at the schema head (`pg_schema_url`).
    Tests about creating or upgrading one use `empty_database_url`."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        return ready_sqlite(template, tmp_path / "zelfscan.sqlite")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend (for migration tests): a SQLite file not yet made,
    or a fresh PostgreSQL database without schema (`pg_url`)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'leeg.sqlite'}"
    return request.getfixturevalue("pg_url")


def open_upgraded(url: str) -> Database:
    """Open a database at an older schema the way its users would: SQLite upgrades itself
    on opening, PostgreSQL needs `zelfscan database upgrade` first."""
    if url.startswith("postgresql"):
        from zelfscan_app.services.shared_database import upgrade

        upgrade(url)
    return Database(url)
