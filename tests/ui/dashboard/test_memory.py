"""A live dashboard all day keeps its memory flat, and does no work nobody sees (issue 18).

The soak (``benchmarks/soak_keys.py``) grew 1.5 MB a minute: every refresh's background
``Job`` stayed alive as long as the feed (its parent), four a second.  Counted here:
the jobs and the Qt objects under the page after many refreshes, no clock involved.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from checkin.core.desk.service import CheckinService
from checkin.ui.dashboard.page import DashboardPage
from checkin.ui.widgets.workers import Job
from tests.conftest import EVENT_DATE, insert_delegates

REFRESHES = 25


def _at(event) -> dt.datetime:
    return dt.datetime.combine(EVENT_DATE, dt.time(9, 0), tzinfo=event.tz).astimezone(dt.UTC)


def _refresh(qtbot, page: DashboardPage) -> None:
    before = page.feed.refreshes
    page.refresh()
    qtbot.waitUntil(lambda: page.feed.refreshes > before and not page.feed.busy,
                    timeout=10_000)


def _jobs(page: DashboardPage) -> int:
    return len(page.findChildren(Job))


def test_refreshes_leave_no_jobs_or_qt_objects_behind(qtbot, store, event):
    ids = insert_delegates(store, event, [{} for _ in range(REFRESHES + 5)])
    service = CheckinService(store, event, station="desk")
    page = DashboardPage(store, event, clock=lambda: _at(event), interval_ms=60_000)
    qtbot.addWidget(page)
    page.feed.use_process = False  # refreshed on the job's thread: no process to wait for
    page.resize(1280, 900)
    page.show()
    page.start()
    for i in range(3):  # warm up: every list and chart has drawn once
        service.check_in(ids[i])
        _refresh(qtbot, page)
    qtbot.waitUntil(lambda: _jobs(page) == 0 and not page.charts_pending, timeout=10_000)
    objects = len(page.findChildren(QObject))
    for i in range(3, REFRESHES + 3):  # something changed before each refresh
        service.check_in(ids[i])
        _refresh(qtbot, page)
    assert page.dashboard is not None and page.dashboard.stats.arrived == REFRESHES + 3
    # Each finished job is deleted (deferred): none is left once the loop has turned.
    qtbot.waitUntil(lambda: _jobs(page) == 0 and not page.charts_pending, timeout=10_000)
    assert len(page.findChildren(QObject)) <= objects
    page.stop()


def test_charts_of_a_hidden_page_wait_until_shown(qtbot, store, event):
    ids = insert_delegates(store, event, [{}, {}])
    CheckinService(store, event, station="desk").check_in(ids[0])
    page = DashboardPage(store, event, clock=lambda: _at(event), interval_ms=60_000)
    qtbot.addWidget(page)
    page.feed.use_process = False
    page.start()  # live, but not shown: the figures update, the charts wait
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    assert page.arrived.value.text().startswith("1 ")
    assert page.charts.categories._rows is None  # never drawn
    page.resize(1280, 900)
    page.show()
    qtbot.waitUntil(lambda: page.charts.categories._rows is not None, timeout=5_000)
    assert sum(row[1] for row in page.charts.categories._rows) == 1  # one arrived
    page.stop()
