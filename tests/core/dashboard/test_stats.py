"""Headcounts from the scan journal: compute_stats on a real database."""

from __future__ import annotations

import datetime as dt
import os
import stat
import uuid
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event as sa_event

from checkin.core.dashboard.snapshot import compute_dashboard, write_call_list
from checkin.core.dashboard.stats import Bucket, GroupCount, compute_stats
from checkin.core.db import models as m
from checkin.core.desk import journal
from checkin.core.desk.presence import CapacityLevel
from checkin.core.event.definition import parse_event, save_event
from tests.conftest import SMALL_EVENT, insert_delegates

ZURICH = ZoneInfo("Europe/Zurich")
DAY = dt.date(2026, 11, 28)  # CET (UTC+1): no DST change anywhere near


def utc(hour: int, minute: int, second: int = 0, *, day: dt.date = DAY) -> dt.datetime:
    """A naive UTC time, as stored."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, second)


def local(hour: int, minute: int) -> dt.datetime:
    return dt.datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=ZURICH)


def add_delegates(store, event, *people: dict) -> list[int]:
    return insert_delegates(store, event, list(people))


def add_scan(
    store,
    event,
    delegate_id: int | None,
    at: dt.datetime,
    outcome: str = "admitted",
    *,
    session: str | None = None,
    source: str = "scanner",
    undoes: int | None = None,
) -> int:
    with store.write() as s:
        row = m.Scan(
            uuid=str(uuid.uuid4()),
            event_id=event.id,
            delegate_id=delegate_id,
            session_id=event.session(session).id if session else None,
            action="undo" if undoes else "entry",
            source=source,
            outcome="undone" if undoes else outcome,
            station="desk-1",
            operator="test",
            created_at=at,
            undoes_id=undoes,
        )
        s.add(row)
        s.flush()
        # Raw journal rows (as a merge of journals would bring): derive the projections.
        journal.rebuild(s, event.id, delegate_id)
        return row.id


def test_empty_event_is_all_zeros(store, event):
    stats = compute_stats(store, event)
    assert (stats.registered, stats.arrived, stats.not_arrived, stats.cancelled) == (0, 0, 0, 0)
    assert (stats.walk_ins, stats.refused_scans, stats.duplicate_scans) == (0, 0, 0)
    assert stats.arrivals == ()
    assert stats.by_category == stats.by_organisation == stats.by_country == ()
    # Attendance-taking sessions are listed, in time order, even with nobody in them.
    assert [(x.key, x.attended) for x in stats.sessions] == [("opening", 0), ("financing", 0)]
    assert stats.sessions[1].capacity == 3
    assert stats.generated_at.tzinfo is not None
    assert stats.generated_at.utcoffset() == dt.timedelta(0)


def test_undone_arrival_no_longer_counts_and_readmission_counts_once(store, event):
    a, b, c, _ = add_delegates(store, event, {}, {}, {}, {})
    add_scan(store, event, a, utc(7, 40))
    first_b = add_scan(store, event, b, utc(7, 41))
    add_scan(store, event, b, utc(7, 42), undoes=first_b)
    first_c = add_scan(store, event, c, utc(7, 43))
    add_scan(store, event, c, utc(7, 44), undoes=first_c)
    add_scan(store, event, c, utc(8, 5))  # admitted again after the undo
    add_scan(store, event, c, utc(8, 6), "already_admitted")

    stats = compute_stats(store, event)
    assert (stats.registered, stats.arrived, stats.not_arrived) == (4, 2, 2)
    assert stats.duplicate_scans == 1
    assert stats.refused_scans == 0  # undo rows are neither refusals nor duplicates
    # c's arrival is the re-admission at 09:05 local, not the undone 08:43.
    counted = {(b.start, b.arrivals) for b in stats.arrivals if b.arrivals}
    assert counted == {(local(8, 30), 1), (local(9, 0), 1)}


def test_session_scan_counts_as_arrival_and_attendance(store, event):
    a, b, c = add_delegates(store, event, {}, {}, {})
    add_scan(store, event, a, utc(8, 35), session="opening")  # straight to the auditorium
    add_scan(store, event, a, utc(8, 50), session="opening")  # scanned twice: one person
    add_scan(store, event, b, utc(7, 50))
    add_scan(store, event, b, utc(9, 5), session="financing")
    undone = add_scan(store, event, c, utc(9, 10), session="financing")
    add_scan(store, event, c, utc(9, 11), undoes=undone)

    stats = compute_stats(store, event)
    assert stats.arrived == 2
    assert {x.key: x.attended for x in stats.sessions} == {"opening": 1, "financing": 1}
    # a arrived at the auditorium door: the arrival time is that session scan.
    assert [(x.start, x.arrivals) for x in stats.arrivals if x.arrivals] == [
        (local(8, 45), 1),
        (local(9, 30), 1),
    ]


def test_cancelled_delegates_are_counted_apart(store, event):
    a, gone = add_delegates(store, event, {}, {"status": "cancelled", "category": "press"})
    add_scan(store, event, a, utc(7, 40))
    add_scan(store, event, gone, utc(7, 41))  # arrived, then cancelled by a re-import

    stats = compute_stats(store, event)
    assert (stats.registered, stats.arrived, stats.cancelled) == (1, 1, 1)
    assert stats.by_category == (GroupCount("participant", 1, 1),)
    assert sum(b.arrivals for b in stats.arrivals) == 1


def test_refused_and_duplicate_scans(store, event):
    (a,) = add_delegates(store, event, {})
    add_scan(store, event, a, utc(7, 40))
    add_scan(store, event, a, utc(7, 41), "already_admitted")
    add_scan(store, event, a, utc(7, 42), "already_admitted", session="opening")
    add_scan(store, event, a, utc(7, 43), "revoked")
    add_scan(store, event, a, utc(7, 44), "cancelled")
    add_scan(store, event, None, utc(7, 45), "wrong_event")
    add_scan(store, event, None, utc(7, 46), "invalid")
    add_scan(store, event, None, utc(7, 47), "invalid")

    stats = compute_stats(store, event)
    assert stats.duplicate_scans == 2
    assert stats.refused_scans == 5
    assert stats.arrived == 1


def test_walk_ins_are_delegates_first_admitted_at_the_walk_in_desk(store, event):
    walk, later, undone_walk, plain = add_delegates(store, event, {}, {}, {}, {})
    add_scan(store, event, walk, utc(8, 0), source="walk-in")
    add_scan(store, event, later, utc(8, 0))
    add_scan(store, event, later, utc(8, 30), source="walk-in", session="opening")
    first = add_scan(store, event, undone_walk, utc(8, 1), source="walk-in")
    add_scan(store, event, undone_walk, utc(8, 2), undoes=first)
    add_scan(store, event, undone_walk, utc(8, 3), source="manual")
    add_scan(store, event, plain, utc(8, 4), source="manual")

    assert compute_stats(store, event).walk_ins == 1


def test_groups_by_category_organisation_and_country(store, event):
    ids = add_delegates(
        store,
        event,
        {"category": "speaker", "organisation": "UNHCR", "country": "CH"},
        {"category": "speaker", "organisation": "IOM", "country": "FR"},
        {"category": "participant", "organisation": "IOM", "country": "FR"},
        {"category": "participant", "organisation": "Caritas", "country": "JO"},
        {"category": "press", "organisation": "IOM", "country": "FR"},
        {"category": "press", "organisation": "IOM", "country": "", "status": "cancelled"},
    )
    for i in (ids[0], ids[2], ids[4], ids[5]):
        add_scan(store, event, i, utc(8, 0))

    stats = compute_stats(store, event)
    assert stats.by_category == (
        GroupCount("participant", 2, 1),
        GroupCount("speaker", 2, 1),
        GroupCount("press", 1, 1),
    )
    assert stats.by_organisation == (
        GroupCount("IOM", 3, 2),
        GroupCount("Caritas", 1, 0),
        GroupCount("UNHCR", 1, 1),
    )
    assert stats.by_country == (
        GroupCount("FR", 3, 2),
        GroupCount("CH", 1, 1),
        GroupCount("JO", 1, 0),
    )


def test_quarter_hour_buckets_in_local_time_with_empty_quarters(store, event):
    a, b, c, d = add_delegates(store, event, {}, {}, {}, {})
    add_scan(store, event, a, utc(7, 31))  # 08:31 in Geneva
    add_scan(store, event, b, utc(7, 44, 59))  # 08:44:59
    add_scan(store, event, c, utc(7, 45))  # 08:45:00: the next quarter
    add_scan(store, event, d, utc(8, 40))  # 09:40, after two empty quarters

    stats = compute_stats(store, event)
    assert stats.arrivals == (
        Bucket(local(8, 30), 2, 2),
        Bucket(local(8, 45), 1, 3),
        Bucket(local(9, 0), 0, 3),
        Bucket(local(9, 15), 0, 3),
        Bucket(local(9, 30), 1, 4),
    )
    assert all(b.start.tzinfo is not None for b in stats.arrivals)
    assert stats.arrivals[0].start.utcoffset() == dt.timedelta(hours=1)

    hourly = compute_stats(store, event, bucket_minutes=60)
    assert [(b.start, b.arrivals, b.cumulative) for b in hourly.arrivals] == [
        (local(8, 0), 3, 3),
        (local(9, 0), 1, 4),
    ]


def test_buckets_across_the_autumn_dst_change(store, event):
    """25 Oct 2026: Geneva's clocks go from 03:00 CEST back to 02:00 CET."""
    dst_day = dt.date(2026, 10, 25)
    a, b = add_delegates(store, event, {}, {})
    add_scan(store, event, a, utc(0, 50, day=dst_day))  # 02:50 CEST
    add_scan(store, event, b, utc(1, 10, day=dst_day))  # 02:10 CET, 20 minutes later

    buckets = compute_stats(store, event).arrivals
    # Consecutive quarters of real time, labelled with the local clock and its offset.
    assert [(b.start.astimezone(dt.UTC), b.arrivals, b.cumulative) for b in buckets] == [
        (dt.datetime(2026, 10, 25, 0, 45, tzinfo=dt.UTC), 1, 1),
        (dt.datetime(2026, 10, 25, 1, 0, tzinfo=dt.UTC), 1, 2),
    ]
    assert [b.start.strftime("%H:%M %Z") for b in buckets] == ["02:45 CEST", "02:00 CET"]


