"""``checkin import``, ``list`` and ``search``: the delegates of the event."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    Commands,
    ErrorTable,
    UsageError,
    delegate_json,
    iso,
    open_store,
    print_json,
)
from checkin.core.wording import plural

if TYPE_CHECKING:
    from checkin.core.roster.report import ImportReport


def user_errors() -> ErrorTable:
    """A roster file that cannot be read is refused input (1), not a usage error."""
    from checkin.core.roster.report import RosterError

    return ((RosterError, EXIT_REFUSED),)


def _parse_map(items: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        field, sep, column = item.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise UsageError(f"--map expects FIELD=COLUMN, got {item!r}")
        mapping[field.strip()] = column.strip()
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    from checkin.core.event.stored import require_event
    from checkin.core.roster.apply import import_roster

    mapping = _parse_map(args.map or [])
    with open_store(args) as store:
        event = require_event(store)
        report = import_roster(
            store, event, Path(args.file), replace=args.replace, dry_run=args.dry_run,
            skip_invalid=args.skip_invalid, sheet=args.sheet, mapping=mapping or None,
        )
    if args.json:
        print_json(_import_json(report))
    else:
        for p in report.problems:
            print(f"{p.severity}: {p}", file=sys.stderr)
        _print_import_summary(report, args)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors and not report.applied and not report.dry_run:
        return EXIT_REFUSED
    return EXIT_OK if not errors or args.skip_invalid else EXIT_REFUSED


def _import_json(report: ImportReport) -> dict:
    return {
        "file": report.file, "applied": report.applied, "dry_run": report.dry_run,
        "new": len(report.new), "updated": len(report.updated),
        "unchanged": report.unchanged_count, "cancelled": len(report.cancelled),
        "restored": len(report.restored), "skipped_rows": report.skipped_rows,
        "problems": [
            {"file": p.file, "row": p.row, "column": p.column, "message": p.message,
             "severity": p.severity}
            for p in report.problems
        ],
    }


def _print_import_summary(report: ImportReport, args: argparse.Namespace) -> None:
    counts = (f"{len(report.new)} new, {len(report.updated)} updated, "
              f"{report.unchanged_count} unchanged")
    if args.replace:
        counts += f", {len(report.cancelled)} to cancel"
    if report.restored:
        counts += f", {len(report.restored)} restored"
    if report.dry_run:
        print(f"Dry run, nothing written: {counts}.")
        for label, changes in (("new", report.new), ("updated", report.updated),
                               ("cancel", report.cancelled), ("restore", report.restored)):
            for c in changes:
                detail = f" ({', '.join(c.fields)})" if c.fields else ""
                row = f"row {c.row}: " if c.row else ""
                print(f"  {label:<8}{row}{c.name}{detail}")
    elif report.applied:
        skipped = (f"; {plural(report.skipped_rows, 'invalid row', 'invalid rows')} skipped"
                   if report.skipped_rows else "")
        print(f"Imported {report.file}: {counts}{skipped}.")
    else:
        print(f"Nothing imported from {report.file}: fix the problems above "
              "(or use --skip-invalid to import the valid rows).", file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    from checkin.core.event.stored import require_event
    from checkin.core.roster.delegates import list_delegates

    with open_store(args) as store:
        event = require_event(store)
        entries = list_delegates(store, event)
    if args.codes:  # one code a line: for a pipe into 'checkin scan -'
        for e in entries:
            if e.delegate.status == "registered":
                print(e.code)
        return EXIT_OK
    if args.json:
        rows = []
        for e in entries:
            item = delegate_json(e.delegate, code=e.code)
            item["arrived_at"] = iso(event, e.arrived_at)
            item["arrived_source"] = e.arrived_source  # scanner, kiosk… or None
            rows.append(item)
        print_json(rows)
        return EXIT_OK
    for e in entries:
        d = e.delegate
        arrived = event.local(e.arrived_at).strftime("%H:%M") if e.arrived_at else "—"
        status = "" if d.status == "registered" else f" [{d.status}]"
        print(f"{e.code}  {d.reference:<11} {arrived:>5}  {d.last_name}, {d.first_name} — "
              f"{d.organisation} ({d.country}) {d.category}{status}")
    print(f"{plural(len(entries), 'delegate', 'delegates')}.", file=sys.stderr)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from checkin.core.desk.search import search
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        event = require_event(store)
        hits = search(store, event.id, args.text, limit=args.limit)
    if args.json:
        print_json([{**delegate_json(h.delegate), "score": round(h.score, 1)} for h in hits])
    else:
        for h in hits:
            d = h.delegate
            status = "" if d.status == "registered" else f" [{d.status}]"
            print(f"{d.full_name} — {d.organisation} ({d.country}){status}")
        if not hits:
            print("No match.", file=sys.stderr)
    return EXIT_OK


def register(commands: Commands) -> None:
    p = commands.add("import", cmd_import, "import delegates from a CSV or XLSX file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true",
                   help="the file is the complete list: cancel delegates missing from it")
    p.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the valid rows and report the others")
    p.add_argument("--sheet", help="XLSX sheet name (default: the first visible sheet)")
    p.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                   help="use COLUMN for FIELD (reference, first_name, last_name, full_name, "
                        "organisation, country, email, category); repeatable")

    p = commands.add("list", cmd_list,
                     "list delegates with reference, status, arrival time and badge code")
    p.add_argument("--codes", action="store_true",
                   help="only the badge codes of registered delegates, one a line (e.g. "
                        "'checkin list --codes | head -n 1 | checkin scan -')")

    p = commands.add("search", cmd_search,
                     "find delegates by name, organisation, email or reference")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
