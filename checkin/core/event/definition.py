"""The event, its sessions and categories: defined in TOML, saved to the database.

``checkin event init FILE`` reads the file into an ``EventSpec`` (``load_event_file``,
``parse_event``: one step per table, refusing the first problem with the file and the
field named) and saves it (``save_event``): it creates the event, or updates the current
one in place when run again (sessions and categories matched by key), so the secret —
and every printed badge — stays valid.  What a valid key, colour, language, time zone or
time is, ``rules`` says, for this file and the Agenda page alike.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import translatable
from checkin.core.event import rules, walk_ins
from checkin.core.event.rules import EventError
from checkin.core.event.stored import current_event_row, handouts_to_json, to_info
from checkin.core.types import CategoryInfo, EventInfo, HandoutItem

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
    # Entry rules (``accreditation.rules``); the Agenda page leaves them as they are.
    only_categories: tuple[str, ...] = ()
    doors_open: int | None = None
    hard_capacity: bool = False


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
    # ``[walk_ins] required``: the fields a walk-in must give; None: the default
    # (``walk_ins.DEFAULT_REQUIRED``, or what an earlier file said).
    walk_in_required: tuple[str, ...] | None = None
    handouts: tuple[HandoutItem, ...] = ()  # ``[[handouts]]``
    # Venue entry rules, in ``[event]`` with a session's names (``accreditation.rules``);
    # ``doors_open`` counts minutes before ``registration_opens``.
    only_categories: tuple[str, ...] = ()
    doors_open: int | None = None
    hard_capacity: bool = False


# ---------------------------------------------------------------------------- file


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


class _Fields:
    """Typed reads from one table of the file; a refusal names the file and the place.

    A value missing or empty (``""``) counts as not given: the default, or a refusal
    when the value is required."""

    def __init__(self, source: str, table: dict[str, Any], where: _Where):
        self.source, self.table, self.where = source, table, where

    def _given(self, name: str, default: object, required: bool) -> object:
        value = self.table.get(name, default)
        if value is None or value == "":
            if required:
                raise EventError(*_say(
                    self.where,
                    translatable("%1: %2: '%3' is required."),
                    translatable("%1: session %2: '%3' is required."),
                    self.source, name,
                ))  # fmt: skip
            return None
        return value

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        value = self._given(name, default, required)
        if value is None:
            return default
        if not isinstance(value, str):
            raise EventError(*_say(
                self.where,
                translatable("%1: %2: '%3' must be text."),
                translatable("%1: session %2: '%3' must be text."),
                self.source, name,
            ))  # fmt: skip
        return value.strip()

    def whole(self, name: str) -> int | None:
        value = self._given(name, None, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise EventError(*_say(
                self.where,
                translatable("%1: %2: '%3' must be a whole number >= 0."),
                translatable("%1: session %2: '%3' must be a whole number >= 0."),
                self.source, name,
            ))  # fmt: skip
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self._given(name, default, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise EventError(*_say(
                self.where,
                translatable("%1: %2: '%3' must be true or false."),
                translatable("%1: session %2: '%3' must be true or false."),
                self.source, name,
            ))  # fmt: skip
        return value

    def moment(self, name: str, date: dt.date, timezone: str) -> dt.datetime:
        """The time of day ``name`` on the event day, in the event's zone, as naive UTC."""
        time = rules.time_of_day(self.table.get(name))
        if time is None:
            raise EventError(*_say(
                self.where,
                translatable("%1: %2: '%3' must be a time like \"08:30\"."),
                translatable("%1: session %2: '%3' must be a time like \"08:30\"."),
                self.source, name,
            ))  # fmt: skip
        return rules.utc_naive(date, time, timezone)

    def keys(self, name: str) -> tuple[str, ...]:
        """A list of keys (``only_categories = ["head"]``); a single string is one key."""
        value = self._given(name, None, False)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str) and rules.is_key(v.strip()) for v in value
        ):
            raise EventError(*_say(
                self.where,
                translatable("%1: %2: '%3' must be a list of keys like [\"speaker\"]."),
                translatable("%1: session %2: '%3' must be a list of keys like [\"speaker\"]."),
                self.source, name,
            ))  # fmt: skip
        return tuple(dict.fromkeys(v.strip() for v in value))

    def key(self) -> str:
        key = self.text("key", required=True)
        if not rules.is_key(key):
            raise EventError(
                "%1: %2: key %3 must be lower-case letters, digits, - or _.",
                self.source, self.where.label, repr(key),
            )  # fmt: skip
        return key


