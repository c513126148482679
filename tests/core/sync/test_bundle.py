"""USB-stick sync between two SQLite stations: round trips, conflicts, refusals."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import merge
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import require_event
from checkin.core.sync import bundle as sync
from checkin.core.types import Outcome
from tests.conftest import SMALL_EVENT, T0, insert_delegates
from tests.conftest import badge_code as code

NOW = dt.datetime(2026, 11, 28, 9, 0)




def snapshot(store) -> tuple[list, list]:
    """Journal and delegates, row for row, in station-independent form."""
    ev = require_event(store)
    with store.read() as s:
        scans = sorted(merge.portable_scans(s, ev.id), key=lambda r: r["uuid"])
        cols = [m.Delegate.__table__.c[c] for c in sync.delegate_columns()]
        people = [dict(r._mapping) for r in s.execute(select(*cols).order_by(m.Delegate.number))]
    return scans, people


def round_trip(a, b, tmp_path, name):
    out_a, out_b = tmp_path / f"{name}-a.zip", tmp_path / f"{name}-b.zip"
    sync.export_bundle(a, out_a, station="A")
    rb = sync.import_bundle(b, out_a)
    sync.export_bundle(b, out_b, station="B")
    ra = sync.import_bundle(a, out_b)
    return rb, ra


def test_round_trip_converges_and_a_second_changes_nothing(stations, tmp_path):
    a, b = stations
    desk_a, desk_b = CheckinService(a, station="A"), CheckinService(b, station="B")
    for n in (1, 2, 3):
        desk_a.scan(code(a, n), now=T0 + dt.timedelta(minutes=n))
    for n in (3, 4, 5):  # 3: admitted at both while apart
        desk_b.scan(code(b, n), now=T0 + dt.timedelta(minutes=10 + n))
    undone = desk_b.scan(code(b, 6), now=T0 + dt.timedelta(minutes=20))
    desk_b.undo(undone.scan_id, now=T0 + dt.timedelta(minutes=21))
    # Roster changes on each side: a cancellation at A, a reprint (badge v2) at B.
    with a.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.number == 7)
                  .values(status="cancelled", updated_at=NOW))
    with b.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.number == 8)
                  .values(badge_version=2, updated_at=NOW))

    into_b, into_a = round_trip(a, b, tmp_path, "first")
    assert into_b.scans.new == 3 and into_b.delegates_updated == 1
    assert [d.delegate.number for d in into_b.scans.duplicates] == [3]
    assert into_a.scans.new == 5 and into_a.delegates_updated == 1
    assert snapshot(a) == snapshot(b)
    scans, people = snapshot(a)
    assert len(scans) == 8
    by_number = {p["number"]: p for p in people}
    assert by_number[7]["status"] == "cancelled" and by_number[8]["badge_version"] == 2
    assert [d.delegate.number for d in merge.offline_duplicates(a, require_event(a))] == [3]

    into_b, into_a = round_trip(a, b, tmp_path, "second")
    for report in (into_b, into_a):
        assert not report.changed
        assert report.scans.duplicates == () and report.conflicts == ()
    assert snapshot(a) == snapshot(b)
    # The cancellation travelled: B now refuses no. 7.
    refused = CheckinService(b, station="B").scan(code(b, 7), now=T0 + dt.timedelta(hours=1))
    assert refused.status is Outcome.CANCELLED


def test_last_writer_wins_per_delegate(stations, tmp_path):
    a, b = stations
    with a.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.number == 1)
                  .values(organisation="Older", updated_at=NOW))
    with b.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.number == 1)
                  .values(organisation="Newer", updated_at=NOW + dt.timedelta(minutes=1)))
    round_trip(a, b, tmp_path, "lww")
    for store in (a, b):
        with store.read() as s:
            assert s.scalar(select(m.Delegate.organisation).where(m.Delegate.number == 1)) \
                == "Newer"


def test_a_number_taken_by_different_people_is_a_conflict_not_a_merge(stations, tmp_path):
    a, b = stations
    ev = require_event(a)
    insert_delegates(a, ev, [{"number": 13, "first_name": "Ana", "last_name": "Silva"}])
    insert_delegates(b, ev, [{"number": 13, "first_name": "Omar", "last_name": "Haddad"}])
    with b.write() as s:  # registered as walk-ins at different moments
        s.execute(update(m.Delegate).where(m.Delegate.number == 13).values(created_at=NOW))
    CheckinService(b, station="B").scan(code(b, 13), now=T0)
    out = tmp_path / "b.zip"
    sync.export_bundle(b, out)
    report = sync.import_bundle(a, out)
    (conflict,) = report.conflicts
    assert (conflict.number, conflict.here, conflict.there) == (13, "Ana Silva", "Omar Haddad")
    assert [k.reason for k in report.scans.skipped] == [
        "delegate no. 13 is another person here"
    ]
    with a.read() as s:  # Ana was not checked in on Omar's behalf
        assert s.scalar(select(m.Delegate.arrived_at).where(m.Delegate.number == 13)) is None


def test_the_file_is_private_and_versioned(stations, tmp_path):
    a, _ = stations
    out = tmp_path / "stick" / "a.checkin-sync"
    out.parent.mkdir()
    report = sync.export_bundle(a, out, station="A")
    assert report.delegates == 12
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        text = b"".join(zf.read(n) for n in zf.namelist()).decode()
    assert (manifest["format"], manifest["version"]) == ("checkin-sync", 1)
    with a.read() as s:
        secret = s.scalar(select(m.Event.secret))
    assert secret not in text  # a fingerprint travels, never the badge key


def test_a_file_from_another_event_is_refused_and_nothing_written(stations, tmp_path):
    a, _ = stations
    other = Store("sqlite:///" + str(tmp_path / "other.sqlite"))
    ev = save_event(other, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(other, ev, [{} for _ in range(3)])
    CheckinService(other, station="O").scan(code(other, 1), now=T0)
    sync.export_bundle(other, tmp_path / "other.zip")
    other.close()
    before = snapshot(a)
    with pytest.raises(sync.SyncError, match="another event"):
        sync.import_bundle(a, tmp_path / "other.zip")
    assert snapshot(a) == before


def test_same_event_with_other_badge_keys_is_refused(stations, tmp_path):
    a, b = stations
    with b.write() as s:
        s.execute(update(m.Event).values(secret="ab" * 32))
    sync.export_bundle(b, tmp_path / "b.zip")
    with pytest.raises(sync.SyncError, match="other badge keys"):
        sync.import_bundle(a, tmp_path / "b.zip")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not a zip"),
        ({"x.txt": "hi"}, "no manifest"),
        ({"manifest.json": '{"format": "checkin-sync", "version": 9}'}, "version 9"),
        ({"manifest.json": "{nope"}, "manifest.json is damaged"),
    ],
)
def test_bad_files_get_a_clear_message(stations, tmp_path, content, message):
    a, _ = stations
    path = tmp_path / "bad.zip"
    if content is None:
        path.write_text("not a zip")
    else:
        with zipfile.ZipFile(path, "w") as zf:
            for name, text in content.items():
                zf.writestr(name, text)
    with pytest.raises(sync.SyncError, match=message) as info:
        sync.import_bundle(a, path)
    assert str(path) in str(info.value)


def test_a_damaged_line_names_the_file_and_line(stations, tmp_path):
    a, _ = stations
    good = tmp_path / "good.zip"
    sync.export_bundle(a, good)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name).decode()
            if name == "delegates.jsonl":
                lines = data.splitlines()
                lines[2] = lines[2][:-5]
                data = "\n".join(lines) + "\n"
            dst.writestr(name, data)
    with pytest.raises(sync.SyncError, match=r"delegates.jsonl, line 3: not valid JSON"):
        sync.import_bundle(a, bad)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                  max_size=3),
    max_leaves=5,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_damaged_field_is_refused_cleanly_or_merged(stations, tmp_path, data):
    """Whatever a field of a sync file holds, an import either works or says what and
    where (SyncError), with nothing written."""
    a, b = stations
    good = tmp_path / "good.zip"
    if not good.exists():  # the same file for every example
        CheckinService(b, station="B").scan(code(b, 2), now=T0)
        sync.export_bundle(b, good)
    with zipfile.ZipFile(good) as zf:
        parts = {n: zf.read(n).decode() for n in zf.namelist()}
    name = data.draw(st.sampled_from(
        ["delegates.jsonl", "scans.jsonl", "sessions.jsonl", "categories.jsonl"]
    ))
    lines = parts[name].splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    row = json.loads(lines[index])
    row[data.draw(st.sampled_from(sorted(row)))] = data.draw(_JSON)
    lines[index] = json.dumps(row)
    parts[name] = "\n".join(lines) + "\n"
    bad = tmp_path / "fuzzed.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for part, text in parts.items():
            zf.writestr(part, text)
    before = snapshot(a)
    try:
        sync.import_bundle(a, bad)
    except sync.SyncError as exc:
        assert str(bad) in str(exc)
        assert snapshot(a) == before


def test_a_delegate_listed_twice_is_refused(stations, tmp_path):
    a, _ = stations
    good, bad = tmp_path / "good.zip", tmp_path / "twice.zip"
    sync.export_bundle(a, good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for name in src.namelist():
            data = src.read(name).decode()
            if name == "delegates.jsonl":
                data += data.splitlines()[0] + "\n"
            dst.writestr(name, data)
    with pytest.raises(sync.SyncError, match=r"delegates.jsonl, line 13: number 1 again"):
        sync.import_bundle(a, bad)
