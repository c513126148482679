"""The dashboard's live feed: a cheap change check, a refresh off the GUI thread.

Every ``interval_ms`` (250) a background job asks ``ChangeWatcher.changed()`` — one
``PRAGMA data_version`` on SQLite, two primary-key maxima elsewhere — and only when
something was committed (by this app's desk or any other process) does it compute the
dashboard, in the same job.  So a scan anywhere shows within about 250 ms plus one
refresh, the GUI thread only applies finished results, and an idle dashboard reads
nothing.  At most one job runs at a time; a refresh asked for meanwhile runs next.
Changes coming in a stream (a desk scanning several badges a second) are taken in at
most once every ``min_gap_ms`` (750): each refresh holds this process's GIL a few
milliseconds to take in its answer, which the soak found behind half of the desk's slow
scans when it ran four times a second; a forced refresh (a roster edit, the clock, a
click) does not wait.

On PostgreSQL the server pushes its changes (``widgets.db_changes``: LISTEN/NOTIFY on
the journal and the roster): a notice runs the check at once, so another desk's scan
shows within a refresh of its commit, and the timer slows to ``safety_ms`` (5 s) as a
safety net while LISTEN is in force.  On SQLite, or while the server is unreachable,
the feed polls every ``interval_ms`` as before.

Garbage collection and the GIL: a refresh at a big event makes tens of thousands of
small objects, and full collections walk every object of the process; see
``checkin.ui.widgets.collector``, whose ``tune_for_live_gui()`` ``app.main()`` calls once the
window is built.

A scan at this app's desk comes first (``widgets.foreground``): while one goes on
(from its first key to its result painted, about 100 ms), a refresh due waits to start,
and a finished one waits to be applied, until the result is on the screen — at most
``max_defer_ms`` (1 s), so a desk scanning without pause still sees its dashboard move.

The event clock moves on without any scan (the current session changes at 10:00), so a
full refresh also runs every ``clock_refresh_s`` seconds.

Where the refresh runs: in a worker process of the feed's own
(``checkin.core.dashboard.process``), so its Python work holds another process's GIL,
not this one's (on a thread here it stalled the GUI thread 15-55 ms at 50,000
delegates).  The job's thread sends a request and unpickles the answer.  The process is
started by the first check after ``start()`` and ended by ``stop()`` (or when the feed
is destroyed); it takes half a second to a second to start (an interpreter importing
SQLAlchemy), and until it is ready refreshes run on the job's thread as before.  The
page's ``prepare`` (sorting the lists as the tables show them: 4 ms for 7,000 rows)
still runs on the job's thread, after the answer is unpickled.  A process that died is
started again at the next refresh (that one runs here); after ``MAX_RESTARTS`` in a row
without a good refresh, or when no process can be started at all (a sandbox, a frozen
build without ``freeze_support``), the feed says so in the log and keeps refreshing in
this process.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.core.dashboard.process import DashboardProcess, ProcessGone, Request, can_share
from checkin.core.dashboard.snapshot import Dashboard, compute_dashboard
from checkin.core.dashboard.watch import load_watch
from checkin.core.db.changes import ChangeWatcher
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.widgets import db_changes
from checkin.ui.widgets.foreground import foreground
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


MAX_RESTARTS = 3


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _Worker:
    """The feed's worker process and its bookkeeping, apart from the QObject so that
    the feed's ``destroyed`` can close it without touching the feed."""

    def __init__(self) -> None:
        self.process: DashboardProcess | None = None
        self.restarts = 0  # in a row, since the last refresh the process answered
        self.disabled = False

    def close(self, *_args: object) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.close()


