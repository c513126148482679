"""What a desk checks people in through: ``DeskService``.

Two classes implement it — ``service.CheckinService`` (one database: the laptop's own,
or the shared server) and ``offline.DeskCheckin`` (the shared server, failing over to a
local copy when it goes away) — and the desk's controller holds either without knowing
which.  Each module checks its class against this Protocol under ``TYPE_CHECKING``, so
mypy, not a desk on the day, finds a method that drifted apart.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from checkin.core.types import EventInfo, ScanAction, ScanResult, ScanSource


class DeskService(Protocol):
    """Scan, check in and undo for one event at one station, each journaled."""

    station: str
    """Written in every journal row; the desk's settings may change it."""
    operator: str
    """Who is at the desk (journaled, may be empty)."""

    @property
    def event(self) -> EventInfo:
        """The event scans are checked against (its sessions, its time zone)."""
        ...

    def scan(
        self,
        raw: str,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.SCANNER,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
    ) -> ScanResult:
        """One badge read; ``action="exit"`` (with a session) counts the person out."""
        ...

    def check_in(
        self,
        delegate_id: int,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.MANUAL,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
    ) -> ScanResult:
        """A person found by name, checked in (or out) without a badge."""
        ...

    def undo(self, scan_id: str, *, now: dt.datetime | None = None) -> ScanResult:
        """Cancel an admission or an exit by journaling an undo row that points at it."""
        ...
