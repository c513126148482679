"""Coming back online (``offline.DeskCheckin``): probe the server, replay, switch.

``replay()`` first applies the changes made offline — walk-ins, edits and notes
(``pending``, ``pending_notes``): clashes listed, never merged or dropped — then pushes
the copy's scans the server lacks (by UUID: idempotent, in time order) through
``merge``, which re-derives the projections and reports the duplicates made during the
outage; then the desk is online again.  Replay is the only way back online: a desk never
writes to the primary while it holds changes or scans the primary has not seen.

A mixin of ``DeskCheckin``: it uses the desk's lock, its copy and its primary store.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from checkin.core import clock
from checkin.core.desk import pending
from checkin.core.desk.merge import Duplicate, MergeReport
from checkin.core.desk.pending import NO_CHANGES, ChangesReport, Clash
from checkin.core.desk.reach import is_unreachable

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from checkin.core.db.store import Store
    from checkin.core.desk.mirror import Mirror, PullReport
    from checkin.core.desk.service import CheckinService
    from checkin.core.types import EventInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReplayReport:
    """What a replay pushed to the server: the walk-ins, edits and notes made offline
    (and their clashes, for a person to resolve), the scans, and the duplicates made
    while apart."""

    merge: MergeReport
    replayed_at: dt.datetime  # aware UTC
    changes: ChangesReport = NO_CHANGES

    @property
    def duplicates(self) -> tuple[Duplicate, ...]:
        return self.merge.duplicates

    @property
    def clashes(self) -> tuple[Clash, ...]:
        return self.changes.clashes

    @property
    def anything(self) -> bool:
        """Did it push anything, or find anything a person must see?"""
        return bool(self.merge.new or self.changes.applied or self.changes.clashes)


class ComingBack:
    """``probe``, ``reconnect`` and ``replay`` for ``DeskCheckin``."""

    if TYPE_CHECKING:
        station: str
        last_replay: ReplayReport | None
        _url: str
        _lock: threading.RLock
        _mirror: Store
        _copy: Mirror
        _mirror_service: CheckinService
        _online: bool
        _rekeyed: dict[int, int]
        _offline_scans: int
        _probe_engine: Engine | None

        def _ensure_primary(self) -> tuple[Store, EventInfo]: ...
        def _go_offline(self) -> None: ...
        def _notify(self, online: bool) -> None: ...
        def pull(self) -> PullReport | None: ...

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
        """Apply the walk-ins, edits and notes made offline, push the mirror's scans the
        server lacks, then be online again.

        Returns None when the server is unreachable (the desk stays offline).  The bulk
        goes without the lock; what was done meanwhile goes under it, just before the
        switch, so nothing is left behind in the mirror.
        """
        try:
            primary, event = self._ensure_primary()
            changes = pending.replay_changes(primary, self._mirror, event, self._locked)
            bulk = self._push(primary, event)
            with self._lock:
                changes += pending.replay_changes(primary, self._mirror, event, self._locked)
                tail = self._push(primary, event)
                self._rekeyed.update(changes.rekeyed)
                self._offline_scans = 0
                changed = not self._online
                self._online = True
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            with self._lock:
                self._go_offline()
            return None
        report = _both(bulk, tail)
        log.info("replayed %d walk-ins, %d edits, %d notes, %d scans (%d clashes, "
                 "%d duplicates)", changes.walk_ins, changes.edits, changes.notes,
                 report.new, len(changes.clashes), len(report.duplicates))
        self.last_replay = ReplayReport(report, clock.utcnow(), changes)
        if changed:
            self._notify(True)
        pending.reserve_numbers(primary, self._mirror, event, holder=self._copy.holder(),
                                station=self.station)
        if self.last_replay.anything:
            self.pull()
        return self.last_replay

    def _locked(self) -> threading.RLock:
        return self._lock

    def _push(self, primary: Store, event: EventInfo) -> MergeReport:
        here = self._mirror_service.event.id
        blocked = pending.blocked_numbers(self._mirror, here)
        return self._copy.push(primary, event, here, skip_numbers=blocked)


def _both(bulk: MergeReport, tail: MergeReport) -> MergeReport:
    """The bulk pushed without the lock and the tail pushed under it, as one report."""
    return MergeReport(
        new=bulk.new + tail.new,
        present=bulk.present,
        skipped=bulk.skipped + tail.skipped,
        duplicates=bulk.duplicates + tail.duplicates,
        delegates=tuple(sorted({*bulk.delegates, *tail.delegates})),
    )
