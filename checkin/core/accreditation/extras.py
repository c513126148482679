"""What a scan result says about the person besides the outcome: their attention note,
whether a photo is stored, their hand-outs, and the ID check their category asks for.

Read inside the desk's scan transaction (a few indexed lookups), so the result the desk
shows and the journal row it wrote agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from checkin.core.accreditation import handouts, notes
from checkin.core.accreditation.journal_rows import statements
from checkin.core.types import DelegateInfo, EventInfo, HandoutState, NoteInfo

ID_DUE, ID_DONE = "due", "done"


@dataclass(frozen=True)
class IdCheckResult:
    """What recording an ID check did (``scan_id`` None: checked before, nothing written)."""

    delegate: DelegateInfo
    scan_id: str | None
    at: dt.datetime  # aware UTC
    message: str


@dataclass(frozen=True)
class Extras:
    note: NoteInfo | None
    photo: bool
    handouts: tuple[HandoutState, ...]
    id_check: str  # "" (not asked), "due" or "done"


def id_check_state(s: Session | Connection, event: EventInfo, delegate: DelegateInfo) -> str:
    """"done" once an ID check is journaled; "due" if the category asks for one, ""
    otherwise (the journal is read only for a category that asks)."""
    category = event.category(delegate.category)
    if category is None or not category.id_check:
        return ""
    done = s.execute(statements().id_done, {"d": delegate.id}).first()
    return ID_DONE if done is not None else ID_DUE


def extras(s: Session | Connection, event: EventInfo, delegate: DelegateInfo) -> Extras:
    row = s.execute(statements().note_and_photo, {"d": delegate.id}).first()
    text, photo = (row.note or "", bool(row.photo)) if row is not None else ("", False)
    return Extras(
        note=notes.note_of(s, delegate.id, text),
        photo=photo,
        handouts=handouts.states(s, event, delegate),
        id_check=id_check_state(s, event, delegate),
    )
