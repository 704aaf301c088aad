"""Row-level security for a region's shared PostgreSQL database (`zelfscan database rollen`).

Who sees what, enforced by PostgreSQL itself, whatever program or hand-written SQL connects:

- `zelfscan_coordinator` (group role, the region's coordinator): reads and writes everything.
- `zelfscan_gemeente` (group role of every municipality's login role): reads and writes only
  the scans of its own municipality, and only through those scans their answers, participants,
  actions and every other table with a `scan_id` column (tables added by later migrations are
  covered too: `zelfscan database upgrade` applies these statements again). Which municipality
  a login role belongs to is a row in `zelfscan_gemeente_rollen` (role name → the municipality's
  `gemeente_key`, the name's skeleton as the app stores it). A municipality's routekaart
  follows its scans; the region's routekaart and wheel questions are readable by all, written
  by the coordinator.
- Other municipalities only through the view `zelfscan_regio_antwoorden`: per region, soort
  meting and year, how many scans gave each answer to each question, and only for groups of at
  least `MIN_GROUP_SIZE` municipalities (the regional view's own rule, `domain.region`). No
  names, no dates, no toelichtingen, no participants. The view runs with its owner's rights
  (the administrator who ran the command), which is what lets it count rows the caller cannot
  read; it is a security barrier view, so a caller's functions never see the hidden rows.

The SQL is generated from the live schema (`role_sql`), shown by `zelfscan database rollen
--toon-sql` for a DBA who wants to read or run it by hand, and idempotent: run it again after
every upgrade. Login roles and their passwords are the DBA's (CREATE ROLE ... LOGIN PASSWORD);
the command only adds them to a group and records their municipality.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect

from zelfscan_app.domain.region import MIN_GROUP_SIZE

COORDINATOR = "zelfscan_coordinator"
GEMEENTE = "zelfscan_gemeente"
MAPPING = "zelfscan_gemeente_rollen"
REGION_VIEW = "zelfscan_regio_antwoorden"
#: Tables written by the administrator's `database upgrade` only.
READ_ONLY_TABLES = ("alembic_version",)
#: Region-wide tables: every municipality reads them, the coordinator writes them.
REGION_TABLES = ("rad_vragen",)

_OWN_SCANS = f"gemeente_key IN (SELECT gemeente_key FROM {MAPPING} WHERE rol = current_user)"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def role_sql(conn: Connection) -> list[str]:
    """The statements that set up the roles, grants, policies and the regional view."""
    tables = sorted(inspect(conn).get_table_names())
    scan_tables = [
        t
        for t in tables
        if t != "scans" and "scan_id" in {c["name"] for c in inspect(conn).get_columns(t)}
    ]
    both = f"{COORDINATOR}, {GEMEENTE}"
    sql = [
        _create_group(COORDINATOR),
        _create_group(GEMEENTE),
        f"CREATE TABLE IF NOT EXISTS {MAPPING} (rol name PRIMARY KEY, gemeente_key text NOT NULL)",
        f"GRANT USAGE ON SCHEMA public TO {both}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {both}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {both}",
        *(f"REVOKE INSERT, UPDATE, DELETE ON {t} FROM {both}" for t in READ_ONLY_TABLES),
        f"REVOKE INSERT, UPDATE, DELETE ON {MAPPING} FROM {both}",
        *(
            f"REVOKE INSERT, UPDATE, DELETE ON {t} FROM {GEMEENTE}"
            for t in REGION_TABLES
            if t in tables
        ),
    ]
    policies: dict[str, str] = {MAPPING: "rol = current_user", "scans": _OWN_SCANS}
    for table in scan_tables:
        policies[table] = "scan_id IN (SELECT id FROM scans)"
    if "routekaarten" in tables:
        # A municipality's own routekaart (named as its scans name it); the region's: read only.
        policies["routekaarten"] = "scope = 'gemeente' AND naam IN (SELECT gemeente FROM scans)"
        sql.append(
            _policy(
                "routekaarten",
                "zelfscan_gemeente_regio",
                GEMEENTE,
                "scope <> 'gemeente'",
                command="SELECT",
            )
        )
    if "routekaart_items" in tables:
        policies["routekaart_items"] = "routekaart_id IN (SELECT id FROM routekaarten)"
    for table, rule in policies.items():
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        sql.append(_policy(table, "zelfscan_eigen", GEMEENTE, rule))
        if table != MAPPING:
            sql.append(_policy(table, "zelfscan_alles", COORDINATOR, "true"))
    sql.append(f"DROP VIEW IF EXISTS {REGION_VIEW}")
    sql.append(_region_view())
    sql.append(f"REVOKE ALL ON {REGION_VIEW} FROM PUBLIC")
    sql.append(f"GRANT SELECT ON {REGION_VIEW} TO {both}")
    return sql


def _create_group(role: str) -> str:
    return (
        "DO $$ BEGIN "
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} NOLOGIN; END IF; END $$"
    )


def _policy(table: str, name: str, role: str, rule: str, *, command: str = "ALL") -> str:
    check = f" WITH CHECK ({rule})" if command == "ALL" else ""
    return (
        f"DROP POLICY IF EXISTS {name} ON {table}; "
        f"CREATE POLICY {name} ON {table} FOR {command} TO {role} USING ({rule}){check}"
    )


def _region_view() -> str:
    return f"""CREATE VIEW {REGION_VIEW} WITH (security_barrier) AS
WITH live AS (
    SELECT id, regio, soort, CAST(EXTRACT(YEAR FROM datum) AS integer) AS jaar, gemeente_key
    FROM scans WHERE deleted_at IS NULL
), groups AS (
    SELECT regio, soort, jaar FROM live GROUP BY regio, soort, jaar
    HAVING count(DISTINCT gemeente_key) >= {int(MIN_GROUP_SIZE)}
)
SELECT l.regio, l.soort, l.jaar, a.question AS vraag, a.value AS antwoord,
       count(*) AS aantal
FROM live AS l
JOIN groups AS g ON g.regio = l.regio AND g.soort = l.soort AND g.jaar = l.jaar
JOIN answers AS a ON a.scan_id = l.id
WHERE a.value IS NOT NULL
GROUP BY l.regio, l.soort, l.jaar, a.question, a.value"""


def grant_sql(*, coordinators: list[str], gemeenten: list[tuple[str, str]]) -> list[str]:
    """Put existing login roles in a group; `gemeenten`: (role, gemeente_key) pairs."""
    sql = [f"GRANT {COORDINATOR} TO {_quote(role)}" for role in coordinators]
    for role, key in gemeenten:
        literal_role = role.replace("'", "''")
        literal_key = key.replace("'", "''")
        sql.append(f"GRANT {GEMEENTE} TO {_quote(role)}")
        sql.append(
            f"INSERT INTO {MAPPING} (rol, gemeente_key) VALUES ('{literal_role}', '{literal_key}') "
            "ON CONFLICT (rol) DO UPDATE SET gemeente_key = EXCLUDED.gemeente_key"
        )
    return sql
