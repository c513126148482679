"""The dashboard's watch list: chosen per event, saved, read back, and what it shows."""

from __future__ import annotations

import datetime as dt

import pytest

from checkin.core.dashboard.snapshot import compute_dashboard
from checkin.core.dashboard.watch import (
    DEFAULT,
    WatchChoice,
    WatchError,
    load_watch,
    people_by_number,
    save_watch,
)
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.settings import write_setting
from tests.conftest import SMALL_EVENT, T0, insert_delegates


@pytest.fixture
def two_events(any_store):
    first = save_event(any_store, parse_event(SMALL_EVENT, source="test"))
    other = dict(SMALL_EVENT, event={**SMALL_EVENT["event"], "name": "Another day"})
    second = save_event(any_store, parse_event(other, source="test"), new=True)
    return any_store, first, second


def test_never_saved_means_speakers_and_vips(two_events):
    store, first, _second = two_events
    assert load_watch(store, first.id) == DEFAULT
    assert DEFAULT.categories == ("speaker", "vip") and DEFAULT.numbers == ()


def test_a_choice_is_saved_and_read_back_per_event(two_events):
    store, first, second = two_events
    saved = save_watch(store, first.id, WatchChoice(("press", "speaker", "press"), (7, 3, 7)))
    assert saved == WatchChoice(("press", "speaker"), (3, 7))  # sorted, no repeats
    assert load_watch(store, first.id) == saved
    assert load_watch(store, second.id) == DEFAULT  # the other event keeps its own
    again = save_watch(store, first.id, WatchChoice((), (12,)))  # replaced, not added
    assert load_watch(store, first.id) == again == WatchChoice((), (12,))
    empty = save_watch(store, second.id, WatchChoice((), ()))  # "no alerts" is a choice too
    assert empty.empty and load_watch(store, second.id) == empty


def test_a_bad_choice_is_refused_with_words(two_events):
    store, first, _second = two_events
    with pytest.raises(WatchError, match="category that cannot exist: Not A Key"):
        save_watch(store, first.id, WatchChoice(("Not A Key",), ()))
    with pytest.raises(WatchError, match="badge number that cannot exist: -4"):
        save_watch(store, first.id, WatchChoice((), (-4,)))
    assert load_watch(store, first.id) == DEFAULT  # nothing written


def test_a_damaged_setting_reads_as_the_default(two_events):
    store, first, _second = two_events
    write_setting(store, first.id, "dashboard.watch", ["not", "a", "choice"])
    assert load_watch(store, first.id) == DEFAULT


def test_the_dashboard_watches_the_categories_and_the_people_chosen(store, event):
    insert_delegates(store, event, [
        {"number": 1, "last_name": "Arnaud", "category": "speaker"},
        {"number": 2, "last_name": "Bakker", "category": "press"},
        {"number": 3, "last_name": "Chen"},
        {"number": 4, "last_name": "Diallo"},
        {"number": 5, "last_name": "Evans", "category": "press", "status": "cancelled"},
    ])
    now = T0 + dt.timedelta(hours=1)

    def watched(categories, numbers=()):
        dash = compute_dashboard(store, event, now=now, watch_categories=categories,
                                 watch_numbers=numbers, call_list=False)
        assert dash.watched_for == (tuple(categories), tuple(numbers))
        return [p.last_name for p in dash.watch]

    assert watched(("speaker",)) == ["Arnaud"]
    assert watched(("press",), (4,)) == ["Bakker", "Diallo"]  # cancelled people never
    assert watched((), (3, 1)) == ["Arnaud", "Chen"]
    assert watched(()) == []
    people = people_by_number(store, event.id, [4, 3, 99])
    assert [(p.number, p.last_name) for p in people] == [(3, "Chen"), (4, "Diallo")]
