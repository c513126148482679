"""Headcounts derived from the scan journal.

Journal semantics: a row with action ``entry`` and outcome ``admitted`` lets a delegate
in (``session_id`` NULL: arrival at the venue; set: attendance of that session) unless an
undo row (action ``undo``, outcome ``undone``) points at it.  A delegate has *arrived*
when they have at least one such admitted, not undone row of any kind; their arrival time
is the earliest.  Other entry outcomes are refused (revoked, cancelled, wrong_event,
invalid) or duplicate (already_admitted) scans: journaled, never attendance.

Headcounts count registered delegates only; cancelled ones are counted apart.  Session
attendance counts the delegates with a standing admission to the session.

The journal itself is only counted by outcome (an index-only scan); arrivals and
attendance come from its projections (``journal``): ``delegates.arrived_at`` and the
standing ``admissions``.  Three queries in one read transaction, in portable SQL
(SQLite and PostgreSQL), each returning a handful of rows.  Buckets are counted in SQL on
real (UTC) time from an origin aligned on the event's local midnight, and labelled in
Python with zoneinfo, so a DST change neither loses nor doubles a bucket.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as dt
import functools
import math
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import (
    bindparam,
    case,
    func,
    literal,
    select,
    union_all,
)

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal, presence
from checkin.core.desk.presence import Attendee, CapacityLevel, capacity_level
from checkin.core.types import DelegateStatus, EventInfo, Outcome, ScanSource

_MAX_COMPOUND = 400  # SQLite allows 500 SELECTs in one compound statement
_DELTA_ROWS = 500  # people read by id in one statement, when updating a call list

REFUSED_OUTCOMES = (
    Outcome.REVOKED.value,
    Outcome.CANCELLED.value,
    Outcome.WRONG_EVENT.value,
    Outcome.INVALID.value,
)

_COUNTED_OUTCOMES = (*REFUSED_OUTCOMES, Outcome.ALREADY_ADMITTED.value)


@dataclass(frozen=True)
class SessionCount:
    key: str
    title: str
    starts_at: dt.datetime  # aware, UTC (EventInfo.local() for display)
    ends_at: dt.datetime  # aware, UTC
    capacity: int | None
    attended: int


@dataclass(frozen=True)
class GroupCount:
    key: str  # category key, organisation or country code ("" when not given)
    registered: int
    arrived: int


@dataclass(frozen=True)
class Bucket:
    start: dt.datetime  # aware, in the event's time zone
    arrivals: int
    cumulative: int


@dataclass(frozen=True)
class Stats:
    registered: int
    arrived: int
    not_arrived: int
    cancelled: int
    walk_ins: int  # arrived delegates whose first admission came from the walk-in desk
    refused_scans: int  # entry rows revoked / cancelled / wrong_event / invalid
    duplicate_scans: int  # entry rows already_admitted
    sessions: tuple[SessionCount, ...]  # attendance-taking sessions, in time order
    by_category: tuple[GroupCount, ...]  # each sorted by registered desc, then key
    by_organisation: tuple[GroupCount, ...]
    by_country: tuple[GroupCount, ...]
    arrivals: tuple[Bucket, ...]  # first arrival's bucket to the last's, empty ones too
    generated_at: dt.datetime  # aware, UTC


def _origin(event: EventInfo) -> int:
    """Buckets are counted from the event day's local midnight (epoch seconds): quarter
    hours then fall on the local clock, on either side of a DST change."""
    return int(dt.datetime.combine(event.date, dt.time(), tzinfo=event.tz).timestamp())


def compute_stats(store: Store, event: EventInfo, *, bucket_minutes: int = 15) -> Stats:
    """The event's headcounts now, from one consistent read.

    ``arrivals`` counts each arrived registered delegate once, in the bucket of their
    first standing admission; buckets start on the event's local clock (08:30,
    08:45…) and run from the first arrival's to the last's, empty ones included.
    """
    if bucket_minutes <= 0:
        raise ValueError("bucket_minutes must be a positive number of minutes.")
    step = bucket_minutes * 60
    origin = _origin(event)

    with store.read() as session:
        s = session.connection()  # Core rows: the ORM's per-row bookkeeping costs more
        # Index-only over (event_id, outcome), reading only the outcomes counted here:
        # admissions, usually most of the journal, are counted from their projection.
        outcomes = dict(
            s.execute(
                select(m.Scan.outcome, func.count())
                .where(m.Scan.event_id == event.id, m.Scan.outcome.in_(_COUNTED_OUTCOMES))
                .group_by(m.Scan.outcome)
            ).all()
        )
        attended = dict(
            s.execute(
                select(m.Admission.scope, func.count())
                .where(m.Admission.event_id == event.id, m.Admission.scope != journal.VENUE)
                .group_by(m.Admission.scope)
            ).all()
        )
        group_rows = s.execute(_groups(event.id)).all()
        per_bucket = _arrivals_per_bucket(s, event.id, origin, step)

    registered = cancelled_n = arrived = walk_ins = 0
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_country: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_organisation: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for status, category, country, organisation, n, n_arrived, n_walk_ins in group_rows:
        if status == DelegateStatus.CANCELLED.value:
            cancelled_n += n
            continue
        registered += n
        arrived += n_arrived
        walk_ins += n_walk_ins
        for table, key in (
            (by_category, category), (by_country, country), (by_organisation, organisation)
        ):
            table[key or ""][0] += n
            table[key or ""][1] += n_arrived

    return Stats(
        registered=registered,
        arrived=arrived,
        not_arrived=registered - arrived,
        cancelled=cancelled_n,
        walk_ins=walk_ins,
        refused_scans=sum(outcomes.get(o, 0) for o in REFUSED_OUTCOMES),
        duplicate_scans=outcomes.get(Outcome.ALREADY_ADMITTED.value, 0),
        sessions=tuple(
            SessionCount(
                key=x.key,
                title=x.title,
                starts_at=x.starts_at,
                ends_at=x.ends_at,
                capacity=x.capacity,
                attended=attended.get(x.id, 0),
            )
            for x in sorted(event.sessions, key=lambda x: (x.starts_at, x.key))
            if x.attendance
        ),
        by_category=_ordered(by_category),
        by_organisation=_ordered(by_organisation),
        by_country=_ordered(by_country),
        arrivals=_timeline(per_bucket, event, origin, step),
        generated_at=dt.datetime.now(dt.UTC),
    )


def _groups(event_id: int):
    """Counts per (status, category, country, organisation): a few thousand rows at most,
    read from ``ix_delegates_headcount`` in its own order."""
    d = m.Delegate
    return (
        select(
            d.status,
            d.category,
            d.country,
            d.organisation,
            func.count(),
            func.count(d.arrived_at),
            func.count(case((d.arrived_via == ScanSource.WALK_IN.value, 1))),
        )
        .where(d.event_id == event_id)
        .group_by(d.status, d.category, d.country, d.organisation)
    )


def _arrivals_per_bucket(s, event_id: int, origin: int, step: int) -> dict[int, int]:
    """Arrivals of registered delegates per bucket ``k`` = [origin + k*step, +step).

    One range count per bucket on ``ix_delegates_arrival``: comparisons of stored
    times only, no date arithmetic per row (which costs more than the count itself).
    """
    d = m.Delegate
    expected = (d.event_id == event_id, d.status != DelegateStatus.CANCELLED.value)
    first, last = s.execute(
        select(func.min(d.arrived_at), func.max(d.arrived_at)).where(*expected)
    ).one()
    if first is None:
        return {}

    def index(t: dt.datetime) -> int:
        return math.floor((t.replace(tzinfo=dt.UTC).timestamp() - origin) / step)

    def edge(k: int) -> dt.datetime:
        return dt.datetime.fromtimestamp(origin + k * step, dt.UTC).replace(tzinfo=None)

    counts: dict[int, int] = {}
    ks = list(range(index(first), index(last) + 1))
    for i in range(0, len(ks), _MAX_COMPOUND):
        parts = [
            select(literal(k), func.count()).where(
                *expected, d.arrived_at >= edge(k), d.arrived_at < edge(k + 1)
            )
            for k in ks[i : i + _MAX_COMPOUND]
        ]
        query = union_all(*parts) if len(parts) > 1 else parts[0]
        counts.update((k, n) for k, n in s.execute(query).all() if n)
    return counts


def _ordered(counts: dict[str, list[int]]) -> tuple[GroupCount, ...]:
    return tuple(
        GroupCount(key=key, registered=n, arrived=arrived)
        for key, (n, arrived) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )


def _timeline(
    per_bucket: dict[int, int], event: EventInfo, origin: int, step: int
) -> tuple[Bucket, ...]:
    if not per_bucket:
        return ()
    buckets, running = [], 0
    for k in range(min(per_bucket), max(per_bucket) + 1):
        n = per_bucket.get(k, 0)
        running += n
        start = dt.datetime.fromtimestamp(origin + k * step, dt.UTC)
        buckets.append(Bucket(start=event.local(start), arrivals=n, cumulative=running))
    return tuple(buckets)


# ------------------------------------------------------------------- dashboard


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
    watch: tuple[Person, ...]  # the watched categories, arrived or not, by name
    attendees: tuple[Attendee, ...]  # of ``attendees_session``, by admission time
    attendees_session: str | None
    query_ms: float  # database time of this refresh
    call_list: bool = True  # False: ``not_arrived`` was not read (empty)
    call_list_mark: tuple | None = None  # (count, sum of ids) of the not-arrived


_PERSON = (
    m.Delegate.id, m.Delegate.number, m.Delegate.first_name, m.Delegate.last_name,
    m.Delegate.organisation, m.Delegate.country, m.Delegate.email, m.Delegate.category,
    m.Delegate.arrived_at, m.Delegate.arrived_via,
)


@functools.cache
def _reader() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard-read")


def _read_people(store, event, recent, watch_categories, call_list, reuse, session_key):
    """Presence counts and the dashboard's lists, in one read transaction."""
    sql = _dashboard_statements()
    params = {"event_id": event.id, "limit": recent, "watch": list(watch_categories)}
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
        watched = conn.execute(sql.watched, params).all() if watch_categories else []
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
        .where(*registered, d.category.in_(bindparam("watch", expanding=True)))
        .order_by(*by_name),
    )


