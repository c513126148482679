"""A desk on a PostgreSQL server that stops: a note typed offline shows at once, is
replayed once when the server is back, and a note someone changed on the server
meanwhile is listed as a clash, not overwritten; a note done offline replays once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from checkin.core.accreditation import notes
from checkin.core.accreditation.notes import NoteError
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.offline import DeskCheckin
from checkin.core.event import codes
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import event_secret, require_event
from checkin.core.types import ScanAction
from tests.conftest import SMALL_EVENT, insert_delegates


@pytest.fixture
def shared(server):
    from tests import pg

    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    event = save_event(store, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(store, event, [{} for _ in range(6)])
    notes.set_note(store, event, 2, "Collect visa letter")
    secret = event_secret(store, event.id)
    store.close()
    return url, lambda n: codes.make_code(secret, n, 1)


def on_server(url, read):
    store = Store(url)
    try:
        return read(store, require_event(store))
    finally:
        store.close()


def test_notes_typed_offline_replay_once_and_a_changed_note_clashes(server, shared, tmp_path):
    url, code = shared
    desk = DeskCheckin(url, tmp_path / "d1.sqlite", station="D1", operator="Ines")
    try:
        online = desk.set_note(1, "Wheelchair: seat reserved, row A")
        assert online.changed and desk.online
        assert notes.get_note(desk.mirror, 1).text == "Wheelchair: seat reserved, row A"

        server.stop()
        typed = desk.set_note(3, "Speaker: send to the green room")
        assert typed.changed and not desk.online
        assert desk.scan(code(3)).note.text == "Speaker: send to the green room"
        desk.set_note(4, "Collect badge for the minister")
        assert desk.note_done(2).changed  # the note the server gave it
        assert desk.pending_changes == 2 and desk.pending == 2  # the note done, the scan
        with pytest.raises(NoteError):
            desk.set_note(3, "x" * (notes.NOTE_MAX + 1))

        server.start()
        # Meanwhile someone at another desk changed no. 4's note on the server.
        on_server(url, lambda s, e: notes.set_note(s, e, 4, "Minister: escort from the gate"))
        report = desk.reconnect()
        assert report is not None and desk.online
        assert report.changes.notes == 1 and report.merge.new == 2
        (clash,) = report.clashes
        assert (clash.kind, clash.reason, clash.number) == ("note", "changed_meanwhile", 4)
        assert [c.change for c in desk.clashes()] == [clash.change]
        again = desk.replay()
        assert again.changes.notes == 0 and again.clashes == () and again.merge.new == 0
        assert notes.get_note(desk.mirror, 4).text == "Minister: escort from the gate"
    finally:
        desk.close()

    def check(store, event):
        assert notes.get_note(store, 3).text == "Speaker: send to the green room"
        assert notes.get_note(store, 4).text == "Minister: escort from the gate"
        done = notes.get_note(store, 2)
        assert done.done and done.done_by == "Ines"
        with store.read() as s:
            return s.scalar(select(func.count()).select_from(m.Scan).where(
                m.Scan.action == ScanAction.NOTE_DONE.value))

    assert on_server(url, check) == 1
