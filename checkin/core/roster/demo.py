"""The demo event: the IOM–NGO humanitarian consultation, with a fictional roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event import demo_day
from checkin.core.event.definition import EventSpec, load_event_file, save_event
from checkin.core.event.stored import current_event
from checkin.core.resources import resource
from checkin.core.roster.apply import import_roster
from checkin.core.roster.report import ImportReport
from checkin.core.types import EventInfo


@dataclass(frozen=True)
class DemoResult:
    event: EventInfo
    created: bool
    report: ImportReport | None


def demo_files():
    return resource("demo", "event.toml"), resource("demo", "delegates.csv")


def demo_spec(*, today: dt.date | None = None, now: dt.datetime | None = None) -> EventSpec:
    """The demo event: on ``today`` with its written times (08:30 … 17:30), or — without
    ``today`` — on the day of ``now`` (the project's clock), moved so that ``now`` falls
    inside its programme (``core.event.demo_day``)."""
    event_file, _roster = demo_files()
    if today is not None:
        return load_event_file(event_file, today=today)
    now = now or clock.utcnow()
    zone = load_event_file(event_file, today=dt.date(2000, 1, 1)).timezone
    spec = load_event_file(event_file, today=demo_day.local_day(now, zone))
    return demo_day.around(spec, now)


def create_demo(
    store: Store, *, today: dt.date | None = None, now: dt.datetime | None = None
) -> DemoResult:
    """Create the demo event (``demo_spec``); running it again changes nothing, except
    that a demo nobody scanned in yet is laid again around ``now`` when it is not live
    (opened the next day, or at night)."""
    _event, roster_file = demo_files()
    now = now or clock.utcnow()
    spec = demo_spec(today=today, now=now)
    existing = current_event(store)
    if existing is not None and existing.name == spec.name:
        if today is None and _stale(store, existing, now):
            existing = save_event(store, spec)
        return DemoResult(existing, created=False, report=None)
    event = save_event(store, spec, new=existing is not None)
    report = import_roster(store, event, roster_file)
    return DemoResult(event, created=True, report=report)


def ensure_demo(store: Store, *, now: dt.datetime | None = None) -> DemoResult | None:
    """The demo in a database with no event yet (``checkin --demo list`` on a fresh
    machine), or the demo already there laid again if stale; None when the database
    holds another event (left alone)."""
    existing = current_event(store)
    if existing is not None and existing.name != demo_spec(now=now).name:
        return None
    return create_demo(store, now=now)


def _stale(store: Store, event: EventInfo, now: dt.datetime) -> bool:
    """True when the stored demo is not live at ``now`` and nobody was scanned in yet."""
    starts = [s.starts_at for s in event.sessions]
    if event.registration_opens is not None:
        starts.append(event.registration_opens)
    if starts and min(starts) <= now < max(s.ends_at for s in event.sessions):
        return False
    with store.read() as s:
        scanned = s.scalars(
            select(m.Scan.id).where(m.Scan.event_id == event.id).limit(1)
        ).first()
    return scanned is None
