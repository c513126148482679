"""A desk that keeps working when the shared PostgreSQL server goes away.

``DeskCheckin`` is a ``protocol.DeskService``, as ``CheckinService`` is: it offers the
check-in methods a desk uses (``scan``, ``check_in``, ``undo``) and sends them to the
shared database (the *primary*) while it answers.  When it does not — a Wi-Fi drop, a
server restart: a connection error, or no answer to a connect within
``connect_timeout`` seconds — the desk switches to its *mirror*, a local SQLite file
holding a copy of the event (same ids, same badge secret), the categories, the
sessions, the roster and the journal as last refreshed, and goes on checking people in
there.  An offline scan is committed to the mirror (``synchronous=FULL``) before its
outcome is returned, so what staff see survives a crash.

Decisions:

* Online scans are written to the primary only (one write on the hot path).  The mirror
  learns about them — and about every other desk's scans — from ``refresh_mirror()``,
  which the desk runs every minute or so off the GUI thread.  So offline, a person
  admitted anywhere before the last refresh scans as ``already_admitted``; people
  admitted elsewhere since then can be admitted twice, and the merge says so.
* ``replay()`` pushes every mirror scan the primary lacks (by UUID: idempotent, in time
  order, whichever station name it carries) through ``merge``, which re-derives the
  projections and reports the duplicates made during the outage; then the desk is
  online again.  Replay is also the only way back online: a desk never writes to the
  primary while it holds scans the primary has not seen.
* A scan whose commit fails in a way that may have reached the server is done again
  offline; if the server had committed it after all, the replay shows a duplicate
  from this station instead of losing the scan.

Thread safety: every method may be called from any thread.  Scans take one lock; the
GUI runs ``reconnect()`` (every few seconds while offline) and ``refresh_mirror()``
(every minute while online) on a worker: they talk to the server outside that lock, so a
dead network never holds up a scan for longer than the scan's own attempt.
``on_status(online)`` is called on the thread that noticed the change (not during the
constructor: read ``online`` after it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table, create_engine, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.pool import NullPool

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store, StoreError, data_dir
from checkin.core.desk import merge
from checkin.core.desk.merge import Duplicate, MergeReport
from checkin.core.desk.service import CheckinService
from checkin.core.errors import UserError
from checkin.core.event.stored import current_event
from checkin.core.types import EventInfo, ScanAction, ScanResult, ScanSource

if TYPE_CHECKING:
    from checkin.core.desk.protocol import DeskService

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 2


class OfflineError(UserError, RuntimeError):
    """The desk can neither reach the server nor work offline (no local copy yet)."""


@dataclass(frozen=True)
class ReplayReport:
    """What a replay pushed to the server, and the duplicates made while apart."""

    merge: MergeReport
    replayed_at: dt.datetime  # aware UTC

    @property
    def duplicates(self) -> tuple[Duplicate, ...]:
        return self.merge.duplicates


def primary_url(url: str, connect_timeout: float = CONNECT_TIMEOUT_S) -> str:
    """The server's URL with a connect timeout and TCP keep-alives, so a dead network is
    noticed in seconds instead of the kernel's minutes (ignored on Unix sockets)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    extra = {
        "connect_timeout": str(max(1, round(connect_timeout))),
        "keepalives": "1",
        "keepalives_idle": "5",
        "keepalives_interval": "2",
        "keepalives_count": "2",
        "tcp_user_timeout": str(int(connect_timeout * 1500)),
    }
    query = {**extra, **parsed.query}
    return parsed.set(query=query).render_as_string(hide_password=False)


def default_mirror_path(url: str, station: str) -> Path:
    """One mirror file per server and station, in the user's data folder."""
    safe = make_url(url).render_as_string(hide_password=True)
    digest = hashlib.sha256(f"{safe}\n{station}".encode()).hexdigest()[:12]
    return data_dir() / f"desk-mirror-{digest}.sqlite"


