"""Publishing local scans into a shared database (`zelfscan publiceer`, services.publish).

The source is always the laptop's SQLite file; the target runs on both backends
(`database_url`: SQLite and a real PostgreSQL server)."""

from __future__ import annotations

import socket
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from zelfscan_app.cli.main import main
from zelfscan_app.domain.scan import (
    Action,
    ActionStatus,
    Answer,
    AnswerValue,
    Participant,
    Scan,
    SoortMeting,
)
from zelfscan_app.errors import DatabaseFault, NotFound, ZelfscanError
from zelfscan_app.services import actions as actions_svc
from zelfscan_app.services import scans as svc
from zelfscan_app.services import wheel as wheel_svc
from zelfscan_app.services.publish import PublishStatus, publish_scans
from zelfscan_app.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def a_scan(gemeente: str = "Aldermeer", datum: date = date(2026, 3, 15)) -> Scan:
    return Scan(
        gemeente=gemeente,
        regio="Demoregio Veenland",
        datum=datum,
        soort=SoortMeting.NULMETING,
        questionnaire_id="vng-kwaliteitskader-zelfscan",
        questionnaire_version="2026.1",
        facilitator="Fatima el Amrani",
        participants=(
            Participant("Jan de Vries", "Wijkteam Noord", "coördinator"),
            Participant("Els Bakker", "Veilig Thuis", ""),
        ),
        answers=(
            Answer(1, AnswerValue.OP_ORDE, "Afspraken staan op papier", "behalve in de wijk"),
            Answer(2, AnswerValue.NIET_OP_ORDE, "Geen vast overleg", "", True),
            Answer(17, None, "nog bespreken", ""),
        ),
    )


def fill(db: Database, gemeente: str = "Aldermeer", datum: date = date(2026, 3, 15)) -> int:
    """A scan with everything a scan can hold: answers, texts, participants, duiding, a plan
    and wheel answers."""
    scan_id = svc.create_scan(db, a_scan(gemeente, datum))
    svc.set_duiding(db, scan_id, "De groep ziet vooral kansen in het overleg met Veilig Thuis.")
    actions_svc.save_action(
        db,
        scan_id,
        Action(
            standard=2,
            question=2,
            maatregel="Vast overleg",
            verbeteractie="Maandelijks casusoverleg",
            wie="Jan",
            planning="Q3",
            status=ActionStatus.IN_UITVOERING,
            herziendatum=date(2026, 9, 1),
        ),
    )
    actions_svc.save_action(db, scan_id, Action(standard=5, maatregel="Scholing"))
    wheel_svc.save_answer(db, scan_id, "Wat ging goed?", "Iedereen kwam aan het woord")
    wheel_svc.save_answer(db, scan_id, "Wat kan beter?", "Meer tijd voor blok 2")
    return scan_id


def everything(db: Database, scan_id: int) -> tuple[object, ...]:
    """What a scan holds, without database ids."""
    scan = svc.get_scan(db, scan_id)
    plan = [replace(a, id=None) for a in actions_svc.stored_actions(db, scan_id)]
    return (replace(scan, id=None), plan, wheel_svc.answers(db, scan_id))


def table_dump(path: Path) -> list[tuple[object, ...]]:
    """Every row of every table, read by the stdlib (the 'local DB unchanged' check)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(t, *row) for t in sorted(tables) for row in conn.execute(f"SELECT * FROM {t}")]
    finally:
        conn.close()


@pytest.fixture
def local_url(tmp_path: Path) -> str:
    """The laptop's own database (apart from the SQLite target of `database_url`)."""
    return f"sqlite:///{tmp_path / 'laptop.sqlite'}"


@pytest.fixture
def local(local_url: str):
    database = Database(local_url)
    yield database
    database.dispose()


@pytest.fixture
def target(database_url: str):
    shared = Database(database_url)
    yield database_url, shared
    shared.dispose()


def test_everything_a_scan_holds_travels(local: Database, target) -> None:
    url, shared = target
    first = fill(local)
    second = fill(local, "Brugwijk")
    report = publish_scans(local, url)
    assert [r.status for r in report.results] == [PublishStatus.PUBLISHED] * 2
    assert report.ok
    for local_id, result in zip((first, second), report.results, strict=True):
        assert result.scan_id == local_id
        assert result.target_id is not None
        assert everything(shared, result.target_id) == everything(local, local_id)
    published = everything(shared, report.results[0].target_id)
    assert published[0].duiding.startswith("De groep ziet")
    assert published[1][0].herziendatum == date(2026, 9, 1)
    assert published[1][0].status is ActionStatus.IN_UITVOERING
    assert [q for q, _ in published[2]] == ["Wat ging goed?", "Wat kan beter?"]
    assert report.summary().endswith("2 gepubliceerd, 0 al aanwezig, 0 conflict, 0 mislukt.")


