"""``checkin templates`` and ``checkin badges``: badge templates, preflight and PDFs.

reportlab loads only when one of these commands runs, never for a scan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Commands,
    ErrorTable,
    UsageError,
    end_progress,
    open_store,
    print_json,
    progress_printer,
)
from checkin.core.wording import plural

if TYPE_CHECKING:
    from checkin.core.badges.printing import PreflightProblem, PrintReport


def user_errors() -> ErrorTable:
    """A template that cannot be read, badges that cannot be printed."""
    from checkin.core.badges.label_printer import PrinterError
    from checkin.core.badges.printing import PrintError
    from checkin.core.badges.templates import TemplateError

    return ((TemplateError, EXIT_USAGE), (PrintError, EXIT_USAGE), (PrinterError, EXIT_REFUSED))


def cmd_templates(args: argparse.Namespace) -> int:
    from checkin.core.badges.templates import list_templates

    templates = list_templates()
    if args.json:
        print_json([
            {"key": t.key, "title": t.title, "description": t.description,
             "page_mm": [t.page_width, t.page_height], "badge_mm": [t.face_width, t.face_height],
             "per_page": t.per_page, "fold": t.fold}
            for t in templates
        ])
    else:
        for t in templates:
            print(f"{t.key:<20} {t.title} — {t.per_page} per page. {t.description}")
    return EXIT_OK


def _problem_json(p: PreflightProblem) -> dict:
    return {"number": p.number, "ref": p.reference, "name": p.name, "field": p.field,
            "kind": p.kind, "detail": p.detail, "fix": p.fix}


def _print_problems(problems: list[PreflightProblem]) -> None:
    """One block per problem: what, on which badge and field, and the fix."""
    for p in problems:
        print(f"{p.kind:<16} {p} [{p.field}]")
        if p.fix:
            print(f"{'':16} fix: {p.fix}")


def _preflight_out(args: argparse.Namespace, template, badges: int,
                   problems: list[PreflightProblem]) -> None:
    """The problems (JSON or one block each), and who has no photo when it prints one."""
    no_photo = [{"number": p.number, "ref": p.reference, "name": p.name}
                for p in problems if p.kind == "no_photo"]
    if args.json:
        out = {"badges": badges, "template": template.key,
               "problems": [_problem_json(p) for p in problems],
               "prints_photos": template.prints_photos, "missing_photos": no_photo}
        print_json(out)
        return
    _print_problems(problems)
    print(f"{plural(badges, 'badge', 'badges')} checked on "
          f"'{template.key}': {plural(len(problems), 'problem', 'problems')}.",
          file=sys.stderr)
    if no_photo:
        print(f"No photo for {plural(len(no_photo), 'person', 'people')}: import photos "
              "(checkin photos import DIR) or take them at the desk.", file=sys.stderr)


def cmd_badges(args: argparse.Namespace) -> int:
    from checkin.core.badges import printing
    from checkin.core.badges.templates import load_template
    from checkin.core.event.stored import require_event

    if args.printer and (args.out or args.preflight):
        raise UsageError("--printer sends to the printer: give no OUT.pdf nor --preflight")
    if not args.preflight and not args.out and not args.printer:
        raise UsageError("give the PDF to write (OUT.pdf), --printer URI, or --preflight")
    template = load_template(args.template)
    with open_store(args) as store:
        event = require_event(store)
        if args.preflight:
            delegates = printing.select_delegates(
                store, event, unprinted=args.unprinted, refs=args.ref or ()
            )
            problems = printing.preflight(store, event, template, delegates)
            _preflight_out(args, template, len(delegates), problems)
            return EXIT_REFUSED if problems else EXIT_OK
        if args.printer:
            report = _send(args, store, event, template)
        else:
            report = printing.print_badges(
                store, event, Path(args.out), template=template, unprinted=args.unprinted,
                refs=args.ref or (), reprint=args.reprint, reason=args.reason or "",
                station=args.station, progress=progress_printer(args),
            )
    if args.json:
        print_json(_report_json(report))
    else:
        _print_report(report)
    return EXIT_OK


def _send(args: argparse.Namespace, store, event, template) -> PrintReport:
    from checkin.core.badges.label_printer import LabelPrinter
    from checkin.core.badges.label_printing import print_to_label_printer

    printer = LabelPrinter(args.printer, args.printer_model, args.label)
    return print_to_label_printer(
        store, event, printer, template=template, unprinted=args.unprinted,
        refs=args.ref or (), reprint=args.reprint, reason=args.reason or "",
        station=args.station, progress=progress_printer(args),
    )


def cmd_printers(args: argparse.Namespace) -> int:
    """The Brother printers this computer sees, or one printer's status in words."""
    from checkin.core.badges import label_printer

    if args.status:
        printer = label_printer.LabelPrinter(args.status, args.printer_model, args.label)
        status = label_printer.read_status(printer)
        if args.json:
            print_json({"printer": args.status, "ready": status.ready, "status": status.words,
                        "problems": list(status.problems), "media": status.media})
        else:
            print(f"{args.status}: {status.words}")
        return EXIT_OK if status.ready else EXIT_REFUSED
    found = label_printer.discover()
    if args.json:
        print_json({"printers": found, "models": label_printer.models()})
    else:
        for uri in found:
            print(uri)
        printers = plural(len(found), "Brother printer", "Brother printers")
        print(f"{printers} found on USB; a network printer is tcp://HOST (not discovered).",
              file=sys.stderr)
    return EXIT_OK


