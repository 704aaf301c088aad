"""Session and import fields: bespreekpunt, safe trash, import fingerprint, version warning.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.add_column(sa.Column("warning", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("source_sha256", sa.String(64), nullable=True))
        batch.add_column(sa.Column("deleted_at", sa.DateTime, nullable=True))
        batch.create_index("ix_scans_source_sha256", ["source_sha256"])
    with op.batch_alter_table("answers") as batch:
        batch.add_column(
            sa.Column("bespreekpunt", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("bespreekpunt")
    with op.batch_alter_table("scans") as batch:
        batch.drop_index("ix_scans_source_sha256")
        batch.drop_column("deleted_at")
        batch.drop_column("source_sha256")
        batch.drop_column("warning")
