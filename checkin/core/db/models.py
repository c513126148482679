"""The database schema, as SQLAlchemy 2 typed ORM classes.

The schema itself is owned by the Alembic migrations in ``migrations/versions``; these
classes must stay in step with them (a test compares the two).  Times are stored as
naive UTC ``DateTime`` values so SQLite and PostgreSQL behave the same; services convert
to the event's time zone only for display.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from checkin.core.db.sort_keys import folded_default
from checkin.core.types import DelegateStatus, ScanAction, ScanSource


class Base(DeclarativeBase):
    pass


# A stored sort key (``sort_keys``): compared byte by byte on both databases.
_SORT_KEY = Text().with_variant(Text(collation="C"), "postgresql")


def _sort_key(field: str) -> Mapped[str]:
    return mapped_column(_SORT_KEY, default=folded_default(field), server_default="")


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    venue: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    date: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    language: Mapped[str] = mapped_column(String(8), default="en")
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    registration_opens: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # Hex of 32 random bytes: the HMAC key of this event's badge codes.  Never logged.
    secret: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The hand-out items of the event (TOML ``[[handouts]]``), a JSON list of objects
    # with key, label, returnable and categories: read with the event, copied with it.
    handouts: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Venue entry rules (``accreditation.rules``), as sessions have them: categories
    # admitted to the building (comma-separated keys, "" = all), minutes before
    # ``registration_opens`` the doors open, and ``capacity`` refusing once reached.
    only_categories: Mapped[str] = mapped_column(Text, default="", server_default="")
    doors_open: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hard_capacity: Mapped[bool] = mapped_column(default=False, server_default=false())

    sessions: Mapped[list[Session]] = relationship(
        back_populates="event", order_by="Session.starts_at", cascade="all, delete-orphan"
    )
    categories: Mapped[list[Category]] = relationship(
        back_populates="event", order_by="Category.position", cascade="all, delete-orphan"
    )


class Category(Base):
    """A kind of delegate (participant, speaker, press…), with the colour of its badge band."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("event_id", "key", name="uq_categories_event_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    colour: Mapped[str] = mapped_column(String(9), default="#4D4D4D")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The desk checks an identity document for this category (``accreditation``).
    id_check: Mapped[bool] = mapped_column(default=False, server_default=false())

    event: Mapped[Event] = relationship(back_populates="categories")


class Session(Base):
    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("event_id", "key", name="uq_sessions_event_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(500))
    room: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Sessions such as coffee breaks are on the agenda but take no attendance.
    attendance: Mapped[bool] = mapped_column(default=True)
    # Entry rules (``accreditation.rules``): the categories admitted (comma-separated
    # keys, empty = all), how many minutes before the start the doors open (NULL = any
    # time), and whether ``capacity`` refuses entry once the room is full.
    only_categories: Mapped[str] = mapped_column(Text, default="", server_default="")
    doors_open: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hard_capacity: Mapped[bool] = mapped_column(default=False, server_default=false())

    event: Mapped[Event] = relationship(back_populates="sessions")


class Delegate(Base):
    __tablename__ = "delegates"
    __table_args__ = (
        UniqueConstraint("event_id", "number", name="uq_delegates_event_number"),
        Index("ix_delegates_event_reference", "event_id", "reference"),
        Index("ix_delegates_event_email", "event_id", "email"),
        # Covering indexes for headcounts: grouped counts read the index in its own
        # order (no sort, no table rows), and arrivals per quarter hour are range counts.
        Index(
            "ix_delegates_headcount",
            "event_id", "status", "category", "country", "organisation", "arrived_at",
            "arrived_via",
        ),
        Index("ix_delegates_arrival", "event_id", "arrived_at", "status"),
        # A desk's offline copy asks "who changed since ..." every few seconds.
        Index("ix_delegates_event_updated", "event_id", "updated_at"),
        # The dashboard's lists sorted by a name, a page at a time (``sort_keys``).
        Index("ix_delegates_sort_last_name", "event_id", "sort_last_name"),
        Index("ix_delegates_sort_first_name", "event_id", "sort_first_name"),
        Index("ix_delegates_sort_organisation", "event_id", "sort_organisation"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    # Per-event serial carried in the badge code; stable across stations and re-imports.
    number: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(100), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    category: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default=DelegateStatus.REGISTERED.value)
    badge_version: Mapped[int] = mapped_column(Integer, default=1)
    # Accent- and case-folded "first last organisation email reference", for search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # ``text.fold`` of the names the dashboard sorts by (``sort_keys``): filled from
    # the names by any INSERT that does not give them; an UPDATE of a name sets them.
    sort_first_name: Mapped[str] = _sort_key("first_name")
    sort_last_name: Mapped[str] = _sort_key("last_name")
    sort_organisation: Mapped[str] = _sort_key("organisation")
    sort_email: Mapped[str] = _sort_key("email")
    # Derived from the journal (see Admission): the first admission still standing, and
    # its source ("walk-in" marks people registered at the desk).
    arrived_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    arrived_via: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # Print tracking (the history is in badge_prints): the last print and how many.
    printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    print_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # An attention note for the desk ("Collect visa letter"); marked done in the journal
    # (action ``note_done``, the note's text in ``detail``), so an edited note opens again.
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Scan(Base):
    """One row of the append-only journal: never updated, never deleted.

    An undo is a new row whose ``undoes_id`` points at the row it cancels.  Arrival and
    attendance are derived from the rows with outcome ``admitted`` that no undo points at.
    ``session_id`` NULL means arrival at the venue (the registration desk).
    """

    __tablename__ = "scans"
    __table_args__ = (
        Index("ix_scans_delegate_session", "delegate_id", "session_id"),
        Index("ix_scans_event_time", "event_id", "created_at"),
        Index("ix_scans_undoes", "undoes_id"),
        Index("ix_scans_event_outcome", "event_id", "outcome"),
        # The desks' look for the kiosk's cases (``desk.kiosk.kiosk_cases``, every 5 s).
        Index("ix_scans_event_source_time", "event_id", "source", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    delegate_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegates.id", ondelete="RESTRICT"), nullable=True
    )
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="RESTRICT"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(16), default=ScanAction.ENTRY.value)
    source: Mapped[str] = mapped_column(String(16), default=ScanSource.SCANNER.value)
    outcome: Mapped[str] = mapped_column(String(24))
    # What was read, kept for refused scans so staff can see what the scanner sent.
    code: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(100), default="")
    operator: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("scans.id"), nullable=True)
    # The accreditation desk's rows (``accreditation``) use the same journal, so they
    # travel, replay and merge by UUID like scans: ``item`` is a hand-out's key and
    # ``item_code`` the item's own number (headset 117); ``rule`` the entry rule that
    # refused (outcome ``not_allowed``) or was overridden (an admission); ``detail`` the
    # override's reason, or the text of the note marked done.
    item: Mapped[str] = mapped_column(String(64), default="", server_default="")
    item_code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    rule: Mapped[str] = mapped_column(String(32), default="", server_default="")
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")


