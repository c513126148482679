"""The journal rows of the accreditation desk, as queries shared by its modules.

Rows an undo points at do not count (the desk's undo covers scans today; a later undo
of a hand-out needs nothing more here).
"""

from __future__ import annotations

from sqlalchemy import exists
from sqlalchemy.orm import aliased

from checkin.core.db import models as m


def not_undone(scan=m.Scan):
    undo = aliased(m.Scan)
    return ~exists().where(undo.undoes_id == scan.id)


class Statements:
    """The per-person lookups a scan result needs, built once (building a SQLAlchemy
    statement costs more than running it, and scans come by the thousand) and filtered
    on the delegate first, so they read the journal's per-delegate index."""

    def __init__(self) -> None:
        from sqlalchemy import Integer, bindparam, select

        from checkin.core.types import ScanAction

        d = bindparam("d", type_=Integer)
        self.note_text = select(m.Delegate.note).where(m.Delegate.id == d)
        self.note_done = (
            select(m.Scan.created_at, m.Scan.operator, m.Scan.station)
            .where(m.Scan.delegate_id == d, m.Scan.action == ScanAction.NOTE_DONE.value,
                   m.Scan.detail == bindparam("text"), not_undone())
            .order_by(m.Scan.created_at, m.Scan.id)
            .limit(1)
        )
        # A scan result's note and photo in one lookup (``extras``): one statement fewer
        # on every scan's way to the screen.
        self.note_and_photo = select(
            m.Delegate.note,
            exists().where(m.DelegatePhoto.delegate_id == m.Delegate.id).label("photo"),
        ).where(m.Delegate.id == d)
        self.moves = (
            select(m.Scan.delegate_id, m.Scan.item, m.Scan.action, m.Scan.created_at,
                   m.Scan.item_code)
            .where(m.Scan.delegate_id == d,
                   m.Scan.action.in_((ScanAction.HANDOUT.value, ScanAction.RETURN.value)),
                   not_undone())
            .order_by(m.Scan.created_at, m.Scan.id)
        )
        self.id_done = (
            select(m.Scan.id)
            .where(m.Scan.delegate_id == d, m.Scan.action == ScanAction.ID_CHECK.value,
                   not_undone())
            .limit(1)
        )


_statements: Statements | None = None


def statements() -> Statements:
    global _statements
    if _statements is None:
        _statements = Statements()
    return _statements
