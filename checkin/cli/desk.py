"""``checkin scan`` and ``checkin undo``: a desk on the command line.

``scan -`` reads one code per line from stdin: a person typing gets each answer at
once, a replayed log is committed in large batches (one transaction per batch) on a
SQLite file.  On a shared server the station's desk falls back to its offline copy when
the server cannot be reached (``checkin.cli.offline``): every line is still answered
once, marked offline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from checkin.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Commands,
    ErrorTable,
    UsageError,
    database_url,
    open_store,
    outcome_json,
    print_json,
)
from checkin.cli.offline import SharedDesk, is_server, open_shared
from checkin.core.types import ScanAction, ScanSource

if TYPE_CHECKING:
    from checkin.core.desk.service import CheckinService
    from checkin.core.types import EventInfo, ScanResult

SCAN_BATCH = 512


def user_errors() -> ErrorTable:
    """An unknown session, or a desk that cannot work on this event."""
    from checkin.core.accreditation.rules import OverrideError
    from checkin.core.desk.service import CheckinError

    return ((CheckinError, EXIT_USAGE), (OverrideError, EXIT_USAGE))


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


class LocalDesk:
    """The desk on a SQLite file: the file is the station's own, never offline."""

    def __init__(self, service: CheckinService) -> None:
        self.service = service

    @property
    def event(self) -> EventInfo:
        return self.service.event

    def scan_each(
        self, raws: list[str], *, session: str | None, source: ScanSource,
        action: ScanAction, override: bool = False, reason: str = "",
    ) -> Iterator[tuple[ScanResult, bool]]:
        """The batch in one transaction; the results once it is committed."""
        for outcome in self.service.scan_many(raws, session=session, source=source,
                                               action=action, override=override,
                                               reason=reason):
            yield outcome, False

    def undo(self, scan_id: str) -> tuple[ScanResult, bool]:
        return self.service.undo(scan_id), False


Desk = LocalDesk | SharedDesk


@contextmanager
def open_desk(args: argparse.Namespace, *, operator: str = "") -> Iterator[Desk]:
    """The desk ``--db`` names: a SQLite file's own, or a station on a shared server
    with its offline copy (see ``checkin.cli.offline``)."""
    url = database_url(args)
    if is_server(url) and not args.read_only:
        with open_shared(url, station=args.station, operator=operator) as shared:
            yield shared
        return
    from checkin.core.desk.service import CheckinService

    with open_store(args) as store:
        yield LocalDesk(CheckinService(store, station=args.station, operator=operator))


def _emitter(args: argparse.Namespace, desk: Desk) -> Callable[[ScanResult, bool], None]:
    if args.json:
        return lambda o, offline: print_json(outcome_json(desk.event, o, offline=offline))
    return lambda o, offline: print(_outcome_text(o) + (" (offline)" if offline else ""))


def cmd_scan(args: argparse.Namespace) -> int:
    from checkin.core.desk.service import resolve_session

    if args.exit and not args.session:
        raise UsageError("--exit needs --session KEY|auto: exits are counted per room.")
    if args.override and not args.operator.strip():
        raise UsageError("--override needs --operator NAME: the journal keeps who decided.")
    source = ScanSource(args.source)
    action = ScanAction.EXIT if args.exit else ScanAction.ENTRY
    with open_desk(args, operator=args.operator) as desk:
        resolve_session(desk.event, args.session, dt.datetime.now(dt.UTC))  # fail early
        emit = _emitter(args, desk)
        codes = [[args.code]] if args.code != "-" else _batches(_lines(sys.stdin))
        refused = False
        for batch in codes:
            for outcome, offline in desk.scan_each(batch, session=args.session,
                                                   source=source, action=action,
                                                   override=args.override,
                                                   reason=args.reason):
                refused |= not outcome.accepted
                emit(outcome, offline)
            sys.stdout.flush()
        return EXIT_REFUSED if refused else EXIT_OK


def cmd_undo(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        outcome, offline = desk.undo(args.scan_id)
        if args.json:
            print_json(outcome_json(desk.event, outcome, offline=offline))
        else:
            print(outcome.message + f"  [scan {outcome.scan_id}]"
                  + (" (offline)" if offline else ""))
    return EXIT_OK


def register(commands: Commands) -> None:
    p = commands.add("scan", cmd_scan, "check in a badge code, or '-' to read one code per line")
    p.add_argument("code", metavar="CODE|-")
    p.add_argument("--station", default="CLI",
                   help="name of this desk (default: CLI); on a shared server each station "
                        "keeps its own offline copy")
    p.add_argument("--operator", default="", help="who is at the desk")
    p.add_argument("--session", metavar="KEY|auto",
                   help="record attendance in a session; 'auto' = the one running now")
    p.add_argument("--exit", action="store_true",
                   help="record people leaving the --session's room (a door desk)")
    p.add_argument("--override", action="store_true",
                   help="admit although an entry rule refuses (closed session, doors not "
                        "open, session full); needs --operator, recorded in the journal")
    p.add_argument("--reason", default="", metavar="TEXT",
                   help="why the --override was decided (kept in the journal)")
    p.add_argument("--source", default="scanner", help=argparse.SUPPRESS,
                   choices=["scanner", "camera", "manual", "typed", "walk-in"])

    p = commands.add("undo", cmd_undo, "undo an admission by its scan id")
    p.add_argument("scan_id", metavar="SCAN_ID")
    p.add_argument("--station", default="CLI")
