"""Editing the event in place: its details, sessions and categories, in one transaction.

``event.save_event`` is the TOML path (``checkin event init``): it adds and updates but
never removes, because a file that forgets a session must not erase history.  The
Agenda page edits the event directly, so removing is a deliberate act here, and it is
refused for anything the day already refers to: a session with scans recorded against
it (the journal points at it) or a category some delegate has (their badge band and
headcounts would lose it).

Problems are returned as ``AgendaProblem`` values (where, which field, what kind) so a
screen can put each message next to the row and field it concerns; ``update_event``
checks again and raises ``AgendaError`` with all of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import fill, translatable
from checkin.core.event.definition import EventSpec, SessionSpec, to_info
from checkin.core.text import fold
from checkin.core.types import CategoryInfo, EventInfo

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_SLUG = re.compile(r"[^a-z0-9]+")

LIMITS = {"name": 300, "venue": 300, "address": 500, "title": 500, "room": 200, "label": 200}


@dataclass(frozen=True)
class AgendaProblem:
    """One thing wrong with an edited event.

    ``section`` is "event", "session" or "category"; ``index`` the position of the
    session or category in the spec (0 for the event); ``kind`` one of: required,
    too_long, end_before_start, duplicate_title, duplicate_key, bad_colour,
    bad_timezone, bad_language, in_use, not_found.
    """

    section: str
    index: int
    field: str
    kind: str
    message: str
    # For the problems a screen cannot word from ``kind`` alone (``in_use``,
    # ``not_found``: they name what the database holds), the English template of
    # ``message`` and its values, so the app can show it in the operator's language.
    template: str = ""
    values: tuple[str, ...] = ()


class AgendaError(ValueError):
    """The edit was refused; ``problems`` says what and where, nothing was written."""

    def __init__(self, problems: Sequence[AgendaProblem]):
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))


def spec_from_info(event: EventInfo) -> EventSpec:
    """The editable form of a stored event (times naive UTC, as ``EventSpec`` holds them)."""

    def naive(when: dt.datetime | None) -> dt.datetime | None:
        return when.astimezone(dt.UTC).replace(tzinfo=None) if when is not None else None

    return EventSpec(
        name=event.name,
        venue=event.venue,
        address=event.address,
        date=event.date,
        timezone=event.timezone,
        language=event.language,
        capacity=event.capacity,
        registration_opens=naive(event.registration_opens),
        sessions=tuple(
            SessionSpec(
                key=s.key, title=s.title, room=s.room, starts_at=naive(s.starts_at),
                ends_at=naive(s.ends_at), capacity=s.capacity, attendance=s.attendance,
            )
            for s in event.sessions
        ),
        categories=event.categories,
    )


def load_event(store: Store, event_id: int) -> EventInfo | None:
    """The event as stored now (another desk may have edited it)."""
    with store.read() as s:
        event = s.get(m.Event, event_id)
        return to_info(event) if event is not None else None


def utc_naive(date: dt.date, time: dt.time, timezone: str) -> dt.datetime:
    """A local wall-clock time on the event day, as stored (naive UTC)."""
    local = dt.datetime.combine(date, time, tzinfo=ZoneInfo(timezone))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def local_time(when: dt.datetime, timezone: str) -> dt.time:
    """A stored naive-UTC time as the wall-clock time in the event's zone."""
    aware = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when
    return aware.astimezone(ZoneInfo(timezone)).time().replace(tzinfo=None)


