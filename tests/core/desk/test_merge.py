"""Merging journals by scan UUID: idempotent, in time order, duplicates surfaced."""

from __future__ import annotations

import datetime as dt

from checkin.core.db import models as m
from checkin.core.desk import merge
from checkin.core.desk.service import CheckinService
from checkin.core.event.stored import require_event
from checkin.core.types import Outcome
from tests.conftest import T0
from tests.conftest import badge_code as code


def journal(store) -> list[dict]:
    ev = require_event(store)
    with store.read() as s:
        rows = merge.portable_scans(s, ev.id)
    return sorted(rows, key=lambda r: r["uuid"])


def admissions(store) -> set[tuple[int, int]]:
    with store.read() as s:
        return {
            (n, scope)
            for n, scope in s.execute(
                m.Admission.__table__.join(m.Delegate.__table__)
                .select()
                .with_only_columns(m.Delegate.number, m.Admission.scope)
            )
        }


def push(src, dst):
    ev = require_event(src)
    with src.read() as s:
        rows = merge.portable_scans(s, ev.id)
    return merge.merge_scans(dst, require_event(dst), rows)


def test_merge_adds_foreign_scans_once_and_rebuilds_arrivals(stations):
    a, b = stations
    desk_a, desk_b = CheckinService(a, station="A"), CheckinService(b, station="B")
    desk_a.scan(code(a, 1), now=T0)
    desk_b.scan(code(b, 2), now=T0 + dt.timedelta(minutes=1))
    desk_b.scan(code(b, 3), session="opening", now=T0 + dt.timedelta(hours=1, minutes=40))

    report = push(b, a)
    assert (report.new, report.present, report.skipped, report.duplicates) == (2, 0, (), ())
    assert admissions(a) == {(1, 0), (2, 0), (3, require_event(a).session("opening").id)}

    again = push(b, a)
    assert (again.new, again.present, again.changed) == (0, 2, False)
    assert len(journal(a)) == 3


def test_admitted_at_both_stations_while_apart_is_a_duplicate_both_rows_kept(stations):
    a, b = stations
    CheckinService(a, station="Desk A").scan(code(a, 4), now=T0)
    CheckinService(b, station="Desk B").scan(code(b, 4), now=T0 + dt.timedelta(minutes=5))

    report = push(b, a)
    assert report.new == 1
    (dup,) = report.duplicates
    assert (dup.delegate.number, dup.session) == (4, None)
    assert (dup.first_station, dup.second_station) == ("Desk A", "Desk B")
    assert dup.second_at - dup.first_at == dt.timedelta(minutes=5)
    assert "twice" in dup.message and "Desk B at 09:05" in dup.message  # Geneva time
    assert merge.offline_duplicates(a, require_event(a)) == [dup]
    # Both admissions are in the journal; one admission stands.
    outcomes = [r["outcome"] for r in journal(a)]
    assert outcomes.count("admitted") == 2
    assert admissions(a) == {(4, 0)}
    # Staff resolve it by undoing one: the duplicate is gone from the dashboard.
    CheckinService(a, station="Desk A").undo(dup.second_scan)
    assert merge.offline_duplicates(a, require_event(a)) == []
    assert admissions(a) == {(4, 0)}


def test_undo_travels_after_its_target_and_cancels_it(stations):
    a, b = stations
    desk_b = CheckinService(b, station="B")
    first = desk_b.scan(code(b, 5), now=T0)
    desk_b.undo(first.scan_id, now=T0 + dt.timedelta(minutes=1))
    report = push(b, a)
    assert report.new == 2 and report.skipped == ()
    assert admissions(a) == set()
    ev = require_event(a)
    with a.read() as s:
        row = s.execute(
            m.Scan.__table__.select().where(m.Scan.action == "undo")
        ).one()
        target = s.get(m.Scan, row.undoes_id)
        assert target.uuid == first.scan_id and target.event_id == ev.id


