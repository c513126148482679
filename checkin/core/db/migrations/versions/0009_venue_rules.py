"""venue entry rules: categories admitted, doors opening, a capacity that refuses

Issue 19's entry rules existed per session; the same three rules now hold for the
venue itself (``[event]`` in the event file): which categories may enter the building
on this day, how many minutes before registration opens the doors open, and whether
the event's ``capacity`` refuses arrivals once reached.  Existing events get no rules.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 14:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite does it in place): a batch would rebuild ``events``,
    # which every other table's foreign keys point at.
    op.add_column(
        "events", sa.Column("only_categories", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("events", sa.Column("doors_open", sa.Integer(), nullable=True))
    op.add_column(
        "events",
        sa.Column("hard_capacity", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name in ("hard_capacity", "doors_open", "only_categories"):
            batch.drop_column(name)