def new_key(text: str, taken: set[str], fallback: str) -> str:
    """A key for a new session or category, from its title: "Coffee break" -> "coffee-break"."""
    base = _SLUG.sub("-", fold(text)).strip("-")[:56] or fallback
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def check_spec(spec: EventSpec) -> list[AgendaProblem]:
    """Every problem in an edited event, in screen order (event, sessions, categories)."""
    problems: list[AgendaProblem] = []

    def add(section: str, index: int, field: str, kind: str, message: str) -> None:
        problems.append(AgendaProblem(section, index, field, kind, message))

    def text(section: str, index: int, field: str, value: str, where: str, required: bool):
        if required and not value.strip():
            add(section, index, field, "required", f"{where}: '{field}' is required")
        elif len(value) > LIMITS[field]:
            add(section, index, field, "too_long",
                f"{where}: '{field}' is longer than {LIMITS[field]} characters")

    text("event", 0, "name", spec.name, "event", True)
    text("event", 0, "venue", spec.venue, "event", False)
    text("event", 0, "address", spec.address, "event", False)
    try:
        ZoneInfo(spec.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        add("event", 0, "timezone", "bad_timezone",
            f"event: unknown time zone {spec.timezone!r} (e.g. 'Europe/Zurich')")
    if spec.language not in ("en", "fr"):
        add("event", 0, "language", "bad_language", "event: language must be 'en' or 'fr'")

    keys: set[str] = set()  # two sessions may share a title (two coffee breaks)
    for i, sess in enumerate(spec.sessions):
        where = f"session {i + 1} ({sess.title or 'untitled'})"
        text("session", i, "title", sess.title, where, True)
        text("session", i, "room", sess.room, where, False)
        if sess.ends_at <= sess.starts_at:
            add("session", i, "end", "end_before_start", f"{where}: 'end' must be after 'start'")
        if sess.key:
            if sess.key in keys:
                add("session", i, "key", "duplicate_key", f"{where}: key {sess.key!r} twice")
            keys.add(sess.key)

    labels: dict[str, int] = {}
    cat_keys: set[str] = set()
    for i, cat in enumerate(spec.categories):
        where = f"category {i + 1} ({cat.label or 'unnamed'})"
        text("category", i, "label", cat.label, where, True)
        if not _COLOUR.match(cat.colour):
            add("category", i, "colour", "bad_colour",
                f"{where}: colour {cat.colour!r} must look like #1F6FB2")
        folded = fold(cat.label)
        if folded and folded in labels:
            add("category", i, "label", "duplicate_title",
                f"{where}: same name as category {labels[folded] + 1}")
        labels.setdefault(folded, i)
        if cat.key:
            if cat.key in cat_keys:
                add("category", i, "key", "duplicate_key", f"{where}: key {cat.key!r} twice")
            cat_keys.add(cat.key)
    return problems


def update_event(store: Store, event_id: int, spec: EventSpec) -> EventInfo:
    """Save the edited event: details, sessions and categories, all or nothing.

    Sessions and categories are matched by key; an empty key is a new one (a key is
    made from its title).  Those missing from ``spec`` are removed, unless the journal
    or a delegate refers to them: then nothing is saved and ``AgendaError`` says which.
    The event's secret is untouched, so every printed badge stays valid.
    """
    problems = check_spec(spec)
    if problems:
        raise AgendaError(problems)
    with store.write() as s:
        event = s.get(m.Event, event_id)
        if event is None:
            raise AgendaError(
                [_refusal("event", 0, "name", "not_found",
                          translatable("the event no longer exists"))]
            )  # fmt: skip
        problems = _removal_problems(s, event, spec)
        if problems:
            raise AgendaError(problems)

        for attr in (
            "name", "venue", "address", "date", "timezone", "language", "capacity",
            "registration_opens",
        ):
            value = getattr(spec, attr)
            setattr(event, attr, value.strip() if isinstance(value, str) else value)

        cats = {c.key: c for c in event.categories}
        taken = set(cats)
        wanted: list[CategoryInfo] = []
        for cat in spec.categories:
            if not cat.key:
                cat = replace(cat, key=new_key(cat.label, taken, "category"))
            taken.add(cat.key)
            wanted.append(cat)
        for row in [c for c in event.categories if c.key not in {w.key for w in wanted}]:
            event.categories.remove(row)
        for pos, cat in enumerate(wanted):
            row = cats.get(cat.key)
            if row is None:
                row = m.Category(key=cat.key)
                event.categories.append(row)
            row.label, row.colour, row.position = cat.label.strip(), cat.colour.upper(), pos

        sessions = {x.key: x for x in event.sessions}
        taken = set(sessions)
        kept: set[str] = set()
        for sess in spec.sessions:
            if not sess.key:
                sess = replace(sess, key=new_key(sess.title, taken, "session"))
            taken.add(sess.key)
            kept.add(sess.key)
            row = sessions.get(sess.key)
            if row is None:
                row = m.Session(key=sess.key)
                event.sessions.append(row)
            for attr in ("title", "room", "starts_at", "ends_at", "capacity", "attendance"):
                value = getattr(sess, attr)
                setattr(row, attr, value.strip() if isinstance(value, str) else value)
        for row in [x for x in event.sessions if x.key not in kept]:
            event.sessions.remove(row)
        s.flush()
        s.refresh(event)
        return to_info(event)


def _refusal(
    section: str, index: int, field: str, kind: str, template: str, *values: object
) -> AgendaProblem:
    """A problem worded from a translatable template (see checkin/core/errors.py)."""
    texts = tuple(str(v) for v in values)
    return AgendaProblem(section, index, field, kind, fill(template, texts), template, texts)


def _removal_problems(s, event: m.Event, spec: EventSpec) -> list[AgendaProblem]:
    """Removed sessions with scans, removed categories with delegates."""
    problems: list[AgendaProblem] = []
    keep_sessions = {x.key for x in spec.sessions if x.key}
    for row in event.sessions:
        if row.key in keep_sessions:
            continue
        scans = s.scalar(select(func.count()).where(m.Scan.session_id == row.id)) or 0
        if scans:
            problems.append(_refusal(
                "session", -1, "title", "in_use",
                translatable("session %1 cannot be removed: %2 scan(s) are recorded "
                             "for it (set 'attendance' off instead)"),
                repr(row.title), scans,
            ))  # fmt: skip
    keep_cats = {c.key for c in spec.categories if c.key}
    for row in event.categories:
        if row.key in keep_cats:
            continue
        people = s.scalar(
            select(func.count()).where(
                m.Delegate.event_id == event.id, m.Delegate.category == row.key
            )
        ) or 0
        if people:
            problems.append(_refusal(
                "category", -1, "label", "in_use",
                translatable("category %1 cannot be removed: %2 delegate(s) have it"),
                repr(row.label), people,
            ))  # fmt: skip
    return problems


def removable(store: Store, event: EventInfo) -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the sessions and categories that could be removed now (nothing refers to them)."""
    with store.read() as s:
        used_sessions = set(
            s.scalars(
                select(m.Session.key)
                .join(m.Scan, m.Scan.session_id == m.Session.id)
                .where(m.Session.event_id == event.id)
                .distinct()
            )
        )
        used_cats = set(
            s.scalars(
                select(m.Delegate.category).where(m.Delegate.event_id == event.id).distinct()
            )
        )
    return (
        frozenset(x.key for x in event.sessions if x.key not in used_sessions),
        frozenset(c.key for c in event.categories if c.key not in used_cats),
    )
