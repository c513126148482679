"""``checkin sync export|import|duplicates``: two stations without any server exchange roster
changes and scan journals through one file (a USB stick)."""

from __future__ import annotations

import argparse
import sys

from checkin.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    ErrorTable,
    duplicate_json,
    open_store,
    print_json,
)
from checkin.core.wording import plural


def user_errors() -> ErrorTable:
    """A file that is not a bundle, or one from another event."""
    from checkin.core.sync.bundle import SyncError

    return ((SyncError, EXIT_USAGE),)


def cmd_sync_export(args: argparse.Namespace) -> int:
    from checkin.core.sync import bundle as sync

    with open_store(args) as store:
        report = sync.export_bundle(store, args.out, station=args.station)
    if args.json:
        print_json({"path": str(report.path), "delegates": report.delegates,
                    "scans": report.scans, "sessions": report.sessions})
    else:
        print(f"Wrote {report.path}: {plural(report.delegates, 'delegate', 'delegates')}, "
              f"{plural(report.scans, 'journal row', 'journal rows')}. "
              "Import it on the other station with 'checkin sync import'.")
    return EXIT_OK


def cmd_sync_import(args: argparse.Namespace) -> int:
    from checkin.core.sync import bundle as sync

    with open_store(args) as store:
        report = sync.import_bundle(store, args.file)
    scans = report.scans
    if args.json:
        print_json({
            "path": str(report.path),
            "from_station": report.station,
            "changed": report.changed,
            "scans_new": scans.new,
            "scans_present": scans.present,
            "delegates_new": report.delegates_new,
            "delegates_updated": report.delegates_updated,
            "sessions_new": report.sessions_new,
            "categories_new": report.categories_new,
            "conflicts": [{"number": c.number, "here": c.here, "there": c.there,
                           "message": c.message} for c in report.conflicts],
            "skipped": [{"scan_id": k.uuid, "reason": k.reason} for k in scans.skipped],
            "duplicates": [
                {**duplicate_json(d), "message": d.message} for d in scans.duplicates
            ],
        })
    else:
        for line in sync.iter_report_lines(report):
            print(line)
        if not report.changed:
            print("Nothing new: this station already had everything in the file.")
    return EXIT_OK


def cmd_sync_duplicates(args: argparse.Namespace) -> int:
    from checkin.core.desk.merge import offline_duplicates
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        duplicates = offline_duplicates(store, require_event(store))
    if args.json:
        print_json([duplicate_json(d) for d in duplicates])
    else:
        for d in duplicates:
            print(f"{d.message}  [scans {d.first_scan} and {d.second_scan}]")
        print(f"{plural(len(duplicates), 'person', 'people')} admitted twice while stations "
              "were apart.",
              file=sys.stderr)
    return EXIT_OK


def register(commands: Commands) -> None:
    sync_sub = commands.nest(
        "sync", "sync_command",
        help="exchange roster and scans with another station through a file",
        description="Two stations with no network: 'export' on one, 'import' on the other, "
                    "then the other way. Idempotent; a file from another event is refused.",
    )
    p = sync_sub.add_parser("export", help="write this station's roster and journal to OUT")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--station", default="", help="name of this station, shown on import")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_sync_export)
    p = sync_sub.add_parser("import", help="merge a file written by 'sync export' elsewhere")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_sync_import)
    p = sync_sub.add_parser(
        "duplicates", help="people admitted twice while stations were apart (after merges)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_sync_duplicates)
