"""``checkin demo`` and ``checkin event init|show``: the event the other commands work on."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from checkin.cli.common import EXIT_OK, Commands, iso, open_store, print_json
from checkin.core.event.snapshot import lists_json, rules_json
from checkin.core.wording import plural

if TYPE_CHECKING:
    from checkin.core.db.store import Store
    from checkin.core.types import EventInfo


def cmd_demo(args: argparse.Namespace) -> int:
    from checkin.core.db.store import open_store as open_core_store
    from checkin.core.roster.demo import create_demo

    # The core's store: the CLI's would create the demo itself under --demo.
    with open_core_store(args.db, demo=args.demo, read_only=args.read_only) as store:
        result = create_demo(store)
        if args.json:
            print_json({"created": result.created, "event": result.event.name,
                        "date": result.event.date.isoformat()})
        elif result.created:
            print(f"Created the demo event '{result.event.name}' dated {result.event.date}, "
                  f"{plural(len(result.report.new), 'delegate', 'delegates')}.")
        else:
            print(f"The demo event '{result.event.name}' is already in this database.")
    return EXIT_OK


def cmd_event_init(args: argparse.Namespace) -> int:
    from checkin.core.event.definition import load_event_file, save_event

    spec = load_event_file(args.file)
    with open_store(args) as store:
        event = save_event(store, spec, new=args.new)
        print(f"Event '{event.name}' on {event.date}: "
              f"{plural(len(event.sessions), 'session', 'sessions')}, "
              f"{plural(len(event.categories), 'category', 'categories')}.")
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
        **rules_json(event),
        "sessions": [
            {"key": s.key, "title": s.title, "room": s.room,
             "start": iso(event, s.starts_at), "end": iso(event, s.ends_at),
             "capacity": s.capacity, "attendance": s.attendance, **rules_json(s)}
            for s in event.sessions
        ],
        **lists_json(event),
    }


def _print_event(event: EventInfo, store: Store) -> None:
    print(f"{event.name}\n{event.venue}, {event.address}")
    print(f"{event.date.isoformat()}  ({event.timezone})   database: {store.info().url}")
    print(_venue_rules(event))
    for s in event.sessions:
        start, end = event.local(s.starts_at), event.local(s.ends_at)
        cap = f"  capacity {s.capacity}" if s.capacity else ""
        cap += " (refuses when full)" if s.capacity and s.hard_capacity else ""
        cap += f"  only {', '.join(s.only_categories)}" if s.only_categories else ""
        cap += f"  doors open {s.doors_open} min before" if s.doors_open is not None else ""
        print(f"  {start:%H:%M}–{end:%H:%M}  {s.key:<14} {s.title}{cap}")
    for h in event.handouts:
        back = "returnable" if h.returnable else "kept"
        who = f", for {', '.join(h.categories)}" if h.categories else ""
        print(f"  hand-out {h.key:<12} {h.label} ({back}{who})")


def _venue_rules(event: EventInfo) -> str:
    """The venue's entry line: capacity, who may enter, when the doors open."""
    line = "  venue"
    if event.capacity:
        line += f"  capacity {event.capacity}"
        line += " (refuses when full)" if event.hard_capacity else ""
    line += f"  only {', '.join(event.only_categories)}" if event.only_categories else ""
    opens = event.doors_open_at
    if opens is not None:
        line += f"  doors open {event.local(opens):%H:%M}"
    if event.registration_opens is not None:
        line += f"  registration {event.local(event.registration_opens):%H:%M}"
    return line


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
