"""The meeting kit: routekaart progress, Rad van Fortuin questions and answers, review dates.

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.add_column(sa.Column("herziendatum", sa.Date, nullable=True))
    op.create_table(
        "routekaarten",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("herhaal_op", sa.Date, nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("scope", "naam", name="uq_routekaarten_scope_naam"),
    )
    op.create_table(
        "routekaart_items",
        sa.Column(
            "routekaart_id",
            sa.Integer,
            sa.ForeignKey("routekaarten.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("item_key", sa.String(80), primary_key=True),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("datum", sa.Date, nullable=True),
        sa.Column("eigenaar", sa.String(200), nullable=False, server_default=""),
        sa.Column("notitie", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "rad_vragen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("regio", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("tekst", sa.Text, nullable=False),
    )
    op.create_index("ix_rad_vragen_regio", "rad_vragen", ["regio"])
    op.create_table(
        "rad_antwoorden",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("vraag", sa.Text, nullable=False),
        sa.Column("antwoord", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("scan_id", "vraag", name="uq_rad_antwoorden_scan_vraag"),
    )
    op.create_index("ix_rad_antwoorden_scan_id", "rad_antwoorden", ["scan_id"])


def downgrade() -> None:
    op.drop_index("ix_rad_antwoorden_scan_id", "rad_antwoorden")
    op.drop_table("rad_antwoorden")
    op.drop_index("ix_rad_vragen_regio", "rad_vragen")
    op.drop_table("rad_vragen")
    op.drop_table("routekaart_items")
    op.drop_table("routekaarten")
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("herziendatum")
