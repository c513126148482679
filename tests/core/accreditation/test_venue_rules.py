"""Entry rules for the venue itself (``[event]``): who may enter the building today,
when its doors open, and a capacity that refuses arrivals once reached."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.desk.service import CheckinService
from checkin.core.event.agenda import spec_from_info, update_event
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.rules import EventError
from checkin.core.event.stored import require_event
from checkin.core.types import Outcome
from tests.conftest import insert_delegates
from tests.core.accreditation.conftest import DESK_EVENT, code_of

AT_0755 = dt.datetime(2026, 11, 28, 6, 55, tzinfo=dt.UTC)  # 07:55 in Geneva
AT_0805 = dt.datetime(2026, 11, 28, 7, 5, tzinfo=dt.UTC)  # 08:05
AT_0950 = dt.datetime(2026, 11, 28, 8, 50, tzinfo=dt.UTC)  # 09:50


def venue_event(**rules) -> dict:
    data = copy.deepcopy(DESK_EVENT)
    data["event"].update(rules)  # registration opens at 08:30 (tests.conftest)
    return data


def saved(store, data: dict):
    event = save_event(store, parse_event(data, source="venue.toml"))
    insert_delegates(store, event, [{}, {}, {}, {"category": "head"}])
    return event


def test_the_event_table_defines_venue_rules_and_they_are_stored(any_store):
    event = saved(any_store, venue_event(only_categories=["head", "speaker"], doors_open=30,
                                         capacity=2, hard_capacity=True))
    assert event.only_categories == ("head", "speaker")
    assert event.doors_open == 30 and event.hard_capacity and event.capacity == 2
    assert event.local(event.doors_open_at).strftime("%H:%M") == "08:00"
    # Saving the event from the Agenda page keeps rules it does not show.
    again = update_event(any_store, event.id, spec_from_info(require_event(any_store)))
    assert (again.only_categories, again.doors_open, again.hard_capacity) == (
        ("head", "speaker"), 30, True)


@pytest.mark.parametrize("rules, words", [
    ({"only_categories": ["vip"]}, r"\[event\]: unknown category 'vip'"),
    ({"doors_open": "early"}, r"\[event\]: 'doors_open' must be a whole number"),
    ({"doors_open": 30, "registration_opens": ""}, "give 'registration_opens' too"),
    ({"hard_capacity": True, "capacity": ""}, "give 'capacity' too"),
    ({"hard_capacity": "yes"}, r"\[event\]: 'hard_capacity' must be true or false"),
])
def test_bad_venue_rules_are_refused_naming_the_file_and_table(rules, words):
    with pytest.raises(EventError, match=words) as caught:
        parse_event(venue_event(**rules), source="venue.toml")
    assert str(caught.value).startswith("venue.toml: [event]:")


def test_a_venue_for_some_categories_refuses_others_at_arrival_and_at_session_doors(
    any_store,
):
    saved(any_store, venue_event(only_categories=["head"]))
    desk = CheckinService(any_store, station="Entrance")
    refused = desk.scan(code_of(any_store, 1), now=AT_0950)
    assert refused.status is Outcome.NOT_ALLOWED and not refused.may_enter
    assert refused.rule == "only_categories" and refused.reason == "venue_closed"
    assert refused.message == "Venue open today to Head of delegation only."
    at_door = desk.scan(code_of(any_store, 2), session="opening", now=AT_0950)
    assert at_door.reason == "venue_closed" and not at_door.may_enter
    assert desk.scan(code_of(any_store, 4), now=AT_0950).status is Outcome.ADMITTED
    with any_store.read() as s:
        arrived = s.scalars(select(m.Delegate.number).where(m.Delegate.arrived_at.is_not(None)))
        assert sorted(arrived) == [4]


def test_the_venue_doors_open_minutes_before_registration(any_store):
    saved(any_store, venue_event(doors_open=30))
    desk = CheckinService(any_store)
    early = desk.scan(code_of(any_store, 1), now=AT_0755)
    assert early.status is Outcome.NOT_ALLOWED and early.reason == "venue_not_open"
    assert early.message == "The venue opens at 08:00." and early.rule == "doors_open"
    assert desk.scan(code_of(any_store, 1), now=AT_0805).status is Outcome.ADMITTED


def test_a_full_venue_refuses_arrivals_and_an_override_is_recorded(any_store):
    saved(any_store, venue_event(capacity=2, hard_capacity=True))
    desk = CheckinService(any_store, station="Entrance", operator="Marie")
    assert desk.scan(code_of(any_store, 1), now=AT_0950).may_enter
    assert desk.scan(code_of(any_store, 2), now=AT_0950).may_enter
    full = desk.scan(code_of(any_store, 3), now=AT_0950)
    assert full.status is Outcome.NOT_ALLOWED and full.reason == "venue_full"
    assert full.message == "Venue full: 2 of 2 people inside."
    # Someone inside scanning again is not refused by the count.
    assert desk.scan(code_of(any_store, 1), now=AT_0950).status is Outcome.ALREADY_ADMITTED
    let_in = desk.scan(code_of(any_store, 3), now=AT_0950, override=True,
                       reason="fire marshal agreed")
    assert let_in.status is Outcome.ADMITTED and let_in.overridden
    with any_store.read() as s:
        row = s.execute(select(m.Scan.operator, m.Scan.rule, m.Scan.detail)
                        .where(m.Scan.uuid == let_in.scan_id)).one()
    assert tuple(row) == ("Marie", "capacity", "fire marshal agreed")


def test_without_venue_rules_arrival_is_not_refused(any_store):
    saved(any_store, copy.deepcopy(DESK_EVENT))
    assert CheckinService(any_store).scan(code_of(any_store, 1), now=AT_0755).may_enter


def test_people_who_went_straight_to_a_session_count_inside_the_venue(any_store):
    saved(any_store, venue_event(capacity=2, hard_capacity=True))
    desk = CheckinService(any_store)
    assert desk.scan(code_of(any_store, 1), session="opening", now=AT_0950).may_enter
    assert desk.scan(code_of(any_store, 2), now=AT_0950).may_enter
    full = desk.scan(code_of(any_store, 3), now=AT_0950)
    assert full.reason == "venue_full" and full.message == "Venue full: 2 of 2 people inside."
