"""What the coordinators' dashboard shows, from one refresh: ``compute_stats`` plus
presence per session (who is in the room now) and the lists of people — the call list of
those not arrived, the latest arrivals, the watched categories, a session's attendees.

Reads only, meant for a worker thread (or the dashboard's reader process, ``process``).
The headcounts and the people are read at the same time on two threads; the call list,
thousands of rows at a big event, is read only when asked and, between refreshes, only
where it changed (``_updated_call_list``).  (The dashboard page reads neither long
list here any more: its tables read pages of them, ``pages``.)
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as dt
import functools
import os
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import bindparam, func, or_, select

from checkin.core import clock
from checkin.core.dashboard.stats import Stats, compute_stats
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import presence
from checkin.core.desk.presence import Attendee, CapacityLevel, capacity_level
from checkin.core.text import spreadsheet_safe
from checkin.core.types import DelegateStatus, EventInfo

_DELTA_ROWS = 500  # people read by id in one statement, when updating a call list


@dataclass(frozen=True)
class SessionPresence:
    key: str
    title: str
    room: str
    starts_at: dt.datetime  # aware UTC
    ends_at: dt.datetime  # aware UTC
    capacity: int | None
    attended: int  # standing admissions: everyone who came in at some point
    present: int  # attended minus those out through the door now
    level: CapacityLevel  # of ``present`` against ``capacity``


@dataclass(frozen=True)
class Person:
    """A delegate as the dashboard's lists show them (a call list row, an arrival)."""

    id: int
    number: int
    first_name: str
    last_name: str
    organisation: str
    country: str
    email: str
    category: str
    arrived_at: dt.datetime | None  # aware UTC
    arrived_via: str | None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class Dashboard:
    """Everything the coordinators' dashboard shows, from one refresh."""

    stats: Stats
    now: dt.datetime  # aware UTC: the event clock this snapshot was taken on
    sessions: tuple[SessionPresence, ...]  # attendance-taking sessions, in time order
    current: SessionPresence | None  # running now (the latest started wins)
    upcoming: SessionPresence | None  # the next to start, when none is running
    not_arrived: tuple[Person, ...]  # registered, not arrived: the call list (if asked)
    recent: tuple[Person, ...]  # latest arrivals first
    watch: tuple[Person, ...]  # the watched categories and people, arrived or not, by name
    attendees: tuple[Attendee, ...]  # of ``attendees_session``, by admission time
    attendees_session: str | None
    query_ms: float  # database time of this refresh
    call_list: bool = True  # False: ``not_arrived`` was not read (empty)
    call_list_mark: tuple | None = None  # (count, sum of ids) of the not-arrived
    # The watch list this snapshot was read for: (category keys, badge numbers).  When
    # the coordinator changes it, people new to the list are not "just arrived".
    watched_for: tuple[tuple[str, ...], tuple[int, ...]] = ((), ())


_PERSON = (
    m.Delegate.id, m.Delegate.number, m.Delegate.first_name, m.Delegate.last_name,
    m.Delegate.organisation, m.Delegate.country, m.Delegate.email, m.Delegate.category,
    m.Delegate.arrived_at, m.Delegate.arrived_via,
)


@functools.cache
def _reader() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard-read")


def _read_people(store, event, recent, watched_for, call_list, reuse, session_key):
    """Presence counts and the dashboard's lists, in one read transaction."""
    sql = _dashboard_statements()
    watch_categories, watch_numbers = watched_for
    params = {"event_id": event.id, "limit": recent, "watch": list(watch_categories),
              "watch_numbers": list(watch_numbers)}
    with store.read() as s:
        conn = s.connection()  # Core rows: no ORM bookkeeping per row
        out = presence.out_counts(conn, event.id)
        mark = tuple(conn.execute(sql.missing_mark, params).one()) if call_list else None
        held = reuse.not_arrived if reuse is not None and reuse.call_list else None
        if mark is not None and held is not None and reuse.call_list_mark == mark:
            not_arrived = held
        elif call_list and held is not None:
            not_arrived = _updated_call_list(conn, sql, params, held)
        elif call_list:
            not_arrived = tuple(_person(r) for r in conn.execute(sql.missing, params).all())
        else:
            not_arrived = ()
        latest = conn.execute(sql.latest, params).all()
        watched = (
            conn.execute(sql.watched, params).all()
            if watch_categories or watch_numbers else []
        )
    attendees = (
        tuple(presence.session_attendees(store, event, session_key)) if session_key else ()
    )
    return out, mark, not_arrived, latest, watched, attendees


