"""Pages of the dashboard's long lists, on SQLite and PostgreSQL: sorted by the stored
sort keys (the same order on both), read from an offset, backwards from the end, or
after the last row held (keyset)."""

from __future__ import annotations

import datetime as dt

import pytest

from checkin.core.dashboard import pages
from checkin.core.dashboard.pages import (
    Order,
    attendee_page,
    missing_page,
    missing_people,
)
from checkin.core.desk.presence import session_attendees
from checkin.core.desk.service import CheckinService
from checkin.core.text import fold
from tests.conftest import EVENT_DATE, insert_delegates

NAMES = ["Zoë", "émile", "Eric", "Łukasz", "lars", "Ælfred", "de Vries", "Dupont", "Étienne",
         "Olsen", "ömer", "Bach", "Élodie"]
# Case and accents aside, the same on both databases ("Élodie" with the E).
BY_NAME = ["Ælfred", "Bach", "de Vries", "Dupont", "Élodie", "émile", "Eric", "Étienne",
           "lars", "Łukasz", "Olsen", "ömer", "Zoë"]


def at(hh: int, mm: int, event) -> dt.datetime:
    return dt.datetime.combine(EVENT_DATE, dt.time(hh, mm), tzinfo=event.tz).astimezone(dt.UTC)


@pytest.fixture
def store(any_store):
    return any_store


@pytest.fixture
def people(store, event):
    rows = [{"number": i + 1, "last_name": name, "first_name": f"F{i:02d}",
             "organisation": f"Org {NAMES[-1 - i]}", "country": ("CH", "DE", "FR")[i % 3]}
            for i, name in enumerate(NAMES)]
    return insert_delegates(store, event, rows)


@pytest.fixture
def attended(store, event, people):
    """Everyone into the opening, one a minute; the 3rd and 6th went out again."""
    door = CheckinService(store, event, station="Door")
    for i, d in enumerate(people):
        door.check_in(d, session="opening", now=at(9, 31, event) + dt.timedelta(minutes=i))
    door.check_in(people[5], session="opening", action="exit", now=at(9, 55, event))
    door.check_in(people[2], session="opening", action="exit", now=at(9, 58, event))
    return people


def pages_of(read, size: int) -> list:
    rows, offset = [], 0
    while page := read(offset, size):
        rows += page
        offset += size
    return rows


def test_attendee_pages_join_up_to_the_whole_list_in_admission_order(store, event, attended):
    whole = session_attendees(store, event, "opening")
    paged = pages_of(lambda o, n: attendee_page(store, event, "opening", Order("entered"), o, n), 5)
    assert [r.id for r in paged] == [a.delegate.id for a in whole]
    assert [(r.present, r.left_at) for r in paged] == [(a.present, a.left_at) for a in whole]
    assert paged[2].present is False and paged[2].left_at == at(9, 58, event)
    back = attendee_page(store, event, "opening", Order("entered", descending=True), 0, 3)
    assert [r.id for r in back] == [r.id for r in paged[::-1][:3]]


@pytest.mark.parametrize("column", ["last_name", "organisation"])
def test_attendee_pages_sort_names_case_and_accents_aside(store, event, attended, column):
    for descending in (False, True):
        paged = pages_of(lambda o, n, d=descending: attendee_page(
            store, event, "opening", Order(column, d), o, n), 5)
        keys = [fold(getattr(r, column)) for r in paged]
        assert keys == sorted(keys, reverse=descending)
        assert len({r.id for r in paged}) == len(attended)  # no overlap, nobody missed


def test_attendee_pages_by_now_put_the_room_first_then_who_left_by_time(store, event, attended):
    paged = pages_of(lambda o, n: attendee_page(store, event, "opening", Order("now"), o, n), 4)
    assert [r.present for r in paged] == [True] * 11 + [False] * 2
    assert [r.id for r in paged[-2:]] == [attended[5], attended[2]]  # left 09:55, 09:58
    back = pages_of(lambda o, n: attendee_page(
        store, event, "opening", Order("now", descending=True), o, n), 4)
    assert [r.id for r in back] == [r.id for r in paged[::-1]]


def test_a_new_admission_appears_in_the_page(store, event, attended):
    (late,) = insert_delegates(store, event, [{"number": 99, "last_name": "Aaron"}])
    first = attendee_page(store, event, "opening", Order("last_name"), 0, 3)
    assert late not in {r.id for r in first}
    CheckinService(store, event, station="Door").check_in(late, session="opening",
                                                          now=at(10, 5, event))
    again = attendee_page(store, event, "opening", Order("last_name"), 0, 3)
    assert again[0].id == late and [r.id for r in again[1:]] == [r.id for r in first[:2]]


