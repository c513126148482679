"""The demo event: the IOM–NGO humanitarian consultation, with a fictional roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checkin.core.db.store import Store
from checkin.core.event.definition import load_event_file, save_event
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


def create_demo(store: Store, *, today: dt.date | None = None) -> DemoResult:
    """Create the demo event dated today; running it again changes nothing."""
    event_file, roster_file = demo_files()
    spec = load_event_file(event_file, today=today)
    existing = current_event(store)
    if existing is not None and existing.name == spec.name:
        return DemoResult(existing, created=False, report=None)
    event = save_event(store, spec, new=existing is not None)
    report = import_roster(store, event, roster_file)
    return DemoResult(event, created=True, report=report)
