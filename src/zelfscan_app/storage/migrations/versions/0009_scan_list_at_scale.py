"""The scan list and the regional view at scale: stored counts and keys, read by index.

A region's shared database holds thousands of scans (342 municipalities × ten years). The list
used to count every scan's answers in a sub-query and sort and search in Qt; the regional view
read every scan with its answers to pick the newest per municipality. Adds to `scans`:
- `answered_count`: the answers with a value (kept by the repository on every change);
- `search_key`: gemeente, regio, datum (dd-mm-jjjj) and soort casefolded, for the search box;
- `gemeente_fold` and `regio_key`: the names casefolded, for sorting and the regional view;
and the indexes `ix_scans_list` (updated_at, id) over the scans outside the trash — the list's
default order page by page — and `ix_scans_region_latest` (regio_key, gemeente_fold, datum,
id) — the newest scan per municipality of a region, by a loose index scan.

Backfill: every scan gets its count and keys (computed in Python, as the repository does, so
casefolding is Python's on SQLite and PostgreSQL alike).

Revision ID: 0009
Revises: 0007
"""

from datetime import date

import sqlalchemy as sa
from alembic import op

from zelfscan_app.storage.scan_list_fast import search_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.add_column(
            sa.Column("answered_count", sa.Integer, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("search_key", sa.Text, nullable=False, server_default=""))
        batch.add_column(
            sa.Column("gemeente_fold", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("regio_key", sa.String(200), nullable=False, server_default=""))
    _backfill(op.get_bind())
    live = sa.text("deleted_at IS NULL")
    op.create_index(
        "ix_scans_list", "scans", ["updated_at", "id"], sqlite_where=live, postgresql_where=live
    )
    op.create_index(
        "ix_scans_region_latest", "scans", ["regio_key", "gemeente_fold", "datum", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_scans_region_latest", "scans")
    op.drop_index("ix_scans_list", "scans")
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("regio_key")
        batch.drop_column("gemeente_fold")
        batch.drop_column("search_key")
        batch.drop_column("answered_count")


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _backfill(conn: sa.Connection) -> None:
    counts: dict[int, int] = dict(
        (int(scan_id), int(n))
        for scan_id, n in conn.execute(
            sa.text(
                "SELECT scan_id, count(*) FROM answers WHERE value IS NOT NULL GROUP BY scan_id"
            )
        )
    )
    rows = conn.execute(sa.text("SELECT id, gemeente, regio, datum, soort FROM scans")).fetchall()
    values = [
        {
            "id": row.id,
            "n": counts.get(row.id, 0),
            "search": search_key(row.gemeente, row.regio or "", _date(row.datum), row.soort),
            "fold": row.gemeente.casefold(),
            "regio": (row.regio or "").strip().casefold(),
        }
        for row in rows
    ]
    if values:
        conn.execute(
            sa.text(
                "UPDATE scans SET answered_count = :n, search_key = :search,"
                " gemeente_fold = :fold, regio_key = :regio WHERE id = :id"
            ),
            values,
        )
