"""Initial schema: scans, participants, answers.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("gemeente", sa.String(200), nullable=False),
        sa.Column("regio", sa.String(200), nullable=False),
        sa.Column("datum", sa.Date, nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("questionnaire_id", sa.String(100), nullable=False),
        sa.Column("questionnaire_version", sa.String(50), nullable=False),
        sa.Column("facilitator", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_scans_gemeente", "scans", ["gemeente"])
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("organisatie", sa.String(200), nullable=False),
        sa.Column("rol", sa.String(200), nullable=False),
    )
    op.create_index("ix_participants_scan_id", "participants", ["scan_id"])
    op.create_table(
        "answers",
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("question", sa.Integer, primary_key=True),
        sa.Column("value", sa.String(20), nullable=True),
        sa.Column("toelichting", sa.Text, nullable=False),
        sa.Column("nuancering", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("answers")
    op.drop_index("ix_participants_scan_id", "participants")
    op.drop_table("participants")
    op.drop_index("ix_scans_gemeente", "scans")
    op.drop_table("scans")