def test_bucket_minutes_must_be_positive(store, event):
    with pytest.raises(ValueError):
        compute_stats(store, event, bucket_minutes=0)


def test_other_events_are_not_counted(store, event):
    (mine,) = add_delegates(store, event, {})
    other = save_event(store, parse_event(SMALL_EVENT, source="test"), new=True)
    (theirs,) = add_delegates(store, other, {})
    add_scan(store, other, theirs, utc(8, 0))
    add_scan(store, other, theirs, utc(8, 1), "invalid")

    stats = compute_stats(store, event)
    assert (stats.registered, stats.arrived, stats.refused_scans) == (1, 0, 0)
    assert compute_stats(store, other).arrived == 1
    assert mine != theirs


def test_a_few_aggregate_queries_whatever_the_size(store, event):
    ids = add_delegates(store, event, *({} for _ in range(30)))
    for n, i in enumerate(ids):
        add_scan(store, event, i, utc(7, 30) + dt.timedelta(minutes=n))
    statements = []
    sa_event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    stats = compute_stats(store, event)
    assert stats.arrived == 30
    assert len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) <= 5


def test_same_figures_on_sqlite_and_postgresql(any_store):
    """The SQL is portable: the same journal gives the same figures on both."""
    ev = save_event(any_store, parse_event(SMALL_EVENT, source="test"))
    a, b, c = add_delegates(any_store, ev, {"country": "FR"}, {}, {"status": "cancelled"})
    add_scan(any_store, ev, a, utc(7, 31, 30), source="walk-in")
    undone = add_scan(any_store, ev, b, utc(7, 40))
    add_scan(any_store, ev, b, utc(7, 41), undoes=undone)
    add_scan(any_store, ev, b, utc(9, 2), session="opening")
    add_scan(any_store, ev, c, utc(7, 50))
    add_scan(any_store, ev, None, utc(7, 51), "invalid")

    stats = compute_stats(any_store, ev)
    assert (stats.registered, stats.arrived, stats.cancelled, stats.walk_ins) == (2, 2, 1, 1)
    assert stats.refused_scans == 1
    assert [(x.key, x.attended) for x in stats.sessions] == [("opening", 1), ("financing", 0)]
    assert stats.by_country == (GroupCount("CH", 1, 1), GroupCount("FR", 1, 1))
    assert stats.arrivals[0] == Bucket(local(8, 30), 1, 1)
    assert stats.arrivals[-1] == Bucket(local(10, 0), 1, 2)
    assert len(stats.arrivals) == 7


