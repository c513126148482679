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

if TYPE_CHECKING:
    from checkin.core.badges.printing import PreflightProblem, PrintReport


def user_errors() -> ErrorTable:
    """A template that cannot be read, badges that cannot be printed."""
    from checkin.core.badges.printing import PrintError
    from checkin.core.badges.templates import TemplateError

    return ((TemplateError, EXIT_USAGE), (PrintError, EXIT_USAGE))


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
            "kind": p.kind, "detail": p.detail}


def cmd_badges(args: argparse.Namespace) -> int:
    from checkin.core.badges import printing
    from checkin.core.badges.templates import load_template
    from checkin.core.event.stored import require_event

    if not args.preflight and not args.out:
        raise UsageError("give the PDF to write (OUT.pdf), or --preflight")
    template = load_template(args.template)
    with open_store(args) as store:
        event = require_event(store)
        if args.preflight:
            delegates = printing.select_delegates(
                store, event, unprinted=args.unprinted, refs=args.ref or ()
            )
            problems = printing.preflight(store, event, template, delegates)
            if args.json:
                print_json({"badges": len(delegates), "template": template.key,
                            "problems": [_problem_json(p) for p in problems]})
            else:
                for p in problems:
                    print(f"{p.kind:<16} {p}")
                print(f"{len(delegates)} badges checked on '{template.key}': "
                      f"{len(problems)} problems.", file=sys.stderr)
            return EXIT_REFUSED if problems else EXIT_OK
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


def _report_json(report: PrintReport) -> dict:
    return {"path": str(report.path), "template": report.template,
            "badges": report.badges, "pages": report.pages,
            "reprinted": report.reprinted, "printed_before": report.printed_before,
            "problems": [_problem_json(p) for p in report.problems]}


def _print_report(report: PrintReport) -> None:
    end_progress()
    for p in report.problems:
        print(f"warning: {p.name}: {p.detail}", file=sys.stderr)
    extra = (f"; {report.reprinted} reprinted (old badges now revoked)"
             if report.reprinted else "")
    print(f"Wrote {report.badges} badges on {report.pages} pages to {report.path} "
          f"({report.template}){extra}.")


def register(commands: Commands) -> None:
    p = commands.add("badges", cmd_badges,
                     "print badges to a PDF, or check them first (--preflight)")
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

    commands.add("templates", cmd_templates, "list the badge templates")
