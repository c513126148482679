"""the journal indexed by source: a desk's look for the kiosk's cases reads only theirs

Every Desk asks the journal every 5 s for the kiosk's staff cases since it opened
(``desk.kiosk.kiosk_cases``: rows whose source is ``kiosk``).  With only (event, time)
to go by, that read walked every scan of the day to find the few from a kiosk: 8-10 ms
at 20,000 scans, on the GUI thread, and the 2-hour soak saw it behind slow scans.  An
index (event, source, time) makes it a walk of the kiosk's rows alone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 04:00:00.000000
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_scans_event_source_time", "scans", ["event_id", "source", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_scans_event_source_time", table_name="scans")
