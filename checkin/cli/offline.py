"""A command-line desk on a shared server, with the station's offline copy; ``checkin replay``.

On a database URL (PostgreSQL) ``scan`` and ``undo`` work as the app's desk does, through
``core.desk.offline.DeskCheckin``: each scan goes to the server while it answers, and to
the station's offline copy (a SQLite file in the user's data folder, one per server and
station, the same one the app keeps) when it does not — at the start, or when the server
goes away in the middle of a ``scan -`` stream.  Those answers say ``"offline": true``;
staff keep scanning.  The scans made offline go to the server when the station next
connects: at the start of its next ``scan`` (``DeskCheckin`` replays first), or with
``checkin replay``, which says what it pushed and whom it found admitted twice.

Why one scan at a time on a server, where SQLite commits a batch per transaction: a
batch that fails mid-way leaves no doubt about which lines reached the server, and each
admission enters the offline copy at once, so a drop never admits anyone twice at this
station.  Notes for staff go to stderr; stdout keeps one answer per line.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from checkin.cli.common import (
    EXIT_DATABASE,
    EXIT_OK,
    Commands,
    ErrorTable,
    UsageError,
    database_url,
    duplicate_json,
    print_json,
)
from checkin.core.wording import plural

if TYPE_CHECKING:
    from checkin.core.desk.offline import DeskCheckin, ReplayReport
    from checkin.core.desk.pending import Clash
    from checkin.core.types import EventInfo, ScanAction, ScanResult, ScanSource


def user_errors() -> ErrorTable:
    """No server and no offline copy yet (or a copy that belongs to another event)."""
    from checkin.core.desk.offline import OfflineError

    return ((OfflineError, EXIT_DATABASE),)


def is_server(url: str) -> bool:
    """A shared PostgreSQL server (``scan`` falls back to an offline copy there)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:  # the store says what is wrong with it
        return False


def _note(text: str) -> None:
    print(f"checkin: {text}", file=sys.stderr, flush=True)


class SharedDesk:
    """A station on a shared server: ``DeskCheckin``, answers marked when offline."""

    def __init__(self, desk: DeskCheckin) -> None:
        self.desk = desk
        self._was_online = desk.online

    @property
    def event(self) -> EventInfo:
        return self.desk.event

    def scan_each(
        self, raws: Iterable[str], *, session: str | None, source: ScanSource,
        action: ScanAction, override: bool = False, reason: str = "",
    ) -> Iterator[tuple[ScanResult, bool]]:
        """Each code's result as soon as it is recorded, with "was it offline"."""
        for raw in raws:
            outcome = self.desk.scan(raw, session=session, source=source, action=action,
                                     override=override, reason=reason)
            yield outcome, self._offline()

    def undo(self, scan_id: str) -> tuple[ScanResult, bool]:
        outcome = self.desk.undo(scan_id)
        return outcome, self._offline()

    def _offline(self) -> bool:
        """Was the last answer the offline copy's?  Says so once when the server goes."""
        online = self.desk.online
        if self._was_online and not online:
            _note("the database server went away: answering from the offline copy of "
                  f"station {self.desk.station!r}.")
        self._was_online = online
        return not online


@contextmanager
def open_shared(url: str, *, station: str, operator: str = "") -> Iterator[SharedDesk]:
    """The station's desk on the server at ``url``, or on its offline copy."""
    from checkin.core.desk.offline import DeskCheckin

    _quiet_core_log()
    desk = DeskCheckin(url, station=station, operator=operator)
    try:
        if desk.online and desk.last_replay is not None and desk.last_replay.anything:
            for line in _report_lines(desk.last_replay, station):
                _note(line)
        if not desk.online:
            _note("the database server cannot be reached: answering from the offline copy "
                  f"of station {station!r}.")
        yield SharedDesk(desk)
    finally:
        if desk.pending and not desk.online:
            waiting = plural(desk.pending, "scan waits", "scans wait")
            they = "it goes" if desk.pending == 1 else "they go"
            _note(f"{waiting} in the offline copy of station {station!r} for the server: "
                  f"{they} at this station's next scan, or with "
                  f"'checkin replay --station {shlex.quote(station)}'.")
        desk.close()


