"""The demo's day laid around the current time, so that it is live whenever it is opened.

The demo is the IOM–NGO consultation: registration from 08:30, closing remarks until
17:30.  Opened at 10:00 in Geneva it keeps those times.  Opened at 03:00 or 22:00 the
whole programme is moved, in one block (same order, same durations), so that the time
now falls about two hours after registration opened — "the session running now", the
arrivals per quarter hour and the Desk's clock-driven features then show something.
The programme stays on one calendar day (the event's date), so nothing is split over
midnight.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from checkin.core.event.definition import EventSpec

# Where "now" falls in a moved programme: this long after registration opened.
INTO_THE_DAY = dt.timedelta(hours=2)


def _span(spec: EventSpec) -> tuple[dt.datetime, dt.datetime] | None:
    """The programme's first and last moments (naive UTC), registration included."""
    starts = [s.starts_at for s in spec.sessions]
    if spec.registration_opens is not None:
        starts.append(spec.registration_opens)
    if not starts:
        return None
    return min(starts), max(s.ends_at for s in spec.sessions)


def shift_for(spec: EventSpec, now: dt.datetime) -> dt.timedelta:
    """How far to move the programme so that ``now`` (aware) falls inside it; zero when
    it already does."""
    span = _span(spec)
    if span is None:
        return dt.timedelta(0)
    first, last = span
    at = now.astimezone(dt.UTC).replace(tzinfo=None)
    if first <= at < last:
        return dt.timedelta(0)
    tz = ZoneInfo(spec.timezone)
    local = now.astimezone(tz)
    quarter = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
    midnight = dt.datetime.combine(spec.date, dt.time(0), tz)
    latest = dt.datetime.combine(spec.date + dt.timedelta(days=1), dt.time(0), tz) - (
        last - first
    )
    start = min(max(quarter - INTO_THE_DAY, midnight), max(latest, midnight))
    return start.astimezone(dt.UTC).replace(tzinfo=None) - first


def around(spec: EventSpec, now: dt.datetime) -> EventSpec:
    """``spec`` (dated on ``now``'s day in its zone: ``local_day``) with its programme
    moved in one block when needed so that ``now`` falls inside it."""
    return _moved(spec, shift_for(spec, now))


def local_day(now: dt.datetime, timezone: str) -> dt.date:
    """The date ``now`` (aware) falls on in the event's zone."""
    return now.astimezone(ZoneInfo(timezone)).date()


def _moved(spec: EventSpec, by: dt.timedelta) -> EventSpec:
    if not by:
        return spec
    opens = spec.registration_opens + by if spec.registration_opens else None
    sessions = tuple(
        replace(s, starts_at=s.starts_at + by, ends_at=s.ends_at + by) for s in spec.sessions
    )
    return replace(spec, registration_opens=opens, sessions=sessions)
