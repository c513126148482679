"""``checkin stats``: the headcounts a coordinator asks for, as text or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from checkin.cli.common import EXIT_OK, Commands, open_store, print_json

if TYPE_CHECKING:
    from checkin.core.dashboard.stats import Stats
    from checkin.core.types import EventInfo


def cmd_stats(args: argparse.Namespace) -> int:
    from checkin.core.dashboard.stats import compute_stats
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        event = require_event(store)
        st = compute_stats(store, event)
    if args.json:
        print_json(_stats_json(event, st))
    else:
        _print_stats(event, st)
    return EXIT_OK


def _stats_json(event: EventInfo, st: Stats) -> dict:
    def groups(items):
        return [{"key": g.key, "registered": g.registered, "arrived": g.arrived} for g in items]

    return {
        "event": event.name,
        "registered": st.registered, "arrived": st.arrived,
        "not_arrived": st.not_arrived, "cancelled": st.cancelled,
        "walk_ins": st.walk_ins, "refused_scans": st.refused_scans,
        "duplicate_scans": st.duplicate_scans,
        "sessions": [
            {"key": s.key, "title": s.title, "attended": s.attended, "capacity": s.capacity}
            for s in st.sessions
        ],
        "by_category": groups(st.by_category),
        "by_organisation": groups(st.by_organisation),
        "by_country": groups(st.by_country),
        "arrivals": [
            {"start": b.start.isoformat(timespec="minutes"), "arrivals": b.arrivals,
             "cumulative": b.cumulative}
            for b in st.arrivals
        ],
    }


def _print_stats(event: EventInfo, st: Stats) -> None:
    from checkin.core.roster.countries import country_name

    pct = f" ({100 * st.arrived / st.registered:.0f}%)" if st.registered else ""
    print(f"{event.name} — {event.date}")
    print(f"Arrived {st.arrived} of {st.registered}{pct}; not yet arrived {st.not_arrived}; "
          f"cancelled {st.cancelled}; walk-ins {st.walk_ins}; refused scans {st.refused_scans}.")
    if st.sessions:
        print("\nSessions:")
        for s in st.sessions:
            cap = f" / {s.capacity}" if s.capacity else ""
            print(f"  {event.local(s.starts_at):%H:%M}  {s.title:<60.60} {s.attended:>5}{cap}")
    labels = {c.key: c.label for c in event.categories}
    for title, items, name in (
        ("Categories", st.by_category, lambda k: labels.get(k, k)),
        ("Countries", st.by_country, lambda k: country_name(k, event.language) if k else k),
        ("Organisations (top 10)", st.by_organisation[:10], lambda k: k),
    ):
        if items:
            print(f"\n{title}:")
            for g in items:
                print(f"  {name(g.key) or '—':<48.48} {g.arrived:>5} / {g.registered}")
    if st.arrivals:
        print("\nArrivals per quarter hour:")
        for b in st.arrivals:
            print(f"  {b.start:%H:%M}  {b.arrivals:>5}  (total {b.cumulative})")


def register(commands: Commands) -> None:
    commands.add("stats", cmd_stats, "headcounts: arrivals, sessions, categories, countries")
