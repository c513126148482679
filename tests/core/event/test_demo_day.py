"""The demo's day is laid around the time it is opened: live at 03:00 as at 10:00,
with the IOM–NGO consultation's programme (order and durations) kept."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from checkin.core.roster.demo import create_demo, demo_spec, ensure_demo
from checkin.core.types import DelegateStatus

GENEVA = ZoneInfo("Europe/Zurich")


def at(day: str, time: str) -> dt.datetime:
    """A Geneva wall-clock time, as the aware UTC the project's clock gives."""
    local = dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=GENEVA)
    return local.astimezone(dt.UTC)


def programme(spec) -> list[tuple[str, dt.timedelta]]:
    """Each session's key, offset from registration opening, and duration."""
    opens = spec.registration_opens
    return [(s.key, s.starts_at - opens, s.ends_at - s.starts_at) for s in spec.sessions]


WRITTEN = programme(demo_spec(today=dt.date(2026, 11, 28)))


def local(when: dt.datetime) -> dt.datetime:
    return when.replace(tzinfo=dt.UTC).astimezone(GENEVA)


def test_opened_during_the_day_it_keeps_its_written_times():
    spec = demo_spec(now=at("2026-11-28", "10:05"))
    assert local(spec.registration_opens).strftime("%H:%M") == "08:30"
    assert local(spec.sessions[-1].ends_at).strftime("%H:%M") == "17:30"
    assert spec.date == dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    "time", ["00:10", "03:00", "07:59", "08:29", "17:30", "20:00", "23:50"]
)
def test_opened_at_any_other_hour_it_is_live(time):
    now = at("2026-11-28", time)
    spec = demo_spec(now=now)
    assert programme(spec) == WRITTEN  # same order, same gaps, same durations
    assert spec.date == dt.date(2026, 11, 28)
    naive = now.replace(tzinfo=None)
    assert spec.registration_opens <= naive < spec.sessions[-1].ends_at
    # It stays on the event's day and starts on a quarter hour.
    first, last = local(spec.registration_opens), local(spec.sessions[-1].ends_at)
    assert first.date() == dt.date(2026, 11, 28) and first.minute % 15 == 0
    assert last <= dt.datetime(2026, 11, 29, tzinfo=GENEVA)


def test_at_three_in_the_morning_a_session_is_running():
    now = at("2026-11-28", "03:00")
    spec = demo_spec(now=now)
    naive = now.replace(tzinfo=None)
    running = [s.key for s in spec.sessions if s.starts_at <= naive < s.ends_at]
    assert running == ["opening"] or running == ["financing"]


def test_on_a_summer_day_too():
    spec = demo_spec(now=at("2026-07-01", "04:00"))
    assert programme(spec) == WRITTEN and spec.date == dt.date(2026, 7, 1)


def test_the_event_the_app_opens_is_live(store):
    now = at("2026-11-28", "03:00")
    event = create_demo(store, now=now).event
    assert event.session_at(now) is not None


def test_a_stale_demo_nobody_used_is_laid_again_the_next_night(store):
    first = create_demo(store, now=at("2026-11-28", "10:00")).event
    later = at("2026-11-29", "02:00")
    again = ensure_demo(store, now=later)
    assert again is not None and not again.created
    assert again.event.id == first.id and again.event.date == dt.date(2026, 11, 29)
    assert again.event.session_at(later) is not None


def test_a_demo_with_scans_is_left_as_it_is(store):
    from checkin.core.desk.service import CheckinService
    from checkin.core.roster.delegates import list_delegates

    event = create_demo(store, now=at("2026-11-28", "10:00")).event
    entry = next(e for e in list_delegates(store, event)
                 if e.delegate.status == DelegateStatus.REGISTERED.value)
    CheckinService(store, station="t").scan(entry.code)
    again = ensure_demo(store, now=at("2026-11-29", "02:00"))
    assert again is not None and again.event.date == dt.date(2026, 11, 28)


def test_another_event_is_left_alone(store, event):
    assert ensure_demo(store, now=at("2026-11-28", "03:00")) is None
