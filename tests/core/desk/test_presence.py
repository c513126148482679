"""Exits at a session's door and presence now, through the real engine (SQLite and PG)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checkin.core.dashboard.snapshot import compute_dashboard
from checkin.core.db import models as m
from checkin.core.desk import journal
from checkin.core.desk.presence import CapacityLevel, capacity_level, session_attendees
from checkin.core.desk.service import CheckinError, CheckinService
from checkin.core.event import codes
from checkin.core.event.stored import event_secret
from checkin.core.types import Outcome, ScanAction
from tests.conftest import EVENT_DATE, insert_delegates

Outcome = Outcome
EXIT = ScanAction.EXIT


def at(hhmm: str) -> dt.datetime:
    """A wall-clock time on the event day in Geneva (UTC+1 in November), as UTC."""
    h, mnt = map(int, hhmm.split(":"))
    return dt.datetime.combine(EVENT_DATE, dt.time(h - 1, mnt), tzinfo=dt.UTC)


@pytest.fixture
def store(any_store):
    return any_store


@pytest.fixture
def door(store, event):
    return CheckinService(store, event, station="Door", operator="sam")


@pytest.fixture
def trio(store, event):
    return insert_delegates(store, event, [{}, {}, {}])


@pytest.fixture
def code_of(store, event):
    secret = event_secret(store, event.id)
    return lambda number, version=1: codes.make_code(secret, number, version)


def present(store, event, key: str, now: dt.datetime):
    dash = compute_dashboard(store, event, now=now)
    x = next(x for x in dash.sessions if x.key == key)
    return x.attended, x.present


def test_exit_then_reentry_is_admitted_again_and_presence_follows(
    store, event, door, trio, code_of
):
    code = code_of(1)
    assert door.scan(code, session="opening", now=at("09:31")).status is Outcome.ADMITTED
    assert present(store, event, "opening", at("09:32")) == (1, 1)

    out = door.scan(code, session="opening", action="exit", now=at("09:40"))
    assert out.status is Outcome.EXITED and out.status.accepted and not out.may_enter
    assert out.session.key == "opening"
    assert present(store, event, "opening", at("09:41")) == (1, 0)

    back = door.scan(code, session="opening", now=at("09:45"))
    assert back.status is Outcome.ADMITTED  # re-entry: let in again, not "already"
    assert "back in" in back.message
    assert present(store, event, "opening", at("09:46")) == (1, 1)
    # Inside, a second entry scan is a duplicate as before.
    assert door.scan(code, session="opening", now=at("09:47")).status is (
        Outcome.ALREADY_ADMITTED
    )
    # The first admission still stands (attendance counted once, from 09:31).
    with store.read() as s:
        admitted = s.scalars(select(m.Admission.admitted_at).where(m.Admission.scope != 0))
        assert [t.replace(tzinfo=dt.UTC) for t in admitted] == [at("09:31")]


def test_exit_of_someone_not_inside_is_journaled_as_not_present(
    store, event, door, trio, code_of
):
    never = door.scan(code_of(2), session="opening", action=EXIT, now=at("09:40"))
    assert never.status is Outcome.NOT_PRESENT and not never.status.accepted
    assert "not checked in" in never.message

    door.scan(code_of(1), session="opening", now=at("09:31"))
    door.scan(code_of(1), session="opening", action=EXIT, now=at("09:40"))
    twice = door.scan(code_of(1), session="opening", action=EXIT, now=at("09:42"))
    assert twice.status is Outcome.NOT_PRESENT
    assert "already left" in twice.message and "09:40" in twice.message
    with store.read() as s:
        rows = s.execute(
            select(m.Scan.action, m.Scan.outcome).where(m.Scan.action == "exit")
            .order_by(m.Scan.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("exit", "not_present"), ("exit", "exited"), ("exit", "not_present")
    ]
    # Presence is per session: the exit from "opening" leaves "financing" alone.
    door.scan(code_of(1), session="financing", now=at("10:05"))
    assert present(store, event, "financing", at("10:06")) == (1, 1)
    assert present(store, event, "opening", at("10:06")) == (1, 0)


def test_refused_badge_at_the_exit_is_journaled_as_an_exit_refusal(door, trio, store):
    out = door.scan("NOT-A-CODE", session="opening", action="exit", now=at("09:40"))
    assert out.status is Outcome.INVALID
    with store.read() as s:
        assert s.scalar(select(m.Scan.action).order_by(m.Scan.id.desc()).limit(1)) == "exit"


def test_exits_need_a_session_and_a_known_action(door, trio, code_of):
    with pytest.raises(CheckinError, match="session"):
        door.scan(code_of(1), action="exit")
    with pytest.raises(CheckinError, match="No session is running"):
        door.scan(code_of(1), session="auto", action="exit", now=at("08:00"))
    with pytest.raises(CheckinError, match="Unknown action"):
        door.scan(code_of(1), session="opening", action="sideways")
    with pytest.raises(CheckinError, match="undo"):
        door.scan(code_of(1), session="opening", action="undo")


def test_manual_exit_by_name(store, event, door, trio):
    door.check_in(trio[0], session="opening", now=at("09:31"))
    out = door.check_in(trio[0], session="opening", action="exit", now=at("09:50"))
    assert out.status is Outcome.EXITED
    assert present(store, event, "opening", at("09:51")) == (1, 0)


def test_undo_of_an_exit_puts_the_person_back_in(store, event, door, trio, code_of):
    door.scan(code_of(1), session="opening", now=at("09:31"))
    out = door.scan(code_of(1), session="opening", action=EXIT, now=at("09:40"))
    undo = door.undo(out.scan_id, now=at("09:41"))
    assert undo.status is Outcome.UNDONE and undo.message.startswith("Exit of")
    assert present(store, event, "opening", at("09:42")) == (1, 1)
    # And the next exit is a real exit again.
    again = door.scan(code_of(1), session="opening", action=EXIT, now=at("09:43"))
    assert again.status is Outcome.EXITED


def test_undo_of_a_reentry_leaves_the_person_out(store, event, door, trio, code_of):
    door.scan(code_of(1), session="opening", now=at("09:31"))
    door.scan(code_of(1), session="opening", action=EXIT, now=at("09:40"))
    back = door.scan(code_of(1), session="opening", now=at("09:45"))
    door.undo(back.scan_id, now=at("09:46"))
    assert present(store, event, "opening", at("09:47")) == (1, 0)
    # The projection still matches a rebuild from the journal alone.
    with store.write() as s:
        before = sorted(s.execute(select(m.Admission.delegate_id, m.Admission.scope)).all())
        journal.rebuild(s, event.id)
        after = sorted(s.execute(select(m.Admission.delegate_id, m.Admission.scope)).all())
    assert before == after


def test_undone_admission_means_absent_whatever_the_movements(
    store, event, door, trio, code_of
):
    first = door.scan(code_of(1), session="opening", now=at("09:31"))
    door.undo(first.scan_id, now=at("09:32"))
    assert present(store, event, "opening", at("09:33")) == (0, 0)
    out = door.scan(code_of(1), session="opening", action=EXIT, now=at("09:34"))
    assert out.status is Outcome.NOT_PRESENT


def test_session_attendees_lists_presence_and_exit_time(store, event, door, trio, code_of):
    door.scan(code_of(1), session="opening", now=at("09:31"))
    door.scan(code_of(2), session="opening", now=at("09:33"))
    door.scan(code_of(2), session="opening", action=EXIT, now=at("09:50"))
    rows = session_attendees(store, event, "opening")
    assert [(r.delegate.number, r.present) for r in rows] == [(1, True), (2, False)]
    assert rows[0].admitted_at == at("09:31") and rows[0].left_at is None
    assert rows[1].left_at == at("09:50")
    with pytest.raises(ValueError, match="Unknown session"):
        session_attendees(store, event, "nope")


@pytest.mark.parametrize(
    ("here", "capacity", "level"),
    [
        (0, None, CapacityLevel.OK),
        (500, 0, CapacityLevel.OK),
        (89, 100, CapacityLevel.OK),
        (90, 100, CapacityLevel.NEAR),
        (99, 100, CapacityLevel.NEAR),
        (100, 100, CapacityLevel.FULL),
        (101, 100, CapacityLevel.OVER),
        (3, 3, CapacityLevel.FULL),
        (2, 3, CapacityLevel.OK),
    ],
)
def test_capacity_levels(here, capacity, level):
    assert capacity_level(here, capacity) is level
    assert level.warns == (level is not CapacityLevel.OK)
