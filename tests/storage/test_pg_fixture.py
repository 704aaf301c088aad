"""The PostgreSQL test fixture itself: a real server, empty and ready-made databases."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from tests.pg_server import PgServer


def test_pg_url_is_an_empty_database(pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert (
                conn.execute(text("SELECT current_database()")).scalar() == pg_url.rsplit("/")[-1]
            )
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_pg_schema_url_is_at_the_head(pg_schema_url: str) -> None:
    from zelfscan_app.storage.config import SCHEMA_REVISION

    engine = create_engine(pg_schema_url)
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert revision == SCHEMA_REVISION


def test_the_server_restarts_on_the_same_port(pg_server: PgServer, pg_url: str) -> None:
    name = pg_url.rsplit("/", 1)[1]
    pg_server.psql("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)", dbname=name)
    pg_server.stop()
    assert not pg_server.is_running()
    pg_server.start()
    assert pg_server.psql("SELECT n FROM kept", dbname=name).strip() == "7"