def test_publishing_again_is_all_already_present(local: Database, target) -> None:
    url, shared = target
    ids = [fill(local), fill(local, "Brugwijk"), fill(local, "Zandhorst")]
    publish_scans(local, url, ids[:2])
    before = svc.list_scans(shared)
    again = publish_scans(local, url, ids[:2])
    assert [r.status for r in again.results] == [PublishStatus.PRESENT] * 2
    assert svc.list_scans(shared) == before
    # --alles afterwards: only the new one is stored
    rest = publish_scans(local, url)
    assert [r.status for r in rest.results] == [
        PublishStatus.PRESENT,
        PublishStatus.PRESENT,
        PublishStatus.PUBLISHED,
    ]
    assert len(svc.list_scans(shared)) == 3


def test_a_changed_plan_or_duiding_of_a_present_scan_is_reported_not_overwritten(
    local: Database, target
) -> None:
    url, shared = target
    scan_id = fill(local)
    (first,) = publish_scans(local, url).results
    assert first.warning == ""
    svc.set_duiding(local, scan_id, "Later aangevuld.")
    actions_svc.save_action(local, scan_id, Action(standard=9, maatregel="Nieuw"))
    (again,) = publish_scans(local, url).results
    assert again.status is PublishStatus.PRESENT and again.target_id == first.target_id
    assert again.warning.endswith(
        "de duiding en het plan van aanpak wijken af van zelfscan "
        f"{first.target_id} in de gedeelde database en zijn daar niet bijgewerkt"
    )
    assert svc.get_scan(shared, first.target_id).duiding.startswith("De groep ziet")
    (quiet,) = publish_scans(local, url, [scan_id], target=shared).results
    assert quiet.warning == again.warning  # said again on every publish until it is resolved


def test_a_changed_scan_is_a_conflict_kept_apart(local: Database, target) -> None:
    url, shared = target
    scan_id = fill(local)
    (first,) = publish_scans(local, url).results
    svc.set_answer(local, scan_id, 3, AnswerValue.OP_ORDE)  # changed after publishing
    report = publish_scans(local, url, [scan_id])
    (result,) = report.results
    assert result.status is PublishStatus.CONFLICT
    assert result.target_id not in (None, first.target_id)
    assert "Conflict" in result.warning and "apart bewaard" in result.warning
    assert "deze zelfscan is apart bewaard" in result.warning
    kept = svc.get_scan(shared, result.target_id)
    assert kept.answer(3).value is AnswerValue.OP_ORDE and "Conflict" in kept.warning
    original = svc.get_scan(shared, first.target_id)
    assert original.answer(3).value is None and original.warning == ""
    assert len(actions_svc.stored_actions(shared, result.target_id)) == 2  # whole, apart
    assert report.ok  # stored apart: nothing failed


def test_a_lookalike_municipality_is_not_published(local: Database, target) -> None:
    url, shared = target
    svc.create_scan(shared, a_scan("Aldermeer", date(2025, 1, 1)))
    fill(local, "ALDERMEER")
    report = publish_scans(local, url)
    (result,) = report.results
    assert result.status is PublishStatus.CONFLICT and result.target_id is None
    assert "niet ingelezen" in result.message
    assert not report.ok
    assert len(svc.list_scans(shared)) == 1


def test_cli_publishes_and_reports(
    capsys: pytest.CaptureFixture[str], local_url: str, local: Database, target
) -> None:
    url, shared = target
    ids = [fill(local), fill(local, "Brugwijk")]
    local.dispose()  # the command opens the local file itself
    code, out, err = run(capsys, "--database", local_url, "publiceer", "--naar", url, "--alles")
    assert code == 0, err
    assert "gepubliceerd als zelfscan" in out
    assert "2 gepubliceerd, 0 al aanwezig, 0 conflict, 0 mislukt." in out
    # the sub-command's own --database works too, and a re-publish is harmless
    code, out, err = run(capsys, "publiceer", "--naar", url, str(ids[1]), "--database", local_url)
    assert code == 0, err
    assert out.startswith("al aanwezig: lokale zelfscan")
    assert "0 gepubliceerd, 1 al aanwezig" in out
    assert len(svc.list_scans(shared)) == 2


