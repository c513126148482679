"""event settings: choices made in the app per event (the dashboard's watch list)

One row per event and key, the value as JSON text.  A missing row means the feature's
default (the watch list: speakers and VIPs), so existing databases need no data.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 11:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_settings",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "key"),
    )


def downgrade() -> None:
    op.drop_table("event_settings")
