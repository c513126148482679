"""The dashboard's refresh in its worker process: used, restarted when killed, a fallback
when it cannot start, ended with the feed; and the process protocol on its own."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import pickle
import time

import pytest

from checkin.core.dashboard.process import (
    DashboardProcess,
    ProcessGone,
    RefreshError,
    Request,
    decode,
    encode,
)
from checkin.core.dashboard.snapshot import compute_dashboard
from checkin.core.desk.service import CheckinService
from checkin.ui.dashboard import live as dashboard_live
from checkin.ui.dashboard.live import LiveFeed
from tests.conftest import EVENT_DATE, insert_delegates

BOOT_MS = 60_000  # a spawned interpreter importing SQLAlchemy on a busy 2-core machine


def local(event, hh: int, mm: int) -> dt.datetime:
    return dt.datetime.combine(EVENT_DATE, dt.time(hh, mm), tzinfo=event.tz).astimezone(dt.UTC)


def same_figures(a, b) -> bool:
    """Equal snapshots, apart from when and how fast they were taken."""
    stats = dataclasses.replace(a.stats, generated_at=b.stats.generated_at)
    return dataclasses.replace(a, query_ms=0.0, stats=stats) == dataclasses.replace(
        b, query_ms=0.0
    )


@pytest.fixture
def feed(qtbot, store, event):
    """A live feed that refreshes in full on every tick (so every tick asks the process)."""
    at = local(event, 10, 30)
    live = LiveFeed(store, event, clock=lambda: at, interval_ms=20, clock_refresh_s=0)
    live.call_list = True
    seen = []
    live.updated.connect(lambda dash, _prepared: seen.append(dash))
    live.seen = seen
    yield live
    live.stop()
    qtbot.waitUntil(lambda: not live.busy, timeout=10_000)
    live.deleteLater()


def wait_for_process(qtbot, live: LiveFeed, after: int = 0) -> None:
    qtbot.waitUntil(lambda: live.process_refreshes > after, timeout=BOOT_MS)


def test_refreshes_come_from_the_worker_process(qtbot, store, event, feed):
    ids = insert_delegates(store, event, [{"last_name": "Alpha"}, {"last_name": "Beta"}])
    feed.start()
    wait_for_process(qtbot, feed)
    worker = feed.worker_process
    assert worker is not None and worker.process.is_alive()
    assert worker.pid != os.getpid()

    # A commit by another connection shows within a second, computed by the child.
    before = feed.process_refreshes
    CheckinService(store, event, station="Desk 7").check_in(ids[0], now=local(event, 9, 0))
    committed = time.monotonic()
    qtbot.waitUntil(lambda: feed.seen[-1].stats.arrived == 1, timeout=1_000)
    assert time.monotonic() - committed < 1.0
    assert feed.process_refreshes > before
    assert feed.worker_process is worker  # the same long-lived process

    # What the child computed is what this process computes.
    qtbot.waitUntil(lambda: not feed.busy)
    got = feed.seen[-1]
    here = compute_dashboard(store, event, now=got.now, call_list=True)
    assert same_figures(got, here)
    assert [p.last_name for p in got.not_arrived] == ["Beta"]
    assert [p.id for p in got.recent] == [ids[0]]


def test_a_killed_worker_process_is_started_again(qtbot, store, event, feed, caplog):
    insert_delegates(store, event, [{}])
    feed.start()
    wait_for_process(qtbot, feed)
    first = feed.worker_process
    first.process.kill()
    first.process.join(10)
    refreshes, done = feed.refreshes, feed.process_refreshes
    with caplog.at_level(logging.WARNING, logger="checkin.ui.dashboard.live"):
        # The new process is assigned on the job's thread before its snapshot, computed
        # here meanwhile, reaches the GUI thread: wait for both.
        qtbot.waitUntil(
            lambda: feed.worker_process is not None and feed.worker_process is not first,
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: feed.refreshes > refreshes, timeout=10_000)
        wait_for_process(qtbot, feed, after=done)
    second = feed.worker_process
    assert second.pid != first.pid and second.process.is_alive()
    assert any("dashboard worker process" in r.getMessage() for r in caplog.records)


def test_no_worker_process_means_refreshing_here(qtbot, store, event, feed, monkeypatch, caplog):
    def cannot_start(*_args, **_kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(dashboard_live, "DashboardProcess", cannot_start)
    (person,) = insert_delegates(store, event, [{}])
    with caplog.at_level(logging.WARNING, logger="checkin.ui.dashboard.live"):
        feed.start()
        qtbot.waitUntil(lambda: feed.refreshes >= 3, timeout=5_000)
    assert feed.process_refreshes == 0 and feed.worker_process is None
    assert sum("could not start" in r.getMessage() for r in caplog.records) == 1
    CheckinService(store, event, station="Desk").check_in(person, now=local(event, 9, 0))
    qtbot.waitUntil(lambda: feed.seen[-1].stats.arrived == 1, timeout=5_000)


def test_a_worker_process_that_keeps_dying_is_given_up(qtbot, store, event, feed, monkeypatch):
    started = []

    class Dead:
        """Starts, and is found dead at the next look."""

        def __init__(self, *_args) -> None:
            started.append(self)
            self.process = type("P", (), {"exitcode": 1})()

        def alive(self) -> bool:
            return False

        def close(self) -> None:
            pass

    monkeypatch.setattr(dashboard_live, "DashboardProcess", Dead)
    feed.start()
    qtbot.waitUntil(lambda: feed._worker.disabled, timeout=5_000)
    assert len(started) == dashboard_live.MAX_RESTARTS + 1
    count = feed.refreshes
    qtbot.waitUntil(lambda: feed.refreshes > count + 2)  # still refreshing, here
    assert len(started) == dashboard_live.MAX_RESTARTS + 1  # and no more attempts


def test_stop_ends_the_worker_process(qtbot, feed):
    feed.start()
    wait_for_process(qtbot, feed)
    worker = feed.worker_process
    feed.stop()
    qtbot.waitUntil(lambda: not feed.busy, timeout=10_000)
    assert feed.worker_process is None
    # A reaper thread joins the child too; the exit code is known once either has.
    qtbot.waitUntil(lambda: worker.process.exitcode is not None, timeout=10_000)
    assert worker.process.exitcode == 0  # it ended on request, not terminated


def test_a_feed_that_is_not_running_does_not_start_a_process(qtbot, feed):
    feed.refresh()  # a one-off refresh before start(): computed here
    qtbot.waitUntil(lambda: feed.refreshes == 1 and not feed.busy, timeout=5_000)
    assert feed.worker_process is None and feed.process_refreshes == 0


# ------------------------------------------------------------------ the protocol


@pytest.fixture
def worker(store, event):
    process = DashboardProcess(store, event, ("speaker",))
    assert process.poll_ready(BOOT_MS / 1000)
    yield process
    process.close()


def request(event, *, force=True, call_list=True, held=None, session=None) -> Request:
    mark = held.call_list_mark if held is not None and held.call_list else None
    return Request(now=local(event, 10, 30), force=force, attendees_session=session,
                   call_list=call_list, held_mark=mark)


def test_an_unchanged_call_list_is_not_sent_again(store, event, worker):
    ids = insert_delegates(store, event, [{"last_name": n} for n in ("A", "B", "C")])
    first = worker.refresh(request(event), None)
    assert [p.last_name for p in first.not_arrived] == ["A", "B", "C"]
    again = worker.refresh(request(event, force=False, held=first), first)
    assert again.not_arrived is first.not_arrived  # reused: this process's own copy
    CheckinService(store, event, station="Desk").check_in(ids[1], now=local(event, 9, 0))
    moved = worker.refresh(request(event, force=False, held=again), again)
    assert [p.last_name for p in moved.not_arrived] == ["A", "C"]
    # A parent holding another list (or none) gets the list itself.
    fresh = worker.refresh(request(event, force=False, held=None), None)
    assert fresh.not_arrived == moved.not_arrived
    assert fresh.not_arrived is not moved.not_arrived


def test_a_changed_call_list_travels_as_ids_and_new_people(store, event, worker):
    ids = insert_delegates(store, event, [{"last_name": f"N{i:02d}"} for i in range(40)])
    first = worker.refresh(request(event), None)
    door = CheckinService(store, event, station="Desk")
    door.check_in(ids[5], now=local(event, 9, 0))
    door.check_in(ids[30], now=local(event, 9, 1))
    (late,) = insert_delegates(store, event, [{"last_name": "N05b", "number": 99,
                                               "reference": "LATE"}])
    after = worker.refresh(request(event, force=False, held=first), first)

    assert after.not_arrived == compute_dashboard(store, event, call_list=True).not_arrived
    assert [p.last_name for p in after.not_arrived][4:7] == ["N04", "N05b", "N06"]
    held = {p.id: p for p in first.not_arrived}
    assert all(p is held[p.id] for p in after.not_arrived if p.id != late)  # not resent


def test_a_call_list_sent_as_ids_needs_the_list_it_was_built_on(store, event):
    ids = insert_delegates(store, event, [{"last_name": n} for n in ("A", "B", "C")])
    first = compute_dashboard(store, event, call_list=True)
    CheckinService(store, event, station="Desk").check_in(ids[0], now=local(event, 9, 0))
    after = compute_dashboard(store, event, call_list=True, reuse=first)
    payload = encode(after, held_call_list=first.not_arrived)
    assert payload[1]["not_arrived"][0] == "ids"
    assert decode(payload, first) == after
    with pytest.raises(ProcessGone):  # nothing held: cannot be rebuilt
        decode(payload, None)
    stranger = dataclasses.replace(first, not_arrived=first.not_arrived[:1])
    with pytest.raises(ProcessGone):  # held another list: refused, not guessed
        decode(payload, stranger)


@pytest.mark.slow
def test_long_lists_travel_in_chunks_and_come_back_whole(store, event):
    people = [{"last_name": f"N{i:04d}", "number": i + 1} for i in range(1_200)]
    ids = insert_delegates(store, event, people)
    door = CheckinService(store, event, station="Door")
    for i in ids[:600]:
        door.check_in(i, session="financing", now=local(event, 10, 5))
    dash = compute_dashboard(store, event, now=local(event, 10, 30), call_list=True,
                             attendees_session="financing")
    head, lists = encode(dash)
    assert len(lists["not_arrived"]) == 2 and len(lists["attendees"]) == 2  # 600 each
    assert decode((head, lists), None) == dash


def test_a_failed_refresh_in_the_worker_says_why(store, event, worker):
    with store.write() as s:
        s.connection().exec_driver_sql("DROP TABLE admissions")
    with pytest.raises(RefreshError) as caught:
        worker.refresh(request(event), None)
    assert caught.value.kind == "OperationalError"
    assert "admissions" in str(caught.value)


def test_a_users_message_from_the_worker_keeps_its_template():
    from checkin.core.dashboard.process import _reply_error
    from checkin.core.db.store import StoreError

    reply = _reply_error(StoreError("%1 does not exist.", "/x.sqlite"))
    error = RefreshError.of(*reply[1:])
    assert (error.kind, error.template, error.values) == (
        "StoreError", "%1 does not exist.", ("/x.sqlite",))
    assert str(error) == "/x.sqlite does not exist."  # translated by the app as the original
    other = RefreshError.of(*_reply_error(KeyError("gone"))[1:])
    assert other.kind == "KeyError" and str(other) == "'gone'"
    back = pickle.loads(pickle.dumps(error))
    assert (back.kind, back.template, back.values) == (error.kind, error.template, error.values)


def test_the_worker_process_ends_when_its_parent_goes(worker):
    worker._conn.close()  # what the parent's death does to the pipe
    worker.process.join(10)
    assert worker.process.exitcode == 0
