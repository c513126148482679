"""Commands for the data after (and around) the day: exports, paper fallback, badges by
e-mail, backups and the purge of personal data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checkin.cli.common import (
    EXIT_DATABASE,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Commands,
    ErrorTable,
    UsageError,
    database_url,
    end_progress,
    open_store,
    print_json,
    progress_printer,
)
from checkin.core.wording import plural


def user_errors() -> ErrorTable:
    """First match wins: pg_dump advice and "add --force" are usage, the rest database."""
    from checkin.core.badges.mailmerge import MailMergeError
    from checkin.core.dashboard.files import ReportError
    from checkin.core.db.backup import BackupError, PostgresBackupError, RestoreRefused
    from checkin.core.roster.purge import PurgeError

    return (
        (ReportError, EXIT_USAGE),
        (MailMergeError, EXIT_USAGE),
        (PurgeError, EXIT_USAGE),
        (PostgresBackupError, EXIT_USAGE),
        (RestoreRefused, EXIT_USAGE),
        (BackupError, EXIT_DATABASE),
    )


# ------------------------------------------------------------------ exports


def cmd_export(args: argparse.Namespace) -> int:
    from checkin.core.dashboard.export import export
    from checkin.core.dashboard.sign_in import parse_split
    from checkin.core.event.stored import require_event

    split = parse_split(args.split)
    with open_store(args) as store:
        event = require_event(store)
        result = export(store, event, Path(args.out), kind=args.kind, split=split)
    path, kind, rows = result.path, result.kind, result.rows
    if args.json:
        print_json({"path": str(path), "kind": kind, "rows": rows})
    else:
        what = plural(rows, "delegate", "delegates") if rows is not None else kind
        print(f"Wrote {path} ({what}).")
    return EXIT_OK


def cmd_paper_arrivals(args: argparse.Namespace) -> int:
    from checkin.core.dashboard.files import ReportError
    from checkin.core.dashboard.paper import paper_time, read_refs, record_paper_arrivals
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        event = require_event(store)
        at = paper_time(event, args.at)
        try:
            refs = read_refs(args.refs)
            result = record_paper_arrivals(
                store, event, refs, at=at, station=args.station, session=args.session,
                operator=args.operator,
            )
        except ReportError as exc:
            print(f"checkin: {exc}", file=sys.stderr)
            return EXIT_REFUSED
    if args.json:
        print_json({"admitted": list(result.admitted), "already": list(result.already),
                    "session": result.session,
                    "at": event.local(at).isoformat(timespec="seconds")})
    else:
        where = f"session {result.session}" if result.session else "the venue"
        already = "was" if len(result.already) == 1 else "were"
        print(f"Recorded {plural(len(result.admitted), 'arrival', 'arrivals')} to {where} at "
              f"{event.local(at):%H:%M} ({args.station}); {len(result.already)} {already} "
              "already checked in.")
    return EXIT_OK


def cmd_mailmerge(args: argparse.Namespace) -> int:
    from checkin.core.badges import mailmerge
    from checkin.core.badges.templates import load_template
    from checkin.core.event.stored import require_event

    template = load_template(args.template)

    with open_store(args) as store:
        event = require_event(store)
        report = mailmerge.write_mailmerge(
            store, event, Path(args.outdir), template=template, progress=progress_printer(args)
        )
    if args.json:
        print_json({"folder": str(report.folder), "csv": str(report.csv_path),
                    "badges": report.badges, "skipped_cancelled": report.skipped_cancelled})
    else:
        end_progress()
        skipped = plural(report.skipped_cancelled, "cancelled registration",
                         "cancelled registrations")
        print(f"Wrote {plural(report.badges, 'badge', 'badges')} (PDF + QR image) and "
              f"{report.csv_path} for the mail merge; {skipped} skipped.")
    return EXIT_OK


# ------------------------------------------------------------------ backups


def cmd_backup(args: argparse.Namespace) -> int:
    from checkin.core.db import backup

    if args.keep < 1:
        raise UsageError("--keep must be at least 1")
    result = backup.backup(database_url(args), args.out, keep=args.keep)
    if args.json:
        print_json({"path": str(result.path), "size": result.size,
                    "removed": [str(p) for p in result.removed]})
    else:
        rotated = (f"; {plural(len(result.removed), 'older backup', 'older backups')} removed"
                   if result.removed else "")
        print(f"Backed up to {result.path} ({result.size:,} bytes, integrity checked)"
              f"{rotated}.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from checkin.core.db import backup

    result = backup.restore(args.file, database_url(args), force=args.force)
    # Bring an older backup's schema up to date now, not at the next desk's start.
    with open_store(args):
        pass
    if args.json:
        print_json({"database": str(result.database), "restored_from": str(result.restored_from),
                    "previous": str(result.previous) if result.previous else None})
    else:
        kept = f" The replaced database is kept as {result.previous}." if result.previous else ""
        print(f"Restored {result.database} from {result.restored_from}.{kept}")
    return EXIT_OK


# ------------------------------------------------------------------ purge


def cmd_purge(args: argparse.Namespace) -> int:
    from checkin.core.db import backup
    from checkin.core.event.stored import require_event
    from checkin.core.roster import purge

    with open_store(args) as store:
        event = require_event(store)
        if not args.yes:
            print(
                f"This removes every delegate's name, e-mail and reference from "
                f"'{event.name}' ({event.date}), and deletes the backups next to the "
                "database. Headcounts per session, category, country and organisation "
                "are kept. It cannot be undone.\nType the event's name to confirm: ",
                end="", file=sys.stderr, flush=True,
            )
            typed = sys.stdin.readline()
            if not purge.confirm_matches(event, typed):
                print("checkin: not confirmed; nothing was changed.", file=sys.stderr)
                return EXIT_USAGE
        folder = backup.backups_dir(store.path) if store.path is not None else None
        report = purge.purge(store, event, backups=folder)
        from checkin.core.desk import search_store

        search_store.forget(store)  # the desk's search index kept on disk holds names
    if args.json:
        print_json({"delegates": report.delegates, "scans": report.scans,
                    "backups_removed": len(report.backups_removed), "wiped": report.wiped})
    else:
        print(f"Personal data removed from {plural(report.delegates, 'delegate', 'delegates')}"
              f" and {plural(report.scans, 'journal row', 'journal rows')}; "
              f"{plural(len(report.backups_removed), 'backup', 'backups')} deleted. "
              "Counts kept.")
    if not report.wiped:
        print("checkin: warning: another program has the database open, so old values may "
              "remain in its journal file until it closes; close it and run "
              "'checkin purge --yes' again.", file=sys.stderr)
    return EXIT_OK


# ------------------------------------------------------------------ parser


def register(commands: Commands) -> None:
    p = commands.add(
        "export", cmd_export,
        "write attendance (CSV/XLSX), the donors' PDF report, or a paper sign-in sheet",
    )
    p.add_argument("out", metavar="OUT")
    p.add_argument("--kind", choices=["csv", "xlsx", "report", "sign-in"],
                   help="csv, xlsx, report (PDF) or sign-in (PDF); default: from OUT's "
                        "extension (.pdf = report)")
    p.add_argument("--split", metavar="A-K,L-Z",
                   help="sign-in sheet: one list per desk, by the last name's first letter")

    p = commands.add("paper-arrivals", cmd_paper_arrivals,
                     "record the ticks of a paper sign-in sheet as arrivals (idempotent)")
    p.add_argument("refs", nargs="+", metavar="FILE|REF",
                   help="references as printed on the sheet (#12 = delegate number 12), "
                        "or a file with one per line")
    p.add_argument("--at", required=True, metavar="HH:MM",
                   help="when they arrived (event day, event time zone) or an ISO time")
    p.add_argument("--station", required=True, help='e.g. "Paper A–K"')
    p.add_argument("--session", metavar="KEY", help="attendance of a session instead")
    p.add_argument("--operator", default="", help=argparse.SUPPRESS)

    p = commands.add(
        "mailmerge", cmd_mailmerge,
        "badges by e-mail: a badge PDF and QR image per delegate plus a mail-merge CSV",
    )
    p.add_argument("outdir", metavar="OUTDIR")
    p.add_argument("--template", default="a6", help="badge template (default: a6)")

    p = commands.add("backup", cmd_backup,
                     "copy the SQLite database (consistent while in use), integrity checked")
    p.add_argument("out", nargs="?", metavar="OUT",
                   help="file or folder (default: backups/ next to the database, rotated)")
    p.add_argument("--keep", type=int, default=10,
                   help="rotation: keep this many recent backups, plus one per day "
                        "(default: 10)")

    p = commands.add("restore", cmd_restore,
                     "replace the database with a backup (checked first; the old one is kept)")
    p.add_argument("file", metavar="IN")
    p.add_argument("--force", action="store_true", help="replace an existing database")

    p = commands.add("purge", cmd_purge,
                     "after the event: remove personal data, keep the anonymous headcounts")
    p.add_argument("--yes", action="store_true",
                   help="do not ask for the event's name to confirm")
