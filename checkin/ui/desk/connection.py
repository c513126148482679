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
* while online, every ``refresh_ms`` it refreshes the local copy on a worker, so an
  outage starts from a recent roster and journal.

On SQLite none of this exists: the file is the desk's own.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.core.desk.offline import DeskCheckin
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)


class DeskConnection(QObject):
    ready = Signal(object)  # the DeskCheckin, once made
    failed = Signal(str)  # it could not be made (no server and no local copy): why
    online_changed = Signal(bool)
    replayed = Signal(object)  # core.offline.ReplayReport, after coming back
    _status = Signal(bool)  # from DeskCheckin's thread to the GUI thread (queued)

    def __init__(
        self,
        url: str,
        *,
        station: str,
        operator: str = "",
        mirror=None,
        reconnect_ms: int = 3000,
        refresh_ms: int = 60_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.station = station
        self.operator = operator
        self.mirror = mirror
        self.desk: DeskCheckin | None = None
        self.job: Job | None = None  # the running reconnect or refresh, if any
        self._status.connect(self._status_changed)
        self._reconnect = QTimer(self)
        self._reconnect.setInterval(reconnect_ms)
        self._reconnect.timeout.connect(self.try_reconnect)
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
        self.ready.emit(desk)
        self._status_changed(desk.online)

    def _status_changed(self, online: bool) -> None:
        if online:
            self._reconnect.stop()
            self._refresh.start()
        else:
            self._refresh.stop()
            self._reconnect.start()
        self.online_changed.emit(online)

    def try_reconnect(self) -> Job | None:
        """Offline: is the server back?  If so the scans made meanwhile are replayed."""
        if self.desk is None or self.desk.online or self._busy():
            return None
        job = run_in_background(self.desk.reconnect, parent=self)
        job.succeeded.connect(lambda report: report is not None and self.replayed.emit(report))
        job.failed.connect(lambda exc: log.warning("reconnect failed: %s", type(exc).__name__))
        self.job = job
        return job

    def refresh(self) -> Job | None:
        """Online: bring the local copy up to date (roster, other desks' scans)."""
        if self.desk is None or not self.desk.online or self._busy():
            return None
        job = run_in_background(self.desk.refresh_mirror, parent=self)
        job.failed.connect(lambda exc: log.warning("refresh failed: %s", type(exc).__name__))
        self.job = job
        return job

    def _busy(self) -> bool:
        return self.job is not None and not self.job.is_finished

    def close(self) -> None:
        self._reconnect.stop()
        self._refresh.stop()
        if self.desk is not None:
            self.desk.close()
            self.desk = None
