"""A desk that keeps working when the shared PostgreSQL server goes away.

``DeskCheckin`` is a ``protocol.DeskService``, as ``CheckinService`` is: it offers what
a desk does (scan, check in, undo, register a walk-in, correct a delegate's details) and
sends it to the shared database (the *primary*) while it answers.  When it does not — a
Wi-Fi drop, a server restart: a connection error, or no answer to a connect within
``connect_timeout`` seconds — the desk switches to its *mirror*, a local SQLite copy of
the event (same ids, same badge secret), the roster and the journal, and goes on there.
Whatever is done offline is committed to the mirror (``synchronous=FULL``) before its
outcome is returned, so what staff see survives a crash.

Decisions:

* The mirror is always current (``mirror``): each journal row this desk writes on the
  server enters it in the same call, after the server's commit (the primary service's
  ``on_journal``), with the person's roster row for a walk-in or an edit; other desks'
  rows arrive by ``pull``, which the desk runs every couple of seconds off the GUI
  thread.  So offline, a person admitted anywhere up to a few seconds before the drop
  scans as ``already_admitted``; only people admitted at two desks that could not see
  each other are admitted twice, and the merge says so.
* Offline walk-ins take their numbers from a block this desk reserved on the server
  while online (``roster.numbers``), so their badges stay valid; offline walk-ins and
  edits are recorded as pending changes (``pending``), as are notes typed offline.
* ``replay()`` (``offline_replay``) first applies the pending changes on the server
  (clashes listed, never merged or dropped), then pushes the mirror's scans the server
  lacks (by UUID: idempotent, in time order) through ``merge``; then the desk is online
  again.  Replay is the only way back online: a desk never writes to the primary while
  it holds changes or scans the primary has not seen.
* The accreditation desk's acts (``offline_accreditation``): hand-outs, notes done and
  ID checks are journal rows, replayed like scans; a note typed offline is a pending
  change (``pending_notes``), not overwriting a note someone changed meanwhile.
* A scan whose commit fails in a way that may have reached the server is done again
  offline; if the server had committed it after all, the replay shows a duplicate from
  this station (once online, once offline) instead of losing the scan.

Thread safety: every method may be called from any thread.  The desk's actions take one
lock; ``reconnect()``, ``pull()`` and ``refresh_mirror()`` run on a worker and talk to the
server outside that lock, so a dead network never holds up a scan for longer than the
scan's own attempt.  ``on_status(online)`` is called on the thread that noticed the
change (not during the constructor: read ``online`` after it).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from checkin.core.db.store import Store
from checkin.core.desk import pending
from checkin.core.desk.mirror import Mirror, PullReport, is_retryable
from checkin.core.desk.offline_accreditation import OfflineAccreditation
from checkin.core.desk.offline_replay import ComingBack, ReplayReport
from checkin.core.desk.pending import Clash
from checkin.core.desk.protocol import WalkInResult
from checkin.core.desk.reach import (  # re-exported: callers import them from here
    CONNECT_TIMEOUT_S,
    default_mirror_path,
    is_unreachable,
    primary_url,
)
from checkin.core.desk.service import CheckinService
from checkin.core.errors import UserError
from checkin.core.event.stored import current_event
from checkin.core.roster.edits import EditResult
from checkin.core.roster.person import PersonForm
from checkin.core.types import EventInfo, ScanAction, ScanResult, ScanSource

if TYPE_CHECKING:
    from checkin.core.desk.protocol import DeskService

__all__ = ["CONNECT_TIMEOUT_S", "DeskCheckin", "OfflineError", "ReplayReport",
           "default_mirror_path", "is_unreachable", "primary_url"]

T = TypeVar("T")

log = logging.getLogger(__name__)


class OfflineError(UserError, RuntimeError):
    """The desk can neither reach the server nor work offline (no local copy yet)."""


class DeskCheckin(OfflineAccreditation, ComingBack):
    """Check-in against the shared server, failing over to a local mirror."""

    def __init__(
        self,
        url: str,
        mirror: str | Path | None = None,
        *,
        station: str,
        operator: str = "",
        on_status: Callable[[bool], None] | None = None,
        connect_timeout: float = CONNECT_TIMEOUT_S,
    ) -> None:
        self.station = station
        self.operator = operator
        self.on_status: Callable[[bool], None] | None = None  # set once started
        self.last_replay: ReplayReport | None = None
        self._url = primary_url(url, connect_timeout)
        path = Path(mirror) if mirror is not None else default_mirror_path(url, station)
        self._lock = threading.RLock()
        self._mirror = Store("sqlite:///" + str(path))
        self._copy = Mirror(self._mirror)
        self._primary: Store | None = None
        self._primary_service: CheckinService | None = None
        self._online = False
        self._written: list[dict] = []  # the primary's journal rows of the current call
        self._rekeyed: dict[int, int] = {}  # offline walk-ins: mirror id -> server id
        self._probe_engine: Engine | None = None
        try:
            self._connect()
            self._catch_up(self._primary)  # type: ignore[arg-type]
        except Exception as exc:
            if not is_unreachable(exc):
                self.close()
                raise
            log.warning("server unreachable at start; working offline")
            self._drop_primary()
        event = current_event(self._mirror)
        if event is None:
            self.close()
            raise OfflineError(
                "Cannot reach the shared database and this desk has no local copy of the "
                "event yet: connect once to the server before working offline."
            )
        self._mirror_service = CheckinService(
            self._mirror, event, station=station, operator=operator
        )
        self._offline_scans = self._copy.waiting(event.id)  # left by an earlier run
        if self._primary is not None:
            # Changes and scans left in the mirror by an earlier run that ended offline
            # go first.
            self.replay()
        self.on_status = on_status

    # ------------------------------------------------------------ state

    @property
    def online(self) -> bool:
        return self._online

    @property
    def event(self) -> EventInfo:
        service = self._primary_service if self._online else self._mirror_service
        return (service or self._mirror_service).event

    @property
    def pending(self) -> int:
        """Scans made offline that the server has not seen yet."""
        return self._offline_scans

    @property
    def pending_changes(self) -> int:
        """Walk-ins, edits and notes made offline that the server has not seen yet."""
        return pending.count_pending(self._mirror, self._mirror_service.event.id)

    @property
    def mirror(self) -> Store:
        """The local copy (read it for searches while offline)."""
        return self._mirror

    def clashes(self) -> list[Clash]:
        """Walk-ins, edits and notes made offline that a replay could not simply apply,
        until a person dismisses them."""
        return pending.clashes(self._mirror, self._mirror_service.event.id)

    def dismiss(self, change: str) -> bool:
        """A person resolved this clash (``Clash.change``): it leaves the list."""
        return pending.dismiss(self._mirror, change)

    # ------------------------------------------------------------ the desk's methods

    def scan(
        self,
        raw: str,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.SCANNER,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
        override: bool = False,
        reason: str = "",
    ) -> ScanResult:
        """As ``CheckinService.scan``."""
        return self._journaled(
            lambda svc: svc.scan(raw, session=session, source=source, now=now, action=action,
                                 override=override, reason=reason)
        )

    def check_in(
        self,
        delegate_id: int,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.MANUAL,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
        override: bool = False,
        reason: str = "",
    ) -> ScanResult:
        """As ``CheckinService.check_in``; the mirror has the server's delegate ids."""
        return self._journaled(
            lambda svc: svc.check_in(
                self._rekeyed.get(delegate_id, delegate_id), session=session, source=source,
                now=now, action=action, override=override, reason=reason,
            )
        )

    def undo(self, scan_id: str, *, now: dt.datetime | None = None) -> ScanResult:
        """As ``CheckinService.undo``.  Offline, only scans the mirror knows (its own,
        and the server's as of the last pull) can be undone."""
        return self._journaled(lambda svc: svc.undo(scan_id, now=now))

    def register_walk_in(
        self,
        form: PersonForm,
        *,
        session: str | None = None,
        now: dt.datetime | None = None,
    ) -> WalkInResult:
        """As ``CheckinService.register_walk_in``; offline, registered in the mirror with
        a number of this desk's block and replayed later (``pending``)."""

        def offline() -> WalkInResult:
            service = self._mirror_service
            delegate = pending.register_offline(
                self._mirror, service.event, form, station=self.station,
                operator=self.operator, now=now,
            )
            return WalkInResult(delegate, self._offline_scan(
                lambda svc: svc.check_in(delegate.id, session=session,
                                         source=ScanSource.WALK_IN, now=now)
            ))

        return self._run(
            lambda svc: svc.register_walk_in(form, session=session, now=now),
            offline,
            lambda result: [result.delegate.number],
        )

    def edit_delegate(
        self, delegate_id: int, form: PersonForm, *, now: dt.datetime | None = None
    ) -> EditResult:
        """As ``CheckinService.edit_delegate``; offline, saved in the mirror with the
        values before and after, and replayed later (``pending``)."""
        delegate_id = self._rekeyed.get(delegate_id, delegate_id)
        return self._run(
            lambda svc: svc.edit_delegate(delegate_id, form, now=now),
            lambda: pending.edit_offline(
                self._mirror, self._mirror_service.event, delegate_id, form,
                station=self.station, operator=self.operator, now=now,
            ),
            lambda result: [result.delegate.number],
        )

    def _journaled(self, call: Callable[[CheckinService], ScanResult]) -> ScanResult:
        return self._run(call, lambda: self._offline_scan(call))

    def _offline_scan(self, call: Callable[[CheckinService], ScanResult]) -> ScanResult:
        self._mirror_service.station = self.station
        self._mirror_service.operator = self.operator
        outcome = call(self._mirror_service)
        self._offline_scans += 1
        return outcome

    def _run(
        self,
        online: Callable[[CheckinService], T],
        offline: Callable[[], T],
        touched: Callable[[T], Iterable[int]] = lambda _result: (),
    ) -> T:
        """``online`` on the server while it answers (its rows, and the roster rows of
        the delegates ``touched``, then copied to the mirror); else ``offline``."""
        with self._lock:
            service = self._primary_service
            if self._online and service is not None:
                service.station = self.station
                service.operator = self.operator
                self._written = []
                for attempt in range(3):
                    try:
                        result = online(service)
                    except DBAPIError as exc:
                        if is_unreachable(exc):
                            self._go_offline()
                            break
                        if attempt == 2 or not is_retryable(exc):
                            raise
                    else:
                        self._keep_copy(service.event, touched(result))
                        return result
            return offline()

    def _keep_copy(self, event: EventInfo, numbers: Iterable[int]) -> None:
        """The rows just written on the server, into the mirror (under the lock)."""
        rows, self._written = self._written, []
        try:
            if self._primary is not None:
                self._copy.copy_delegates(self._primary, event.id, numbers)
            if rows:
                self._copy.merge_own(event, rows)
        except Exception as exc:  # the server has it; the next pull brings it here
            log.warning("the offline copy missed this desk's own change: %s",
                        type(exc).__name__)

    # ------------------------------------------------------------ staying current
    #
    # These run on a worker thread.  They talk to the server without holding the lock
    # that the desk's actions take (a dead network can take seconds to time out; the
    # desk must keep scanning meanwhile) and take it only to change state or to push
    # the last changes and scans.

    def pull(self) -> PullReport | None:
        """Online: other desks' scans and roster changes since the last pull, into the
        mirror (three small queries when nothing changed, and nothing written).  None
        when the server does not answer (and the desk goes offline)."""
        report = self._from_server(
            lambda primary: self._copy.pull(primary, self._mirror_service.event)
        )
        if report is not None:
            if report.event:
                self._adopt_event()
            self._settle()
        return report

    def refresh_mirror(self) -> bool:
        """Copy the event, roster and journal from the server into the mirror: the
        full copy, for the rare check that nothing was missed.  Returns False (and goes
        offline, if online) when the server does not answer."""
        copied = self._from_server(
            lambda primary: self._copy.full_copy(primary, self._server_event(primary))
        )
        if copied is None:
            return False
        self._adopt_event()
        self._settle()
        return True

    def _from_server(self, read: Callable[[Store], T]) -> T | None:
        try:
            primary, _event = self._ensure_primary()
            return read(primary)
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            with self._lock:
                if self._online:
                    self._go_offline()
            return None

    def _catch_up(self, primary: Store) -> None:
        """At start: a mirror that followed this event is pulled, a new one copied."""
        event = self._server_event(primary)
        if self._copy.is_current_for(event):
            self._copy.pull(primary, event)
        else:
            self._copy.full_copy(primary, event)

    def _server_event(self, primary: Store) -> EventInfo:
        event = current_event(primary)
        if event is None:
            raise OfflineError("The shared database has no event yet.")
        if self._copy.holds_other_event(event):
            raise OfflineError(
                "The local copy %1 holds another event under the same id: move it away so "
                "the desk can make a new one.",
                self._mirror.path,
            )
        return event

    def _adopt_event(self) -> None:
        """The event as the mirror now has it (sessions edited on the server), for both
        services."""
        event = current_event(self._mirror)
        with self._lock:
            if event is not None and event != self._mirror_service.event:
                self._mirror_service.event = event
                if self._primary_service is not None:
                    self._primary_service.event = event

    def _settle(self) -> None:
        """The rows the server has are not offered to the next replay (nor counted as
        waiting if the desk restarts offline)."""
        try:
            primary, _event = self._ensure_primary()
            self._copy.settle(primary, self._mirror_service.event.id)
        except Exception as exc:  # offline again: the replay will look further back
            if not is_unreachable(exc):
                raise

    def close(self) -> None:
        self._drop_primary()
        if self._probe_engine is not None:
            self._probe_engine.dispose()
        self._mirror.close()

    def __enter__(self) -> DeskCheckin:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ internals

    def _connect(self) -> None:
        if self._primary is None:
            self._primary, self._primary_service = self._open_primary()

    def _open_primary(self) -> tuple[Store, CheckinService]:
        store = Store(self._url)
        service = CheckinService(store, station=self.station, operator=self.operator)
        service.on_journal = self._hear
        return store, service

    def _hear(self, rows: list[dict]) -> None:
        """The primary committed these journal rows (called under the desk's lock)."""
        self._written.extend(rows)

    def _ensure_primary(self) -> tuple[Store, EventInfo]:
        """The server's store, opened outside the lock if need be (it may time out)."""
        with self._lock:
            primary, service = self._primary, self._primary_service
        if primary is None or service is None:
            store, fresh = self._open_primary()
            with self._lock:
                if self._primary is None:
                    self._primary, self._primary_service = store, fresh
                else:
                    store.close()
                primary, service = self._primary, self._primary_service
        assert primary is not None and service is not None
        return primary, service.event

    def _drop_primary(self) -> None:
        if self._primary is not None:
            self._primary.close()
        self._primary = None
        self._primary_service = None

    def _go_offline(self) -> None:
        was = self._online
        self._online = False
        self._drop_primary()  # no stale pooled connections when it comes back
        if was:
            log.warning("server unreachable: working offline")
            self._notify(False)

    def _notify(self, online: bool) -> None:
        if self.on_status is not None:
            self.on_status(online)


if TYPE_CHECKING:

    def _a_desk_service(desk: DeskCheckin) -> DeskService:
        """mypy: the offline desk is a ``DeskService`` (the desk holds either kind)."""
        return desk
