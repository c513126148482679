"""Editing the event in place: its details, sessions and categories, in one transaction.

``definition.save_event`` is the TOML path (``checkin event init``): it adds and updates but
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

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import fill, translatable
from checkin.core.event import rules
from checkin.core.event.definition import EventSpec, SessionSpec
from checkin.core.event.stored import to_info
from checkin.core.text import fold
from checkin.core.types import CategoryInfo, EventInfo

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

    def naive(when: dt.datetime) -> dt.datetime:
        return when.astimezone(dt.UTC).replace(tzinfo=None)

    return EventSpec(
        name=event.name,
        venue=event.venue,
        address=event.address,
        date=event.date,
        timezone=event.timezone,
        language=event.language,
        capacity=event.capacity,
        registration_opens=(
            naive(event.registration_opens) if event.registration_opens is not None else None
        ),
        sessions=tuple(
            SessionSpec(
                key=s.key, title=s.title, room=s.room, starts_at=naive(s.starts_at),
                ends_at=naive(s.ends_at), capacity=s.capacity, attendance=s.attendance,
                only_categories=s.only_categories, doors_open=s.doors_open,
                hard_capacity=s.hard_capacity,
            )
            for s in event.sessions
        ),
        categories=event.categories,
        handouts=event.handouts,
        only_categories=event.only_categories,
        doors_open=event.doors_open,
        hard_capacity=event.hard_capacity,
    )


def new_key(text: str, taken: set[str], fallback: str) -> str:
    """A key for a new session or category, from its title: "Coffee break" -> "coffee-break"."""
    base = _SLUG.sub("-", fold(text)).strip("-")[:56] or fallback
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def check_spec(spec: EventSpec) -> list[AgendaProblem]:
    """Every problem in an edited event, in screen order (event, sessions, categories)."""
    return [
        *_event_problems(spec),
        *_session_problems(spec.sessions),
        *_category_problems(spec.categories),
    ]


def _text_problems(
    section: str, index: int, field: str, value: str, where: str, required: bool
) -> list[AgendaProblem]:
    if required and not value.strip():
        return [AgendaProblem(section, index, field, "required", f"{where}: '{field}' is required")]
    if len(value) > LIMITS[field]:
        return [AgendaProblem(section, index, field, "too_long",
                              f"{where}: '{field}' is longer than {LIMITS[field]} characters")]
    return []  # fmt: skip


def _event_problems(spec: EventSpec) -> list[AgendaProblem]:
    problems = [
        *_text_problems("event", 0, "name", spec.name, "event", True),
        *_text_problems("event", 0, "venue", spec.venue, "event", False),
        *_text_problems("event", 0, "address", spec.address, "event", False),
    ]
    if not rules.is_timezone(spec.timezone):
        problems.append(AgendaProblem("event", 0, "timezone", "bad_timezone",
                        f"event: unknown time zone {spec.timezone!r} (e.g. 'Europe/Zurich')"))
    if not rules.is_language(spec.language):
        problems.append(AgendaProblem("event", 0, "language", "bad_language",
                                      "event: language must be 'en' or 'fr'"))
    return problems  # fmt: skip


def _session_problems(sessions: Sequence[SessionSpec]) -> list[AgendaProblem]:
    problems: list[AgendaProblem] = []
    keys: set[str] = set()  # two sessions may share a title (two coffee breaks)
    for i, sess in enumerate(sessions):
        where = f"session {i + 1} ({sess.title or 'untitled'})"
        problems += _text_problems("session", i, "title", sess.title, where, True)
        problems += _text_problems("session", i, "room", sess.room, where, False)
        if sess.ends_at <= sess.starts_at:
            problems.append(AgendaProblem("session", i, "end", "end_before_start",
                                          f"{where}: 'end' must be after 'start'"))
        if sess.key:
            if sess.key in keys:
                problems.append(AgendaProblem("session", i, "key", "duplicate_key",
                                              f"{where}: key {sess.key!r} twice"))
            keys.add(sess.key)
    return problems  # fmt: skip


def _category_problems(categories: Sequence[CategoryInfo]) -> list[AgendaProblem]:
    problems: list[AgendaProblem] = []
    labels: dict[str, int] = {}
    keys: set[str] = set()
    for i, cat in enumerate(categories):
        where = f"category {i + 1} ({cat.label or 'unnamed'})"
        problems += _text_problems("category", i, "label", cat.label, where, True)
        if not rules.is_colour(cat.colour):
            problems.append(AgendaProblem("category", i, "colour", "bad_colour",
                                          f"{where}: colour {cat.colour!r} must look like #1F6FB2"))
        folded = fold(cat.label)
        if folded and folded in labels:
            problems.append(AgendaProblem("category", i, "label", "duplicate_title",
                                          f"{where}: same name as category {labels[folded] + 1}"))
        labels.setdefault(folded, i)
        if cat.key:
            if cat.key in keys:
                problems.append(AgendaProblem("category", i, "key", "duplicate_key",
                                              f"{where}: key {cat.key!r} twice"))
            keys.add(cat.key)
    return problems  # fmt: skip


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
        _update_details(event, spec)
        _update_categories(event, spec.categories)
        _update_sessions(event, spec.sessions)
        s.flush()
        s.refresh(event)
        return to_info(event)


def _stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _update_details(event: m.Event, spec: EventSpec) -> None:
    for attr in (
        "name", "venue", "address", "date", "timezone", "language", "capacity",
        "registration_opens",
    ):
        setattr(event, attr, _stripped(getattr(spec, attr)))


def _update_categories(event: m.Event, categories: Sequence[CategoryInfo]) -> None:
    """The categories in ``categories``' order; new ones keyed from their label."""
    rows = {c.key: c for c in event.categories}
    taken = set(rows)
    wanted: list[CategoryInfo] = []
    for cat in categories:
        if not cat.key:
            cat = replace(cat, key=new_key(cat.label, taken, "category"))
        taken.add(cat.key)
        wanted.append(cat)
    wanted_keys = {w.key for w in wanted}
    for gone in [c for c in event.categories if c.key not in wanted_keys]:
        event.categories.remove(gone)
    for pos, cat in enumerate(wanted):
        row = rows.get(cat.key)
        if row is None:
            row = m.Category(key=cat.key)
            event.categories.append(row)
        row.label, row.colour, row.position = cat.label.strip(), cat.colour.upper(), pos


