"""admissions projection

Standing admissions as a table kept by the check-in engine (one row per delegate per
scope, unique), and each delegate's first standing arrival on the delegate row, so
headcounts no longer aggregate the whole journal.  Filled here from the journal.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 14:39:38.832139
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("delegate_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("admitted_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["delegate_id"], ["delegates.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["scan_id"],
            ["scans.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("delegate_id", "scope", name="uq_admissions_delegate_scope"),
        sa.UniqueConstraint("scan_id"),
    )
    with op.batch_alter_table("admissions", schema=None) as batch_op:
        batch_op.create_index("ix_admissions_event_scope", ["event_id", "scope"], unique=False)

    with op.batch_alter_table("delegates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("arrived_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("arrived_via", sa.String(length=16), nullable=True))
        batch_op.create_index(
            "ix_delegates_headcount",
            ["event_id", "status", "category", "country", "organisation", "arrived_at",
             "arrived_via"],
            unique=False,
        )
        batch_op.create_index(
            "ix_delegates_arrival", ["event_id", "arrived_at", "status"], unique=False
        )

    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.create_index("ix_scans_event_outcome", ["event_id", "outcome"], unique=False)

    # Backfill from the journal: per delegate and scope, the first admitted row that no
    # undo cancelled.  Plain SQL that SQLite and PostgreSQL both run.
    def standing(a: str) -> str:
        return f"""
            {a}.action = 'entry' AND {a}.outcome = 'admitted' AND {a}.delegate_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM scans u WHERE u.undoes_id = {a}.id)
        """

    op.execute(f"""
        INSERT INTO admissions (event_id, delegate_id, scope, scan_id, admitted_at, source)
        SELECT s.event_id, s.delegate_id, COALESCE(s.session_id, 0), s.id, s.created_at, s.source
        FROM scans s
        WHERE {standing("s")}
          AND s.id = (SELECT MIN(f.id) FROM scans f
                      WHERE f.delegate_id = s.delegate_id
                        AND COALESCE(f.session_id, 0) = COALESCE(s.session_id, 0)
                        AND {standing("f")})
    """)
    op.execute("""
        UPDATE delegates SET
          arrived_at = (SELECT MIN(a.admitted_at) FROM admissions a
                        WHERE a.delegate_id = delegates.id),
          arrived_via = (SELECT a.source FROM admissions a WHERE a.delegate_id = delegates.id
                         ORDER BY a.admitted_at, a.id LIMIT 1)
    """)


def downgrade() -> None:
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.drop_index("ix_scans_event_outcome")

    with op.batch_alter_table("delegates", schema=None) as batch_op:
        batch_op.drop_index("ix_delegates_arrival")
        batch_op.drop_index("ix_delegates_headcount")
        batch_op.drop_column("arrived_via")
        batch_op.drop_column("arrived_at")

    with op.batch_alter_table("admissions", schema=None) as batch_op:
        batch_op.drop_index("ix_admissions_event_scope")

    op.drop_table("admissions")
