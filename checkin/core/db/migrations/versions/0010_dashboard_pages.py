"""dashboard pages: an index that gives a session's attendees in admission order

The dashboard's "Session attendance" table reads a page at a time
(``checkin.core.dashboard.pages``), by default in admission order.  With
``ix_admissions_event_scope_time`` (event, session, admission time) the first page is
a walk of 200 index entries; without it, every attendee of the session (35,000 at a
big event) was joined and sorted to give those 200.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 10:00:00.000000
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_admissions_event_scope_time", "admissions", ["event_id", "scope", "admitted_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_admissions_event_scope_time", table_name="admissions")
