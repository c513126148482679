"""The paged table model of the dashboard's long lists, on a real SQLite file: the
right rows at each page, the sort, and rows arriving or leaving with a new scan."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from checkin.core.dashboard.pages import attendee_page, missing_page
from checkin.core.desk.service import CheckinService
from checkin.core.text import fold
from checkin.ui.dashboard.lists import attendee_columns, call_list_ranks, people_columns
from checkin.ui.dashboard.paged import PagedModel
from tests.conftest import EVENT_DATE, insert_delegates


def at(event, hh: int, mm: int) -> dt.datetime:
    return dt.datetime.combine(EVENT_DATE, dt.time(hh, mm), tzinfo=event.tz).astimezone(dt.UTC)


@pytest.fixture
def people(store, event):
    names = [f"{'ÉeEaAÅ'[i % 6]}name {i:02d}" for i in range(23)]
    return insert_delegates(store, event, [
        {"number": i + 1, "last_name": n, "organisation": f"Org {22 - i:02d}"}
        for i, n in enumerate(names)])


def settle(qtbot, model: PagedModel, reads: int) -> None:
    qtbot.waitUntil(lambda: model.reads > reads and not model.busy, timeout=5_000)


def call_model(qtbot, store, event) -> PagedModel:
    model = PagedModel(people_columns(event, arrival=False, contact=True),
                       ("last_name", "first_name", "organisation", "country", "category",
                        "email", "number"), "last_name", ranks=call_list_ranks(event),
                       page_rows=5)
    model.set_reader(lambda order, offset, limit, after: missing_page(
        store, event, order, offset, limit, after=after))
    settle(qtbot, model, 0)
    return model


def test_pages_arrive_as_the_view_asks_in_the_database_order(qtbot, store, event, people):
    model = call_model(qtbot, store, event)
    assert model.rowCount() == 5 and model.canFetchMore()
    inserted = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    while model.canFetchMore():
        reads = model.reads
        model.fetchMore()
        settle(qtbot, model, reads)
    assert inserted == [(5, 9), (10, 14), (15, 19), (20, 22)]
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(names) == len(people) == len(set(names))
    assert [fold(n) for n in names] == sorted(fold(n) for n in names)  # accents aside


def test_sorting_starts_again_at_the_top_in_that_order(qtbot, store, event, people):
    model = call_model(qtbot, store, event)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    reads = model.reads
    model.sort(2, Qt.SortOrder.DescendingOrder)  # organisation, Z-A
    settle(qtbot, model, reads)
    assert resets and model.rowCount() == 5
    assert [model.index(r, 2).data() for r in range(5)] == [f"Org {22 - i:02d}"
                                                            for i in range(5)]
    reads = model.reads
    model.sort(6, Qt.SortOrder.AscendingOrder)  # badge number
    settle(qtbot, model, reads)
    assert [model.index(r, 6).data() for r in range(5)] == ["1", "2", "3", "4", "5"]
    assert model.order.column == "number" and model.sort_state == (6, Qt.SortOrder.AscendingOrder)


def test_a_scan_takes_the_person_out_and_the_next_one_comes_in(qtbot, store, event, people):
    model = call_model(qtbot, store, event)
    reads = model.reads
    model.sort(6, Qt.SortOrder.AscendingOrder)  # by badge number: 1..5 shown
    settle(qtbot, model, reads)
    removed, inserted, resets = [], [], []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.modelReset.connect(lambda: resets.append(1))
    CheckinService(store, event, station="Desk").check_in(people[2], now=at(event, 8, 40))
    reads = model.reads
    model.reload()
    settle(qtbot, model, reads)
    assert removed == [(2, 2)] and inserted == [(4, 4)] and resets == []
    assert [p.number for p in model.rows] == [1, 2, 4, 5, 6]
    reads = model.reads
    model.reload()  # nothing moved: nothing changes
    settle(qtbot, model, reads)
    assert removed == [(2, 2)] and inserted == [(4, 4)]


def test_the_next_page_follows_the_last_row_held_not_a_count(qtbot, store, event, people):
    """Someone shown on the first page arrives before the next is read: a count of rows
    (OFFSET) would now skip the first person of the next page; the keyset read, after the
    last row held, does not."""
    model = call_model(qtbot, store, event)
    reads = model.reads
    model.sort(6, Qt.SortOrder.AscendingOrder)  # by badge number: 1..5 shown
    settle(qtbot, model, reads)
    CheckinService(store, event, station="Desk").check_in(people[0], now=at(event, 8, 40))
    reads = model.reads
    model.fetchMore()
    settle(qtbot, model, reads)
    assert [p.number for p in model.rows] == list(range(1, 11))  # 6 not skipped


def test_attendees_appear_as_they_are_admitted(qtbot, store, event, people):
    model = PagedModel(attendee_columns(event), ("entered", "now", "last_name", "first_name",
                                                 "organisation"), "entered", page_rows=5)
    model.set_reader(lambda order, offset, limit, after: attendee_page(
        store, event, "opening", order, offset, limit, after=after))
    settle(qtbot, model, 0)
    assert model.rowCount() == 0 and not model.canFetchMore()
    door = CheckinService(store, event, station="Door")
    door.check_in(people[0], session="opening", now=at(event, 9, 31))
    door.check_in(people[1], session="opening", now=at(event, 9, 32))
    reads = model.reads
    model.reload()
    settle(qtbot, model, reads)
    assert [model.index(r, 0).data() for r in range(2)] == ["09:31", "09:32"]
    door.check_in(people[1], session="opening", action="exit", now=at(event, 9, 40))
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    reads = model.reads
    model.reload()
    settle(qtbot, model, reads)
    assert changed == [(0, 1)]
    assert model.index(1, 1).data() == "↩ Left at 09:40"
    model.set_reader(None)
    assert model.rowCount() == 0 and not model.canFetchMore()