def test_call_list_pages_sorted_by_each_column_and_the_export_reads_it_all(
    store, event, people
):
    desk = CheckinService(store, event, station="Desk")
    desk.check_in(people[0], now=at(8, 40, event))  # Zoë arrived: not on the call list
    names = {"CH": "Switzerland", "DE": "Germany", "FR": "France"}
    ranks = tuple((c, i) for i, c in enumerate(sorted(names, key=names.get)))
    for column, key in (
        ("last_name", lambda p: fold(p.last_name)),
        ("organisation", lambda p: fold(p.organisation)),
        ("number", lambda p: p.number),
        ("country", lambda p: dict(ranks)[p.country]),
    ):
        for descending in (False, True):
            order = Order(column, descending, ranks if column == "country" else ())
            paged = pages_of(lambda o, n, x=order: missing_page(store, event, x, o, n), 4)
            assert [key(p) for p in paged] == sorted(map(key, paged), reverse=descending)
            assert {p.id for p in paged} == set(people[1:])
            assert list(missing_people(store, event, order)) == paged
    by_name = missing_page(store, event, Order("last_name"), 0, 3)
    assert [p.last_name for p in by_name] == ["Ælfred", "Bach", "de Vries"]


def test_names_sort_as_folded_on_both_databases(store, event, attended):
    paged = pages_of(lambda o, n: attendee_page(
        store, event, "opening", Order("last_name"), o, n), 5)
    assert [r.last_name for r in paged] == BY_NAME
    back = attendee_page(store, event, "opening", Order("last_name", descending=True), 0, 4)
    assert [r.last_name for r in back] == BY_NAME[::-1][:4]


def test_the_call_list_sorts_names_as_folded_on_both_databases(store, event, people):
    called = pages_of(lambda o, n: missing_page(store, event, Order("last_name"), o, n), 5)
    assert [p.last_name for p in called] == BY_NAME


def after_each(read, size: int) -> list:
    """Every row, a page at a time, each page asked as "the rows after the last one
    held" (keyset) — how a table scrolled down asks."""
    rows = list(read(None, size))
    while page := read(rows[-1], size):
        rows += page
    return rows


ATTENDEE_ORDERS = [Order(c, d) for c in ("entered", "last_name", "first_name", "organisation")
                   for d in (False, True)]


@pytest.mark.parametrize("order", ATTENDEE_ORDERS, ids=repr)
def test_attendee_pages_after_a_row_or_from_an_offset_give_the_whole_list(
    store, event, attended, order
):
    whole = attendee_page(store, event, "opening", order, 0, 100)
    assert len(whole) == len(attended)
    keyset = after_each(lambda last, n: attendee_page(
        store, event, "opening", order, 0, n, after=last), 4)
    assert keyset == list(whole)
    for offset in (0, 3, 6, 7, 10, 12, 13):  # the second half is read backwards
        page = attendee_page(store, event, "opening", order, offset, 3)
        assert list(page) == list(whole[offset:offset + 3])


def test_call_list_pages_after_a_row_or_from_an_offset_give_the_whole_list(
    store, event, people
):
    names = {"CH": "Switzerland", "DE": "Germany", "FR": "France"}
    ranks = tuple((c, i) for i, c in enumerate(sorted(names, key=names.get)))
    orders = [Order(c, d, ranks if c == "country" else ())
              for c in ("last_name", "first_name", "organisation", "country", "category",
                        "email", "number") for d in (False, True)]
    orders.append(Order("country"))  # no ranks: by the stored code
    for order in orders:
        whole = list(missing_people(store, event, order))
        assert len(whole) == len(people)
        keyset = after_each(lambda last, n, o=order: missing_page(
            store, event, o, 0, n, after=last), 5)
        assert keyset == whole, order
        for offset in (0, 5, 7, 10, 12, 13):
            assert list(missing_page(store, event, order, offset, 4)) == whole[
                offset:offset + 4], (order, offset)


def test_the_rows_after_a_row_follow_its_keys_when_the_list_moved(store, event, attended):
    """A table scrolled down asks for the rows after the last one it holds: a person
    admitted meanwhile before that row does not push a held row into the next page."""
    order = Order("last_name")
    first = attendee_page(store, event, "opening", order, 0, 5)
    (aaron,) = insert_delegates(store, event, [{"number": 98, "last_name": "Aaron"}])
    CheckinService(store, event, station="Door").check_in(aaron, session="opening",
                                                          now=at(10, 5, event))
    rest = attendee_page(store, event, "opening", order, 5, 5, after=first[-1])
    assert [r.last_name for r in rest] == BY_NAME[5:10]


def test_unknown_sort_or_session_is_refused(store, event):
    with pytest.raises(ValueError, match="nope"):
        attendee_page(store, event, "nope", Order("entered"), 0)
    with pytest.raises(ValueError, match="colour"):
        missing_page(store, event, Order("colour"), 0)


def test_a_small_session_read_whole_gives_the_rows_the_index_walk_gives(
    store, event, attended, monkeypatch
):
    """SQLite walks the name index for a session most delegates attend, and sorts a
    small session's admissions: the same rows either way."""
    orders = [Order(c, d) for c in ("last_name", "first_name", "organisation")
              for d in (False, True)]
    walked = {o: pages_of(lambda off, n, x=o: attendee_page(
        store, event, "opening", x, off, n), 5) for o in orders}
    monkeypatch.setattr(pages, "_DENSE", 0)  # every session counts as small
    for order in orders:
        assert pages_of(lambda off, n, x=order: attendee_page(
            store, event, "opening", x, off, n), 5) == walked[order]
