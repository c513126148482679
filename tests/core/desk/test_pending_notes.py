"""Attention notes typed at a desk that lost its server: kept in the desk's copy (shown
at once), replayed once, and never overwriting a note someone changed meanwhile; a note
marked done offline travels like a scan.  Two SQLite files set up from one (the server
and the desk's copy, as in test_pending.py); the same on PostgreSQL with a desk whose
server stops in test_offline_notes.py."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from sqlalchemy import func, select, update

from checkin.core.accreditation import notes
from checkin.core.db import models as m
from checkin.core.desk import merge, pending
from checkin.core.desk.pending_notes import note_offline
from checkin.core.desk.service import CheckinService
from checkin.core.event.stored import require_event
from checkin.core.types import ScanAction
from tests.conftest import T0, badge_code

LATER = T0 + dt.timedelta(minutes=20)


def no_lock():
    return contextlib.nullcontext()


def type_offline(copy, event, delegate_id, text, when=T0):
    return note_offline(copy, event, delegate_id, text, station="Desk 2", operator="Ines",
                        now=when)


def replay(server, copy, event):
    changes = pending.replay_changes(server, copy, event, no_lock)
    with copy.read() as s:
        rows = merge.portable_scans(s, event.id, station="Desk 2")
    return changes, merge.merge_scans(server, event, rows)


def updated_at(store, number):
    with store.read() as s:
        return s.scalar(select(m.Delegate.updated_at).where(m.Delegate.number == number))


def test_a_note_typed_offline_shows_at_once_and_is_replayed_once(stations):
    server, copy = stations
    event = require_event(server)
    saved = type_offline(copy, event, 3, "  Collect visa letter ")
    assert saved.changed and saved.note.text == "Collect visa letter"
    assert saved.delegate.number == 3
    # The desk shows it on the next scan, from its copy.
    shown = CheckinService(copy, event, station="Desk 2").scan(badge_code(copy, 3), now=T0)
    assert shown.note is not None and shown.note.text == "Collect visa letter"
    assert pending.count_pending(copy, event.id) == 1
    assert notes.get_note(server, 3) is None  # the server has not heard of it yet

    changes, _scans = replay(server, copy, event)
    assert (changes.notes, changes.edits, changes.clashes) == (1, 0, ())
    assert notes.get_note(server, 3).text == "Collect visa letter"
    assert pending.count_pending(copy, event.id) == 0
    stamped = updated_at(server, 3)

    # Replayed again — and again after a replay that stopped before noting it in the
    # copy: nothing more changes on the server.
    assert replay(server, copy, event)[0] == pending.NO_CHANGES
    with copy.write() as s:
        s.execute(update(m.PendingChange).values(state=pending.PENDING))
    again, _scans = replay(server, copy, event)
    assert (again.notes, again.clashes) == (0, ())
    assert updated_at(server, 3) == stamped
    assert notes.get_note(server, 3).text == "Collect visa letter"


def test_the_same_text_again_records_nothing(stations):
    server, copy = stations
    event = require_event(server)
    notes.set_note(copy, event, 4, "Wheelchair: seat reserved, row A")
    again = type_offline(copy, event, 4, "Wheelchair: seat reserved, row A")
    assert not again.changed
    assert pending.count_pending(copy, event.id) == 0


def test_a_note_changed_on_the_server_meanwhile_is_a_clash_not_overwritten(stations):
    server, copy = stations
    event = require_event(server)
    type_offline(copy, event, 5, "Collect visa letter")
    notes.set_note(server, event, 5, "Speaker: send to the green room", now=LATER)

    changes, _scans = replay(server, copy, event)
    assert changes.notes == 0
    (clash,) = changes.clashes
    assert (clash.kind, clash.reason, clash.number, clash.fields) == (
        pending.NOTE, "changed_meanwhile", 5, ("note",))
    assert clash.args[3:] == ("Speaker: send to the green room", "Collect visa letter")
    assert "changed on the server meanwhile" in clash.message
    assert notes.get_note(server, 5).text == "Speaker: send to the green room"
    # The copy now shows the server's note; the clash stays listed until dismissed.
    assert notes.get_note(copy, 5).text == "Speaker: send to the green room"
    assert [c.change for c in pending.clashes(copy, event.id)] == [clash.change]
    assert pending.dismiss(copy, clash.change)
    assert pending.clashes(copy, event.id) == []


def test_the_same_words_typed_on_the_server_meanwhile_are_no_clash(stations):
    server, copy = stations
    event = require_event(server)
    type_offline(copy, event, 6, "Collect visa letter")
    notes.set_note(server, event, 6, "Collect visa letter", now=LATER)
    changes, _scans = replay(server, copy, event)
    assert changes == pending.NO_CHANGES
    assert pending.clashes(copy, event.id) == []


def test_notes_typed_twice_offline_replay_in_order(stations):
    server, copy = stations
    event = require_event(server)
    type_offline(copy, event, 7, "Collect visa letter")
    type_offline(copy, event, 7, "Collect visa letter at the desk", T0 + dt.timedelta(minutes=1))
    changes, _scans = replay(server, copy, event)
    assert (changes.notes, changes.clashes) == (2, ())
    assert notes.get_note(server, 7).text == "Collect visa letter at the desk"


def test_a_note_typed_and_done_offline_is_done_on_the_server_once(stations):
    server, copy = stations
    event = require_event(server)
    type_offline(copy, event, 8, "Collect visa letter")
    desk = CheckinService(copy, event, station="Desk 2", operator="Ines")
    assert desk.note_done(8, now=T0 + dt.timedelta(minutes=2)).changed

    changes, scans = replay(server, copy, event)
    assert (changes.notes, scans.new) == (1, 1)
    assert replay(server, copy, event)[1].new == 0  # the journal row goes once
    state = notes.get_note(server, 8)
    assert state.done and state.done_by == "Ines"
    with server.read() as s:
        rows = s.scalar(select(func.count()).select_from(m.Scan).where(
            m.Scan.action == ScanAction.NOTE_DONE.value))
    assert rows == 1


def test_the_desk_service_saves_clears_and_refuses_notes(any_store):
    from checkin.core.accreditation.notes import NOTE_MAX, NoteError
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT, insert_delegates

    event = save_event(any_store, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(any_store, event, [{}, {}])
    desk = CheckinService(any_store, event, station="Desk 1")
    saved = desk.set_note(1, "Collect visa letter", now=T0)
    assert saved.changed and saved.note.text == "Collect visa letter"
    assert not desk.set_note(1, " Collect visa letter ").changed
    assert desk.scan(badge_code(any_store, 1), now=T0).note.text == "Collect visa letter"
    cleared = desk.set_note(1, "")
    assert cleared.changed and cleared.note is None and notes.get_note(any_store, 1) is None
    with pytest.raises(NoteError):
        desk.set_note(1, "x" * (NOTE_MAX + 1))
    with pytest.raises(NoteError):
        desk.set_note(999, "Nobody")
