"""Answer history: every change of an answer, when, by whom and on which workstation.

Revision ID: 0010
Revises: 0007

`change_id` is chosen by the writer; its unique index makes replaying a change from a
workstation's local journal idempotent (a change committed before the connection broke is
found and not stored again).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("question", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime, nullable=False),
        sa.Column("workstation", sa.String(200), nullable=False, server_default=""),
        sa.Column("user_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("change_id", sa.String(64), nullable=True),
        sa.Column("old_value", sa.String(20), nullable=True),
        sa.Column("new_value", sa.String(20), nullable=True),
        sa.Column("old_toelichting", sa.Text, nullable=False, server_default=""),
        sa.Column("new_toelichting", sa.Text, nullable=False, server_default=""),
        sa.Column("old_nuancering", sa.Text, nullable=False, server_default=""),
        sa.Column("new_nuancering", sa.Text, nullable=False, server_default=""),
        sa.Column("old_bespreekpunt", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("new_bespreekpunt", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_answer_history_scan", "answer_history", ["scan_id", "id"])
    op.create_index("uq_answer_history_change_id", "answer_history", ["change_id"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_answer_history_change_id", table_name="answer_history")
    op.drop_index("ix_answer_history_scan", table_name="answer_history")
    op.drop_table("answer_history")
