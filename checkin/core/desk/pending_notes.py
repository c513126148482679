"""Attention notes typed at a desk while the server was out of reach: kept, then replayed.

Offline, a note typed at the desk (``DeskCheckin.set_note``) is saved in the desk's copy
at once — the desk shows it on the next scan — and recorded in the same transaction as
a pending change of kind ``note`` (``pending``), with the note this desk saw before and
the one typed.  The replay (``pending.replay_changes``, in the order the changes were
made, before the scans) applies it on the server when the server still has the note
this desk last saw.  Otherwise someone changed the note meanwhile: it is not
overwritten, and the clash is listed ("note changed meanwhile") like the other clashes,
for a person to decide.  The server holding the typed text already is no clash: an
earlier replay that stopped half-way, or the same words typed at another desk.

A note dealt with offline (``note_done``) is a journal row, replayed by UUID like a scan;
it names the text it dealt with, so it closes the note only if that text is the note.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from checkin.core import clock
from checkin.core.accreditation import notes
from checkin.core.accreditation.notes import NoteSaved
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.pending import (
    NO_CHANGES,
    NOTE,
    ChangesReport,
    Clash,
    copy_row,
    made_at,
    naive,
    record_change,
    settle_change,
)
from checkin.core.types import EventInfo


def note_offline(
    mirror: Store, event: EventInfo, delegate_id: int, text: str, *, station: str,
    operator: str, now: dt.datetime | None = None,
) -> NoteSaved:
    """Save the note in the copy and record it for the replay (one transaction).  The
    same text again changes nothing and records nothing."""
    when = naive(now)
    with mirror.write() as s:
        before = notes.note_text(s, delegate_id)
        saved = notes.save_note(s, event, delegate_id, text, when.replace(tzinfo=dt.UTC))
        if saved.changed:
            after = saved.note.text if saved.note is not None else ""
            record_change(s, event, NOTE, saved.delegate.number, station=station,
                          operator=operator, when=when, before={"note": before},
                          after={"note": after})
    return saved


def replay_note(
    primary: Store, mirror: Store, event: EventInfo, change: m.PendingChange, lock
) -> ChangesReport:
    """One note typed offline, on the server unless it changed there meanwhile; the
    copy then holds the server's note (applied or not)."""
    before, after = json.loads(change.before)["note"], json.loads(change.after)["note"]
    clash: Clash | None = None
    applied = 0
    with primary.write() as s:
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        row = s.scalars(select(m.Delegate).where(
            m.Delegate.event_id == event.id, m.Delegate.number == change.delegate_number)
        ).first()
        server = (row.note or "") if row is not None else ""
        if row is None:
            clash = note_clash(event, change, "gone", "", after, "")
        elif server == after:
            pass  # an earlier replay that stopped half-way, or the same words elsewhere
        elif server == before:
            row.note, row.updated_at = after, clock.naive_utcnow()  # other desks pull it
            applied = 1
        else:
            name = f"{row.first_name} {row.last_name}".strip()
            clash = note_clash(event, change, "changed_meanwhile", server, after, name)
    with lock(), mirror.write() as s:
        if row is not None:
            copy_row(s, row)
        settle_change(s, change.id, clash)
    if clash is None and not applied:
        return NO_CHANGES
    return ChangesReport(0, 0, (clash,) if clash else (), (), notes=applied)


def note_clash(
    event: EventInfo, change: m.PendingChange, reason: str, server: str, typed: str,
    name: str,
) -> Clash:
    """The clash of a note typed offline: ``args`` (who, station, time, the server's
    note, the note typed) to word it in the desk's language."""
    made, at = made_at(event, change)
    n, station = change.delegate_number, change.station or "a desk"
    who = f"{name} (no. {n})" if name else f"no. {n}"
    if reason == "gone":
        message = (f"The note of {who} typed offline at {station} at {at} was not saved: "
                   "no such delegate on the server.")
    else:
        message = (f"The note of {who} typed offline at {station} at {at} was not saved: "
                   f"the note changed on the server meanwhile (now \u201c{server}\u201d; "
                   f"typed: \u201c{typed}\u201d).")
    return Clash(change.uuid, NOTE, n, change.station, made, reason,
                 (who, station, at, server, typed), message, fields=("note",))