def _quiet_core_log() -> None:
    """The desk's core logs its changes of state for the app's log file; here the notes
    on stderr say them to the person, once, in sentences."""
    import logging

    from checkin.core.desk.offline import DeskCheckin

    logging.getLogger(DeskCheckin.__module__.rpartition(".")[0]).setLevel(logging.ERROR)


def _report_lines(report: ReplayReport, station: str) -> list[str]:
    """What a replay did, in sentences: what it pushed, then what needs a person."""
    merged, changes = report.merge, report.changes
    pushed = [plural(merged.new, "scan", "scans")]
    if changes.applied:
        pushed += [plural(changes.walk_ins, "walk-in", "walk-ins"),
                   plural(changes.edits, "edit", "edits"),
                   plural(changes.notes, "note", "notes")]
    lines = [f"replayed {', '.join(pushed)} from the offline copy of station {station!r} "
             "to the server."]
    lines += [f"skipped scan {k.uuid}: {k.reason}" for k in merged.skipped]
    lines += [f"{d.message}  [scans {d.first_scan} and {d.second_scan}]"
              for d in report.duplicates]
    if report.duplicates:
        twice = plural(len(report.duplicates), "person was", "people were")
        lines.append(f"{twice} admitted twice while the station was offline (also in "
                     "'checkin sync duplicates').")
    lines += [f"{c.message}  [change {c.change}]" for c in report.clashes]
    if report.clashes:
        lines.append(f"{plural(len(report.clashes), 'change', 'changes')} made offline "
                     "could not simply be applied: a person must resolve them (nothing "
                     "was merged or dropped).")
    return lines


def _clash_json(c: Clash) -> dict:
    return {"change": c.change, "kind": c.kind, "number": c.number, "station": c.station,
            "made_at": c.made_at.isoformat(), "reason": c.reason, "other": c.other,
            "fields": list(c.fields), "message": c.message}


def _report_json(report: ReplayReport, station: str) -> dict:
    merged = report.merge
    return {
        "station": station,
        "replayed": merged.new,
        "walk_ins": report.changes.walk_ins,
        "edits": report.changes.edits,
        "notes": report.changes.notes,
        "skipped": [{"scan_id": k.uuid, "reason": k.reason} for k in merged.skipped],
        "duplicates": [{**duplicate_json(d), "message": d.message}
                       for d in report.duplicates],
        "clashes": [_clash_json(c) for c in report.clashes],
    }


def cmd_replay(args: argparse.Namespace) -> int:
    """Push the station's offline scans to the server now; say what was found."""
    url = database_url(args)
    if args.read_only or not is_server(url):
        raise UsageError("replay is for a shared database server (--db postgresql+psycopg://…): "
                         "a SQLite file has no offline copy to replay.")
    from checkin.core.desk.offline import DeskCheckin

    _quiet_core_log()
    desk = DeskCheckin(url, station=args.station)
    try:
        report = desk.last_replay if desk.online else None
        if desk.online and report is None:
            report = desk.replay()
    finally:
        desk.close()
    if report is None:
        _note("the database server cannot be reached: nothing was replayed; the offline "
              f"copy of station {args.station!r} keeps its scans for the next connection.")
        return EXIT_DATABASE
    if args.json:
        print_json(_report_json(report, args.station))
    else:
        for line in _report_lines(report, args.station):
            print(line[:1].upper() + line[1:])
    return EXIT_OK


def register(commands: Commands) -> None:
    p = commands.add("replay", cmd_replay,
                     "send a station's offline scans to the shared server now (they also go "
                     "at the station's next scan)")
    p.add_argument("--station", default="CLI", help="the station whose offline copy to "
                                                    "replay (default: CLI)")
