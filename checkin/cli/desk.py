"""``checkin scan`` and ``checkin undo``: a desk on the command line.

``scan -`` reads one code per line from stdin: a person typing gets each answer at
once, a replayed log is committed in large batches (one transaction per batch).
"""

from __future__ import annotations

import argparse
import datetime as dt
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO

from checkin.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Commands,
    ErrorTable,
    UsageError,
    open_store,
    outcome_json,
    print_json,
)
from checkin.core.types import ScanAction, ScanSource

if TYPE_CHECKING:
    from checkin.core.types import ScanResult

SCAN_BATCH = 512


def user_errors() -> ErrorTable:
    """An unknown session, or a desk that cannot work on this event."""
    from checkin.core.desk.service import CheckinError

    return ((CheckinError, EXIT_USAGE),)


def _outcome_text(o: ScanResult) -> str:
    label = o.status.value.upper().replace("_", " ")
    who = ""
    if o.delegate is not None:
        org = f" ({o.delegate.organisation})" if o.delegate.organisation else ""
        who = f"  {o.delegate.full_name}{org}"
    return f"{label:<16}{who}  — {o.message}  [scan {o.scan_id}]"


def _lines(stream: TextIO) -> queue.Queue:
    """Read stdin on a thread so a batch is whatever has arrived: a typed line is
    answered at once, a replayed log is committed in large batches."""
    q: queue.Queue = queue.Queue(maxsize=SCAN_BATCH * 4)

    def pump() -> None:
        for line in stream:
            q.put(line)
        q.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return q


def _batches(q: queue.Queue) -> Iterator[list[str]]:
    """The codes read so far (up to ``SCAN_BATCH``), blank lines dropped, until the end."""
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
        if batch:
            yield batch


def cmd_scan(args: argparse.Namespace) -> int:
    from checkin.core.desk.service import CheckinService

    emit: Callable[[ScanResult], None] = (
        (lambda o: print_json(outcome_json(event, o))) if args.json
        else (lambda o: print(_outcome_text(o)))
    )
    with open_store(args) as store:
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
        for batch in _batches(_lines(sys.stdin)):
            for outcome in service.scan_many(
                batch, session=args.session, source=source, action=action
            ):
                refused |= not outcome.accepted
                emit(outcome)
            sys.stdout.flush()
        return EXIT_REFUSED if refused else EXIT_OK


def cmd_undo(args: argparse.Namespace) -> int:
    from checkin.core.desk.service import CheckinService

    with open_store(args) as store:
        service = CheckinService(store, station=args.station)
        outcome = service.undo(args.scan_id)
    if args.json:
        print_json(outcome_json(service.event, outcome))
    else:
        print(outcome.message + f"  [scan {outcome.scan_id}]")
    return EXIT_OK


def register(commands: Commands) -> None:
    p = commands.add("scan", cmd_scan, "check in a badge code, or '-' to read one code per line")
    p.add_argument("code", metavar="CODE|-")
    p.add_argument("--station", default="CLI", help="name of this desk (default: CLI)")
    p.add_argument("--operator", default="", help="who is at the desk")
    p.add_argument("--session", metavar="KEY|auto",
                   help="record attendance in a session; 'auto' = the one running now")
    p.add_argument("--exit", action="store_true",
                   help="record people leaving the --session's room (a door desk)")
    p.add_argument("--source", default="scanner",
                   choices=["scanner", "camera", "manual", "typed", "walk-in"], help=argparse.SUPPRESS)

    p = commands.add("undo", cmd_undo, "undo an admission by its scan id")
    p.add_argument("scan_id", metavar="SCAN_ID")
    p.add_argument("--station", default="CLI")
