"""The dashboard's Accreditation tab (issue 19): the end-of-day list of who still holds
what after a station's journal is replayed (twice: counted once), open notes of the
people here, hand-out figures, and the export."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import tomllib

import pytest

from checkin.core.accreditation import notes
from checkin.core.db.store import Store, open_store
from checkin.core.desk import merge
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import require_event
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.ui.dashboard.accreditation_tab import AccreditationTab
from tests.ui.conftest import DEMO_DAY
from tests.ui.desk.test_accreditation import _event_toml

T = dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def stations(tmp_path):
    """Two stations' databases of the same event, apart (a copy made before the day)."""
    store = open_store(str(tmp_path / "a.sqlite"))
    create_demo(store, today=DEMO_DAY)
    save_event(store, parse_event(tomllib.loads(_event_toml()), today=DEMO_DAY))
    store.close()
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    a = Store("sqlite:///" + str(tmp_path / "a.sqlite"))
    b = Store("sqlite:///" + str(tmp_path / "b.sqlite"))
    event = require_event(a)
    ids = {e.delegate.first_name: e.delegate.id for e in list_delegates(a, event)}
    yield a, b, event, ids
    a.close()
    b.close()


def _loaded(qtbot, tab: AccreditationTab):
    with qtbot.waitSignal(tab.loaded, timeout=10_000) as got:
        assert tab.refresh() is not None
    return got.args[0]


def test_end_of_day_list_after_a_replay_shows_each_holder_once(qtbot, stations):
    a, b, event, ids = stations
    CheckinService(a, event, station="A").give_handout(ids["Sigrid"], "headset", now=T)
    desk_b = CheckinService(b, event, station="B")  # apart: hands Sigrid one too
    desk_b.give_handout(ids["Sigrid"], "headset", item_code="117",
                        now=T + dt.timedelta(minutes=2))
    desk_b.give_handout(ids["Inès"], "headset", now=T + dt.timedelta(minutes=3))
    desk_b.return_handout(ids["Inès"], "headset", now=T + dt.timedelta(hours=6))
    desk_b.give_handout(ids["Samantha"], "kit", now=T)  # kept: never outstanding
    with b.read() as s:
        rows = merge.portable_scans(s, event.id, station="B")
    assert merge.merge_scans(a, event, rows).new == 4
    assert merge.merge_scans(a, event, rows).new == 0  # replayed again: nothing new

    tab = AccreditationTab(a, event)
    qtbot.addWidget(tab)
    figures = _loaded(qtbot, tab)
    held = [(h.delegate.first_name, h.item, h.item_code) for h in tab.holder_model.rows]
    assert held == [("Sigrid", "headset", "117")]  # once, with the later number
    assert figures.holders == tab.holder_model.rows
    by_item = {c.item: c for c in tab.count_model.rows}
    assert (by_item["headset"].out, by_item["headset"].returned,
            by_item["headset"].outstanding) == (1, 1, 1)
    assert (by_item["kit"].out, by_item["kit"].outstanding) == (1, 0)
    assert "1" in tab.titles[2].text()


def test_open_notes_of_people_here_and_the_export(qtbot, stations, tmp_path):
    a, _b, event, ids = stations
    notes.set_note(a, event, ids["Sigrid"], "Wheelchair: seat reserved, row A")
    notes.set_note(a, event, ids["Inès"], "Collect visa letter")  # not arrived: not listed
    desk = CheckinService(a, event, station="A")
    desk.check_in(ids["Sigrid"], now=T)
    desk.give_handout(ids["Sigrid"], "headset", item_code="42", now=T)
    tab = AccreditationTab(a, event)
    qtbot.addWidget(tab)
    _loaded(qtbot, tab)
    assert [(n.delegate.first_name, n.note.text) for n in tab.note_model.rows] == [
        ("Sigrid", "Wheelchair: seat reserved, row A")]
    desk.note_done(ids["Sigrid"], now=T)
    _loaded(qtbot, tab)
    assert tab.note_model.rows == []  # done: no longer listed

    out = tmp_path / "still-out.csv"
    with qtbot.waitSignal(tab.exported, timeout=10_000) as got:
        tab.export(str(out))
    assert got.args[1] == 1
    with out.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:5] == ["reference", "name", "organisation", "email", "item"]
    assert table[1][4:6] == ["Interpretation headset", "42"]
    assert tab.export_button.isEnabled()


def test_an_offline_desk_hands_out_replays_and_the_list_shows_it_once(qtbot, server,
                                                                       tmp_path):
    """On PostgreSQL: a desk whose server stops hands out a headset into its copy; back
    online it replays (and again: nothing new); the dashboard lists the holder once."""
    from checkin.core.desk.offline import DeskCheckin
    from tests import pg
    from tests.conftest import insert_delegates
    from tests.core.accreditation.conftest import DESK_EVENT

    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    event = save_event(store, parse_event(DESK_EVENT, source="test"))
    insert_delegates(store, event, [{}, {}, {}])
    store.close()
    desk = DeskCheckin(url, tmp_path / "d1.sqlite", station="D1", operator="Ines")
    try:
        assert desk.give_handout(1, "headset", item_code="7").ok and desk.online
        server.stop()
        assert desk.give_handout(2, "headset", item_code="117").ok and not desk.online
        assert desk.return_handout(1, "headset").ok
        server.start()
        report = desk.reconnect()
        assert report is not None and report.merge.new == 2 and desk.online
        assert desk.replay().merge.new == 0  # replayed again: counted once
    finally:
        desk.close()
    store = Store(url)
    try:
        tab = AccreditationTab(store, require_event(store))
        qtbot.addWidget(tab)
        _loaded(qtbot, tab)
        held = [(h.delegate.number, h.item, h.item_code) for h in tab.holder_model.rows]
        assert held == [(2, "headset", "117")]
        headset = next(c for c in tab.count_model.rows if c.item == "headset")
        assert (headset.out, headset.returned) == (1, 1)
    finally:
        store.close()
