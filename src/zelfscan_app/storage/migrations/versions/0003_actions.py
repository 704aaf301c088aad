"""Improvement actions (plan van aanpak, PDCA status).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("standard", sa.Integer, nullable=False),
        sa.Column("question", sa.Integer, nullable=True),
        sa.Column("maatregel", sa.Text, nullable=False),
        sa.Column("huidige_stand", sa.Text, nullable=False),
        sa.Column("verbeteractie", sa.Text, nullable=False),
        sa.Column("beoogd_resultaat", sa.Text, nullable=False),
        sa.Column("wie", sa.String(300), nullable=False),
        sa.Column("planning", sa.String(300), nullable=False),
        sa.Column("kosten", sa.String(300), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_actions_scan_id", "actions", ["scan_id"])


def downgrade() -> None:
    op.drop_index("ix_actions_scan_id", "actions")
    op.drop_table("actions")
