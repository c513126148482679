"""The desk's link to a shared PostgreSQL server, failing over to its local copy.

On PostgreSQL the desk checks people in through ``core.offline.DeskCheckin``: the
server while it answers, the desk's own SQLite mirror when it does not (within a
couple of seconds of a Wi-Fi drop).  This object owns that ``DeskCheckin`` for the GUI:

* it is made off the GUI thread (reaching the server may take up to the connect
  timeout), then handed to the ``DeskController`` with ``ready``;
* ``DeskCheckin`` reports a change of state from whichever thread noticed it; a private
  signal brings it to the GUI thread, where ``online_changed`` drives the banner;
* while offline, every ``reconnect_ms`` it asks (on a worker) whether the server is back
  and, if so, replays the scans made meanwhile; ``replayed`` carries the report, whose
  duplicates — people admitted twice while the desks could not see each other — are
  shown to staff, never hidden;
* while online, every ``pull_ms`` (2 s) it pulls what other desks did into the local
  copy on a worker — a couple of queries when nothing changed — and every
  ``refresh_ms`` (15 min) it checks the whole copy (``refresh_mirror``), so an outage
  starts from the roster and journal of a few seconds ago.  (The desk's own scans enter
  the copy as they are made: ``DeskCheckin`` does that itself.)

Pushed, not only polled: while online it listens to the server's notices
(``widgets.db_changes``, LISTEN/NOTIFY) and pulls as soon as another desk's scan or a
roster change commits — a pull asks only for what is new — so the copy is at most a
second behind; the 2 s timer then slows to ``safety_ms`` (10 s) as a safety net, and
is back at 2 s whenever LISTEN is not in force.

On SQLite none of this exists: the file is the desk's own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.core.desk.offline import DeskCheckin
from checkin.ui.widgets import db_changes
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)


class DeskConnection(QObject):
    ready = Signal(object)  # the DeskCheckin, once made
    failed = Signal(str)  # it could not be made (no server and no local copy): why
    online_changed = Signal(bool)
    replayed = Signal(object)  # core.offline.ReplayReport, after coming back
    pulled = Signal(object)  # core.desk.mirror.PullReport, after each pull
    _status = Signal(bool)  # from DeskCheckin's thread to the GUI thread (queued)

    def __init__(
        self,
        url: str,
        *,
        station: str,
        operator: str = "",
        mirror=None,
        reconnect_ms: int = 3000,
        pull_ms: int = 2000,
        refresh_ms: int = 15 * 60_000,
        safety_ms: int = 10_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pull_ms, self.safety_ms = pull_ms, safety_ms
        self.notices: db_changes.ChangeNotices | None = None
        self._pull_again = False  # a notice came while a job ran
        self.url = url
        self.station = station
        self.operator = operator
        self.mirror = mirror
        self.desk: DeskCheckin | None = None
        self.job: Job | None = None  # the running reconnect, pull or refresh, if any
        self._idle = threading.Event()  # no job is talking to the server
        self._idle.set()
        self._status.connect(self._status_changed)
        self._reconnect = QTimer(self)
        self._reconnect.setInterval(reconnect_ms)
        self._reconnect.timeout.connect(self.try_reconnect)
        self._pull = QTimer(self)
        self._pull.setInterval(pull_ms)
        self._pull.timeout.connect(self.pull)
        self._refresh = QTimer(self)
        self._refresh.setInterval(refresh_ms)
        self._refresh.timeout.connect(self.refresh)

    @property
    def online(self) -> bool:
        return self.desk is not None and self.desk.online

    def start(self) -> Job:
        job = run_in_background(
            DeskCheckin,
            self.url,
            self.mirror,
            station=self.station,
            operator=self.operator,
            on_status=self._status.emit,  # any thread: Qt queues it to ours
            parent=self,
        )
        job.succeeded.connect(self._made)
        job.failed.connect(lambda exc: self.failed.emit(explain(exc)))
        return job

    def _made(self, desk: DeskCheckin) -> None:
        self.desk = desk
        if self.notices is None:
            self.notices = db_changes.acquire(self.url)
            if self.notices is not None:
                self.notices.changed.connect(self._pushed)
        self.ready.emit(desk)
        self._status_changed(desk.online)
        report = desk.last_replay  # work left offline by the last run, replayed at start
        if report is not None and report.anything:
            self.replayed.emit(report)

    def _status_changed(self, online: bool) -> None:
        if online:
            self._reconnect.stop()
            self._pull.start()
            self._refresh.start()
        else:
            self._pull.stop()
            self._refresh.stop()
            self._reconnect.start()
        self.online_changed.emit(online)

    def try_reconnect(self) -> Job | None:
        """Offline: is the server back?  If so the scans made meanwhile are replayed."""
        if self.desk is None or self.desk.online or self._busy():
            return None
        job = run_in_background(self._guarded(self.desk.reconnect), parent=self)
        job.succeeded.connect(self._reconnected)  # a bound method: the job, deleted when
        job.failed.connect(lambda exc: log.warning("reconnect failed: %s", type(exc).__name__))
        job.finished.connect(self._job_done)  # done, must not be what keeps us alive
        self.job = job
        return job

    def _reconnected(self, report) -> None:
        if report is not None:
            self.replayed.emit(report)

    def _pushed(self, _table: str) -> None:
        """The server said something committed: pull now (or right after the job
        that is running)."""
        if self.desk is None or not self.desk.online:
            return
        if self._busy():
            self._pull_again = True
        else:
            self.pull()

    def pull(self) -> Job | None:
        """Online: other desks' scans and roster changes into the local copy."""
        listening = self.notices is not None and self.notices.listening
        interval = self.safety_ms if listening else self.pull_ms
        if self._pull.interval() != interval:
            self._pull.setInterval(interval)
        job = self._online_job(self.desk.pull if self.desk else None, "pull")
        if job is not None:
            job.succeeded.connect(self.pulled.emit)
        return job

    def refresh(self) -> Job | None:
        """Online, now and then: check the whole local copy against the server."""
        return self._online_job(self.desk.refresh_mirror if self.desk else None, "refresh")

    def _online_job(self, work, what: str) -> Job | None:
        if work is None or self.desk is None or not self.desk.online or self._busy():
            return None  # (a pull skipped while another job runs comes 2 s later)
        job = run_in_background(self._guarded(work), parent=self)
        job.failed.connect(lambda exc: log.warning("%s failed: %s", what, type(exc).__name__))
        job.finished.connect(self._job_done)
        self.job = job
        return job

    def _job_done(self) -> None:
        # A job lives as long as its parent, this connection: a pull every 2 s all day
        # would pile them up (the dashboard's refreshes did, in the soak).
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        again, self._pull_again = self._pull_again, False
        if again:
            self.pull()

    def _busy(self) -> bool:
        return self.job is not None and not self.job.is_finished

    def _guarded(self, work: Callable[[], object]) -> Callable[[], object]:
        """``work`` on the worker, marking the connection busy until it returns (so
        ``close`` does not pull the server's store from under it)."""
        self._idle.clear()

        def run() -> object:
            try:
                return work()
            finally:
                self._idle.set()

        return run

    def close(self) -> None:
        if self.notices is not None:
            self.notices.changed.disconnect(self._pushed)
            db_changes.release(self.notices)
            self.notices = None
        self._reconnect.stop()
        self._pull.stop()
        self._refresh.stop()
        # A job half-way through a pull or a replay finishes first (at worst the
        # connect timeout of a dead network).
        self._idle.wait(timeout=30)
        if self.desk is not None:
            self.desk.close()
            self.desk = None