def is_unreachable(exc: BaseException) -> bool:
    """A database error that means "the server is not there", not "this request is bad"."""
    if isinstance(exc, StoreError):  # opening failed: unreachable, or a real problem
        cause = exc.__cause__
        return cause is not None and is_unreachable(cause)
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        if _retryable(exc):
            return False  # deadlock / serialisation: retry on the server
        return isinstance(exc, OperationalError | InterfaceError)
    return False


def _retryable(exc: DBAPIError) -> bool:
    try:
        import psycopg.errors as pe
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc.orig, pe.TransactionRollback)


class DeskCheckin:
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
        self._primary: Store | None = None
        self._primary_service: CheckinService | None = None
        self._online = False
        self._offline_scans = 0
        self._probe_engine: Engine | None = None
        try:
            self._connect()
            _copy_to_mirror(self._primary, self._mirror)  # type: ignore[arg-type]
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
        if self._primary is not None:
            # Scans left in the mirror by an earlier run that ended offline go first.
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
        """Scans made offline (by this process) that the server has not seen yet."""
        return self._offline_scans

    @property
    def mirror(self) -> Store:
        """The local copy (read it for searches while offline)."""
        return self._mirror

    # ------------------------------------------------------------ the desk's methods

    def scan(
        self,
        raw: str,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.SCANNER,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
    ) -> ScanResult:
        """As ``CheckinService.scan``."""
        return self._run(
            lambda svc: svc.scan(raw, session=session, source=source, now=now, action=action)
        )

    def check_in(
        self,
        delegate_id: int,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.MANUAL,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
    ) -> ScanResult:
        """As ``CheckinService.check_in``; the mirror has the server's delegate ids."""
        return self._run(
            lambda svc: svc.check_in(
                delegate_id, session=session, source=source, now=now, action=action
            )
        )

    def undo(self, scan_id: str, *, now: dt.datetime | None = None) -> ScanResult:
        """As ``CheckinService.undo``.  Offline, only scans the mirror knows (its own,
        and the server's as of the last refresh) can be undone."""
        return self._run(lambda svc: svc.undo(scan_id, now=now))

    def _run(self, call: Callable[[CheckinService], ScanResult]) -> ScanResult:
        with self._lock:
            if self._online and self._primary_service is not None:
                self._primary_service.station = self.station
                self._primary_service.operator = self.operator
                for attempt in range(3):
                    try:
                        return call(self._primary_service)
                    except DBAPIError as exc:
                        if is_unreachable(exc):
                            self._go_offline()
                            break
                        if attempt == 2 or not _retryable(exc):
                            raise
            self._mirror_service.station = self.station
            self._mirror_service.operator = self.operator
            outcome = call(self._mirror_service)
            self._offline_scans += 1
            return outcome

    # ------------------------------------------------------------ coming back
    #
    # These run on a worker thread.  They talk to the server without holding the lock
    # that scans take (a dead network can take seconds to time out; the desk must keep
    # scanning meanwhile) and take it only to change state or to push the last scans.

    def probe(self) -> bool:
        """Does the server answer?  One connection and ``SELECT 1``; changes nothing."""
        try:
            if self._probe_engine is None:
                self._probe_engine = create_engine(self._url, poolclass=NullPool)
            with self._probe_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception as exc:
            if is_unreachable(exc):
                return False
            raise

    def reconnect(self) -> ReplayReport | None:
        """Offline and the server answers: replay, and be online again."""
        if self._online or not self.probe():
            return None
        return self.replay()

    def replay(self) -> ReplayReport | None:
        """Push the mirror's scans the server lacks, then be online again.

        Returns None when the server is unreachable (the desk stays offline).  The bulk
        goes without the lock; the scans made meanwhile go under it, just before the
        switch, so none is left behind in the mirror.
        """
        try:
            primary, event = self._ensure_primary()
            bulk = self._push(primary, event)
            with self._lock:
                tail = self._push(primary, event)
                self._offline_scans = 0
                changed = not self._online
                self._online = True
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            with self._lock:
                self._go_offline()
            return None
        report = MergeReport(
            new=bulk.new + tail.new,
            present=bulk.present,
            skipped=bulk.skipped + tail.skipped,
            duplicates=bulk.duplicates + tail.duplicates,
            delegates=tuple(sorted({*bulk.delegates, *tail.delegates})),
        )
        log.info("replayed %d scans to the server (%d duplicates)", report.new,
                 len(report.duplicates))
        self.last_replay = ReplayReport(report, clock.utcnow())
        if changed:
            self._notify(True)
        self.refresh_mirror()
        return self.last_replay

    def _push(self, primary: Store, event: EventInfo) -> MergeReport:
        mirror_event = self._mirror_service.event
        with primary.read() as s:
            known = merge.scan_uuids(s, event.id)
        with self._mirror.read() as s:
            missing = merge.scan_uuids(s, mirror_event.id) - known
            rows = merge.portable_scans(s, mirror_event.id, uuids=missing) if missing else []
        for attempt in range(5):
            try:
                return merge.merge_scans(primary, event, rows)
            except DBAPIError as exc:
                # A deadlock with a batch (``scan -`` locks in its own order): again.
                if attempt == 4 or not _retryable(exc):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def refresh_mirror(self) -> bool:
        """Copy the event, roster and journal from the server into the mirror.

        Returns False (and goes offline, if online) when the server does not answer.
        """
        try:
            primary, _event = self._ensure_primary()
            _copy_to_mirror(primary, self._mirror)
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            with self._lock:
                if self._online:
                    self._go_offline()
            return False
        event = current_event(self._mirror)
        if event is not None:
            with self._lock:
                self._mirror_service.event = event
        return True

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
            self._primary = Store(self._url)
            self._primary_service = CheckinService(
                self._primary, station=self.station, operator=self.operator
            )

    def _ensure_primary(self) -> tuple[Store, EventInfo]:
        """The server's store, opened outside the lock if need be (it may time out)."""
        with self._lock:
            primary, service = self._primary, self._primary_service
        if primary is None or service is None:
            store = Store(self._url)
            fresh = CheckinService(store, station=self.station, operator=self.operator)
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