def test_re_entry_after_an_exit_is_not_a_duplicate(stations):
    a, _b = stations
    ev = require_event(a)
    opening = ev.session("opening")
    t = opening.starts_at
    desk_a = CheckinService(a, station="Door")
    desk_a.scan(code(a, 6), session="opening", now=t)
    desk_a.scan(code(a, 6), session="opening", now=t + dt.timedelta(minutes=1), action="exit")
    back = desk_a.scan(code(a, 6), session="opening", now=t + dt.timedelta(minutes=2))
    assert back.status is Outcome.ADMITTED
    assert merge.offline_duplicates(a, ev) == []


def test_scans_of_unknown_delegates_or_sessions_are_reported_not_dropped_silently(stations):
    a, _b = stations
    ev = require_event(a)
    base = {c: None for c in merge.scan_columns()}
    rows = [
        {**base, "uuid": "u-1", "action": "entry", "source": "scanner", "outcome": "admitted",
         "code": "", "station": "X", "operator": "", "created_at": T0,
         "delegate_number": 999, "session_key": None, "undoes_uuid": None},
        {**base, "uuid": "u-2", "action": "entry", "source": "scanner", "outcome": "admitted",
         "code": "", "station": "X", "operator": "", "created_at": T0,
         "delegate_number": 1, "session_key": "nope", "undoes_uuid": None},
    ]
    report = merge.merge_scans(a, ev, rows)
    assert report.new == 0
    assert [k.uuid for k in report.skipped] == ["u-1", "u-2"]
    assert "no delegate no. 999" in report.skipped[0].reason
    assert "'nope'" in report.skipped[1].reason


def projections(store) -> tuple[list, list]:
    with store.read() as s:
        adm = s.execute(
            m.Admission.__table__.select().with_only_columns(
                m.Admission.delegate_id, m.Admission.scope, m.Admission.scan_id,
                m.Admission.admitted_at, m.Admission.source,
            ).order_by(m.Admission.delegate_id, m.Admission.scope)
        ).all()
        arr = s.execute(
            m.Delegate.__table__.select().with_only_columns(
                m.Delegate.id, m.Delegate.arrived_at, m.Delegate.arrived_via
            ).order_by(m.Delegate.id)
        ).all()
    return adm, arr


def test_merge_projections_equal_a_full_rebuild_from_the_journal(stations):
    from checkin.core.desk import journal as jn

    a, b = stations
    ev = require_event(a)
    t = ev.session("opening").starts_at
    desk_a, desk_b = CheckinService(a, station="A"), CheckinService(b, station="B")
    for n in range(1, 9):
        desk_a.scan(code(a, n), now=T0 + dt.timedelta(minutes=n))
        desk_b.scan(code(b, n + 2), session="opening", now=t + dt.timedelta(minutes=n))
    undo_me = desk_b.scan(code(b, 9), now=T0)
    desk_b.undo(undo_me.scan_id, now=T0 + dt.timedelta(minutes=30))
    desk_b.scan(code(b, 4), session="opening", now=t + dt.timedelta(minutes=20), action="exit")
    desk_b.scan(code(b, 1), now=T0 - dt.timedelta(minutes=5))  # before A's admission
    push(b, a)
    merged = projections(a)
    with a.write() as s:
        jn.rebuild(s, ev.id)
    assert projections(a) == merged
    assert len(merged[0]) == 8 + 8


def test_the_same_desk_twice_is_worded_apart_from_two_desks(stations):
    """One desk admitted online (the server) and again offline (its copy): "once online
    and once offline", not "two desks that could not see each other"."""
    a, b = stations
    CheckinService(a, station="Desk 2").scan(code(a, 5), now=T0)
    CheckinService(b, station="Desk 2").scan(code(b, 5), now=T0 + dt.timedelta(minutes=3))
    CheckinService(a, station="Desk 1").scan(code(a, 6), now=T0)
    CheckinService(b, station="Desk 2").scan(code(b, 6), now=T0 + dt.timedelta(minutes=3))

    same, apart = push(b, a).duplicates
    assert same.same_station and not apart.same_station
    assert "at Desk 2, once online and once offline: 09:00 and 09:03" in same.message
    assert "two desks that could not see each other: Desk 1 at 09:00 and Desk 2 at 09:03" in (
        apart.message
    )
