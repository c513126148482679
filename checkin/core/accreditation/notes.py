"""Attention notes: one per delegate, for the desk ("Collect visa letter").

The text is the delegate's ``note`` column (imported from the roster's ``note`` column,
or typed in the app: ``save_note``, through the desk's service — on a desk whose server
is out of reach into its offline copy, replayed later as a pending change,
``desk.pending_notes``).  Marking it done is a journal row (action
``note_done``, with the note's text in ``detail``, who and when), written by the desk's
service so it replays once from an offline desk.  A note is done when such a row holds
its current text: a note edited after it was dealt with is open again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.accreditation.journal_rows import statements
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
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
    return note_of(s, delegate_id, note_text(s, delegate_id))


def note_of(s: Session | Connection, delegate_id: int, text: str) -> NoteInfo | None:
    """``note_state`` for a note ``text`` already read (the scan path reads it with the
    photo, ``extras``): the journal is read only when there is a note."""
    if not text:
        return None
    done = s.execute(statements().note_done, {"d": delegate_id, "text": text}).first()
    if done is None:
        return NoteInfo(text)
    return NoteInfo(
        text, True, done.created_at.replace(tzinfo=dt.UTC), done.operator or done.station
    )


@dataclass(frozen=True)
class NoteSaved:
    """What ``save_note`` did: the note as it now stands (None: cleared), and whether
    the text changed (saving the same text again writes nothing)."""

    delegate: DelegateInfo
    note: NoteInfo | None
    changed: bool
    message: str  # English (command line, logs)


def clean_note(text: str) -> str:
    """The note as stored (spaces tidied); ``NoteError`` when too long."""
    text = clean(text)
    if len(text) > NOTE_MAX:
        raise NoteError("A note has at most %1 characters (this one has %2).", NOTE_MAX,
                        len(text))
    return text


def save_note(
    s: Session | Connection, event: EventInfo, delegate_id: int, text: str,
    when: dt.datetime | None = None,
) -> NoteSaved:
    """Save (or clear, with "") a delegate's note inside the caller's write transaction.

    The delegate's ``updated_at`` moves, so desks' offline copies pull the new note."""
    text = clean_note(text)
    row = s.execute(
        select(*DELEGATE_COLUMNS, m.Delegate.note)
        .where(m.Delegate.id == delegate_id, m.Delegate.event_id == event.id)
    ).first()
    if row is None:
        raise NoteError("No delegate with id %1 in this event.", delegate_id)
    delegate = delegate_from_row(row)
    if (row.note or "") == text:
        return NoteSaved(delegate, note_state(s, delegate_id), False,
                         f"Nothing changed in the note of {delegate.full_name}.")
    stamp = (when or clock.utcnow()).astimezone(dt.UTC).replace(tzinfo=None)
    s.execute(update(m.Delegate).where(m.Delegate.id == delegate_id)
              .values(note=text, updated_at=stamp))
    said = "saved" if text else "cleared"
    return NoteSaved(delegate, note_state(s, delegate_id), True,
                     f"Note of {delegate.full_name} {said}.")


def set_note(
    store: Store, event: EventInfo, delegate_id: int, text: str, *, now: dt.datetime | None = None
) -> NoteInfo | None:
    """Save (or clear, with "") a delegate's note in ``store``; returns it as it now
    stands.  (The app and the command line go through the desk's service, which works
    offline too; this is for imports, scripts and tests.)"""
    with store.write() as s:
        return save_note(s, event, delegate_id, text, now).note


def get_note(store: Store, delegate_id: int) -> NoteInfo | None:
    """The delegate's note as it stands (for the app's note editor)."""
    with store.read() as s:
        return note_state(s, delegate_id)
