"""The domain's types, shared by every layer: what a scan can do and what it returns.

Plain enums and frozen dataclasses, with no database and no Qt: the ORM models store
these enums, services return these values, and the UI shows them.  A value never
carries a live ORM row, so it can cross threads, processes and closed sessions.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from zoneinfo import ZoneInfo


class DelegateStatus(enum.StrEnum):
    REGISTERED = "registered"
    CANCELLED = "cancelled"


class ScanAction(enum.StrEnum):
    """What a journal row records: an attempt to enter, a departure through a session's
    door (recorded by a door desk that counts exits), or the undo of an earlier row.

    Plain strings in the database (no CHECK constraint), so new actions need no migration.
    """

    ENTRY = "entry"
    EXIT = "exit"
    UNDO = "undo"


class ScanSource(enum.StrEnum):
    SCANNER = "scanner"
    CAMERA = "camera"
    MANUAL = "manual"
    TYPED = "typed"  # a badge code typed by hand from the printed badge
    WALK_IN = "walk-in"
    IMPORT = "import"


class Outcome(enum.StrEnum):
    ADMITTED = "admitted"
    ALREADY_ADMITTED = "already_admitted"
    REVOKED = "revoked"
    CANCELLED = "cancelled"
    WRONG_EVENT = "wrong_event"
    INVALID = "invalid"
    UNDONE = "undone"
    EXITED = "exited"  # an exit recorded: the person left the session's room
    NOT_PRESENT = "not_present"  # an exit scan of someone not inside (never in, or gone)

    @property
    def may_enter(self) -> bool:
        return self in (Outcome.ADMITTED, Outcome.ALREADY_ADMITTED)

    @property
    def accepted(self) -> bool:
        """The desk did what was asked: let in (entry) or counted out (exit)."""
        return self.may_enter or self is Outcome.EXITED


@dataclass(frozen=True)
class CategoryInfo:
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class SessionInfo:
    id: int
    key: str
    title: str
    room: str
    starts_at: dt.datetime  # aware, UTC
    ends_at: dt.datetime  # aware, UTC
    capacity: int | None
    attendance: bool


@dataclass(frozen=True)
class EventInfo:
    id: int
    uuid: str
    name: str
    venue: str
    address: str
    date: dt.date
    timezone: str
    language: str
    capacity: int | None
    registration_opens: dt.datetime | None  # aware, UTC
    sessions: tuple[SessionInfo, ...]
    categories: tuple[CategoryInfo, ...]

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, when: dt.datetime) -> dt.datetime:
        """A stored UTC time in the event's time zone, for display."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(self.tz)

    def session(self, key: str) -> SessionInfo | None:
        return next((s for s in self.sessions if s.key == key), None)

    def session_at(self, when: dt.datetime) -> SessionInfo | None:
        """The attendance-taking session running at ``when`` (the latest started wins)."""
        running = [
            s for s in self.sessions if s.attendance and s.starts_at <= when < s.ends_at
        ]
        return max(running, key=lambda s: s.starts_at) if running else None

    def category(self, key: str) -> CategoryInfo | None:
        return next((c for c in self.categories if c.key == key), None)


@dataclass(frozen=True)
class DelegateInfo:
    id: int
    number: int
    reference: str
    first_name: str
    last_name: str
    organisation: str
    country: str
    email: str
    category: str
    status: str
    badge_version: int

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class ScanResult:
    """What one scan, check-in or undo did, as the desk shows it."""

    status: Outcome
    delegate: DelegateInfo | None
    session: SessionInfo | None  # None: arrival at the venue
    scan_id: str  # UUID of the journal row written for this attempt
    scanned_at: dt.datetime  # aware UTC
    message: str
    first_scan_at: dt.datetime | None = None  # for already_admitted: the first admission
    first_station: str | None = None
    code: str = ""
    # Why, as data: a key of REASONS and its values, so a desk can say it in its own
    # language (``message`` is the English sentence, for the CLI and logs of outcomes).
    reason: str = ""
    args: tuple[str, ...] = ()

    @property
    def may_enter(self) -> bool:
        return self.status.may_enter

    @property
    def accepted(self) -> bool:
        """The desk did what was asked: let in, or counted out at a door."""
        return self.status.accepted
