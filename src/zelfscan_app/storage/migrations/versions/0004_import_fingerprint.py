"""Import fingerprint and gemeente key: one workbook is never stored twice; lookups by index.

Adds to `scans`:
- `gemeente_key` (the name's skeleton, `domain.names.skeleton`) with an index on
  (gemeente_key, datum, soort): the duplicate and conflict checks of an import read only the
  rows of that municipality, however large the database grows;
- `import_fingerprint` (`domain.scan.content_fingerprint` of an imported scan) with a unique
  index over the scans outside the trash: the database itself refuses a second copy.

Backfill: every scan gets its key; every imported scan (it has a `source_sha256`) its
fingerprint. Imported scans that are exact copies of each other — what two imports racing
each other used to leave — keep one: the copies go to the trash (recoverable) with a note
saying of which scan they were a copy; a copy that has actions of its own stays, without a
fingerprint, with the same note as a warning.

Revision ID: 0004
Revises: 0003
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

from zelfscan_app.domain.names import skeleton
from zelfscan_app.domain.scan import (
    Answer,
    AnswerValue,
    Participant,
    Scan,
    SoortMeting,
    content_fingerprint,
)

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_WHERE_LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.add_column(
            sa.Column("gemeente_key", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("import_fingerprint", sa.String(64), nullable=True))
    _backfill(op.get_bind())
    op.create_index("ix_scans_gemeente_key", "scans", ["gemeente_key", "datum", "soort"])
    op.create_index(
        "uq_scans_import_fingerprint",
        "scans",
        ["import_fingerprint"],
        unique=True,
        sqlite_where=_WHERE_LIVE,
        postgresql_where=_WHERE_LIVE,
    )


def downgrade() -> None:
    op.drop_index("uq_scans_import_fingerprint", "scans")
    op.drop_index("ix_scans_gemeente_key", "scans")
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("import_fingerprint")
        batch.drop_column("gemeente_key")


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _backfill(conn: sa.Connection) -> None:
    scans = conn.execute(
        sa.text(
            "SELECT id, gemeente, regio, datum, soort, questionnaire_id, questionnaire_version,"
            " facilitator, source_sha256, deleted_at, warning FROM scans ORDER BY id"
        )
    ).fetchall()
    people: dict[int, list[Participant]] = {}
    for scan_id, naam, organisatie, rol in conn.execute(
        sa.text(
            "SELECT scan_id, naam, organisatie, rol FROM participants ORDER BY scan_id, position"
        )
    ):
        people.setdefault(scan_id, []).append(Participant(naam, organisatie, rol))
    answers: dict[int, list[Answer]] = {}
    for scan_id, question, value, toelichting, nuancering, bespreekpunt in conn.execute(
        sa.text(
            "SELECT scan_id, question, value, toelichting, nuancering, bespreekpunt FROM answers"
        )
    ):
        answers.setdefault(scan_id, []).append(
            Answer(
                question,
                AnswerValue(value) if value else None,
                toelichting or "",
                nuancering or "",
                bool(bespreekpunt),
            )
        )
    with_actions = {row[0] for row in conn.execute(sa.text("SELECT DISTINCT scan_id FROM actions"))}

    keys: list[dict[str, object]] = []
    fingerprints: dict[str, list[tuple[int, bool]]] = {}  # fingerprint → [(id, live)]
    for row in scans:
        keys.append({"id": row.id, "key": skeleton(row.gemeente)})
        if row.source_sha256 is None:
            continue  # made in the app, not imported: no import fingerprint
        scan = Scan(
            gemeente=row.gemeente,
            regio=row.regio,
            datum=_date(row.datum),
            soort=SoortMeting(row.soort),
            questionnaire_id=row.questionnaire_id,
            questionnaire_version=row.questionnaire_version,
            facilitator=row.facilitator,
            participants=tuple(people.get(row.id, ())),
            answers=tuple(answers.get(row.id, ())),
        )
        fingerprints.setdefault(content_fingerprint(scan), []).append(
            (row.id, row.deleted_at is None)
        )
    if keys:
        conn.execute(sa.text("UPDATE scans SET gemeente_key = :key WHERE id = :id"), keys)

    warnings = {row.id: row.warning or "" for row in scans}
    stamp = datetime.now().replace(microsecond=0)
    for fingerprint, rows in fingerprints.items():
        live = [scan_id for scan_id, is_live in rows if is_live]
        # The one that stays: the first with actions of its own, else the oldest.
        keeper = next((i for i in live if i in with_actions), live[0] if live else None)
        for scan_id, is_live in rows:
            copy = is_live and scan_id != keeper
            # A copy with actions stays visible; the unique index allows one per fingerprint.
            fingerprint_value = None if copy and scan_id in with_actions else fingerprint
            params: dict[str, object] = {"id": scan_id, "fp": fingerprint_value}
            if not copy:
                conn.execute(
                    sa.text("UPDATE scans SET import_fingerprint = :fp WHERE id = :id"), params
                )
                continue
            note = (
                f"Dubbel: deze zelfscan is gelijk aan zelfscan {keeper} (hetzelfde bestand is "
                "twee keer tegelijk ingelezen)."
            )
            params["warning"] = " ".join(p for p in (warnings[scan_id], note) if p)
            params["deleted"] = None if scan_id in with_actions else stamp
            conn.execute(
                sa.text(
                    "UPDATE scans SET import_fingerprint = :fp, warning = :warning,"
                    " deleted_at = :deleted WHERE id = :id"
                ),
                params,
            )
