"""Who sees what in a shared database: row-level security set up by `zelfscan database rollen`.

The municipality's role is tested with hand-written SQL over its own psycopg connection (what
anyone with its password could do), not only through the app.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.pg_server import PgServer
from tests.storage.helpers import a_scan
from zelfscan_app.cli.main import main
from zelfscan_app.domain.scan import AnswerValue
from zelfscan_app.errors import DatabaseFault
from zelfscan_app.services import scans as svc
from zelfscan_app.services.demo import fill_demo
from zelfscan_app.storage import faults
from zelfscan_app.storage.database import Database

PASSWORD = "rol-wachtwoord-7"
SECRET = "Vertrouwelijk: de wethouder van Brugwijk stapt op"
OWN = "Aldermeer: eigen toelichting"


def dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.fixture
def region(pg_schema_url: str, pg_server: PgServer, questionnaire, capsys) -> dict[str, object]:
    """The demo region (8 municipalities) with a toelichting in Aldermeer and one in Brugwijk,
    a municipality role for Aldermeer and a coordinator role, set up by the command."""
    db = Database(pg_schema_url)
    try:
        fill_demo(db, questionnaire)
        ids = {i.gemeente: i.id for i in svc.list_scans(db)}
        svc.set_text(db, ids["Aldermeer"], 1, "toelichting", OWN)
        svc.set_text(db, ids["Brugwijk"], 1, "toelichting", SECRET)
    finally:
        db.dispose()
    suffix = uuid.uuid4().hex[:8]
    ald, coord = f"aldermeer_{suffix}", f"regio_{suffix}"
    for role in (ald, coord):
        pg_server.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    args = ["database", "rollen", "--coordinator", coord, "--gemeente", f"{ald}=Aldermeer"]
    assert main(["--database", pg_schema_url, *args]) == 0
    out = capsys.readouterr().out
    assert "rollen en rijbeveiliging ingesteld" in out
    return {"ids": ids, "ald": ald, "coord": coord, "name": dbname(pg_schema_url)}


def connect(server: PgServer, region: dict[str, object], role: str) -> psycopg.Connection:
    return server.connect(str(region["name"]), user=str(region[role]), password=PASSWORD)


def test_a_municipality_cannot_read_another_municipalitys_toelichtingen(
    pg_server: PgServer, region: dict[str, object]
) -> None:
    ids = region["ids"]
    with connect(pg_server, region, "ald") as conn:
        texts = [r[0] for r in conn.execute("SELECT toelichting FROM answers")]
        assert OWN in texts and SECRET not in texts
        direct = conn.execute(
            "SELECT toelichting FROM answers WHERE scan_id = %s", (ids["Brugwijk"],)
        ).fetchall()
        assert direct == []
        joined = conn.execute(
            "SELECT s.gemeente, a.toelichting FROM scans s JOIN answers a ON a.scan_id = s.id"
            " WHERE a.toelichting <> ''"
        ).fetchall()
        assert {gemeente for gemeente, _ in joined} == {"Aldermeer"}
        assert ("Aldermeer", OWN) in joined
        assert {r[0] for r in conn.execute("SELECT DISTINCT gemeente FROM scans")} == {"Aldermeer"}
        # Row security cannot be switched off by the role itself.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SET row_security = off; SELECT toelichting FROM answers")


def test_a_municipality_cannot_change_another_municipalitys_scans(
    pg_server: PgServer, region: dict[str, object]
) -> None:
    ids = region["ids"]
    with connect(pg_server, region, "ald") as conn:
        changed = conn.execute(
            "UPDATE answers SET toelichting = 'overschreven' WHERE scan_id = %s",
            (ids["Brugwijk"],),
        )
        assert changed.rowcount == 0
        assert conn.execute("DELETE FROM scans WHERE gemeente = 'Brugwijk'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO scans (gemeente, gemeente_key, regio, datum, soort,"
                " questionnaire_id, questionnaire_version, facilitator, created_at, updated_at)"
                " VALUES ('Brugwijk', 'brugwijk', 'R', '2026-01-01', 'nulmeting', 'q', '1', '',"
                " now(), now())"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE zelfscan_gemeente_rollen SET gemeente_key = 'brugwijk'")
    with connect(pg_server, region, "coord") as conn:
        texts = [r[0] for r in conn.execute("SELECT toelichting FROM answers")]
        assert SECRET in texts  # untouched, and the coordinator sees everything
        assert len({r[0] for r in conn.execute("SELECT DISTINCT gemeente FROM scans")}) == 8


def test_other_municipalities_only_through_the_anonymised_view(
    pg_server: PgServer, region: dict[str, object]
) -> None:
    with connect(pg_server, region, "ald") as conn:
        cursor = conn.execute("SELECT * FROM zelfscan_regio_antwoorden")
        columns = [c.name for c in cursor.description]
        rows = cursor.fetchall()
        own_scans = conn.execute("SELECT count(*) FROM scans").fetchone()[0]
    assert columns == ["regio", "soort", "jaar", "vraag", "antwoord", "aantal"]
    assert rows  # the demo region's nulmeting groups have at least five municipalities
    per_question = {}
    for _regio, soort, jaar, vraag, _antwoord, aantal in rows:
        key = (soort, jaar, vraag)
        per_question[key] = per_question.get(key, 0) + aantal
    assert max(per_question.values()) > own_scans  # counts over the whole region
    flat = repr(rows)
    assert "Brugwijk" not in flat and "Aldermeer" not in flat and SECRET not in flat


def test_the_app_as_a_municipality_role(pg_server: PgServer, region: dict[str, object]) -> None:
    url = pg_server.url(str(region["ald"]), PASSWORD, str(region["name"]))
    db = Database(url)
    try:
        assert {i.gemeente for i in svc.list_scans(db)} == {"Aldermeer"}
        new = svc.create_scan(db, a_scan("Aldermeer"))
        svc.set_answer(db, new, 3, AnswerValue.OP_ORDE)
        svc.set_text(db, new, 3, "toelichting", "nieuw")
        assert svc.get_scan(db, new).answer(3).toelichting == "nieuw"
        with pytest.raises(DatabaseFault) as caught:
            svc.create_scan(db, a_scan("Brugwijk"))
        assert caught.value.problem == faults.PG_PERMISSION
        assert {i.gemeente for i in svc.list_scans(db)} == {"Aldermeer"}
    finally:
        db.dispose()


def test_roles_are_refused_on_sqlite_and_for_unknown_roles(
    tmp_path, pg_schema_url: str, capsys
) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'z.sqlite'}"
    assert main(["--database", sqlite_url, "database", "rollen"]) == 1
    assert "alleen in een gedeelde PostgreSQL-database" in capsys.readouterr().err
    args = ["database", "rollen", "--gemeente", "bestaat_niet=Aldermeer"]
    assert main(["--database", pg_schema_url, *args]) == 1
    assert "de rol bestaat_niet bestaat niet" in capsys.readouterr().err


def test_the_sql_can_be_read_first(pg_schema_url: str, capsys) -> None:
    assert main(["--database", pg_schema_url, "database", "rollen", "--toon-sql"]) == 0
    sql = capsys.readouterr().out
    assert "ALTER TABLE answers ENABLE ROW LEVEL SECURITY;" in sql
    assert "CREATE VIEW zelfscan_regio_antwoorden WITH (security_barrier)" in sql


def test_an_upgrade_applies_the_roles_to_the_tables_it_adds(
    pg_server: PgServer, pg_schema_url: str, region: dict[str, object], capsys
) -> None:
    """A migration that adds a table with scan_id (here: 0010's answer history, taken away
    and added again) leaves it with the same rules as the others, without a second command."""
    from alembic import command
    from sqlalchemy import create_engine

    from zelfscan_app.storage.migrate import alembic_config

    engine = create_engine(pg_schema_url)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0009")
    finally:
        engine.dispose()
    assert main(["--database", pg_schema_url, "database", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "schema bijgewerkt van 0009" in out
    assert "rollen en rijbeveiliging opnieuw toegepast op alle tabellen" in out
    ids = region["ids"]
    db = Database(pg_schema_url)
    try:  # the administrator's app records a change in each of two municipalities
        svc.set_text(db, ids["Aldermeer"], 2, "toelichting", "Aldermeer, later")
        svc.set_text(db, ids["Brugwijk"], 2, "toelichting", SECRET)
    finally:
        db.dispose()
    with connect(pg_server, region, "ald") as conn:
        rows = conn.execute("SELECT scan_id FROM answer_history").fetchall()
        texts = conn.execute("SELECT * FROM answer_history").fetchall()
    assert {scan_id for (scan_id,) in rows} == {ids["Aldermeer"]}
    assert not any(SECRET in str(row) for row in texts)
    with connect(pg_server, region, "coord") as conn:
        seen = {r[0] for r in conn.execute("SELECT scan_id FROM answer_history")}
    assert seen == {ids["Aldermeer"], ids["Brugwijk"]}
