"""Pre-scans (voorbereidingen) of a scan and the room's show of hands (handopsteken).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "voorbereidingen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("door", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("scan_id", "fingerprint", name="uq_voorbereidingen_scan_fingerprint"),
    )
    op.create_index("ix_voorbereidingen_scan_id", "voorbereidingen", ["scan_id"])
    op.create_table(
        "voorbereiding_antwoorden",
        sa.Column(
            "voorbereiding_id",
            sa.Integer,
            sa.ForeignKey("voorbereidingen.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("question", sa.Integer, primary_key=True),
        sa.Column("value", sa.String(20), nullable=True),
        sa.Column("toelichting", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "handopsteken",
        sa.Column(
            "scan_id",
            sa.Integer,
            sa.ForeignKey("scans.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("question", sa.Integer, primary_key=True),
        sa.Column("op_orde", sa.Integer, nullable=False, server_default="0"),
        sa.Column("niet_op_orde", sa.Integer, nullable=False, server_default="0"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("handopsteken")
    op.drop_table("voorbereiding_antwoorden")
    op.drop_index("ix_voorbereidingen_scan_id", "voorbereidingen")
    op.drop_table("voorbereidingen")
