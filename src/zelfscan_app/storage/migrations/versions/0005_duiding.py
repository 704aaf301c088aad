"""The group's own interpretation of the results ('Duiding door de groep'), one text per scan.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.add_column(sa.Column("duiding", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("duiding")
