"""badge print tracking

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 15:03:58.509782
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "badge_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("delegate_id", sa.Integer(), nullable=False),
        sa.Column("badge_version", sa.Integer(), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("station", sa.String(length=100), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["delegate_id"], ["delegates.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("badge_prints", schema=None) as batch_op:
        batch_op.create_index(
            "ix_badge_prints_delegate", ["delegate_id", "badge_version"], unique=False
        )

    with op.batch_alter_table("delegates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("print_count", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("delegates", schema=None) as batch_op:
        batch_op.drop_column("print_count")
        batch_op.drop_column("printed_at")

    with op.batch_alter_table("badge_prints", schema=None) as batch_op:
        batch_op.drop_index("ix_badge_prints_delegate")

    op.drop_table("badge_prints")
