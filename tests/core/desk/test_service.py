"""The check-in engine against a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.desk.service import CheckinError, CheckinService
from checkin.core.event import codes
from checkin.core.event.stored import event_secret
from checkin.core.types import Outcome
from tests.conftest import EVENT_DATE, insert_delegates

Outcome = Outcome


def at(hhmm: str) -> dt.datetime:
    """A wall-clock time on the event day in Geneva (UTC+1 in November), as UTC."""
    h, mnt = map(int, hhmm.split(":"))
    return dt.datetime.combine(EVENT_DATE, dt.time(h - 1, mnt), tzinfo=dt.UTC)


@pytest.fixture
def store(any_store):
    """Every engine test runs on SQLite and on PostgreSQL: one code path."""
    return any_store


@pytest.fixture
def desk(store, event, people):
    return CheckinService(store, event, station="Desk 1", operator="amelie")


@pytest.fixture
def code_of(store, event):
    secret = event_secret(store, event.id)
    return lambda number, version=1: codes.make_code(secret, number, version)


def journal(store):
    with store.read() as s:
        return s.execute(select(m.Scan).order_by(m.Scan.id)).scalars().all()


def test_first_scan_admits_second_is_already_admitted_with_time_and_station(
    store, event, desk, code_of
):
    first = desk.scan(code_of(1), now=at("08:42"))
    assert first.status is Outcome.ADMITTED and first.may_enter
    assert first.delegate.first_name == "Łukasz"
    other = CheckinService(store, event, station="Desk 2")
    again = other.scan(code_of(1), now=at("08:50"))
    assert again.status is Outcome.ALREADY_ADMITTED and again.may_enter
    assert again.first_station == "Desk 1"
    assert again.first_scan_at == at("08:42")
    assert "08:42" in again.message and "Desk 1" in again.message
    rows = journal(store)
    assert [r.outcome for r in rows] == ["admitted", "already_admitted"]
    assert rows[0].station == "Desk 1" and rows[0].operator == "amelie"
    assert rows[1].station == "Desk 2"


def test_every_refusal_is_journaled_with_its_reason(store, event, desk, code_of):
    # Another event's secret whose 2-symbol tag differs from this event's (its random
    # secret shares the tag of a fixed one once in 1,024 runs: then "invalid" is right).
    ours = codes.event_tag(event_secret(store, event.id))
    other = next(k for k in (bytes([i]) * 32 for i in range(1, 50)) if codes.event_tag(k) != ours)
    other_event = codes.make_code(other, 1, 1)
    results = [
        desk.scan(code_of(3)),  # cancelled registration
        desk.scan(other_event),
        desk.scan("HELLO WORLD"),
        desk.scan(code_of(99)),  # well signed but not in the roster
    ]
    assert [r.status for r in results] == [
        Outcome.CANCELLED, Outcome.WRONG_EVENT, Outcome.INVALID, Outcome.INVALID,
    ]
    assert not any(r.may_enter for r in results)
    assert "99" in results[3].message
    rows = journal(store)
    assert [r.outcome for r in rows] == ["cancelled", "wrong_event", "invalid", "invalid"]
    assert rows[0].delegate_id is not None and rows[2].delegate_id is None
    assert rows[2].code == "HELLO WORLD"


def test_reprinted_badge_revokes_the_old_one(store, event, desk, code_of):
    with store.write() as s:
        s.get(m.Delegate, 1).badge_version = 2
    old = desk.scan(code_of(1, 1))
    assert old.status is Outcome.REVOKED and not old.may_enter
    assert desk.scan(code_of(1, 2)).status is Outcome.ADMITTED


def test_codes_typed_through_an_azerty_keyboard_are_admitted(desk, code_of):
    code = code_of(2)
    azerty = code.translate(str.maketrans("1234567890", "&é\"'(-è_çà")).lower()
    assert desk.scan(azerty).status is Outcome.ADMITTED


def test_session_scan_records_attendance_and_counts_as_arrival(store, event, desk, code_of):
    in_session = desk.scan(code_of(1), session="financing", now=at("10:05"))
    assert in_session.status is Outcome.ADMITTED
    assert in_session.session.key == "financing"
    # Attendance in one session does not make the venue desk say "welcome" twice ...
    venue = desk.scan(code_of(1), now=at("10:10"))
    assert venue.status is Outcome.ADMITTED
    # ... but a second entry into the same session is a duplicate.
    again = desk.scan(code_of(1), session="financing", now=at("10:20"))
    assert again.status is Outcome.ALREADY_ADMITTED
    assert desk.scan(code_of(1), session="opening", now=at("10:30")).status is Outcome.ADMITTED


def test_auto_session_follows_the_event_clock(desk, code_of):
    assert desk.scan(code_of(1), session="auto", now=at("09:45")).session.key == "opening"
    assert desk.scan(code_of(1), session="auto", now=at("10:30")).session.key == "financing"
    # Lunch takes no attendance: the scan is a venue arrival.
    lunch = desk.scan(code_of(2), session="auto", now=at("13:00"))
    assert lunch.session is None and lunch.status is Outcome.ADMITTED


def test_unknown_or_non_attendance_session_is_a_usage_error(desk, code_of):
    with pytest.raises(CheckinError, match="opening, financing"):
        desk.scan(code_of(1), session="nope")
    with pytest.raises(CheckinError, match="takes no attendance"):
        desk.scan(code_of(1), session="lunch")


def test_undo_reopens_the_door_and_is_itself_journaled(store, desk, code_of):
    first = desk.scan(code_of(1))
    undo = desk.undo(first.scan_id)
    assert undo.status is Outcome.UNDONE and undo.delegate.id == 1
    again = desk.scan(code_of(1))
    assert again.status is Outcome.ADMITTED
    rows = journal(store)
    assert [r.action for r in rows] == ["entry", "undo", "entry"]
    assert rows[1].undoes_id == rows[0].id
    with pytest.raises(CheckinError, match="already undone"):
        desk.undo(first.scan_id)
    with pytest.raises(CheckinError, match="not an admission"):
        desk.undo(desk.scan(code_of(1)).scan_id)
    with pytest.raises(CheckinError, match="No scan"):
        desk.undo("00000000-0000-0000-0000-000000000000")


def test_manual_check_in(desk, store):
    outcome = desk.check_in(2)
    assert outcome.status is Outcome.ADMITTED
    assert desk.check_in(2).status is Outcome.ALREADY_ADMITTED
    assert desk.check_in(3).status is Outcome.CANCELLED
    assert journal(store)[0].source == "manual"
    with pytest.raises(CheckinError):
        desk.check_in(12345)


def test_batch_scans_share_one_transaction_but_see_each_other(store, desk, code_of):
    outcomes = desk.scan_many([code_of(1), code_of(2), code_of(1), "junk"])
    assert [o.status for o in outcomes] == [
        Outcome.ADMITTED, Outcome.ADMITTED, Outcome.ALREADY_ADMITTED, Outcome.INVALID,
    ]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Scan)) == 4


def test_journal_rows_are_never_updated(store, desk, code_of):
    first = desk.scan(code_of(1), now=at("08:31"))
    with store.read() as s:
        before = s.execute(select(m.Scan.__table__)).all()
    desk.undo(first.scan_id)
    desk.scan(code_of(1))
    with store.read() as s:
        after = s.execute(select(m.Scan.__table__)).all()
    assert after[: len(before)] == before


def test_desks_scanning_the_same_badges_at_once_admit_each_person_once(store, event):
    """Four desks, one database, the same ten badges over and over, concurrently."""
    from concurrent.futures import ThreadPoolExecutor

    insert_delegates(store, event, [{"number": n} for n in range(10, 20)])
    secret = event_secret(store, event.id)
    badges = [codes.make_code(secret, n, 1) for n in range(10, 20)]

    def desk_run(station: str) -> list[Outcome]:
        desk = CheckinService(store, event, station=station)
        return [desk.scan(code).status for code in badges * 3]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = [s for run in pool.map(desk_run, ["D1", "D2", "D3", "D4"]) for s in run]
    assert results.count(Outcome.ADMITTED) == 10
    assert results.count(Outcome.ALREADY_ADMITTED) == 4 * 30 - 10
    with store.read() as s:
        admitted = s.execute(
            select(m.Scan.delegate_id, func.count())
            .where(m.Scan.outcome == "admitted")
            .group_by(m.Scan.delegate_id)
        ).all()
        assert sorted(n for _, n in admitted) == [1] * 10
        assert s.scalar(select(func.count()).select_from(m.Admission)) == 10


def test_committed_rows_are_told_as_portable_rows_that_merge_elsewhere(
    store, event, desk, code_of, tmp_path
):
    """``on_journal``: what a desk's offline copy takes in, in the same call."""
    from checkin.core.db.store import Store
    from checkin.core.desk import merge
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT

    heard: list[list[dict]] = []
    desk.on_journal = heard.append
    admitted = desk.scan(code_of(1), now=at("09:00"))
    desk.scan("garbage", now=at("09:01"))
    undone = desk.undo(admitted.scan_id, now=at("09:02"))
    with pytest.raises(CheckinError):
        desk.undo("no-such-scan")  # nothing committed: nothing told
    assert [len(rows) for rows in heard] == [1, 1, 1]
    rows = [rows[0] for rows in heard]
    assert rows[0]["delegate_number"] == 1 and rows[0]["uuid"] == admitted.scan_id
    assert rows[1]["outcome"] == "invalid" and rows[1]["delegate_number"] is None
    assert rows[2]["undoes_uuid"] == admitted.scan_id and rows[2]["uuid"] == undone.scan_id
    assert {r["station"] for r in rows} == {"Desk 1"}

    copy = Store("sqlite:///" + str(tmp_path / "copy.sqlite"))
    try:
        other = save_event(copy, parse_event(SMALL_EVENT, source="test"))
        insert_delegates(copy, other, [{} for _ in range(3)])
        report = merge.merge_scans(copy, other, rows)
        assert (report.new, report.skipped) == (3, ())
        assert merge.merge_scans(copy, other, rows).new == 0
    finally:
        copy.close()


def test_walk_in_and_edit_through_the_desk_service(store, event, desk):
    from dataclasses import replace

    from checkin.core.roster.person import PersonForm

    result = desk.register_walk_in(PersonForm("Ana", "Silva", "KRCS", "KE"), now=at("09:10"))
    assert result.outcome.status is Outcome.ADMITTED
    assert result.outcome.delegate.id == result.delegate.id
    form = replace(PersonForm.of(result.delegate), last_name="Silva-Moreira")
    edited = desk.edit_delegate(result.delegate.id, form, now=at("09:12"))
    assert edited.changed == ("last_name",)
    assert edited.delegate.last_name == "Silva-Moreira"
