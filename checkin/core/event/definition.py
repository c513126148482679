"""The event, its sessions and categories: defined in TOML, stored in the database.

A database holds one *current* event (the most recently created); codes of any other
event scan as ``wrong_event``.  ``checkin event init FILE`` creates the event, or updates
the current one in place when run again (sessions and categories matched by key), so
the secret — and every printed badge — stays valid.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError, translatable
from checkin.core.types import CategoryInfo, EventInfo, SessionInfo

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class EventError(UserError, ValueError):
    """An event definition that cannot be used; the message names the file and the field."""


# ---------------------------------------------------------------------------- spec


@dataclass(frozen=True)
class SessionSpec:
    key: str
    title: str
    room: str
    starts_at: dt.datetime  # naive UTC
    ends_at: dt.datetime  # naive UTC
    capacity: int | None
    attendance: bool


@dataclass(frozen=True)
class EventSpec:
    name: str
    venue: str
    address: str
    date: dt.date
    timezone: str
    language: str
    capacity: int | None
    registration_opens: dt.datetime | None  # naive UTC
    sessions: tuple[SessionSpec, ...]
    categories: tuple[CategoryInfo, ...]


def load_event_file(path: str | Path, *, today: dt.date | None = None) -> EventSpec:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EventError("%1: cannot read the file (%2).", path, exc.strerror or exc) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EventError("%1: not UTF-8 text (byte %2).", path, exc.start) from exc
    except tomllib.TOMLDecodeError as exc:
        raise EventError("%1: not valid TOML: %2.", path, exc) from exc
    return parse_event(data, source=str(path), today=today)


@dataclass(frozen=True)
class _Where:
    """Where a value sits in the file: a TOML table ("[event]", "[[categories]] #2"),
    or a session, named by its key.  Each has its own sentences, so that "session"
    is a word of the template (translated), never of a value."""

    label: str
    session: bool = False


def _say(where: _Where, in_table: str, in_session: str, source: str, *values: object):
    """The refusal (template, values…) worded for where the value sits."""
    return (in_session if where.session else in_table), source, where.label, *values


def parse_event(data: dict, *, source: str = "event", today: dt.date | None = None) -> EventSpec:
    ev = data.get("event")
    if not isinstance(ev, dict):
        raise EventError("%1: missing the [event] table.", source)
    event_table = _Where("[event]")

    def field(table: dict, name: str, where: _Where, *, required=False, default=None, kind=str):
        value = table.get(name, default)
        if value is None or value == "":
            if required:
                raise EventError(*_say(
                    where,
                    translatable("%1: %2: '%3' is required."),
                    translatable("%1: session %2: '%3' is required."),
                    source, name,
                ))  # fmt: skip
            return default
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise EventError(*_say(
                    where,
                    translatable("%1: %2: '%3' must be a whole number >= 0."),
                    translatable("%1: session %2: '%3' must be a whole number >= 0."),
                    source, name,
                ))  # fmt: skip
            return value
        if kind is bool:
            if not isinstance(value, bool):
                raise EventError(*_say(
                    where,
                    translatable("%1: %2: '%3' must be true or false."),
                    translatable("%1: session %2: '%3' must be true or false."),
                    source, name,
                ))  # fmt: skip
            return value
        if not isinstance(value, str):
            raise EventError(*_say(
                where,
                translatable("%1: %2: '%3' must be text."),
                translatable("%1: session %2: '%3' must be text."),
                source, name,
            ))  # fmt: skip
        return value.strip()

    name = field(ev, "name", event_table, required=True)
    tz_name = field(ev, "timezone", event_table, default="UTC")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise EventError(
            "%1: [event]: unknown time zone %2 (e.g. 'Europe/Zurich').", source, repr(tz_name)
        ) from exc
    raw_date = ev.get("date", "today")
    if raw_date == "today":
        date = today or dt.datetime.now(tz).date()
    elif isinstance(raw_date, dt.date) and not isinstance(raw_date, dt.datetime):
        date = raw_date
    else:
        try:
            date = dt.date.fromisoformat(str(raw_date))
        except ValueError as exc:
            raise EventError(
                "%1: [event]: 'date' must be YYYY-MM-DD or \"today\", not %2.",
                source,
                repr(raw_date),
            ) from exc

    def at(value, where: _Where, name: str) -> dt.datetime:
        if isinstance(value, dt.time):
            t = value
        elif isinstance(value, str) and _TIME.match(value.strip()):
            hh, mm = value.strip().split(":")
            t = dt.time(int(hh), int(mm))
        else:
            raise EventError(*_say(
                where,
                translatable("%1: %2: '%3' must be a time like \"08:30\"."),
                translatable("%1: session %2: '%3' must be a time like \"08:30\"."),
                source, name,
            ))  # fmt: skip
        local = dt.datetime.combine(date, t, tzinfo=tz)
        return local.astimezone(dt.UTC).replace(tzinfo=None)

    language = field(ev, "language", event_table, default="en")
    if language not in ("en", "fr"):
        raise EventError("%1: [event]: 'language' must be \"en\" or \"fr\".", source)
    opens = ev.get("registration_opens")
    registration_opens = at(opens, event_table, "registration_opens") if opens else None

    categories: list[CategoryInfo] = []
    for i, cat in enumerate(data.get("categories", []), start=1):
        where = _Where(f"[[categories]] #{i}")
        if not isinstance(cat, dict):
            raise EventError("%1: %2: must be a table.", source, where.label)
        key = field(cat, "key", where, required=True)
        if not _KEY.match(key):
            raise EventError(
                "%1: %2: key %3 must be lower-case letters, digits, - or _.",
                source,
                where.label,
                repr(key),
            )
        colour = field(cat, "colour", where, default="#4D4D4D")
        if not _COLOUR.match(colour):
            raise EventError(
                "%1: %2: colour %3 must look like #1F6FB2.", source, where.label, repr(colour)
            )
        if any(c.key == key for c in categories):
            raise EventError(
                "%1: %2: category %3 is defined twice.", source, where.label, repr(key)
            )
        label = field(cat, "label", where, default=key.capitalize())
        categories.append(CategoryInfo(key=key, label=label, colour=colour.upper()))

    sessions: list[SessionSpec] = []
    for i, sess in enumerate(data.get("sessions", []), start=1):
        where = _Where(f"[[sessions]] #{i}")
        if not isinstance(sess, dict):
            raise EventError("%1: %2: must be a table.", source, where.label)
        key = field(sess, "key", where, required=True)
        if not _KEY.match(key):
            raise EventError(
                "%1: %2: key %3 must be lower-case letters, digits, - or _.",
                source,
                where.label,
                repr(key),
            )
        if any(s.key == key for s in sessions):
            raise EventError(
                "%1: %2: session %3 is defined twice.", source, where.label, repr(key)
            )
        where = _Where(repr(key), session=True)
        starts = at(sess.get("start"), where, "start")
        ends = at(sess.get("end"), where, "end")
        if ends <= starts:
            raise EventError("%1: session %2: 'end' must be after 'start'.", source, where.label)
        sessions.append(
            SessionSpec(
                key=key,
                title=field(sess, "title", where, required=True),
                room=field(sess, "room", where, default=""),
                starts_at=starts,
                ends_at=ends,
                capacity=field(sess, "capacity", where, kind=int),
                attendance=field(sess, "attendance", where, default=True, kind=bool),
            )
        )
    sessions.sort(key=lambda s: s.starts_at)
    return EventSpec(
        name=name,
        venue=field(ev, "venue", event_table, default=""),
        address=field(ev, "address", event_table, default=""),
        date=date,
        timezone=tz_name,
        language=language,
        capacity=field(ev, "capacity", event_table, kind=int),
        registration_opens=registration_opens,
        sessions=tuple(sessions),
        categories=tuple(categories),
    )


# ---------------------------------------------------------------------------- store


def _utc(naive: dt.datetime | None) -> dt.datetime | None:
    return naive.replace(tzinfo=dt.UTC) if naive is not None else None


def to_info(event: m.Event) -> EventInfo:
    return EventInfo(
        id=event.id,
        uuid=event.uuid,
        name=event.name,
        venue=event.venue,
        address=event.address,
        date=event.date,
        timezone=event.timezone,
        language=event.language,
        capacity=event.capacity,
        registration_opens=_utc(event.registration_opens),
        sessions=tuple(
            SessionInfo(
                id=s.id,
                key=s.key,
                title=s.title,
                room=s.room,
                starts_at=_utc(s.starts_at),
                ends_at=_utc(s.ends_at),
                capacity=s.capacity,
                attendance=s.attendance,
            )
            for s in sorted(event.sessions, key=lambda s: (s.starts_at, s.key))
        ),
        categories=tuple(
            CategoryInfo(key=c.key, label=c.label, colour=c.colour) for c in event.categories
        ),
    )


def current_event_row(session: DbSession) -> m.Event | None:
    return session.scalars(select(m.Event).order_by(m.Event.id.desc()).limit(1)).first()


def current_event(store: Store) -> EventInfo | None:
    with store.read() as s:
        event = current_event_row(s)
        return to_info(event) if event else None


def require_event(store: Store) -> EventInfo:
    info = current_event(store)
    if info is None:
        raise EventError(
            "This database has no event yet: run 'checkin event init FILE.toml' "
            "or 'checkin demo'."
        )
    return info


def event_secret(store: Store, event_id: int) -> bytes:
    with store.read() as s:
        return bytes.fromhex(s.get_one(m.Event, event_id).secret)


def save_event(store: Store, spec: EventSpec, *, new: bool = False) -> EventInfo:
    """Create the event, or update the current one in place (its secret kept)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with store.write() as s:
        event = None if new else current_event_row(s)
        if event is None:
            event = m.Event(
                uuid=str(uuid.uuid4()), secret=secrets.token_hex(32), created_at=now
            )
            s.add(event)
        for attr in (
            "name", "venue", "address", "date", "timezone", "language", "capacity",
            "registration_opens",
        ):
            setattr(event, attr, getattr(spec, attr))

        by_key = {c.key: c for c in event.categories}
        for pos, cat in enumerate(spec.categories):
            row = by_key.get(cat.key) or m.Category(key=cat.key)
            row.label, row.colour, row.position = cat.label, cat.colour, pos
            if cat.key not in by_key:
                event.categories.append(row)

        sessions = {x.key: x for x in event.sessions}
        for sess in spec.sessions:
            row = sessions.get(sess.key) or m.Session(key=sess.key)
            for attr in ("title", "room", "starts_at", "ends_at", "capacity", "attendance"):
                setattr(row, attr, getattr(sess, attr))
            if sess.key not in sessions:
                event.sessions.append(row)
        # Sessions and categories missing from the file are kept: scans may point at them.
        s.flush()
        s.refresh(event)
        return to_info(event)
