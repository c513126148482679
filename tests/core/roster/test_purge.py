"""Purge after the event: names gone (from the file's bytes too), counts unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from checkin.core.dashboard.stats import compute_stats
from checkin.core.db import backup
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.purge import confirm_matches, purge
from checkin.core.types import ScanSource
from tests.conftest import insert_delegates

NAMES = ["Wróblewski", "Łukasz", "الحسيني", "Lefèvre", "zoe.private@example.org", "REF-SECRET"]


def _day(store, event, people):
    desk = CheckinService(store, event, station="Desk 1", operator="Marie Operator")
    t = dt.datetime(2026, 11, 28, 8, 40, tzinfo=dt.UTC)
    desk.check_in(people[0], now=t)
    desk.check_in(people[0], session="financing", now=t + dt.timedelta(hours=1, minutes=30))
    desk.check_in(people[1], source=ScanSource.WALK_IN, now=t + dt.timedelta(minutes=9))
    desk.scan("Wróblewski typed into the scanner field", now=t)  # refused, code kept


def _counts(store, event):
    return dataclasses.replace(compute_stats(store, event), generated_at=None)


def _raw(db_path) -> bytes:
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_purge_keeps_counts_and_leaves_no_name_in_the_file(store, event, people, db_path):
    insert_delegates(store, event, [{"number": 9, "reference": "REF-SECRET",
                                     "email": "zoe.private@example.org"}])
    _day(store, event, people)
    before = _counts(store, event)
    raw = _raw(db_path)
    assert all(n.encode() in raw for n in NAMES[:2])  # the test can see names at all
    code = list_delegates(store, event)[0].code

    report = purge(store, event)

    assert report.delegates == 4 and report.scans == 4
    assert _counts(store, event) == before
    for entry in list_delegates(store, event):
        d = entry.delegate
        assert (d.first_name, d.last_name, d.email, d.reference) == ("", "", "", "")
    kept = {(e.delegate.organisation, e.delegate.country) for e in list_delegates(store, event)}
    assert ("Caritas", "CH") in kept and ("IOM", "JO") in kept
    raw = _raw(db_path)
    for name in [*NAMES, "Marie Operator"]:
        assert name.encode() not in raw, name
    # the badge secret changed: a badge kept by someone identifies nobody any more
    assert not CheckinService(store, event).scan(code).may_enter


def test_purge_removes_this_databases_backups_and_only_those(store, event, people, db_path):
    made = backup.backup(db_path).path
    # Another event's database in the same folder, with its own backups: not ours.
    other = db_path.with_name("other-event.sqlite")
    Store("sqlite:///" + str(other)).close()
    theirs = backup.backup(other).path
    report = purge(store, event, backups=made.parent)
    assert report.backups_removed == (made,)
    assert list(made.parent.iterdir()) == [theirs]


def test_confirmation_is_the_event_name_forgiving_dashes_and_case(event):
    renamed = dataclasses.replace(event, name="IOM–NGO Humanitarian Consultation")
    assert confirm_matches(renamed, "iom-ngo humanitarian  consultation\n")
    assert not confirm_matches(renamed, "IOM-NGO")
    assert not confirm_matches(renamed, "")


def test_purge_on_sqlite_and_postgresql_keeps_counts(any_store):
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT

    event = save_event(any_store, parse_event(SMALL_EVENT, source="test"))
    ids = insert_delegates(any_store, event, [{"first_name": "Łukasz"}, {"country": "JO"}])
    _day(any_store, event, ids)
    before = _counts(any_store, event)
    purge(any_store, event)
    assert _counts(any_store, event) == before
    assert {e.delegate.first_name for e in list_delegates(any_store, event)} == {""}


@pytest.mark.slow
def test_purge_says_when_another_connection_keeps_the_wal(store, event, people, db_path):
    import sqlite3

    other = sqlite3.connect(db_path)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM delegates").fetchone()  # a reader holds the WAL
    try:
        report = purge(store, event)
    finally:
        other.close()
    assert not report.wiped
    assert purge(store, event).wiped  # once it is gone, purging again finishes the job
    assert b"Wr\xc3\xb3blewski" not in _raw(db_path)