# ------------------------------------------------------------------- dashboard


def aware(naive: dt.datetime) -> dt.datetime:
    return naive.replace(tzinfo=dt.UTC)


def test_dashboard_lists_call_list_recent_arrivals_and_watch_list(store, event):
    a, b, c, d, gone = add_delegates(
        store, event,
        {"first_name": "Zoé", "last_name": "Zimmer", "organisation": "HIAS",
         "email": "z@example.org"},
        {"first_name": "Amira", "last_name": "Haddad", "category": "speaker"},
        {"first_name": "Karl", "last_name": "Berg", "category": "speaker"},
        {"first_name": "Ana", "last_name": "Abad"},
        {"first_name": "Gone", "last_name": "Away", "status": "cancelled"},
    )
    add_scan(store, event, b, utc(7, 40))
    add_scan(store, event, d, utc(7, 45))

    dash = compute_dashboard(store, event, now=aware(utc(8, 0)), recent=5)
    # The call list: registered and not arrived (the cancelled are nobody's to call),
    # by last name, with what a caller needs.
    assert [(p.last_name, p.organisation, p.email) for p in dash.not_arrived] == [
        ("Berg", "IOM", "p3@example.org"), ("Zimmer", "HIAS", "z@example.org"),
    ]
    assert [p.first_name for p in dash.recent] == ["Ana", "Amira"]  # latest first
    assert dash.recent[0].arrived_at == aware(utc(7, 45))
    assert [(p.last_name, p.arrived_at is not None) for p in dash.watch] == [
        ("Berg", False), ("Haddad", True),
    ]
    assert dash.stats.arrived == 2 and dash.query_ms > 0
    assert (dash.current, dash.upcoming.key) == (None, "opening")
    assert a and c and gone


