"""accreditation desk: attention notes, hand-outs, photos, entry rules

Adds what the accreditation desk needs (issue 19): a delegate's attention note, the
event's hand-out items (JSON), categories that need an ID check, per-session entry
rules (categories admitted, doors opening, a capacity that refuses), the journal's
columns for hand-outs, notes done, ID checks and rule overrides, and a table of
delegates' photos.  Existing rows get empty
values: no rules, no notes, no photos.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 12:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite does it in place): a batch would rebuild the tables,
    # which other tables' foreign keys point at.
    op.add_column("events", sa.Column("handouts", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "categories",
        sa.Column("id_check", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "sessions", sa.Column("only_categories", sa.Text(), nullable=False, server_default="")
    )
    op.add_column("sessions", sa.Column("doors_open", sa.Integer(), nullable=True))
    op.add_column(
        "sessions",
        sa.Column("hard_capacity", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("delegates", sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.add_column("scans", sa.Column("item", sa.String(64), nullable=False, server_default=""))
    op.add_column(
        "scans", sa.Column("item_code", sa.String(64), nullable=False, server_default="")
    )
    op.add_column("scans", sa.Column("rule", sa.String(32), nullable=False, server_default=""))
    op.add_column("scans", sa.Column("detail", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "delegate_photos",
        sa.Column("delegate_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["delegate_id"], ["delegates.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("delegate_id"),
    )
    op.create_index("ix_delegate_photos_event", "delegate_photos", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_delegate_photos_event", table_name="delegate_photos")
    op.drop_table("delegate_photos")
    with op.batch_alter_table("scans") as batch:
        for name in ("detail", "rule", "item_code", "item"):
            batch.drop_column(name)
    with op.batch_alter_table("delegates") as batch:
        batch.drop_column("note")
    with op.batch_alter_table("sessions") as batch:
        for name in ("hard_capacity", "doors_open", "only_categories"):
            batch.drop_column(name)
    with op.batch_alter_table("categories") as batch:
        batch.drop_column("id_check")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("handouts")