def test_cli_refuses_bad_selections_before_sending_anything(
    capsys: pytest.CaptureFixture[str], local_url: str, local: Database, tmp_path: Path
) -> None:
    fill(local)
    local.dispose()
    shared = tmp_path / "gedeeld.sqlite"
    naar = f"sqlite:///{shared}"
    for argv, expected in (
        (["99"], "zelfscan 99 bestaat niet (meer) in de lokale database"),
        ([], "noem de zelfscans die u wilt publiceren, of kies --alles"),
        (["1", "--alles"], "niet allebei"),
    ):
        code, _, err = run(capsys, "--database", local_url, "publiceer", "--naar", naar, *argv)
        assert code == 1 and expected in err and "Traceback" not in err
    code, _, err = run(capsys, "--database", local_url, "publiceer", "--naar", "x1", "--alles")
    assert code == 1 and "ongeldige database-URL 'x1'" in err
    code, _, err = run(capsys, "--database", local_url, "publiceer", "--naar", local_url, "--alles")
    assert code == 1 and "dit is de lokale database zelf" in err
    code, _, err = run(capsys, "--database", local_url, "publiceer", "--naar", "sqlite://", "1")
    assert code == 1 and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        main(["--database", local_url, "publiceer", "--naar", naar, "twaalf"])
    assert usage.value.code == 2
    assert "'twaalf' is geen zelfscannummer" in capsys.readouterr().err
    assert not shared.exists()  # nothing was even opened


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_refusing_server_is_one_message_and_the_local_database_is_unchanged(
    capsys: pytest.CaptureFixture[str], local_url: str, local: Database
) -> None:
    fill(local)
    path = local.file
    local.dispose()
    before = table_dump(path)
    url = f"postgresql+psycopg://anna:geheim@127.0.0.1:{_closed_port()}/zelfscan"
    code, out, err = run(capsys, "--database", local_url, "publiceer", "--naar", url, "--alles")
    assert code == 1
    assert "Traceback" not in err and "geheim" not in err + out
    progress, fault = err.splitlines()
    assert progress.startswith("Publiceren naar postgresql+psycopg://anna:***@127.0.0.1:")
    assert fault.startswith("zelfscan: fout: postgresql+psycopg://anna:***@127.0.0.1:")
    assert "weigert de verbinding" in fault
    assert table_dump(path) == before


def test_the_server_going_away_mid_publish_fails_the_rest_and_keeps_what_was_sent(
    local: Database, pg_server, pg_schema_url: str
) -> None:
    ids = [fill(local), fill(local, "Brugwijk"), fill(local, "Zandhorst")]
    stopped = []

    def stop_after_first(done: int, total: int) -> None:
        if done == 1:
            pg_server.stop()
            stopped.append(True)

    try:
        report = publish_scans(local, pg_schema_url, ids, on_progress=stop_after_first)
    finally:
        if stopped:
            pg_server.start()
    assert [r.status for r in report.results] == [
        PublishStatus.PUBLISHED,
        PublishStatus.FAILED,
        PublishStatus.FAILED,
    ]
    assert "niet gepubliceerd" in report.results[1].message
    assert not report.ok
    shared = Database(pg_schema_url)
    try:
        assert [i.gemeente for i in svc.list_scans(shared)] == ["Aldermeer"]
        again = publish_scans(local, pg_schema_url, ids, target=shared)
    finally:
        shared.dispose()
    assert [r.status for r in again.results] == [
        PublishStatus.PRESENT,
        PublishStatus.PUBLISHED,
        PublishStatus.PUBLISHED,
    ]


def test_service_refusals(local: Database, tmp_path: Path) -> None:
    fill(local)
    with pytest.raises(NotFound):
        publish_scans(local, f"sqlite:///{tmp_path / 'x.sqlite'}", [5])
    with pytest.raises(ZelfscanError, match="lokale database zelf"):
        publish_scans(local, local.url)
    with pytest.raises(DatabaseFault):
        publish_scans(local, "sqlite://")
    assert not (tmp_path / "x.sqlite").exists()