class LiveFeed(QObject):
    """Emits ``updated(Dashboard, prepared)`` on the GUI thread when the data moved."""

    updated = Signal(object, object)
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        *,
        clock: Clock = _utcnow,
        interval_ms: int = 250,
        min_gap_ms: int = 750,
        clock_refresh_s: float = 30.0,
        watch_categories: tuple[str, ...] | None = ("speaker", "vip"),
        prepare: Callable[[Dashboard], Any] | None = None,
        use_process: bool = True,
        safety_ms: int = 5000,
        max_defer_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_defer_s = max_defer_ms / 1000
        self._deferred_since: float | None = None  # a scan went on when work was due
        self._held_tick = False  # a check waits for the scan's end
        self._held_result: Any = None  # an answer waits for the scan's end
        foreground().quiet.connect(self._scan_over)
        self.interval_ms, self.safety_ms = interval_ms, safety_ms
        self.min_gap_s = min_gap_ms / 1000
        self._gap_timer = QTimer(self)  # the next check once the gap has passed
        self._gap_timer.setSingleShot(True)
        self._gap_timer.timeout.connect(self._tick)
        self.store = store
        self.event_info = event_info
        self.clock = clock
        # None: the event's watch list as saved (``dashboard.watch``), read again at each
        # refresh (one row by key) so a choice made on another dashboard shows here too.
        self.stored_watch = watch_categories is None
        self.watch_categories: tuple[str, ...] = watch_categories or ()
        self.watch_numbers: tuple[int, ...] = ()  # people watched one by one (badge numbers)
        self.attendees_session: str | None = None  # read only while their tab is open
        self.call_list = True  # likewise
        self.prepare = prepare
        self.clock_refresh_s = clock_refresh_s
        self.watcher = ChangeWatcher(store)
        self._notices: db_changes.ChangeNotices | None = None
        self._again = False  # a notice came while a job ran: check again after it
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._job: Job | None = None
        self._force = True
        self._last_full = float("-inf")
        self._retry_later = False
        self._previous: Dashboard | None = None
        self.refreshes = 0  # dashboards delivered (for tests and benchmarks)
        self.process_refreshes = 0  # of which computed by the worker process
        self.use_process = use_process and can_share(store)
        self._worker = _Worker()
        self.destroyed.connect(self._worker.close)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        self._force = True
        if self._notices is None and not self.store.is_sqlite:
            self._notices = db_changes.acquire(self.store.url)
            if self._notices is not None:
                self._notices.changed.connect(self._pushed)
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        if self._notices is not None:
            self._notices.changed.disconnect(self._pushed)
            db_changes.release(self._notices)
            self._notices = None
        self._timer.stop()
        self._gap_timer.stop()
        self.watcher.close()  # reopened by the next check
        if self._job is None:  # else when the job ends: it may be using the process
            self._worker.close()

    @property
    def worker_process(self) -> DashboardProcess | None:
        """The worker process, once started (for tests and benchmarks)."""
        return self._worker.process

    def refresh(self) -> None:
        """Recompute now (or as soon as the running job ends), changed or not."""
        self._force = True
        self._tick()

    def _pushed(self, table: str) -> None:
        """PostgreSQL said a scan or a roster change committed: check now, not at the
        next poll.  A roster edit (or a gap in the notices) re-reads everything."""
        if not self._timer.isActive():
            return
        if table != "scans":
            self._force = True
        if self._job is not None:
            self._again = True
        else:
            self._tick()

    def _for_scan(self) -> bool:
        """True when work due now should wait: a scan goes on at the desk (and it has
        not waited ``max_defer_s`` already); ``_scan_over`` picks it up."""
        if foreground().remaining() <= 0:
            self._deferred_since = None
            return False
        now = time.monotonic()
        if self._deferred_since is None:
            self._deferred_since = now
        if now - self._deferred_since >= self.max_defer_s:
            self._deferred_since = None
            return False
        return True

    def _scan_over(self) -> None:
        result, self._held_result = self._held_result, None
        if result is not None:
            self._deliver(result)
        if self._held_tick:
            self._held_tick = False
            if self._timer.isActive():
                self._tick()

    def _tick(self) -> None:
        if self._job is not None:
            return
        if self._for_scan():
            self._held_tick = True
            return
        wait = self.min_gap_s - (time.monotonic() - self._last_full)
        if wait > 0 and not self._force:
            if not self._gap_timer.isActive():
                self._gap_timer.start(int(wait * 1000) + 1)
            return
        # Pushed changes: the timer is only a safety net (and the clock's refresh).
        listening = self._notices is not None and self._notices.listening
        interval = self.safety_ms if listening else self.interval_ms
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        force = self._force or time.monotonic() - self._last_full > self.clock_refresh_s
        self._force = False
        job = run_in_background(
            self._work, force, self.attendees_session, self.call_list, self._timer.isActive(),
            parent=self,
        )
        self._job = job
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)

    def _work(
        self, force: bool, attendees_session: str | None, call_list: bool, live: bool
    ):
        """On a worker thread: check, and compute only when needed."""
        moved = self.watcher.changed()
        if not (moved or force):
            return None
        now = self.clock()
        if self.stored_watch:
            choice = load_watch(self.store, self.event_info.id)
            self.watch_categories, self.watch_numbers = choice.categories, choice.numbers
        watch = (tuple(self.watch_categories), tuple(self.watch_numbers))
        request = Request(
            now=now,
            force=force,
            attendees_session=attendees_session,
            call_list=call_list,
            held_mark=self._previous.call_list_mark
            if self._previous is not None and self._previous.call_list
            else None,
            watch=watch,
        )
        dash = self._in_process(request) if live else None
        if dash is None:
            dash = compute_dashboard(
                self.store,
                self.event_info,
                now=now,
                watch_categories=watch[0],
                watch_numbers=watch[1],
                attendees_session=attendees_session,
                call_list=call_list,
                reuse=None if force else self._previous,  # forced: re-read everything
            )
        self._previous = dash  # one job at a time: no other thread touches it
        prepared = self.prepare(dash) if self.prepare else None
        return dash, prepared

    def _in_process(self, request: Request) -> Dashboard | None:
        """The snapshot from the worker process, or None when it cannot give one now
        (not started, starting, just died): the caller computes it on this thread."""
        worker = self._worker
        if not self.use_process or worker.disabled:
            return None
        process = worker.process
        if process is not None and not process.alive():
            log.warning("dashboard worker process ended (exit code %s); starting another",
                        process.process.exitcode)
            worker.close()
            process = None
            worker.restarts += 1
        if process is None:
            if worker.restarts > MAX_RESTARTS:
                worker.disabled = True
                log.warning("dashboard worker process keeps ending; refreshing in this process")
                return None
            try:
                worker.process = DashboardProcess(
                    self.store, self.event_info, self.watch_categories
                )
            except Exception as exc:  # any failure means: refresh here
                worker.disabled = True
                log.warning("dashboard worker process could not start (%s); refreshing in "
                            "this process", type(exc).__qualname__)
            return None
        try:
            if not process.poll_ready():
                return None
            dash = process.refresh(request, self._previous)
        except ProcessGone as exc:
            log.warning("dashboard worker process lost (%s); refreshing here this time", exc)
            worker.close()
            worker.restarts += 1
            return None
        worker.restarts = 0
        self.process_refreshes += 1
        return dash

    def _done(self, result) -> None:
        if result is None:
            return
        if self._for_scan():
            self._held_result = result  # (a newer one replaces it: one job at a time)
            return
        self._deliver(result)

    def _deliver(self, result) -> None:
        self._last_full = time.monotonic()
        self.refreshes += 1
        dash, prepared = result
        self.updated.emit(dash, prepared)

    def _failed(self, exc: BaseException) -> None:
        # The watcher already moved its mark: the next tick (not an immediate retry,
        # which would spin on a database that is gone) recomputes.
        self._force = True
        self._retry_later = True
        log.warning("dashboard refresh failed (%s)", type(exc).__qualname__)
        self.failed.emit(first_line(exc))

    def _finished(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            # A job lives as long as its parent, the feed: four a second, all day, were
            # the soak's memory growth (6 KB each).  Gone once it has said everything.
            job.deleteLater()
        if not self._timer.isActive():  # stopped while the job ran
            self._worker.close()
            self.watcher.close()  # the job may have reopened it
        later, self._retry_later = self._retry_later, False
        again, self._again = self._again, False
        if (self._force or again) and not later and self._timer.isActive():
            QTimer.singleShot(0, self, self._tick)