def test_dashboard_current_session_presence_and_capacity(store, event):
    ids = add_delegates(store, event, {}, {}, {}, {})
    for n, i in enumerate(ids[:3]):
        add_scan(store, event, i, utc(9, 1 + n), session="financing")  # capacity 3

    dash = compute_dashboard(store, event, now=aware(utc(9, 30)))
    assert dash.current.key == "financing" and dash.upcoming is None
    assert (dash.current.attended, dash.current.present) == (3, 3)
    assert dash.current.level is CapacityLevel.FULL
    assert dash.current.room == "Auditorium"

    add_scan(store, event, ids[3], utc(9, 31), session="financing")
    over = compute_dashboard(store, event, now=aware(utc(9, 32)))
    assert over.current.present == 4 and over.current.level is CapacityLevel.OVER
    # The opening (capacity 100) with nobody: no warning.
    assert next(x for x in over.sessions if x.key == "opening").level is CapacityLevel.OK


def test_dashboard_attendees_of_a_chosen_session(store, event):
    a, b = add_delegates(store, event, {}, {})
    add_scan(store, event, a, utc(8, 31), session="opening")
    dash = compute_dashboard(store, event, attendees_session="opening")
    assert [x.delegate.id for x in dash.attendees] == [a]
    assert dash.attendees_session == "opening"
    assert compute_dashboard(store, event, attendees_session="nope").attendees == ()
    assert b


