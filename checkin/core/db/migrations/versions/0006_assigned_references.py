"""assigned references: every delegate has one

Delegates imported from a roster without a reference column had none, so they could
not be named on the command line (``badges --ref``) or ticked for a reprint on the
Badges page.  Imports now assign ``D-<number>`` (``roster.delegates.auto_reference``);
this gives the delegates already stored the same, and adds it to their search text so
the desk finds them by it.  Data only: the schema does not change.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 12:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_delegates = sa.table(
    "delegates",
    sa.column("id", sa.Integer),
    sa.column("number", sa.Integer),
    sa.column("reference", sa.String),
    sa.column("search_text", sa.Text),
)


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_delegates.c.id, _delegates.c.number, _delegates.c.search_text).where(
            _delegates.c.reference == ""
        )
    ).all()
    for row in rows:
        reference = f"D-{row.number:04d}"
        text = f"{row.search_text} {reference.lower()}".strip() if row.search_text else ""
        conn.execute(
            sa.update(_delegates)
            .where(_delegates.c.id == row.id)
            .values(reference=reference, search_text=text)
        )


def downgrade() -> None:
    # The assigned references stay: a reference is no schema, and printed lists name them.
    pass