def _update_sessions(event: m.Event, sessions: Sequence[SessionSpec]) -> None:
    """The sessions in ``sessions``; new ones keyed from their title."""
    rows = {x.key: x for x in event.sessions}
    taken = set(rows)
    kept: set[str] = set()
    for sess in sessions:
        if not sess.key:
            sess = replace(sess, key=new_key(sess.title, taken, "session"))
        taken.add(sess.key)
        kept.add(sess.key)
        row = rows.get(sess.key)
        if row is None:
            row = m.Session(key=sess.key)
            event.sessions.append(row)
        for attr in ("title", "room", "starts_at", "ends_at", "capacity", "attendance"):
            setattr(row, attr, _stripped(getattr(sess, attr)))
    for gone in [x for x in event.sessions if x.key not in kept]:
        event.sessions.remove(gone)


def _refusal(
    section: str, index: int, field: str, kind: str, template: str, *values: object
) -> AgendaProblem:
    """A problem worded from a translatable template (see checkin/core/errors.py)."""
    texts = tuple(str(v) for v in values)
    return AgendaProblem(section, index, field, kind, fill(template, texts), template, texts)


def _removal_problems(s: DbSession, event: m.Event, spec: EventSpec) -> list[AgendaProblem]:
    """Removed sessions with scans, removed categories with delegates."""
    return [*_sessions_in_use(s, event, spec), *_categories_in_use(s, event, spec)]


def _sessions_in_use(s: DbSession, event: m.Event, spec: EventSpec) -> list[AgendaProblem]:
    problems: list[AgendaProblem] = []
    keep = {x.key for x in spec.sessions if x.key}
    for row in event.sessions:
        if row.key in keep:
            continue
        scans = s.scalar(select(func.count()).where(m.Scan.session_id == row.id)) or 0
        if scans:
            problems.append(_refusal(
                "session", -1, "title", "in_use",
                translatable("session %1 cannot be removed: it has scans (%2); set "
                             "'attendance' off instead"),
                repr(row.title), scans,
            ))  # fmt: skip
    return problems


def _categories_in_use(s: DbSession, event: m.Event, spec: EventSpec) -> list[AgendaProblem]:
    problems: list[AgendaProblem] = []
    keep = {c.key for c in spec.categories if c.key}
    for row in event.categories:
        if row.key in keep:
            continue
        people = s.scalar(
            select(func.count()).where(
                m.Delegate.event_id == event.id, m.Delegate.category == row.key
            )
        ) or 0
        if people:
            problems.append(_refusal(
                "category", -1, "label", "in_use",
                translatable("category %1 cannot be removed: delegates have it (%2)"),
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
