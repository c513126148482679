"""Print the badge at first check-in, for events that print on arrival, not beforehand.

When the desk setting is on, a person admitted whose badge was never printed gets one,
through the desk's print queue (``print_queue``): one badge at a time on a worker
thread, so the desk keeps scanning while the printer works, and a failure that may pass
(printer off, no tape, cover open) is tried again and shown as a notice with Retry and
Print log.  The printer is the desk's setting:

* a Brother QL address (``usb://``, ``tcp://``, ``file://``): the badge goes straight to
  the label printer without a driver (``core.badges.label_printing``), recorded once
  the printer took it;
* an office printer (a Qt printer's name, or the system's default): the badge PDF
  (``data_dir()/badges/arrival-<ref>.pdf``) is painted on a ``QPrinter`` (Qt paints from
  any thread); a retry sends the same PDF again, never a second recorded print;
* none: the PDF is offered with Print…/Open like a walk-in's badge (the controller
  shows that box).

"Never printed" is the delegate's ``print_count``: printing records itself, so a
second scan, an undo and a re-admission, or a reprint beforehand never print twice.
Walk-ins are not handled here: their form has its own "print the badge now".
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from checkin.core.badges.label_printer import LabelPrinter
from checkin.core.db.store import Store, data_dir
from checkin.core.types import DelegateInfo, EventInfo, Outcome, ScanResult
from checkin.ui.desk.print_queue import PrintLogDialog, PrintQueue, QueuedBadge
from checkin.ui.desk.settings import DEFAULT_PRINTER, is_label_printer
from checkin.ui.widgets import printer as badge_printer
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.modal import open_modal

PRINT_LOG_KEY = "Ctrl+Shift+P"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArrivalPrinter", text)


class PrinterMissing(OSError):
    """The chosen printer is not installed on this computer (any more)."""


def print_to(path: Path, printer_name: str) -> None:
    """Send the PDF at ``path`` to ``printer_name`` with no dialog (any thread);
    ``DEFAULT_PRINTER`` is the system's default printer."""
    if printer_name == DEFAULT_PRINTER:
        from PySide6.QtPrintSupport import QPrinterInfo

        printer_name = QPrinterInfo.defaultPrinterName()
        if not printer_name:
            raise PrinterMissing(_tr("This computer has no default printer."))
    printer = badge_printer.make_printer(badge_printer.pdf_page_points(path), path.name)
    printer.setPrinterName(printer_name)
    if not printer.isValid() or printer.printerName() != printer_name:
        raise PrinterMissing(
            _tr("The printer “%1” is not available.").replace("%1", printer_name)
        )
    badge_printer.paint_pdf(printer, path)


