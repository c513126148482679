"""Print the badge at first check-in, for events that print on arrival, not beforehand.

When the desk setting is on, a person admitted whose badge was never printed gets one:
rendered to ``data_dir()/badges/arrival-<ref>.pdf`` and sent to the chosen printer,
all in a background job (Qt paints on a ``QPrinter`` from any thread), so the desk
keeps scanning while the printer works.  With no printer chosen, the PDF is offered
with Print…/Open like a walk-in's badge (the controller shows that box).

"Never printed" is the delegate's ``print_count``: printing records itself, so a
second scan, an undo and a re-admission, or a reprint beforehand never print twice.
Walk-ins are not handled here: their form has its own "print the badge now".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from checkin.core.badges import printing
from checkin.core.badges.templates import load_template
from checkin.core.db.store import Store, data_dir
from checkin.core.types import EventInfo, Outcome, ScanResult
from checkin.ui.widgets import printer as badge_printer
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArrivalPrinter", text)


class PrinterMissing(OSError):
    """The chosen printer is not installed on this computer (any more)."""


def print_to(path: Path, printer_name: str) -> None:
    """Send the PDF at ``path`` to ``printer_name`` with no dialog (any thread)."""
    printer = badge_printer.make_printer(badge_printer.pdf_page_points(path), path.name)
    printer.setPrinterName(printer_name)
    if not printer.isValid() or printer.printerName() != printer_name:
        raise PrinterMissing(
            _tr("The printer “%1” is not available.").replace("%1", printer_name)
        )
    badge_printer.paint_pdf(printer, path)


def make_and_print(
    store: Store,
    event: EventInfo,
    path: Path,
    *,
    template_key: str,
    reference: str,
    station: str,
    printer_name: str,
    send: Callable[[Path, str], None],
    progress=None,
    cancelled=None,
) -> Path:
    """The background job: render one badge, record it, and print it if a printer is set."""
    template = load_template(template_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    printing.print_badges(
        store, event, path, template=template, refs=[reference], station=station,
        progress=progress, cancelled=cancelled,
    )
    if printer_name:
        send(path, printer_name)
    return path


class ArrivalPrinter(QObject):
    """Decides whether an admission prints a badge, and runs the job."""

    printed = Signal(object)  # Path: sent to the chosen printer
    ready = Signal(object)  # Path: made, no printer chosen (offer Print…/Open)
    failed = Signal(str)  # what went wrong, in words (the person is checked in)

    def __init__(self, store: Store, event: EventInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.event_info = event
        self.enabled = False
        self.printer_name = ""  # "": no printer chosen, offer the PDF
        self.template_key = "a6"
        self.station = ""
        self.folder: Path | None = None  # None: data_dir() / "badges"
        self.send: Callable[[Path, str], None] = print_to  # replaceable (tests)
        self.jobs: dict[str, Job] = {}  # by reference: one badge per person at a time

    def path_for(self, reference: str) -> Path:
        folder = self.folder if self.folder is not None else data_dir() / "badges"
        return folder / f"arrival-{reference}.pdf"

    def consider(self, outcome: ScanResult) -> Job | None:
        """Print ``outcome``'s badge if it is an admission of someone never printed."""
        d = outcome.delegate
        if not self.enabled or d is None or outcome.status is not Outcome.ADMITTED:
            return None
        if d.reference in self.jobs:
            return None  # already on its way
        try:
            if printing.print_count(self.store, d.id):
                return None
        except Exception as exc:  # the database: the check-in stands, say so
            self.failed.emit(self.tr("The badge could not be printed.") + "\n" + first_line(exc))
            return None
        path = self.path_for(d.reference)
        job = run_in_background(
            make_and_print,
            self.store,
            self.event_info,
            path,
            template_key=self.template_key,
            reference=d.reference,
            station=self.station,
            printer_name=self.printer_name,
            send=self.send,
            progress=True,
            cancellable=True,
            parent=self,
        )
        self.jobs[d.reference] = job
        printer = self.printer_name
        job.succeeded.connect(lambda p: (self.printed if printer else self.ready).emit(p))
        job.failed.connect(lambda exc: self._failed(d.full_name, path, exc))
        job.finished.connect(lambda: self.jobs.pop(d.reference, None))
        return job

    def _failed(self, name: str, path: Path, exc: BaseException) -> None:
        log.error("arrival badge failed: %s", type(exc).__qualname__)
        where = (
            self.tr("The PDF is at %1.").replace("%1", str(path)) if path.exists() else ""
        )
        self.failed.emit(
            self.tr("The badge for %1 could not be printed; they are checked in.").replace(
                "%1", name
            )
            + (" " + where if where else "")
            + "\n\n"
            + first_line(exc)
        )
