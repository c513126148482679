"""Attention notes: one per delegate, for the desk ("Collect visa letter").

The text is the delegate's ``note`` column (imported from the roster's ``note`` column,
or typed in the app: ``set_note``).  Marking it done is a journal row (action
``note_done``, with the note's text in ``detail``, who and when), written by the desk's
service so it replays once from an offline desk.  A note is done when such a row holds
its current text: a note edited after it was dealt with is open again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CursorResult, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.accreditation.journal_rows import statements
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.text import clean
from checkin.core.types import DelegateInfo, EventInfo, NoteInfo

NOTE_MAX = 500


class NoteError(UserError, ValueError):
    """A note that cannot be saved or marked done (no such delegate, no note)."""


@dataclass(frozen=True)
class NoteResult:
    """What ``note_done`` did: ``done`` now (journaled as ``scan_id``), or was already."""

    delegate: DelegateInfo
    note: NoteInfo
    scan_id: str | None  # None: it was done already, nothing written
    message: str

    @property
    def changed(self) -> bool:
        return self.scan_id is not None


def note_text(s: Session | Connection, delegate_id: int) -> str:
    return s.execute(statements().note_text, {"d": delegate_id}).scalar() or ""


def note_state(s: Session | Connection, delegate_id: int) -> NoteInfo | None:
    """The delegate's note and whether it is done; None when they have none."""
    text = note_text(s, delegate_id)
    if not text:
        return None
    done = s.execute(statements().note_done, {"d": delegate_id, "text": text}).first()
    if done is None:
        return NoteInfo(text)
    return NoteInfo(
        text, True, done.created_at.replace(tzinfo=dt.UTC), done.operator or done.station
    )


def set_note(
    store: Store, event: EventInfo, delegate_id: int, text: str, *, now: dt.datetime | None = None
) -> NoteInfo | None:
    """Save (or clear, with "") a delegate's note; returns it as it now stands.

    The delegate's ``updated_at`` moves, so desks' offline copies pull the new note."""
    text = clean(text)
    if len(text) > NOTE_MAX:
        raise NoteError("A note has at most %1 characters (this one has %2).", NOTE_MAX,
                        len(text))
    when = (now or clock.utcnow()).astimezone(dt.UTC).replace(tzinfo=None)
    with store.write() as s:
        done = s.execute(
            update(m.Delegate)
            .where(m.Delegate.id == delegate_id, m.Delegate.event_id == event.id)
            .values(note=text, updated_at=when)
        )
        if cast(CursorResult, done).rowcount == 0:
            raise NoteError("No delegate with id %1 in this event.", delegate_id)
        return note_state(s, delegate_id)


def get_note(store: Store, delegate_id: int) -> NoteInfo | None:
    """The delegate's note as it stands (for the app's note editor)."""
    with store.read() as s:
        return note_state(s, delegate_id)
