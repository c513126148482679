"""``checkin demo`` and ``checkin event init|show``: the event the other commands work on."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from checkin.cli.common import EXIT_OK, Commands, iso, open_store, print_json

if TYPE_CHECKING:
    from checkin.core.db.store import Store
    from checkin.core.types import EventInfo


def cmd_demo(args: argparse.Namespace) -> int:
    from checkin.core.roster.demo import create_demo

    with open_store(args) as store:
        result = create_demo(store)
        if args.json:
            print_json({"created": result.created, "event": result.event.name,
                        "date": result.event.date.isoformat()})
        elif result.created:
            print(f"Created the demo event '{result.event.name}' dated {result.event.date}, "
                  f"{len(result.report.new)} delegates.")
        else:
            print(f"The demo event '{result.event.name}' is already in this database.")
    return EXIT_OK


def cmd_event_init(args: argparse.Namespace) -> int:
    from checkin.core.event.definition import load_event_file, save_event

    spec = load_event_file(args.file)
    with open_store(args) as store:
        event = save_event(store, spec, new=args.new)
        print(f"Event '{event.name}' on {event.date}: {len(event.sessions)} sessions, "
              f"{len(event.categories)} categories.")
    return EXIT_OK


def cmd_event_show(args: argparse.Namespace) -> int:
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        event = require_event(store)
        if args.json:
            print_json(_event_json(event))
        else:
            _print_event(event, store)
    return EXIT_OK


def _event_json(event: EventInfo) -> dict:
    return {
        "name": event.name, "venue": event.venue, "address": event.address,
        "date": event.date.isoformat(), "timezone": event.timezone,
        "language": event.language, "capacity": event.capacity,
        "sessions": [
            {"key": s.key, "title": s.title, "room": s.room,
             "start": iso(event, s.starts_at), "end": iso(event, s.ends_at),
             "capacity": s.capacity, "attendance": s.attendance}
            for s in event.sessions
        ],
        "categories": [
            {"key": c.key, "label": c.label, "colour": c.colour}
            for c in event.categories
        ],
    }


def _print_event(event: EventInfo, store: Store) -> None:
    print(f"{event.name}\n{event.venue}, {event.address}")
    print(f"{event.date.isoformat()}  ({event.timezone})   database: {store.info().url}")
    for s in event.sessions:
        start, end = event.local(s.starts_at), event.local(s.ends_at)
        cap = f"  capacity {s.capacity}" if s.capacity else ""
        print(f"  {start:%H:%M}–{end:%H:%M}  {s.key:<14} {s.title}{cap}")


def register(commands: Commands) -> None:
    commands.add("demo", cmd_demo, "create the demo event in this database (idempotent)")

    actions = commands.nest("event", "event_command", help="define the event")
    p = actions.add_parser("init", help="create or update the event from a TOML file")
    p.add_argument("file", metavar="FILE.toml")
    p.add_argument("--new", action="store_true",
                   help="create another event instead of updating the current one")
    p.set_defaults(func=cmd_event_init)
    p = actions.add_parser("show", help="show the event and its sessions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_event_show)
