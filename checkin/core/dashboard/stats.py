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

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import (
    case,
    func,
    literal,
    select,
    union_all,
)

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.types import DelegateStatus, EventInfo, Outcome, ScanSource

_MAX_COMPOUND = 400  # SQLite allows 500 SELECTs in one compound statement

REFUSED_OUTCOMES = (
    Outcome.REVOKED.value,
    Outcome.CANCELLED.value,
    Outcome.WRONG_EVENT.value,
    Outcome.INVALID.value,
    Outcome.NOT_ALLOWED.value,  # an entry rule said no (``accreditation.rules``)
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


def compute_stats(
    store: Store,
    event: EventInfo,
    *,
    bucket_minutes: int = 15,
    now: dt.datetime | None = None,
) -> Stats:
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
        outcomes, attended = _journal_counts(s, event.id)
        tally = _Tally(s.execute(_groups(event.id)).all())
        per_bucket = _arrivals_per_bucket(s, event.id, origin, step)
    return Stats(
        registered=tally.registered,
        arrived=tally.arrived,
        not_arrived=tally.registered - tally.arrived,
        cancelled=tally.cancelled,
        walk_ins=tally.walk_ins,
        refused_scans=sum(outcomes.get(o, 0) for o in REFUSED_OUTCOMES),
        duplicate_scans=outcomes.get(Outcome.ALREADY_ADMITTED.value, 0),
        sessions=_session_counts(event, attended),
        by_category=_ordered(tally.by_category),
        by_organisation=_ordered(tally.by_organisation),
        by_country=_ordered(tally.by_country),
        arrivals=_timeline(per_bucket, event, origin, step),
        generated_at=now or clock.utcnow(),
    )


def _journal_counts(s, event_id: int) -> tuple[dict[str, int], dict[int, int]]:
    """Scans per counted outcome, and standing admissions per session id."""
    # Index-only over (event_id, outcome), reading only the outcomes counted here:
    # admissions, usually most of the journal, are counted from their projection.
    outcomes = dict(
        s.execute(
            select(m.Scan.outcome, func.count())
            .where(m.Scan.event_id == event_id, m.Scan.outcome.in_(_COUNTED_OUTCOMES))
            .group_by(m.Scan.outcome)
        ).all()
    )
    attended = dict(
        s.execute(
            select(m.Admission.scope, func.count())
            .where(m.Admission.event_id == event_id, m.Admission.scope != journal.VENUE)
            .group_by(m.Admission.scope)
        ).all()
    )
    return outcomes, attended


class _Tally:
    """Registered, arrived and walk-in counts, in total and per group, from the rows of
    ``_groups``; cancelled delegates are counted apart and in no group."""

    def __init__(self, group_rows) -> None:
        self.registered = self.cancelled = self.arrived = self.walk_ins = 0
        self.by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.by_country: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.by_organisation: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for status, category, country, organisation, n, n_arrived, n_walk_ins in group_rows:
            if status == DelegateStatus.CANCELLED.value:
                self.cancelled += n
                continue
            self.registered += n
            self.arrived += n_arrived
            self.walk_ins += n_walk_ins
            for table, key in (
                (self.by_category, category),
                (self.by_country, country),
                (self.by_organisation, organisation),
            ):
                table[key or ""][0] += n
                table[key or ""][1] += n_arrived


def _session_counts(event: EventInfo, attended: dict[int, int]) -> tuple[SessionCount, ...]:
    """The attendance-taking sessions, in time order, with their standing admissions."""
    return tuple(
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