def _updated_call_list(conn, sql, params, held: tuple[Person, ...]) -> tuple[Person, ...]:
    """The call list from the one held: who is still missing is read from the index
    alone (ids), and only people new to the list are read in full.  Between two
    refreshes a few people arrive and hardly anyone is added (an undone check-in, a
    late registration), so this costs a fraction of reading thousands of rows again;
    the people kept are the same objects, which later steps (the worker process's
    reply, the table's update) use to see what changed."""
    ids = conn.execute(sql.missing_ids, params).scalars().all()
    kept = {p.id: p for p in held}
    new = [i for i in ids if i not in kept]
    if len(new) > max(_DELTA_ROWS, len(ids) // 4):  # most of the list: read it all
        return tuple(_person(r) for r in conn.execute(sql.missing, params).all())
    still = set(ids)
    rows = [p for p in held if p.id in still]
    for i in range(0, len(new), _DELTA_ROWS):
        batch = {**params, "ids": new[i : i + _DELTA_ROWS]}
        for r in conn.execute(sql.people, batch).all():
            # In the statement's order (SQLite compares text as Python does); kept
            # rows do not move.
            bisect.insort(rows, _person(r), key=_by_name)
    return tuple(rows)


def _by_name(p: Person) -> tuple[str, str, int]:
    return p.last_name, p.first_name, p.number


@functools.cache
def _dashboard_statements():
    """Built once (expressions cost more to build than to run), with bind parameters."""
    d = m.Delegate
    # "registered" as an equality (the only other status is "cancelled"), so the watch
    # list is a range of ix_delegates_headcount (event, status, category…), not a scan.
    registered = (
        d.event_id == bindparam("event_id"), d.status == DelegateStatus.REGISTERED.value
    )
    by_name = (d.last_name, d.first_name, d.number)
    return SimpleNamespace(
        missing=select(*_PERSON).where(*registered, d.arrived_at.is_(None)).order_by(*by_name),
        missing_mark=select(func.count(), func.coalesce(func.sum(d.id), 0)).where(
            *registered, d.arrived_at.is_(None)
        ),
        missing_ids=select(d.id).where(*registered, d.arrived_at.is_(None)),
        people=select(*_PERSON).where(
            *registered, d.arrived_at.is_(None), d.id.in_(bindparam("ids", expanding=True))
        ),
        latest=select(*_PERSON)
        .where(*registered, d.arrived_at.is_not(None))
        .order_by(d.arrived_at.desc(), d.id.desc())
        .limit(bindparam("limit")),
        watched=select(*_PERSON)
        .where(
            *registered,
            or_(
                d.category.in_(bindparam("watch", expanding=True)),
                d.number.in_(bindparam("watch_numbers", expanding=True)),
            ),
        )
        .order_by(*by_name),
    )


def _person(row) -> Person:
    id_, number, first, last, organisation, country, email, category, arrived_at, via = row
    return Person(
        id_, number, first, last, organisation, country, email, category,
        arrived_at=arrived_at.replace(tzinfo=dt.UTC) if arrived_at else None, arrived_via=via,
    )


def compute_dashboard(
    store: Store,
    event: EventInfo,
    *,
    now: dt.datetime | None = None,
    watch_categories: tuple[str, ...] = ("speaker", "vip"),
    watch_numbers: tuple[int, ...] = (),
    recent: int = 12,
    attendees_session: str | None = None,
    call_list: bool = True,
    reuse: Dashboard | None = None,
    bucket_minutes: int = 15,
) -> Dashboard:
    """The dashboard's figures and lists: ``compute_stats`` plus presence and people.

    Meant for a worker thread; reads only.  ``now`` is the event clock that picks the
    current session (tests and replays pass their own).  The watch list: registered
    people of ``watch_categories`` or with ``watch_numbers`` (``dashboard.watch``).
    The two long lists — the call list (``call_list``) and a session's attendees
    (``attendees_session``) — are read only when asked: at a big event they are
    thousands of rows, for a tab that may not be open.  With ``reuse`` (the previous
    snapshot) the call list is taken from it when the set of people not arrived is the
    same — count and sum of ids, read from the index alone — which is most refreshes
    (duplicate scans, sessions, exits); when it changed, only the people new to the
    list are read (see ``_updated_call_list``).  An edited name is then seen at the
    next forced (no ``reuse``) refresh.
    """
    started = time.perf_counter()
    now = now or clock.utcnow()
    if attendees_session and event.session(attendees_session) is None:
        attendees_session = None
    # The headcounts and the people are independent reads: the people on a second
    # thread, at the same time (SQLite and the PostgreSQL driver release the GIL while
    # they work), so a refresh costs the longer of the two, not their sum.
    watched_for = (tuple(watch_categories), tuple(watch_numbers))
    people = _reader().submit(_read_people, store, event, recent, watched_for, call_list,
                              reuse, attendees_session)
    try:
        stats = compute_stats(store, event, bucket_minutes=bucket_minutes)
    finally:
        out, mark, not_arrived, latest, watched, attendees = people.result()
    sessions = _presence(stats, event, out)
    current, upcoming = _current_and_next(sessions, event, now)
    return Dashboard(
        stats=stats,
        now=now,
        sessions=sessions,
        current=current,
        upcoming=upcoming,
        not_arrived=not_arrived,
        recent=tuple(_person(r) for r in latest),
        watch=tuple(_person(r) for r in watched),
        attendees=attendees,
        attendees_session=attendees_session,
        query_ms=(time.perf_counter() - started) * 1000,
        call_list=call_list,
        call_list_mark=mark,
        watched_for=watched_for,
    )


def _presence(
    stats: Stats, event: EventInfo, out: dict[int, int]
) -> tuple[SessionPresence, ...]:
    """Each session's headcount: who came in, less who is out through the door now."""
    by_key = {x.key: x for x in event.sessions}
    sessions = []
    for count in stats.sessions:
        info = by_key[count.key]
        here = count.attended - out.get(info.id, 0)
        sessions.append(SessionPresence(
            key=count.key, title=count.title, room=info.room, starts_at=count.starts_at,
            ends_at=count.ends_at, capacity=count.capacity, attended=count.attended,
            present=here, level=capacity_level(here, count.capacity),
        ))
    return tuple(sessions)


def _current_and_next(
    sessions: tuple[SessionPresence, ...], event: EventInfo, now: dt.datetime
) -> tuple[SessionPresence | None, SessionPresence | None]:
    """The session running ``now`` (the latest started wins); else the next to start."""
    running = event.session_at(now)
    current = next((x for x in sessions if running and x.key == running.key), None)
    if current is not None:
        return current, None
    return None, next((x for x in sessions if x.starts_at > now), None)


CALL_LIST_HEADER = (
    "Last name", "First name", "Organisation", "Country", "Email", "Category", "Badge number",
)


def write_call_list(path: str | Path, people: Iterable[Person]) -> int:
    """The not-yet-arrived as CSV (UTF-8 with BOM, for Excel), private (0600), written
    whole or not at all.  Returns the number of rows."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CALL_LIST_HEADER)
            for p in people:
                writer.writerow([spreadsheet_safe(v) for v in (
                    p.last_name, p.first_name, p.organisation, p.country, p.email,
                    p.category, p.number,
                )])
                n += 1
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return n