def _report_json(report: PrintReport) -> dict:
    return {"path": str(report.path) if not report.printer else "",
            "printer": report.printer, "template": report.template,
            "badges": report.badges, "pages": report.pages,
            "reprinted": report.reprinted, "printed_before": report.printed_before,
            "problems": [_problem_json(p) for p in report.problems]}


def _print_report(report: PrintReport) -> None:
    end_progress()
    for p in report.problems:
        print(f"warning: {p.name}: {p.detail}", file=sys.stderr)
    extra = (f"; {report.reprinted} reprinted (old badges now revoked)"
             if report.reprinted else "")
    if report.printer:
        print(f"Sent {plural(report.badges, 'badge', 'badges')} to the {report.printer} "
              f"({report.template}){extra}.")
        return
    print(f"Wrote {plural(report.badges, 'badge', 'badges')} on "
          f"{plural(report.pages, 'page', 'pages')} to {report.path} "
          f"({report.template}){extra}.")


def register(commands: Commands) -> None:
    p = commands.add("badges", cmd_badges,
                     "print badges to a PDF, or check them first (--preflight)")
    p.add_argument("out", nargs="?", metavar="OUT.pdf")
    p.add_argument("--template", default="a6", help="template key or .toml file (see "
                   "'checkin templates'; default: a6)")
    p.add_argument("--unprinted", action="store_true", help="only badges never printed")
    p.add_argument("--ref", action="append", metavar="REF",
                   help="only this delegate: a reference (D-0042), #number or a badge "
                        "code; repeatable")
    p.add_argument("--reprint", action="store_true",
                   help="issue new badges for --ref: the old ones scan as revoked")
    p.add_argument("--reason", help="why a reprint was needed (lost, misspelt…)")
    p.add_argument("--station", default="CLI")
    p.add_argument("--preflight", action="store_true",
                   help="list badges with problems instead of printing (exit 1 if any)")
    _printer_arguments(p, "--printer", "send to a Brother QL label printer instead of a PDF: "
                       "usb://…, tcp://HOST[:PORT] or file:///PATH (exit 1 when the printer "
                       "is missing or reports an error)")

    commands.add("templates", cmd_templates, "list the badge templates")
    q = commands.add("printers", cmd_printers,
                     "list the Brother QL label printers on USB, or one printer's status")
    _printer_arguments(q, "--status", "the printer to ask (usb://…, tcp://HOST, file:///PATH); "
                       "exit 1 when it cannot print")


def _printer_arguments(p: argparse.ArgumentParser, flag: str, help_text: str) -> None:
    from checkin.core.badges.label_printer import DEFAULT_LABEL, DEFAULT_MODEL

    p.add_argument(flag, metavar="URI", help=help_text)
    p.add_argument("--printer-model", default=DEFAULT_MODEL, metavar="MODEL",
                   help=f"as brother_ql names it: QL-700, QL-820NWB… (default {DEFAULT_MODEL})")
    p.add_argument("--label", default=DEFAULT_LABEL, metavar="TAPE",
                   help="the tape loaded: 62 (DK-22205 continuous), 62x100 (DK-11202 "
                        f"die-cut), 62red (DK-22251 black/red); default {DEFAULT_LABEL}")
