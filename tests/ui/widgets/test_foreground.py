"""A scan at the desk comes first: the dashboard's refresh waits for its result (issue 18).

The soak (``benchmarks/soak_keys.py``) found the dashboard's refresh (its job's thread
holding the GIL, its answer applied on the GUI thread) behind one slow scan in seven.
Here, with a fake clock: ``Foreground`` says busy for the time asked and quiet after a
``release``; a ``LiveFeed`` neither starts nor applies a refresh while busy, catches up
at ``quiet``, and never waits longer than its ``max_defer_ms``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checkin.ui.dashboard.live import LiveFeed
from checkin.ui.widgets.foreground import Foreground, foreground
from tests.conftest import EVENT_DATE


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_busy_for_then_release_says_quiet(qtbot):
    clock = FakeClock()
    fg = Foreground(clock=clock)
    assert fg.remaining() == 0
    fg.busy_for(0.1)
    fg.busy_for(0.05)  # a shorter wait never shortens it
    assert fg.remaining() == pytest.approx(0.1)
    with qtbot.waitSignal(fg.quiet, timeout=1000):
        fg.release()
    assert fg.remaining() == 0


def test_quiet_comes_by_itself_when_the_time_is_up(qtbot):
    fg = Foreground()
    fg.busy_for(0.02)
    assert fg.remaining() > 0
    with qtbot.waitSignal(fg.quiet, timeout=2000):
        pass
    assert fg.remaining() == 0


def _feed(store, event) -> LiveFeed:
    at = dt.datetime.combine(EVENT_DATE, dt.time(9, 0), tzinfo=event.tz).astimezone(dt.UTC)
    feed = LiveFeed(store, event, clock=lambda: at, interval_ms=60_000, use_process=False,
                    max_defer_ms=60_000)
    return feed


def test_a_refresh_waits_for_the_scan_then_runs(qtbot, store, event):
    feed = _feed(store, event)
    fg = foreground()
    fg.busy_for(30)  # a scan going on (released below, as the desk does once painted)
    try:
        feed.start()
        assert not feed.busy  # no job started during the scan
        assert feed.refreshes == 0
        with qtbot.waitSignal(feed.updated, timeout=10_000):
            fg.release()
        assert feed.refreshes == 1
    finally:
        fg.release()
        feed.stop()


def test_an_answer_is_applied_after_the_scan(qtbot, store, event):
    feed = _feed(store, event)
    fg = foreground()
    try:
        feed.start()
        fg.busy_for(30)  # the scan starts while the job runs
        qtbot.waitUntil(lambda: not feed.busy, timeout=10_000)
        assert feed.refreshes == 0  # computed, held
        with qtbot.waitSignal(feed.updated, timeout=5000):
            fg.release()
        assert feed.refreshes == 1
    finally:
        fg.release()
        feed.stop()


def test_a_desk_scanning_without_pause_does_not_starve_the_dashboard(qtbot, store, event):
    feed = _feed(store, event)
    feed.max_defer_s = 0.0  # waited long enough already
    fg = foreground()
    fg.busy_for(30)
    try:
        with qtbot.waitSignal(feed.updated, timeout=10_000):
            feed.start()
    finally:
        fg.release()
        feed.stop()