def parse_event(data: dict, *, source: str = "event", today: dt.date | None = None) -> EventSpec:
    """The event defined by a parsed TOML file (``source`` names it in refusals).

    ``date = "today"`` (the default) is ``today``, or the date now in the event's zone."""
    ev = data.get("event")
    if not isinstance(ev, dict):
        raise EventError("%1: missing the [event] table.", source)
    fields = _Fields(source, ev, _Where("[event]"))
    name = fields.text("name", required=True)
    timezone = fields.text("timezone", default="UTC")
    if not rules.is_timezone(timezone):
        raise EventError(
            "%1: [event]: unknown time zone %2 (e.g. 'Europe/Zurich').", source, repr(timezone)
        )
    date = _event_date(source, ev.get("date", "today"), timezone, today)
    language = fields.text("language", default="en")
    if not rules.is_language(language):
        raise EventError("%1: [event]: 'language' must be \"en\" or \"fr\".", source)
    opens = ev.get("registration_opens")
    registration_opens = fields.moment("registration_opens", date, timezone) if opens else None
    categories = _categories(source, data.get("categories", []))
    sessions = _sessions(source, data.get("sessions", []), date, timezone)
    known = {c.key for c in categories}
    for sess in sessions:
        _check_categories(source, f"session {sess.key!r}", sess.only_categories, known)
    handouts = _handouts(source, data.get("handouts", []), known)
    only, doors, hard = _venue_rules(fields, known, registration_opens)
    return EventSpec(
        name=name,
        venue=fields.text("venue"),
        address=fields.text("address"),
        date=date,
        timezone=timezone,
        language=language,
        capacity=fields.whole("capacity"),
        registration_opens=registration_opens,
        sessions=sessions,
        categories=categories,
        walk_in_required=walk_ins.parse_required(source, data.get("walk_ins")),
        handouts=handouts,
        only_categories=only,
        doors_open=doors,
        hard_capacity=hard,
    )


def _venue_rules(
    fields: _Fields, known: set[str], registration_opens: dt.datetime | None
) -> tuple[tuple[str, ...], int | None, bool]:
    """``[event]``'s entry rules for the building: categories, doors, hard capacity.

    Each needs what it is counted from, so a file cannot set a rule that silently never
    applies: doors that open before registration need ``registration_opens``, a hard
    capacity needs ``capacity``."""
    only = fields.keys("only_categories")
    _check_categories(fields.source, "[event]", only, known)
    doors = fields.whole("doors_open")
    if doors is not None and registration_opens is None:
        raise EventError(
            "%1: [event]: 'doors_open' counts minutes before 'registration_opens'; "
            "give 'registration_opens' too.", fields.source,
        )  # fmt: skip
    hard = bool(fields.flag("hard_capacity", False))
    if hard and not fields.whole("capacity"):
        raise EventError(
            "%1: [event]: 'hard_capacity' refuses arrivals at 'capacity'; give "
            "'capacity' too.", fields.source,
        )  # fmt: skip
    return only, doors, hard


def _event_date(source: str, raw: object, timezone: str, today: dt.date | None) -> dt.date:
    if raw == "today":
        return today or clock.utcnow().astimezone(ZoneInfo(timezone)).date()
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError as exc:
        raise EventError(
            "%1: [event]: 'date' must be YYYY-MM-DD or \"today\", not %2.", source, repr(raw)
        ) from exc


def _table(source: str, where: _Where, table: object) -> _Fields:
    if not isinstance(table, dict):
        raise EventError("%1: %2: must be a table.", source, where.label)
    return _Fields(source, table, where)


def _categories(source: str, tables: list[Any]) -> tuple[CategoryInfo, ...]:
    """The ``[[categories]]``, in file order (the order of the badge and report lists)."""
    categories: list[CategoryInfo] = []
    for i, table in enumerate(tables, start=1):
        fields = _table(source, _Where(f"[[categories]] #{i}"), table)
        key = fields.key()
        colour = fields.text("colour", default=rules.DEFAULT_COLOUR)
        if not rules.is_colour(colour):
            raise EventError(
                "%1: %2: colour %3 must look like #1F6FB2.", source, fields.where.label,
                repr(colour),
            )  # fmt: skip
        if any(c.key == key for c in categories):
            raise EventError(
                "%1: %2: category %3 is defined twice.", source, fields.where.label, repr(key)
            )
        label = fields.text("label", default=key.capitalize())
        categories.append(CategoryInfo(
            key=key, label=label, colour=colour.upper(), id_check=fields.flag("id_check", False)
        ))
    return tuple(categories)


def _check_categories(source: str, where: str, keys: tuple[str, ...], known: set[str]) -> None:
    """Category keys named by a rule or a hand-out must be the file's own."""
    for key in keys:
        if known and key not in known:
            raise EventError(
                "%1: %2: unknown category %3 (categories: %4).",
                source, where, repr(key), ", ".join(sorted(known)),
            )  # fmt: skip