# ------------------------------------------------------------------ the mirror copy


def _table_rows(s, model, where) -> list[dict]:
    return [dict(r._mapping) for r in s.execute(select(model.__table__).where(where))]


def _copy_to_mirror(primary: Store, mirror: Store) -> None:
    """Upsert event, categories, sessions and delegates by id; pull missing scans."""
    with primary.read() as s:
        event = current_event(primary)
        if event is None:
            raise OfflineError("The shared database has no event yet.")
        events = _table_rows(s, m.Event, m.Event.id == event.id)
        categories = _table_rows(s, m.Category, m.Category.event_id == event.id)
        sessions = _table_rows(s, m.Session, m.Session.event_id == event.id)
        delegates = _table_rows(s, m.Delegate, m.Delegate.event_id == event.id)
        server_uuids = merge.scan_uuids(s, event.id)
    for d in delegates:  # projections come from the mirror's own journal
        d["arrived_at"] = d["arrived_via"] = None
    with mirror.write() as s:
        here = s.execute(select(m.Event.uuid).where(m.Event.id == event.id)).scalar()
        if here is not None and here != event.uuid:
            raise OfflineError(
                "The local copy %1 holds another event under the same id: move it away so "
                "the desk can make a new one.",
                mirror.path,
            )
        for model, rows, keep in (
            (m.Event, events, ()),
            (m.Category, categories, ()),
            (m.Session, sessions, ()),
            (m.Delegate, delegates, ("arrived_at", "arrived_via")),
        ):
            if not rows:
                continue
            stmt = sqlite_insert(cast(Table, model.__table__))
            names = [c for c in rows[0] if c != "id" and c not in keep]
            stmt = stmt.on_conflict_do_update(
                index_elements=["id"], set_={c: stmt.excluded[c] for c in names}
            )
            s.execute(stmt, rows)
        missing = server_uuids - merge.scan_uuids(s, event.id)
        if missing:
            with primary.read() as ps:
                rows = merge.portable_scans(ps, event.id, uuids=missing)
            merge.merge_rows(s, event, rows)
