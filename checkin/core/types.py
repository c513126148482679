"""The domain's types, shared by every layer: what a scan can do and what it returns.

Plain enums and frozen dataclasses, with no database and no Qt: the ORM models store
these enums, services return these values, and the UI shows them.  A value never
carries a live ORM row, so it can cross threads, processes and closed sessions.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when first asked for: the app's first frame needs none
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
    # The accreditation desk's rows (``accreditation``), in the same journal so they
    # replay and merge like scans; never counted as entries.
    HANDOUT = "handout"  # an item handed out (``item``, ``item_code``)
    RETURN = "return"  # an item given back
    NOTE_DONE = "note_done"  # the attention note (its text in ``detail``) dealt with
    ID_CHECK = "id_check"  # staff checked the person's identity document


class ScanSource(enum.StrEnum):
    SCANNER = "scanner"
    CAMERA = "camera"
    MANUAL = "manual"
    TYPED = "typed"  # a badge code typed by hand from the printed badge
    WALK_IN = "walk-in"
    IMPORT = "import"
    KIOSK = "kiosk"  # a delegate at the self check-in kiosk (a scan or a typed search)


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
    NOT_ALLOWED = "not_allowed"  # refused by an entry rule (``rule`` says which)
    DONE = "done"  # an accreditation row (hand-out, return, note done, ID check) recorded

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
    id_check: bool = False  # the desk checks an identity document (``accreditation``)


@dataclass(frozen=True)
class HandoutItem:
    """An item the desk hands out (TOML ``[[handouts]]``): a headset, a welcome kit."""

    key: str
    label: str
    returnable: bool  # must come back (a headset), or is kept (a lunch voucher)
    categories: tuple[str, ...] = ()  # category keys that get it; () = everyone

    def for_category(self, category: str) -> bool:
        return not self.categories or category in self.categories


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
    # Entry rules (``accreditation.rules``): categories admitted (() = all), minutes
    # before the start the doors open (None = any time), a capacity that refuses.
    only_categories: tuple[str, ...] = ()
    doors_open: int | None = None
    hard_capacity: bool = False


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
    handouts: tuple[HandoutItem, ...] = ()
    # Venue entry rules (``accreditation.rules``), as a session's: categories admitted
    # to the building (() = all), minutes before ``registration_opens`` the doors open
    # (None = any time), and ``capacity`` refusing arrivals once reached.
    only_categories: tuple[str, ...] = ()
    doors_open: int | None = None
    hard_capacity: bool = False

    @property
    def doors_open_at(self) -> dt.datetime | None:
        """When the venue's doors open (aware UTC), or None when any time will do."""
        if self.doors_open is None or self.registration_opens is None:
            return None
        return self.registration_opens - dt.timedelta(minutes=self.doors_open)

    def handout(self, key: str) -> HandoutItem | None:
        return next((h for h in self.handouts if h.key == key), None)

    @property
    def tz(self) -> ZoneInfo:
        from zoneinfo import ZoneInfo

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
class NoteInfo:
    """A delegate's attention note for the desk, and whether staff dealt with it."""

    text: str
    done: bool = False
    done_at: dt.datetime | None = None  # aware UTC
    done_by: str = ""  # the operator (or station) that marked it done


@dataclass(frozen=True)
class HandoutState:
    """Where one person stands with one item: ``due`` (theirs, not handed out yet),
    ``out`` (they hold it) or ``returned`` (given back; a kept item stays ``out``)."""

    item: str
    label: str
    state: str  # "due" | "out" | "returned"
    returnable: bool
    out_at: dt.datetime | None = None  # aware UTC, the latest hand-out
    returned_at: dt.datetime | None = None
    item_code: str = ""  # the item's own number, if one was scanned or typed


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
    # The accreditation desk (``accreditation``): the person's open or done note, whether
    # a photo is stored, their hand-outs, and the identity check their category asks
    # for ("" = none asked, "due", "done").
    note: NoteInfo | None = None
    photo: bool = False
    handouts: tuple[HandoutState, ...] = ()
    id_check: str = ""
    # The entry rule that refused (``not_allowed``) or that an override set aside
    # (``overridden``): "only_categories", "doors_open" or "capacity".
    rule: str = ""
    overridden: bool = False

    @property
    def may_enter(self) -> bool:
        return self.status.may_enter

    @property
    def accepted(self) -> bool:
        """The desk did what was asked: let in, or counted out at a door."""
        return self.status.accepted