def _person(row) -> Person:
    *head, arrived_at, via = row
    return Person(*head, arrived_at=arrived_at.replace(tzinfo=dt.UTC) if arrived_at else None,
                  arrived_via=via)


def compute_dashboard(
    store: Store,
    event: EventInfo,
    *,
    now: dt.datetime | None = None,
    watch_categories: tuple[str, ...] = ("speaker", "vip"),
    recent: int = 12,
    attendees_session: str | None = None,
    call_list: bool = True,
    reuse: Dashboard | None = None,
    bucket_minutes: int = 15,
) -> Dashboard:
    """The dashboard's figures and lists: ``compute_stats`` plus presence and people.

    Meant for a worker thread; reads only.  ``now`` is the event clock that picks the
    current session (tests and replays pass their own).  The two long lists — the
    call list (``call_list``) and a session's attendees (``attendees_session``) — are
    read only when asked: at a big event they are thousands of rows, for a tab that
    may not be open.  With ``reuse`` (the previous snapshot) the call list is taken
    from it when the set of people not arrived is the same — count and sum of ids,
    read from the index alone — which is most refreshes (duplicate scans, sessions,
    exits); when it changed, only the people new to the list are read (see
    ``_updated_call_list``).  An edited name is then seen at the next forced (no
    ``reuse``) refresh.
    """
    started = time.perf_counter()
    now = now or dt.datetime.now(dt.UTC)
    if attendees_session and event.session(attendees_session) is None:
        attendees_session = None
    # The headcounts and the people are independent reads: the people on a second
    # thread, at the same time (SQLite and the PostgreSQL driver release the GIL while
    # they work), so a refresh costs the longer of the two, not their sum.
    people = _reader().submit(
        _read_people, store, event, recent, watch_categories, call_list, reuse,
        attendees_session,
    )
    try:
        stats = compute_stats(store, event, bucket_minutes=bucket_minutes)
    finally:
        out, mark, not_arrived, latest, watched, attendees = people.result()
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
    running = event.session_at(now)
    current = next((x for x in sessions if running and x.key == running.key), None)
    upcoming = None
    if current is None:
        upcoming = next((x for x in sessions if x.starts_at > now), None)
    return Dashboard(
        stats=stats,
        now=now,
        sessions=tuple(sessions),
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
    )


CALL_LIST_HEADER = (
    "Last name", "First name", "Organisation", "Country", "Email", "Category", "Badge number",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A cell a spreadsheet will not run: text starting like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


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
