"""live updates: PostgreSQL notifies listeners of journal and roster changes

A statement-level trigger on ``scans`` and ``delegates`` calls
``pg_notify('checkin_changes', <table>)`` (``checkin.core.db.notify``): dashboards and
desks' offline copies hear about another desk's scan when it commits instead of at
their next poll.  PostgreSQL only; nothing on SQLite, where views poll
``PRAGMA data_version``.  No table or column changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 12:15:00.000000
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TABLES = ("scans", "delegates")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE OR REPLACE FUNCTION checkin_notify() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('checkin_changes', TG_TABLE_NAME);
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    )
    for table in _TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION checkin_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
    op.execute("DROP FUNCTION IF EXISTS checkin_notify()")
