from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from checkin.core.desk.service import CheckinService
from checkin.core.event import codes
from checkin.core.event.agenda import (
    AgendaError,
    check_spec,
    new_key,
    removable,
    spec_from_info,
    update_event,
)
from checkin.core.event.definition import SessionSpec
from checkin.core.event.rules import local_time, utc_naive
from checkin.core.event.stored import current_event, event_secret
from checkin.core.types import CategoryInfo
from tests.conftest import EVENT_DATE

TZ = "Europe/Zurich"


def at(hhmm: str) -> dt.datetime:
    h, mnt = map(int, hhmm.split(":"))
    return utc_naive(EVENT_DATE, dt.time(h, mnt), TZ)


@pytest.fixture
def store(any_store):
    return any_store


def test_times_round_trip_through_the_event_zone():
    stored = at("09:30")
    assert stored == dt.datetime(2026, 11, 28, 8, 30)  # Geneva is UTC+1 in November
    assert local_time(stored, TZ) == dt.time(9, 30)


def test_edit_a_session_add_one_and_change_a_colour_in_one_save(store, event):
    spec = spec_from_info(event)
    opening = dataclasses.replace(spec.sessions[0], ends_at=at("10:15"), capacity=80)
    added = SessionSpec("", "Coffee break", "Foyer", at("11:15"), at("11:30"), None, False)
    press = dataclasses.replace(spec.categories[2], colour="#123abc")
    spec = dataclasses.replace(
        spec,
        name="Consultation 2026",
        sessions=(opening, *spec.sessions[1:], added),
        categories=(*spec.categories[:2], press),
    )
    saved = update_event(store, event.id, spec)
    assert saved.name == "Consultation 2026"
    assert saved.session("opening").capacity == 80
    assert saved.local(saved.session("opening").ends_at).time() == dt.time(10, 15)
    coffee = saved.session("coffee-break")
    assert coffee is not None and coffee.attendance is False and coffee.room == "Foyer"
    assert [s.key for s in saved.sessions] == ["opening", "financing", "coffee-break", "lunch"]
    assert saved.category("press").colour == "#123ABC"
    assert current_event(store) == saved


def test_end_before_start_is_refused_naming_the_session_and_nothing_is_written(store, event):
    spec = spec_from_info(event)
    bad = dataclasses.replace(spec.sessions[1], ends_at=at("09:00"))
    spec = dataclasses.replace(spec, name="Changed", sessions=(spec.sessions[0], bad))
    problems = check_spec(spec)
    assert [(p.section, p.index, p.field, p.kind) for p in problems] == [
        ("session", 1, "end", "end_before_start")
    ]
    assert "session 2 (New financing approaches)" in problems[0].message
    with pytest.raises(AgendaError) as info:
        update_event(store, event.id, spec)
    assert info.value.problems == tuple(problems)
    assert current_event(store) == event


def test_required_fields_bad_colour_and_duplicate_category_names_are_reported(event):
    spec = spec_from_info(event)
    twin = dataclasses.replace(spec.sessions[0], key="", title=" ")
    spec = dataclasses.replace(
        spec,
        name=" ",
        timezone="Mars/Olympus",
        sessions=(*spec.sessions, twin),
        categories=(
            CategoryInfo("", "", "#12345"),
            CategoryInfo("", "Speaker", "#123456"),
            CategoryInfo("", "speaker ", "#123456"),
        ),
    )
    kinds = {(p.section, p.index, p.field, p.kind) for p in check_spec(spec)}
    assert kinds == {
        ("event", 0, "name", "required"),
        ("event", 0, "timezone", "bad_timezone"),
        ("session", 3, "title", "required"),
        ("category", 0, "label", "required"),
        ("category", 0, "colour", "bad_colour"),
        ("category", 2, "label", "duplicate_title"),
    }


def test_removing_a_session_with_scans_or_a_category_with_delegates_is_refused(
    store, event, people
):
    secret = event_secret(store, event.id)
    desk = CheckinService(store, event, station="Door")
    outcome = desk.scan(
        codes.make_code(secret, 1, 1), session="opening",
        now=at("09:40").replace(tzinfo=dt.UTC),
    )
    assert outcome.may_enter
    sessions, categories = removable(store, event)
    assert sessions == {"financing", "lunch"}
    assert categories == {"press"}  # participant and speaker are in use

    spec = spec_from_info(event)
    without = dataclasses.replace(
        spec, sessions=spec.sessions[1:], categories=spec.categories[1:]
    )
    with pytest.raises(AgendaError) as info:
        update_event(store, event.id, without)
    messages = [p.message for p in info.value.problems]
    assert any("'Opening'" in t and "scan" in t for t in messages)
    assert any("'Participant'" in t and "delegate" in t for t in messages)
    assert current_event(store) == event

    free = dataclasses.replace(
        spec, sessions=spec.sessions[:2], categories=spec.categories[:2]
    )
    saved = update_event(store, event.id, free)
    assert [s.key for s in saved.sessions] == ["opening", "financing"]
    assert [c.key for c in saved.categories] == ["participant", "speaker"]


def test_category_order_is_kept_and_new_keys_do_not_collide(store, event):
    spec = spec_from_info(event)
    new = CategoryInfo("", "Press", "#000000")  # same slug as the 'press' key removed
    spec = dataclasses.replace(
        spec, categories=(spec.categories[2], spec.categories[0], new)
    )
    spec = dataclasses.replace(spec, categories=spec.categories[1:])  # drop old press
    saved = update_event(store, event.id, spec)
    # A removed key is not reused in the same save (the unique constraint would trip).
    assert [(c.key, c.label) for c in saved.categories] == [
        ("participant", "Participant"), ("press-2", "Press")
    ]
    assert new_key("Réunion plénière", {"reunion-pleniere"}, "x") == "reunion-pleniere-2"
    assert new_key("···", set(), "session") == "session"