def _handouts(source: str, tables: list[Any], known: set[str]) -> tuple[HandoutItem, ...]:
    """The ``[[handouts]]``: key, label, returnable, optional categories (all when absent)."""
    items: list[HandoutItem] = []
    for i, table in enumerate(tables, start=1):
        fields = _table(source, _Where(f"[[handouts]] #{i}"), table)
        key = fields.key()
        if any(h.key == key for h in items):
            raise EventError(
                "%1: %2: hand-out %3 is defined twice.", source, fields.where.label, repr(key)
            )
        categories = fields.keys("categories")
        _check_categories(source, fields.where.label, categories, known)
        items.append(HandoutItem(
            key=key, label=fields.text("label", default=key.capitalize()),
            returnable=fields.flag("returnable", False), categories=categories,
        ))  # fmt: skip
    return tuple(items)


def _sessions(
    source: str, tables: list[Any], date: dt.date, timezone: str
) -> tuple[SessionSpec, ...]:
    """The ``[[sessions]]``, in time order."""
    sessions: list[SessionSpec] = []
    for i, table in enumerate(tables, start=1):
        fields = _table(source, _Where(f"[[sessions]] #{i}"), table)
        key = fields.key()
        if any(s.key == key for s in sessions):
            raise EventError(
                "%1: %2: session %3 is defined twice.", source, fields.where.label, repr(key)
            )
        # from here on, refusals name the session by its key
        named = _Fields(source, fields.table, _Where(repr(key), session=True))
        sessions.append(_session(named, key, date, timezone))
    sessions.sort(key=lambda s: s.starts_at)
    return tuple(sessions)


def _session(fields: _Fields, key: str, date: dt.date, timezone: str) -> SessionSpec:
    starts = fields.moment("start", date, timezone)
    ends = fields.moment("end", date, timezone)
    if ends <= starts:
        raise EventError(
            "%1: session %2: 'end' must be after 'start'.", fields.source, fields.where.label
        )
    return SessionSpec(
        key=key,
        title=fields.text("title", required=True),
        room=fields.text("room"),
        starts_at=starts,
        ends_at=ends,
        capacity=fields.whole("capacity"),
        attendance=fields.flag("attendance", True),
        only_categories=fields.keys("only_categories"),
        doors_open=fields.whole("doors_open"),
        hard_capacity=fields.flag("hard_capacity", False),
    )


# ---------------------------------------------------------------------------- save


def save_event(store: Store, spec: EventSpec, *, new: bool = False) -> EventInfo:
    """Create the event, or update the current one in place (its secret kept)."""
    now = clock.naive_utcnow()
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
        event.handouts = handouts_to_json(spec.handouts)
        event.only_categories = ",".join(spec.only_categories)
        event.doors_open, event.hard_capacity = spec.doors_open, spec.hard_capacity
        _save_categories(event, spec.categories)
        _save_sessions(event, spec.sessions)
        if spec.walk_in_required is not None:
            s.flush()  # the event's id, for a new event
            _save_walk_in_rule(s, event.id, spec.walk_in_required)
        # Sessions and categories missing from the file are kept: scans may point at them.
        s.flush()
        s.refresh(event)
        return to_info(event)


def _save_walk_in_rule(s, event_id: int, required: tuple[str, ...]) -> None:
    text = json.dumps(list(required))
    row = s.get(m.EventSetting, (event_id, walk_ins.SETTING))
    if row is None:
        s.add(m.EventSetting(event_id=event_id, key=walk_ins.SETTING, value=text))
    else:
        row.value = text


def _save_categories(event: m.Event, categories: tuple[CategoryInfo, ...]) -> None:
    by_key = {c.key: c for c in event.categories}
    for pos, cat in enumerate(categories):
        row = by_key.get(cat.key) or m.Category(key=cat.key)
        row.label, row.colour, row.position = cat.label, cat.colour, pos
        row.id_check = cat.id_check
        if cat.key not in by_key:
            event.categories.append(row)


def _save_sessions(event: m.Event, sessions: tuple[SessionSpec, ...]) -> None:
    by_key = {x.key: x for x in event.sessions}
    for sess in sessions:
        row = by_key.get(sess.key) or m.Session(key=sess.key)
        for attr in ("title", "room", "starts_at", "ends_at", "capacity", "attendance",
                     "doors_open", "hard_capacity"):
            setattr(row, attr, getattr(sess, attr))
        row.only_categories = ",".join(sess.only_categories)
        if sess.key not in by_key:
            event.sessions.append(row)
