"""Entry rules with reasons, overrides recorded, and the TOML that defines them."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy import select

from checkin.core.accreditation.rules import OverrideError
from checkin.core.db import models as m
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import parse_event
from checkin.core.event.rules import EventError
from checkin.core.types import Outcome
from tests.core.accreditation.conftest import DESK_EVENT, code_of

AT_0950 = dt.datetime(2026, 11, 28, 8, 50, tzinfo=dt.UTC)  # 09:50 in Geneva
AT_0940 = dt.datetime(2026, 11, 28, 8, 40, tzinfo=dt.UTC)


def test_the_toml_defines_rules_items_and_id_checks():
    spec = parse_event(DESK_EVENT, source="t")
    closed = next(s for s in spec.sessions if s.key == "closed")
    small = next(s for s in spec.sessions if s.key == "small")
    assert closed.only_categories == ("head",) and closed.doors_open == 15
    assert small.hard_capacity and small.capacity == 2
    assert [(h.key, h.returnable, h.categories) for h in spec.handouts] == [
        ("headset", True, ()), ("kit", False, ("head", "speaker"))]
    assert [c.id_check for c in spec.categories] == [False, False, False, True]


@pytest.mark.parametrize("change, words", [
    (lambda d: d["sessions"][3].update(only_categories=["vip"]), "unknown category 'vip'"),
    (lambda d: d["handouts"][1].update(categories="Not A Key"), "must be a list of keys"),
    (lambda d: d["handouts"].append({"key": "kit"}), "hand-out 'kit' is defined twice"),
    (lambda d: d["sessions"][3].update(doors_open=-5), "whole number"),
])
def test_bad_rules_are_refused_naming_the_place(change, words):
    data = copy.deepcopy(DESK_EVENT)
    change(data)
    with pytest.raises(EventError, match=words):
        parse_event(data, source="ev.toml")


def test_a_closed_session_refuses_with_the_rule_in_words(desk_store):
    store, _event = desk_store
    desk = CheckinService(store, station="Door")
    refused = desk.scan(code_of(store, 1), session="closed", now=AT_0950)
    assert refused.status is Outcome.NOT_ALLOWED and not refused.may_enter
    assert refused.rule == "only_categories" and refused.reason == "closed_session"
    assert refused.message == "Closed session: Head of delegation only."
    head = desk.scan(code_of(store, 4), session="closed", now=AT_0950)
    assert head.status is Outcome.ADMITTED
    with store.read() as s:
        rule = s.scalar(select(m.Scan.rule).where(m.Scan.uuid == refused.scan_id))
    assert rule == "only_categories"


def test_doors_open_minutes_before_the_start(desk_store):
    store, _event = desk_store
    desk = CheckinService(store)
    early = desk.scan(code_of(store, 4), session="closed", now=AT_0940)
    assert early.status is Outcome.NOT_ALLOWED and early.message == "Doors open at 09:45."
    assert desk.scan(code_of(store, 4), session="closed", now=AT_0950).may_enter


def test_a_hard_capacity_refuses_once_full_and_counts_people_who_left(desk_store):
    store, _event = desk_store
    desk = CheckinService(store)
    at = dt.datetime(2026, 11, 28, 10, 5, tzinfo=dt.UTC)
    assert desk.scan(code_of(store, 1), session="small", now=at).may_enter
    assert desk.scan(code_of(store, 2), session="small", now=at).may_enter
    full = desk.scan(code_of(store, 3), session="small", now=at)
    assert full.status is Outcome.NOT_ALLOWED and full.message == "Session full: 2 of 2."
    # Someone already inside scanning again is not refused by the rule.
    assert desk.scan(code_of(store, 1), session="small", now=at).status \
        is Outcome.ALREADY_ADMITTED
    desk.scan(code_of(store, 2), session="small", now=at, action="exit")
    assert desk.scan(code_of(store, 3), session="small", now=at).may_enter


def test_an_override_needs_an_operator_and_is_recorded_with_why(desk_store):
    store, _event = desk_store
    with pytest.raises(OverrideError):
        CheckinService(store).scan(code_of(store, 1), session="closed", now=AT_0950,
                                   override=True)
    desk = CheckinService(store, station="Door", operator="Marie")
    let_in = desk.scan(code_of(store, 1), session="closed", now=AT_0950, override=True,
                       reason="invited by the chair")
    assert let_in.status is Outcome.ADMITTED and let_in.overridden
    assert let_in.rule == "only_categories"
    assert let_in.message.startswith("Admitted by override (Marie): Closed session")
    with store.read() as s:
        row = s.execute(select(m.Scan.operator, m.Scan.rule, m.Scan.detail)
                        .where(m.Scan.uuid == let_in.scan_id)).one()
    assert tuple(row) == ("Marie", "only_categories", "invited by the chair")
    # An override where no rule refuses records nothing special.
    plain = desk.scan(code_of(store, 4), session="closed", now=AT_0950, override=True)
    assert plain.may_enter and not plain.overridden and plain.rule == ""


def test_venue_arrival_has_no_rules_when_the_event_sets_none(desk_store):
    store, _event = desk_store
    assert CheckinService(store).scan(code_of(store, 1), now=AT_0940).may_enter
