"""Hand-outs, notes done and ID checks travel like scans: merged and replayed by UUID,
never counted twice (two SQLite stations; a desk on a PostgreSQL server that stops)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from checkin.core.accreditation import handouts, notes, photos
from checkin.core.db.store import Store
from checkin.core.desk import merge
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import require_event
from tests.conftest import insert_delegates
from tests.core.accreditation.conftest import DESK_EVENT

T = dt.datetime(2026, 11, 28, 7, 30, tzinfo=dt.UTC)


@pytest.fixture
def two_stations(tmp_path):
    first = Store("sqlite:///" + str(tmp_path / "a.sqlite"))
    event = save_event(first, parse_event(DESK_EVENT, source="test"))
    insert_delegates(first, event, [{}, {}, {}, {"category": "head"}])
    notes.set_note(first, event, 1, "Collect visa letter")
    first.close()
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    a = Store("sqlite:///" + str(tmp_path / "a.sqlite"))
    b = Store("sqlite:///" + str(tmp_path / "b.sqlite"))
    yield a, b, require_event(a)
    a.close()
    b.close()


def test_two_stations_apart_give_the_same_headset_once_counted(two_stations):
    a, b, event = two_stations
    CheckinService(a, station="A").give_handout(1, "headset", now=T)
    CheckinService(a, station="A").give_handout(2, "headset", now=T)
    desk_b = CheckinService(b, station="B")
    desk_b.give_handout(1, "headset", now=T + dt.timedelta(minutes=1))  # apart: again
    desk_b.return_handout(1, "headset", item_code="", now=T + dt.timedelta(minutes=5))
    desk_b.note_done(1, now=T)
    with b.read() as s:
        rows = merge.portable_scans(s, event.id, station="B")
    first = merge.merge_scans(a, event, rows)
    assert first.new == 3 and first.duplicates == ()
    assert merge.merge_scans(a, event, rows).new == 0  # replayed again: nothing new
    by_item = {c.item: c for c in handouts.counts(a, event)}
    assert (by_item["headset"].out, by_item["headset"].returned) == (1, 1)
    held = handouts.holders(a, event, outstanding=True)
    assert [h.delegate.number for h in held] == [2]
    assert notes.get_note(a, 1).done


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), "green").save(out, "JPEG")
    return out.getvalue()


def test_an_offline_desk_replays_hand_outs_and_notes_once(server, tmp_path):
    from checkin.core.desk.offline import DeskCheckin
    from checkin.core.event import codes
    from checkin.core.event.stored import event_secret
    from tests import pg

    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    event = save_event(store, parse_event(DESK_EVENT, source="test"))
    insert_delegates(store, event, [{}, {}, {}, {"category": "head"}])
    notes.set_note(store, event, 1, "Collect visa letter")
    secret = event_secret(store, event.id)
    store.close()

    def code_of(n: int) -> str:
        return codes.make_code(secret, n, 1)

    desk = DeskCheckin(url, tmp_path / "d1.sqlite", station="D1", operator="Ines")
    try:
        assert desk.give_handout(1, "headset", item_code="117").ok and desk.online
        online = Store(url)
        try:
            photos.store_photo(online, require_event(online), 2, _jpeg())
        finally:
            online.close()
        assert desk.pull() is not None
        server.stop()
        assert desk.scan(code_of(2)).photo and not desk.online  # the copy has the photo
        back = desk.return_handout(1, "headset")
        assert back.ok and not desk.online
        assert desk.give_handout(2, "headset").ok
        assert desk.note_done(1).changed
        assert desk.id_checked(4).scan_id is not None
        assert desk.pending == 5  # the scan too
        server.start()
        report = desk.reconnect()
        assert report is not None and report.merge.new == 5 and desk.online
        assert desk.replay().merge.new == 0
    finally:
        desk.close()
    store = Store(url)
    try:
        event = require_event(store)
        held = handouts.holders(store, event, outstanding=True)
        assert [(h.delegate.number, h.item) for h in held] == [(2, "headset")]
        assert notes.get_note(store, 1).done and notes.get_note(store, 1).done_by == "Ines"
        assert {c.item: c.returned for c in handouts.counts(store, event)}["headset"] == 1
    finally:
        store.close()