def test_call_list_csv_neutralises_formulas_and_is_private(store, event, tmp_path):
    add_delegates(
        store, event,
        {"first_name": "=HYPERLINK(\"x\")", "last_name": "Ødegård", "organisation": "+41"},
        {"first_name": "@SUM(A1)", "last_name": "-Minus", "organisation": "Caritas"},
    )
    dash = compute_dashboard(store, event)
    out = tmp_path / "export" / "call.csv"
    out.parent.mkdir()
    assert write_call_list(out, dash.not_arrived) == 2
    text = out.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Last name,First name,Organisation")
    assert "\"'=HYPERLINK(\"\"x\"\")\"" in text and "'+41" in text
    assert "'@SUM(A1)" in text and "'-Minus" in text and "Ødegård" in text
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["call.csv"]  # no temporary left


def test_call_list_is_reused_only_while_the_same_people_are_missing(store, event):
    a, b, c = add_delegates(store, event, {}, {}, {})
    first = compute_dashboard(store, event)
    # A duplicate scan, a session scan of someone here: the same people are missing.
    add_scan(store, event, a, utc(7, 40))
    second = compute_dashboard(store, event, reuse=first)
    assert [p.id for p in second.not_arrived] == [b, c]
    again = compute_dashboard(store, event, reuse=second)
    assert again.not_arrived is second.not_arrived  # not read again
    add_scan(store, event, a, utc(7, 41), "already_admitted")
    assert compute_dashboard(store, event, reuse=again).not_arrived is second.not_arrived
    # One arrives and, in the same moment, another's arrival is undone: same count,
    # other people, so the list is read again.
    undone = add_scan(store, event, b, utc(7, 50))
    mid = compute_dashboard(store, event, reuse=again)
    add_scan(store, event, c, utc(7, 51))
    add_scan(store, event, b, utc(7, 52), undoes=undone)
    after = compute_dashboard(store, event, reuse=mid)
    assert len(after.not_arrived) == len(mid.not_arrived) == 1
    assert [p.id for p in after.not_arrived] == [b] and [p.id for p in mid.not_arrived] == [c]
    # Without the call list nothing is read and nothing reused.
    bare = compute_dashboard(store, event, call_list=False, reuse=after)
    assert bare.not_arrived == () and bare.call_list is False and bare.call_list_mark is None


def test_a_changed_call_list_is_updated_from_the_one_held(store, event):
    names = ["Zeller", "Ødegård", "Bernard", "Müller", "Adler", "Bernard"]
    ids = add_delegates(store, event, *[{"last_name": n, "first_name": f"P{i}"}
                                          for i, n in enumerate(names)])
    first = compute_dashboard(store, event)
    # Two arrive; a late registration and an undone check-in bring two onto the list.
    add_scan(store, event, ids[0], utc(7, 40))
    undone = add_scan(store, event, ids[2], utc(7, 41))
    mid = compute_dashboard(store, event, reuse=first)
    add_scan(store, event, ids[2], utc(7, 42), undoes=undone)
    add_scan(store, event, ids[3], utc(7, 43))
    (late,) = add_delegates(store, event, {"last_name": "Chen", "first_name": "Li",
                                           "number": 99, "reference": "LATE"})
    after = compute_dashboard(store, event, reuse=mid)

    fresh = compute_dashboard(store, event)
    assert after.not_arrived == fresh.not_arrived  # what a full read gives, in its order
    assert [p.last_name for p in after.not_arrived] == [
        "Adler", "Bernard", "Bernard", "Chen", "Ødegård"]
    assert late in {p.id for p in after.not_arrived}
    # People who stayed on the list are the very objects held, not read again.
    kept = {p.id: p for p in mid.not_arrived}
    assert all(p is kept[p.id] for p in after.not_arrived if p.id in kept)
    assert after.call_list_mark == fresh.call_list_mark


def test_a_mostly_new_call_list_is_read_whole(store, event):
    ids = add_delegates(store, event, *[{"last_name": f"N{i:02d}"} for i in range(8)])
    for i in ids:
        add_scan(store, event, i, utc(7, 40))
    first = compute_dashboard(store, event)
    assert first.not_arrived == ()
    more = add_delegates(store, event, *[{"last_name": f"M{i:02d}", "number": 100 + i,
                                          "reference": f"M{i}"} for i in range(8)])
    after = compute_dashboard(store, event, reuse=first)
    assert [p.id for p in after.not_arrived] == more