class DelegatePhoto(Base):
    """A delegate's photo for the desk's face check and the badge: a JPEG, resized on
    the way in (``accreditation.photos``), one per delegate; purge removes it."""

    __tablename__ = "delegate_photos"
    __table_args__ = (Index("ix_delegate_photos_event", "event_id"),)

    delegate_id: Mapped[int] = mapped_column(
        ForeignKey("delegates.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16), default="import")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Admission(Base):
    """The admissions that stand: a projection of the journal, kept in the same
    transaction as the journal row it mirrors.

    One row per delegate per scope (``scope`` 0 = the venue, else the session id): the
    unique constraint is the database's own guarantee that a person is never admitted
    twice, even by two desks in the same instant.  An undo deletes the row (the journal
    keeps both the admission and the undo).  ``journal.rebuild`` recomputes the table
    and ``Delegate.arrived_at`` from the journal alone.
    """

    __tablename__ = "admissions"
    __table_args__ = (
        UniqueConstraint("delegate_id", "scope", name="uq_admissions_delegate_scope"),
        Index("ix_admissions_event_scope", "event_id", "scope"),
        # A session's attendees in admission order, a page at a time (dashboard).
        Index("ix_admissions_event_scope_time", "event_id", "scope", "admitted_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    delegate_id: Mapped[int] = mapped_column(ForeignKey("delegates.id", ondelete="CASCADE"))
    scope: Mapped[int] = mapped_column(Integer)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id"), unique=True)
    admitted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(16))


class BadgePrint(Base):
    """One badge printed (or saved as PDF for printing): who, which version, when, why.

    A reprint bumps ``Delegate.badge_version``; the row of the first print of a version
    says when the older badges stopped being valid.
    """

    __tablename__ = "badge_prints"
    __table_args__ = (Index("ix_badge_prints_delegate", "delegate_id", "badge_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    delegate_id: Mapped[int] = mapped_column(ForeignKey("delegates.id", ondelete="CASCADE"))
    badge_version: Mapped[int] = mapped_column(Integer)
    reprint: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(String(200), default="")
    template: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(100), default="")
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class NumberBlock(Base):
    """Delegate numbers a desk set aside, on the shared server, for walk-ins it may have
    to register while the server is out of reach: a badge printed offline carries its
    number, so no other desk, walk-in or import may ever take one of them
    (``roster.numbers``).  A block is never given out twice, used up or not."""

    __tablename__ = "number_blocks"
    __table_args__ = (Index("ix_number_blocks_event_last", "event_id", "last"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    # The desk's offline copy that holds the block (its own id), and its station name.
    holder: Mapped[str] = mapped_column(String(36))
    station: Mapped[str] = mapped_column(String(100), default="")
    reserved_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DeskState(Base):
    """A desk's offline copy's own bookkeeping (only there): how far it has read the
    server's journal and roster, its number blocks, its id.  Key -> JSON text."""

    __tablename__ = "desk_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class PendingChange(Base):
    """A walk-in, a delegate edit or a note made at a desk while the server was out of
    reach (only in the desk's offline copy), waiting to be replayed, or kept after a
    replay that found a clash until a person dismisses it (``desk.pending``).

    ``before``/``after`` are JSON objects of the person's form fields (a note:
    ``{"note": …}``); a walk-in has no "before".  ``state``: pending, applied, clash or
    dismissed.  ``clash``: JSON of what the replay found (reason, values, message), empty
    otherwise.
    """

    __tablename__ = "pending_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    delegate_number: Mapped[int] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(100), default="")
    operator: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="pending")
    clash: Mapped[str] = mapped_column(Text, default="")
    settled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class EventSetting(Base):
    """A choice made in the app for one event and kept with it, shared by every desk on
    the same database (the dashboard's watch list).  Key -> JSON text; a missing key
    means the feature's default."""

    __tablename__ = "event_settings"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
