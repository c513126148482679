"""What every command group shares: exit statuses, the store named by ``--db``/``--demo``,
JSON printing and the JSON shapes of delegates and scan outcomes.

Stdlib only at the top: ``checkin --help`` builds every group's parser and must not pay
for SQLAlchemy, reportlab or Qt.  A command imports the core it needs when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from checkin.core.wording import plural

if TYPE_CHECKING:  # not at run time: the store module loads SQLAlchemy
    from checkin.core.db.store import Store
    from checkin.core.desk.merge import Duplicate
    from checkin.core.types import DelegateInfo, EventInfo, ScanResult

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE = 0, 1, 2, 3
EXIT_NO_DISPLAY = 4  # the app cannot open a window here (``checkin.cli.display``)
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it
EXIT_UNEXPECTED = 70  # a bug: sysexits' EX_SOFTWARE

# Every exit status, as ``checkin --help`` lists them (the README's table says the same;
# tests/cli/test_groups.py holds the three together).
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "the person may go in (admitted, already admitted), also when answered "
              "offline; or the command succeeded"),
    (EXIT_REFUSED, "a scan was refused (scan -: at least one line was), an input file was "
                   "rejected, or the self-test failed"),
    (EXIT_USAGE, "usage error: bad arguments, no event, unknown session, nothing to undo"),
    (EXIT_DATABASE, "the database cannot be opened (damaged, locked, read-only, newer "
                    "version) or its server cannot be reached (scan, undo: only when this "
                    "station has no offline copy yet; replay: nothing was replayed)"),
    (EXIT_NO_DISPLAY, "the desktop app cannot open a window: no display (SSH, a server) "
                      "or a system library missing; the message names the fix"),
    (EXIT_UNEXPECTED, "an unexpected error, a bug: run again with CHECKIN_DEBUG=1 and "
                      "report it"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)


def exit_codes_help() -> str:
    """The ``exit status`` epilog of ``checkin --help``."""
    import textwrap

    lines = ["exit status:"]
    for status, meaning in EXIT_CODES:
        lines += textwrap.wrap(meaning, 78, initial_indent=f"  {status:<5}",
                               subsequent_indent=" " * 7)
    return "\n".join(lines)

Command = Callable[[argparse.Namespace], int]

# The core's user errors a group's commands may raise, with their exit status; the
# first class that matches wins.  A group hands its table out through a function that
# imports the classes only when a command has failed (see ``checkin.cli``).
ErrorTable = tuple[tuple[type[Exception], int], ...]


class UsageError(Exception):
    """Arguments that parse but make no sense together: argparse's error, exit 2."""


@dataclass(frozen=True)
class Commands:
    """The ``checkin`` sub-commands a group adds its own to."""

    sub: argparse._SubParsersAction

    def add(self, name: str, func: Command, help_text: str) -> argparse.ArgumentParser:
        """A command whose help is also its description, with a ``--json`` flag."""
        p = self.sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        p.add_argument("--json", action="store_true", help="machine-readable output")
        return p

    def nest(self, name: str, dest: str, **kwargs: Any) -> argparse._SubParsersAction:
        """A command with actions of its own (``checkin event init``): their parent."""
        parser = self.sub.add_parser(name, **kwargs)
        return parser.add_subparsers(dest=dest, metavar="ACTION", required=True)


def user_errors() -> ErrorTable:
    """Errors any command may meet: no database, no event."""
    from checkin.core.db.store import StoreError
    from checkin.core.event.rules import EventError

    return ((EventError, EXIT_USAGE), (StoreError, EXIT_DATABASE))


# ------------------------------------------------------------------ the store


def open_store(args: argparse.Namespace) -> Store:
    """The store the global options name, opened (a context manager).

    ``--demo`` on a demo database with no event yet creates the demo event first, the
    same one the app would, so ``checkin --demo list`` works before the app was ever
    opened (``--db X --demo``: in that file)."""
    from checkin.core.db.store import open_store as open_core_store

    store = open_core_store(args.db, demo=args.demo, read_only=args.read_only)
    if args.demo and not args.read_only:
        from checkin.core.roster.demo import ensure_demo

        try:
            ensure_demo(store)
        except BaseException:
            store.close()
            raise
    return store


def database_url(args: argparse.Namespace) -> str:
    """The database URL the global options name, without opening it (backups)."""
    from checkin.core.db.store import resolve_url

    return resolve_url(args.db, demo=args.demo)


# ------------------------------------------------------------------ output


def print_json(value: object) -> None:
    """One JSON document on one line; names stay readable (no ``\\u`` escapes)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def progress_printer(args: argparse.Namespace) -> Callable[[int, int], None]:
    """A ``done/total badges`` counter on a terminal's stderr; silent otherwise."""

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{plural(total, 'badge', 'badges')}", end="", file=sys.stderr,
                  flush=True)

    return progress


def end_progress() -> None:
    """The line after a ``progress_printer`` counter."""
    if sys.stderr.isatty():
        print(file=sys.stderr)


def iso(event: EventInfo, when: dt.datetime | None) -> str | None:
    """A UTC time as the event's local ISO time, to the second."""
    return event.local(when).isoformat(timespec="seconds") if when else None


@overload
def delegate_json(d: DelegateInfo, *, code: str | None = None) -> dict: ...
@overload
def delegate_json(d: None, *, code: str | None = None) -> None: ...


def delegate_json(d: DelegateInfo | None, *, code: str | None = None) -> dict | None:
    """A delegate as ``list``, ``search`` and scan outcomes show one."""
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


def outcome_json(event: EventInfo, o: ScanResult, *, offline: bool = False) -> dict:
    """A scan's result (``checkin scan``, ``checkin undo``); ``offline``: answered from
    the station's offline copy because the shared server could not be reached."""
    return {
        "status": o.status.value,
        "may_enter": o.may_enter,
        "delegate": delegate_json(o.delegate),
        "session": o.session.key if o.session else None,
        "first_scan_at": iso(event, o.first_scan_at),
        "first_station": o.first_station,
        "scanned_at": iso(event, o.scanned_at),
        "scan_id": o.scan_id,
        "message": o.message,
        "offline": offline,
        # The accreditation desk (issue 19's contract).
        "note": {"text": o.note.text, "done": o.note.done} if o.note else None,
        "photo": o.photo,
        "handouts": [{"item": h.item, "state": h.state} for h in o.handouts],
        "id_check": o.id_check or None,
        "rule": o.rule or None,
        "overridden": o.overridden,
    }


def duplicate_json(d: Duplicate) -> dict:
    """One person admitted at two stations while they were apart (``sync``, ``replay``)."""
    return {"number": d.delegate.number, "name": d.delegate.full_name,
            "session": d.session.key if d.session else None,
            "first_scan_id": d.first_scan, "first_station": d.first_station,
            "first_at": d.first_at.isoformat(), "second_scan_id": d.second_scan,
            "second_station": d.second_station, "second_at": d.second_at.isoformat()}
