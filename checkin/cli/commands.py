"""The ``checkin`` command: parse, call a core service, print text or JSON.

Exit status: 0 when the person may go in or the command succeeded; 1 when a scan is
refused or an input file is rejected; 2 for usage errors (bad arguments, no event,
unknown session); 3 when the database cannot be opened.  No traceback reaches the user
unless ``CHECKIN_DEBUG=1`` is set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from checkin import __version__
from checkin.core.types import ScanAction, ScanSource

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE = 0, 1, 2, 3
SCAN_BATCH = 512


class UsageError(Exception):
    pass


# ------------------------------------------------------------------ formatting


def _iso(event, when: dt.datetime | None) -> str | None:
    return event.local(when).isoformat(timespec="seconds") if when else None


def _delegate_json(d, *, code: str | None = None) -> dict | None:
    if d is None:
        return None
    out = {
        "number": d.number,
        "ref": d.reference,
        "first_name": d.first_name,
        "last_name": d.last_name,
        "organisation": d.organisation,
        "country": d.country,
        "category": d.category,
        "email": d.email,
        "status": d.status,
        "badge_version": d.badge_version,
    }
    if code is not None:
        out["code"] = code
    return out


def _outcome_json(event, o) -> dict:
    return {
        "status": o.status.value,
        "may_enter": o.may_enter,
        "delegate": _delegate_json(o.delegate),
        "session": o.session.key if o.session else None,
        "first_scan_at": _iso(event, o.first_scan_at),
        "first_station": o.first_station,
        "scanned_at": _iso(event, o.scanned_at),
        "scan_id": o.scan_id,
        "message": o.message,
    }


def _outcome_text(o) -> str:
    label = o.status.value.upper().replace("_", " ")
    who = ""
    if o.delegate is not None:
        org = f" ({o.delegate.organisation})" if o.delegate.organisation else ""
        who = f"  {o.delegate.full_name}{org}"
    return f"{label:<16}{who}  — {o.message}  [scan {o.scan_id}]"


def _print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------ commands


def _open(args):
    from checkin.core.db.store import open_store

    return open_store(args.db, demo=args.demo, read_only=args.read_only)


def cmd_none(args) -> int:
    """No command: the desktop app (Qt is imported only here, never for a command)."""
    from checkin.ui.app import main as run_app

    return run_app(args.db, args.demo, read_only=args.read_only)


def _print_event(event, store) -> None:
    print(f"{event.name}\n{event.venue}, {event.address}")
    print(f"{event.date.isoformat()}  ({event.timezone})   database: {store.info().url}")
    for s in event.sessions:
        start, end = event.local(s.starts_at), event.local(s.ends_at)
        cap = f"  capacity {s.capacity}" if s.capacity else ""
        print(f"  {start:%H:%M}–{end:%H:%M}  {s.key:<14} {s.title}{cap}")


def cmd_demo(args) -> int:
    from checkin.core.roster.demo import create_demo

    with _open(args) as store:
        result = create_demo(store)
        if args.json:
            _print_json({"created": result.created, "event": result.event.name,
                         "date": result.event.date.isoformat()})
        elif result.created:
            print(f"Created the demo event '{result.event.name}' dated {result.event.date}, "
                  f"{len(result.report.new)} delegates.")
        else:
            print(f"The demo event '{result.event.name}' is already in this database.")
    return EXIT_OK


def cmd_event_init(args) -> int:
    from checkin.core.event.definition import load_event_file, save_event

    spec = load_event_file(args.file)
    with _open(args) as store:
        event = save_event(store, spec, new=args.new)
        print(f"Event '{event.name}' on {event.date}: {len(event.sessions)} sessions, "
              f"{len(event.categories)} categories.")
    return EXIT_OK


def cmd_event_show(args) -> int:
    from checkin.core.event.definition import require_event

    with _open(args) as store:
        event = require_event(store)
        if args.json:
            _print_json({
                "name": event.name, "venue": event.venue, "address": event.address,
                "date": event.date.isoformat(), "timezone": event.timezone,
                "language": event.language, "capacity": event.capacity,
                "sessions": [
                    {"key": s.key, "title": s.title, "room": s.room,
                     "start": _iso(event, s.starts_at), "end": _iso(event, s.ends_at),
                     "capacity": s.capacity, "attendance": s.attendance}
                    for s in event.sessions
                ],
                "categories": [
                    {"key": c.key, "label": c.label, "colour": c.colour}
                    for c in event.categories
                ],
            })
        else:
            _print_event(event, store)
    return EXIT_OK


def _parse_map(items: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        field, sep, column = item.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise UsageError(f"--map expects FIELD=COLUMN, got {item!r}")
        mapping[field.strip()] = column.strip()
    return mapping


def cmd_import(args) -> int:
    from checkin.core.event.definition import require_event
    from checkin.core.roster import importer as roster

    mapping = _parse_map(args.map or [])
    with _open(args) as store:
        event = require_event(store)
        report = roster.import_roster(
            store, event, Path(args.file), replace=args.replace, dry_run=args.dry_run,
            skip_invalid=args.skip_invalid, sheet=args.sheet, mapping=mapping or None,
        )
    if args.json:
        _print_json({
            "file": report.file, "applied": report.applied, "dry_run": report.dry_run,
            "new": len(report.new), "updated": len(report.updated),
            "unchanged": report.unchanged_count, "cancelled": len(report.cancelled),
            "restored": len(report.restored), "skipped_rows": report.skipped_rows,
            "problems": [
                {"file": p.file, "row": p.row, "column": p.column, "message": p.message,
                 "severity": p.severity}
                for p in report.problems
            ],
        })
    else:
        for p in report.problems:
            print(f"{p.severity}: {p}", file=sys.stderr)
        _print_import_summary(report, args)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors and not report.applied and not report.dry_run:
        return EXIT_REFUSED
    return EXIT_OK if not errors or args.skip_invalid else EXIT_REFUSED


def _print_import_summary(report, args) -> None:
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
        skipped = f"; {report.skipped_rows} invalid rows skipped" if report.skipped_rows else ""
        print(f"Imported {report.file}: {counts}{skipped}.")
    else:
        print(f"Nothing imported from {report.file}: fix the problems above "
              "(or use --skip-invalid to import the valid rows).", file=sys.stderr)


def cmd_list(args) -> int:
    from checkin.core.event.definition import require_event
    from checkin.core.roster.delegates import list_delegates

    with _open(args) as store:
        event = require_event(store)
        entries = list_delegates(store, event)
    if args.json:
        rows = []
        for e in entries:
            item = _delegate_json(e.delegate, code=e.code)
            item["arrived_at"] = _iso(event, e.arrived_at)
            rows.append(item)
        _print_json(rows)
        return EXIT_OK
    for e in entries:
        d = e.delegate
        arrived = event.local(e.arrived_at).strftime("%H:%M") if e.arrived_at else "—"
        status = "" if d.status == "registered" else f" [{d.status}]"
        print(f"{e.code}  {arrived:>5}  {d.last_name}, {d.first_name} — {d.organisation}"
              f" ({d.country}) {d.category}{status}")
    print(f"{len(entries)} delegates.", file=sys.stderr)
    return EXIT_OK


def cmd_search(args) -> int:
    from checkin.core.desk.search import search
    from checkin.core.event.definition import require_event

    with _open(args) as store:
        event = require_event(store)
        hits = search(store, event.id, args.text, limit=args.limit)
    if args.json:
        _print_json([{**_delegate_json(h.delegate), "score": round(h.score, 1)} for h in hits])
    else:
        for h in hits:
            d = h.delegate
            status = "" if d.status == "registered" else f" [{d.status}]"
            print(f"{d.full_name} — {d.organisation} ({d.country}){status}")
        if not hits:
            print("No match.", file=sys.stderr)
    return EXIT_OK


def _lines(stream) -> queue.Queue:
    """Read stdin on a thread so a batch is whatever has arrived: a typed line is
    answered at once, a replayed log is committed in large batches."""
    q: queue.Queue = queue.Queue(maxsize=SCAN_BATCH * 4)

    def pump():
        for line in stream:
            q.put(line)
        q.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return q


def cmd_scan(args) -> int:
    from checkin.core.desk.service import CheckinService

    emit: Callable = (lambda o: _print_json(_outcome_json(event, o))) if args.json else (
        lambda o: print(_outcome_text(o))
    )
    with _open(args) as store:
        service = CheckinService(store, station=args.station, operator=args.operator)
        event = service.event
        service.resolve_session(args.session, dt.datetime.now(dt.UTC))  # fail early
        source = ScanSource(args.source)
        action = ScanAction.EXIT if args.exit else ScanAction.ENTRY
        if args.exit and not args.session:
            raise UsageError("--exit needs --session KEY|auto: exits are counted per room.")
        if args.code != "-":
            outcome = service.scan(args.code, session=args.session, source=source, action=action)
            emit(outcome)
            return EXIT_OK if outcome.accepted else EXIT_REFUSED
        refused = False
        q = _lines(sys.stdin)
        done = False
        while not done:
            batch = []
            item = q.get()
            while True:
                if item is None:
                    done = True
                    break
                if item.strip():
                    batch.append(item.strip())
                if len(batch) >= SCAN_BATCH or q.empty():
                    break
                item = q.get()
            if not batch:
                continue
            for outcome in service.scan_many(
                batch, session=args.session, source=source, action=action
            ):
                refused |= not outcome.accepted
                emit(outcome)
            sys.stdout.flush()
        return EXIT_REFUSED if refused else EXIT_OK


def cmd_undo(args) -> int:
    from checkin.core.desk.service import CheckinService

    with _open(args) as store:
        service = CheckinService(store, station=args.station)
        outcome = service.undo(args.scan_id)
    if args.json:
        _print_json(_outcome_json(service.event, outcome))
    else:
        print(outcome.message + f"  [scan {outcome.scan_id}]")
    return EXIT_OK


def cmd_stats(args) -> int:
    from checkin.core.dashboard.stats import compute_stats
    from checkin.core.event.definition import require_event
    from checkin.core.roster.countries import country_name

    with _open(args) as store:
        event = require_event(store)
        st = compute_stats(store, event)

    def groups(items):
        return [{"key": g.key, "registered": g.registered, "arrived": g.arrived} for g in items]

    if args.json:
        _print_json({
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
        })
        return EXIT_OK
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
    return EXIT_OK


def cmd_templates(args) -> int:
    from checkin.core.badges.render import list_templates

    templates = list_templates()
    if args.json:
        _print_json([
            {"key": t.key, "title": t.title, "description": t.description,
             "page_mm": [t.page_width, t.page_height], "badge_mm": [t.face_width, t.face_height],
             "per_page": t.per_page, "fold": t.fold}
            for t in templates
        ])
    else:
        for t in templates:
            print(f"{t.key:<20} {t.title} — {t.per_page} per page. {t.description}")
    return EXIT_OK


def _problem_json(p) -> dict:
    return {"number": p.number, "ref": p.reference, "name": p.name, "field": p.field,
            "kind": p.kind, "detail": p.detail}


def cmd_badges(args) -> int:
    from checkin.core.badges import printing
    from checkin.core.badges.render import load_template
    from checkin.core.event.definition import require_event

    if not args.preflight and not args.out:
        raise UsageError("give the PDF to write (OUT.pdf), or --preflight")
    template = load_template(args.template)
    with _open(args) as store:
        event = require_event(store)
        if args.preflight:
            delegates = printing.select_delegates(
                store, event, unprinted=args.unprinted, refs=args.ref or ()
            )
            problems = printing.preflight(store, event, template, delegates)
            if args.json:
                _print_json({"badges": len(delegates), "template": template.key,
                             "problems": [_problem_json(p) for p in problems]})
            else:
                for p in problems:
                    print(f"{p.kind:<16} {p}")
                print(f"{len(delegates)} badges checked on '{template.key}': "
                      f"{len(problems)} problems.", file=sys.stderr)
            return EXIT_REFUSED if problems else EXIT_OK

        def progress(done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{done}/{total} badges", end="", file=sys.stderr, flush=True)

        report = printing.print_badges(
            store, event, Path(args.out), template=template, unprinted=args.unprinted,
            refs=args.ref or (), reprint=args.reprint, reason=args.reason or "",
            station=args.station, progress=progress,
        )
    if args.json:
        _print_json({"path": str(report.path), "template": report.template,
                     "badges": report.badges, "pages": report.pages,
                     "reprinted": report.reprinted, "printed_before": report.printed_before,
                     "problems": [_problem_json(p) for p in report.problems]})
    else:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        for p in report.problems:
            print(f"warning: {p.name}: {p.detail}", file=sys.stderr)
        extra = (f"; {report.reprinted} reprinted (old badges now revoked)"
                 if report.reprinted else "")
        print(f"Wrote {report.badges} badges on {report.pages} pages to {report.path} "
              f"({report.template}){extra}.")
    return EXIT_OK


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin",
        description="Conference check-in: roster, signed QR badges, scanning, headcounts.",
    )
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    from checkin.cli.selftest import SelfTestAction  # stdlib only until it runs

    parser.add_argument("--self-test", action=SelfTestAction)
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="SQLite file or database URL (default: $CHECKIN_DB, then the "
                             "per-user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="use the demo event in a database of its own")
    parser.add_argument("--read-only", action="store_true",
                        help="open a SQLite file without writing to it (to look at and "
                             "export from a file that cannot be written)")
    parser.set_defaults(func=cmd_none)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name, func, help_text, *, json_flag=True):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="machine-readable output")
        return p

    add("demo", cmd_demo, "create the demo event in this database (idempotent)")

    p_event = sub.add_parser("event", help="define the event")
    event_sub = p_event.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    p = event_sub.add_parser("init", help="create or update the event from a TOML file")
    p.add_argument("file", metavar="FILE.toml")
    p.add_argument("--new", action="store_true",
                   help="create another event instead of updating the current one")
    p.set_defaults(func=cmd_event_init)
    p = event_sub.add_parser("show", help="show the event and its sessions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_event_show)

    p = add("import", cmd_import, "import delegates from a CSV or XLSX file")
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

    add("list", cmd_list, "list delegates with status, arrival time and badge code")

    p = add("search", cmd_search, "find delegates by name, organisation, email or reference")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)

    p = add("scan", cmd_scan, "check in a badge code, or '-' to read one code per line")
    p.add_argument("code", metavar="CODE|-")
    p.add_argument("--station", default="CLI", help="name of this desk (default: CLI)")
    p.add_argument("--operator", default="", help="who is at the desk")
    p.add_argument("--session", metavar="KEY|auto",
                   help="record attendance in a session; 'auto' = the one running now")
    p.add_argument("--exit", action="store_true",
                   help="record people leaving the --session's room (a door desk)")
    p.add_argument("--source", default="scanner",
                   choices=["scanner", "camera", "manual", "walk-in"], help=argparse.SUPPRESS)

    p = add("undo", cmd_undo, "undo an admission by its scan id")
    p.add_argument("scan_id", metavar="SCAN_ID")
    p.add_argument("--station", default="CLI")

    add("stats", cmd_stats, "headcounts: arrivals, sessions, categories, countries")

    p = add("badges", cmd_badges, "print badges to a PDF, or check them first (--preflight)")
    p.add_argument("out", nargs="?", metavar="OUT.pdf")
    p.add_argument("--template", default="a6", help="template key or .toml file (see "
                   "'checkin templates'; default: a6)")
    p.add_argument("--unprinted", action="store_true", help="only badges never printed")
    p.add_argument("--ref", action="append", metavar="REF",
                   help="only this delegate (by reference); repeatable")
    p.add_argument("--reprint", action="store_true",
                   help="issue new badges for --ref: the old ones scan as revoked")
    p.add_argument("--reason", help="why a reprint was needed (lost, misspelt…)")
    p.add_argument("--station", default="CLI")
    p.add_argument("--preflight", action="store_true",
                   help="list badges with problems instead of printing (exit 1 if any)")

    add("templates", cmd_templates, "list the badge templates")
    for module in _command_modules():
        module.register(sub, add)
    return parser


# Command groups that live in modules of their own (each has ``register(sub, add)`` and
# ``USER_ERRORS`` shaped like ``_USER_ERRORS``); they import their core modules lazily.
_COMMAND_MODULES: tuple[str, ...] = ("checkin.cli.data", "checkin.cli.sync")


def _command_modules():
    import importlib

    return [importlib.import_module(name) for name in _COMMAND_MODULES]


# Errors meant for the user, by module: (module, class names, exit status).  Looked up
# only in modules already imported, so a scan does not load the PDF machinery to be able
# to report a badge template error.
_USER_ERRORS = (
    ("checkin.core.event.definition", ("EventError",), EXIT_USAGE),
    ("checkin.core.desk.service", ("CheckinError",), EXIT_USAGE),
    ("checkin.core.badges.render", ("TemplateError",), EXIT_USAGE),
    ("checkin.core.badges.printing", ("PrintError",), EXIT_USAGE),
    ("checkin.core.roster.importer", ("RosterError",), EXIT_REFUSED),
    ("checkin.core.db.store", ("StoreError",), EXIT_DATABASE),
)


def _user_error_status(exc: Exception) -> int | None:
    extra = [e for m in _command_modules() for e in getattr(m, "USER_ERRORS", ())]
    for module_name, names, status in (*_USER_ERRORS, *extra):
        module = sys.modules.get(module_name)
        if module is not None and isinstance(exc, tuple(getattr(module, n) for n in names)):
            return status
    return None


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Pipes and files get UTF-8 whatever the locale (Windows would pick cp1252 and
        # fail on "Łukasz"); a console keeps its own encoding, with a fallback glyph.
        if hasattr(stream, "reconfigure"):
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        parser.error(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head`: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        status = _user_error_status(exc)
        if status is not None:
            print(f"checkin: {exc}", file=sys.stderr)
            return status
        badges = sys.modules.get("checkin.core.badges.render")
        if badges is not None and isinstance(exc, badges.RenderCancelled):
            print("checkin: cancelled; nothing was written.", file=sys.stderr)
            return 130
        if os.environ.get("CHECKIN_DEBUG"):
            raise
        print(f"checkin: unexpected error ({type(exc).__name__}: {exc}). "
              "Run again with CHECKIN_DEBUG=1 for details.", file=sys.stderr)
        return 70
    return EXIT_OK
