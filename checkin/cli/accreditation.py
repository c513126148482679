"""``checkin note``, ``checkin handout`` and ``checkin photos``: the accreditation desk
on the command line (issue 19's contract).

``note done REF`` and ``handout give|return REF ITEM`` are journaled by the station's
desk like scans — on a shared server through its offline copy when the server is out of
reach, replayed later and never counted twice.  ``note set REF TEXT`` types the note
through the same desk (offline: kept in the copy and replayed, a clash listed when the
server's note changed meanwhile).  REF is a reference, ``#number`` or a
badge code (``roster.delegates.find_by_ref``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from checkin.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Commands,
    ErrorTable,
    UsageError,
    delegate_json,
    open_store,
    print_json,
)
from checkin.core.wording import plural

if TYPE_CHECKING:
    from checkin.cli.desk import Desk
    from checkin.core.desk.protocol import DeskService
    from checkin.core.types import DelegateInfo, EventInfo


def user_errors() -> ErrorTable:
    """No such item, no note, a picture folder that is not there."""
    from checkin.core.accreditation.handouts import HandoutError
    from checkin.core.accreditation.notes import NoteError
    from checkin.core.accreditation.photos import PhotoError

    return ((HandoutError, EXIT_USAGE), (NoteError, EXIT_REFUSED), (PhotoError, EXIT_USAGE))


def _service(desk: Desk) -> DeskService:
    from checkin.cli.desk import LocalDesk

    return desk.service if isinstance(desk, LocalDesk) else desk.desk


def _person(desk: Desk, ref: str) -> DelegateInfo:
    from checkin.cli.desk import LocalDesk
    from checkin.core.roster.delegates import find_by_ref

    store = desk.service.store if isinstance(desk, LocalDesk) else desk.desk.mirror
    found = find_by_ref(store, desk.event, ref)
    if found is None:
        raise UsageError(f"No delegate {ref!r}: give a reference, #number or a badge code.")
    return found


def _iso(event: EventInfo, when) -> str | None:
    return event.local(when).isoformat(timespec="seconds") if when else None


def cmd_note(args: argparse.Namespace) -> int:
    if args.what == "set":
        return _note_set(args)
    if args.text is not None:
        raise UsageError("note done takes REF only (no text).")
    return cmd_note_done(args)


def _note_set(args: argparse.Namespace) -> int:
    from checkin.cli.desk import open_desk

    if args.text is None:
        raise UsageError('note set needs REF and TEXT (use "" to clear the note).')
    with open_desk(args, operator=args.operator) as desk:
        result = _service(desk).set_note(_person(desk, args.ref).id, args.text)
        if args.json:
            note = result.note
            print_json({
                "delegate": delegate_json(result.delegate),
                "note": {"text": note.text, "done": note.done} if note else None,
                "changed": result.changed, "message": result.message,
            })  # fmt: skip
        else:
            print(result.message)
    return EXIT_OK


def cmd_note_done(args: argparse.Namespace) -> int:
    from checkin.cli.desk import open_desk

    with open_desk(args, operator=args.operator) as desk:
        result = _service(desk).note_done(_person(desk, args.ref).id)
        if args.json:
            note = result.note
            print_json({
                "delegate": delegate_json(result.delegate), "note": note.text,
                "done": note.done, "done_by": note.done_by,
                "done_at": _iso(desk.event, note.done_at), "scan_id": result.scan_id,
                "changed": result.changed, "message": result.message,
            })  # fmt: skip
        else:
            print(result.message)
    return EXIT_OK


def cmd_handout(args: argparse.Namespace) -> int:
    from checkin.cli.desk import open_desk

    if args.action == "list":
        return _handout_list(args)
    if not args.ref or not args.item:
        raise UsageError(f"handout {args.action} needs REF and ITEM.")
    with open_desk(args, operator=args.operator) as desk:
        service, person = _service(desk), _person(desk, args.ref)
        act = service.give_handout if args.action == "give" else service.return_handout
        result = act(person.id, args.item, item_code=args.code)
        if args.json:
            print_json({
                "status": result.status, "ok": result.ok,
                "delegate": delegate_json(result.delegate), "item": result.item.key,
                "item_code": result.state.item_code or None, "state": result.state.state,
                "out_at": _iso(desk.event, result.state.out_at),
                "returned_at": _iso(desk.event, result.state.returned_at),
                "scan_id": result.scan_id, "message": result.message,
            })  # fmt: skip
        else:
            print(result.message)
    return EXIT_OK if result.ok else EXIT_REFUSED


def _handout_list(args: argparse.Namespace) -> int:
    from checkin.core.dashboard.accreditation import holders, write_holders
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        event = require_event(store)
        if args.out:
            path, n = write_holders(store, event, args.out, outstanding=args.outstanding)
            print(f"{plural(n, 'row', 'rows')} written to {path}")
            return EXIT_OK
        rows = holders(store, event, outstanding=args.outstanding)
        if args.json:
            print_json([{
                "ref": h.delegate.reference, "name": h.delegate.full_name,
                "organisation": h.delegate.organisation, "email": h.delegate.email,
                "item": h.item, "item_code": h.item_code or None, "state": h.state,
                "out_at": _iso(event, h.out_at), "returned_at": _iso(event, h.returned_at),
            } for h in rows])  # fmt: skip
            return EXIT_OK
        for h in rows:
            back = f", returned {event.local(h.returned_at):%H:%M}" if h.returned_at else ""
            out = f"{event.local(h.out_at):%H:%M}" if h.out_at else "?"
            print(f"{h.delegate.reference:<12} {h.delegate.full_name:<28} {h.label:<20} "
                  f"out {out}{back}")
        if not rows:
            print("Nobody holds an item." if args.outstanding else "No item handed out yet.")
    return EXIT_OK


def cmd_photos_import(args: argparse.Namespace) -> int:
    from checkin.core.accreditation.photos import import_folder
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        report = import_folder(store, require_event(store), args.folder)
    if args.json:
        print_json({"matched": report.matched, "unmatched": list(report.unmatched),
                    "unreadable": list(report.unreadable)})
    else:
        print(f"{plural(report.matched, 'photo', 'photos')} matched and stored.")
        for name in report.unmatched:
            print(f"  no delegate for {name}")
        for line in report.unreadable:
            print(f"  unreadable: {line}")
    return EXIT_OK if not report.unreadable else EXIT_REFUSED


def _desk_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--station", default="CLI", help="name of this desk (default: CLI)")
    p.add_argument("--operator", default="", help="who is at the desk (journaled)")


def register(commands: Commands) -> None:
    p = commands.add("note", cmd_note,
                     "type a delegate's attention note (set), or mark it done (done)")
    p.add_argument("what", choices=["done", "set"])
    p.add_argument("ref", metavar="REF", help="a reference, #number or a badge code")
    p.add_argument("text", metavar="TEXT", nargs="?",
                   help='set: the note ("Collect visa letter"; "" clears it)')
    _desk_options(p)

    p = commands.add("handout", cmd_handout,
                     "hand out or take back an item (headset, kit), or list who holds what")
    p.add_argument("action", choices=["give", "return", "list"])
    p.add_argument("ref", metavar="REF", nargs="?", help="a reference, #number or a badge code")
    p.add_argument("item", metavar="ITEM", nargs="?", help="the item's key ([[handouts]])")
    p.add_argument("--code", default="", metavar="N",
                   help="the item's own number (headset no. 117)")
    p.add_argument("--outstanding", action="store_true",
                   help="list: only returnable items still out (the end-of-day list)")
    p.add_argument("--out", metavar="FILE.csv|FILE.xlsx", help="list: write it to a file")
    _desk_options(p)

    p = commands.add("photos", cmd_photos_import,
                     "import delegates' photos from a folder (files named by reference, "
                     "e-mail or number; JPEG or PNG)")
    p.add_argument("what", choices=["import"])
    p.add_argument("folder", metavar="DIR")