class ArrivalPrinter(QObject):
    """Decides whether an admission prints a badge, and queues it."""

    printed = Signal(object)  # Path: sent to the chosen printer
    ready = Signal(object)  # Path: made, no printer chosen (offer Print…/Open)
    failed = Signal(str)  # what went wrong, in words (the person is checked in)

    def __init__(self, store: Store, event: EventInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.event_info = event
        self.enabled = False
        self.printer_name = ""  # "": no printer chosen, offer the PDF
        self.printer_model = "QL-700"  # a Brother QL's model and tape
        self.printer_label = "62"
        self.template_key = "a6"
        self.station = ""
        self.folder: Path | None = None  # None: data_dir() / "badges"
        self.send: Callable[[Path, str], None] = print_to  # replaceable (tests)
        self.jobs: dict[str, QueuedBadge] = {}  # by reference: one badge per person
        self.queue = PrintQueue(self._work, self)
        self.queue.done.connect(self._done)
        self.queue.attempt_failed.connect(self._attempt_failed)
        self.notices = None  # the desk's NoticeBar, once attached
        self.log_dialog: PrintLogDialog | None = None

    def attach(self, view: QWidget) -> None:
        """Show failures on ``view``'s notice bar; Ctrl+Shift+P opens the print log."""
        self.notices = view.notices  # type: ignore[attr-defined]
        shortcut = QShortcut(QKeySequence(PRINT_LOG_KEY), view)
        shortcut.activated.connect(self.open_log)

    def path_for(self, reference: str) -> Path:
        folder = self.folder if self.folder is not None else data_dir() / "badges"
        return folder / f"arrival-{reference}.pdf"

    def consider(self, outcome: ScanResult) -> QueuedBadge | None:
        """Queue ``outcome``'s badge if it is an admission of someone never printed."""
        d = outcome.delegate
        if not self.enabled or d is None or outcome.status is not Outcome.ADMITTED:
            return None
        if d.reference in self.jobs:
            return None  # already on its way
        try:
            # The PDF machinery is loaded when needed, not for the desk's first paint.
            from checkin.core.badges import printing

            if printing.print_count(self.store, d.id):
                return None
        except Exception as exc:  # the database: the check-in stands, say so
            text = self.tr("The badge could not be printed.") + "\n\n" + first_line(exc)
            self.failed.emit(text)
            if self.notices is not None:
                self.notices.add_problem(text)
            return None
        return self.enqueue(d)

    def enqueue(self, d: DelegateInfo) -> QueuedBadge:
        """Put ``d``'s badge on the queue with this desk's printer and template."""
        item = QueuedBadge(
            d.reference, d.full_name, self.path_for(d.reference), self.printer_name,
            options={"template": self.template_key, "station": self.station,
                     "model": self.printer_model, "label": self.printer_label},
        )
        self.jobs[d.reference] = item
        return self.queue.add(item)

    def _work(self, item: QueuedBadge) -> str:
        """The background job for one badge: "printed", or "ready" (PDF, no printer)."""
        from checkin.core.badges import printing
        from checkin.core.badges.label_printing import print_to_label_printer
        from checkin.core.badges.templates import load_template

        o = item.options
        if is_label_printer(item.printer):
            print_to_label_printer(
                self.store, self.event_info, LabelPrinter(item.printer, o["model"], o["label"]),
                template=load_template(o["template"]), refs=[item.reference],
                station=o["station"],
            )
            return "printed"
        if not item.made:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            printing.print_badges(
                self.store, self.event_info, item.path, template=load_template(o["template"]),
                refs=[item.reference], station=o["station"],
            )
            item.made = True
        if not item.printer:
            return "ready"
        self.send(item.path, item.printer)
        return "printed"

    def _done(self, item: QueuedBadge) -> None:
        self.jobs.pop(item.reference, None)
        self._close_notice(item)
        (self.printed if item.state == "printed" else self.ready).emit(item.path)

    def _attempt_failed(self, item: QueuedBadge, exc: BaseException) -> None:
        if item.state == "failed":
            self.jobs.pop(item.reference, None)
        where = ""
        if item.made and item.path.exists():
            where = " " + self.tr("The PDF is at %1.").replace("%1", str(item.path))
        text = (
            self.tr("The badge for %1 could not be printed; they are checked in.").replace(
                "%1", item.name
            )
            + where
        )
        if item.attempts == 1 or item.state == "failed":
            self.failed.emit(text + "\n\n" + first_line(exc))
        if self.notices is not None:
            self._show_notice(item, text)

    def _show_notice(self, item: QueuedBadge, text: str) -> None:
        from checkin.ui.desk.notices import Action
        from checkin.ui.desk.outcome_panel import Tone

        self._close_notice(item)
        if item.state == "retrying":
            detail = self.tr("%1 Trying again by itself (attempt %2).").replace(
                "%1", item.error).replace("%2", str(item.attempts + 1))
        else:
            detail = item.error
        actions = [
            Action(self.tr("Retry"), self.tr("Print this badge again now"),
                   lambda: self.queue.retry(item), closes=True),
            Action(self.tr("Print log"), self.tr("Open the print log"), self.open_log),
        ]
        item.notice = self.notices.add(text, detail, Tone.WARN, actions)  # type: ignore[union-attr]

    def _close_notice(self, item: QueuedBadge) -> None:
        notice, item.notice = item.notice, None
        if notice is not None:
            with contextlib.suppress(RuntimeError):  # closed by the operator already
                notice.dismiss()  # type: ignore[attr-defined]

    def open_log(self) -> PrintLogDialog:
        """The print log: this desk's queue and every badge printed (Ctrl+Shift+P)."""
        if self.log_dialog is not None:
            self.log_dialog.raise_()
            return self.log_dialog
        parent = self.notices.window() if self.notices is not None else None
        dialog = PrintLogDialog(self.queue, self.store, self.event_info, parent)
        dialog.finished.connect(lambda _r: setattr(self, "log_dialog", None))
        self.log_dialog = dialog
        open_modal(dialog)
        return dialog
