"""The desk's print queue: badges printed one after another, off the GUI thread, retried.

A scan never waits for a printer: each badge is an item in the queue, and the queue
runs one item at a time as a background job (``checkin.ui.widgets.workers``), so two
badges never interleave on one printer and the desk keeps scanning.  An item that fails
for a reason that may pass (the printer off, no tape, the cover open) is tried again
after 3, 10 and 30 seconds; one that cannot work as set up (a template for other paper,
an unknown model) is not.  Every failure is shown on the desk (``ArrivalPrinter`` puts
a notice with Retry and Print log on the ``NoticeBar``); ``PrintLogDialog`` lists the
queue and the prints the database recorded (``printing.print_log``), reprints marked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges.label_printer import PrinterSetupError
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.workers import Job, run_in_background

if TYPE_CHECKING:
    from checkin.core.badges.printing import PrintLogEntry

log = logging.getLogger(__name__)

RETRY_DELAYS_MS = (3_000, 10_000, 30_000)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintQueue", text)


@dataclass(eq=False)
class QueuedBadge:
    """One badge on its way to a printer."""

    reference: str
    name: str
    path: Path  # the PDF (office printers, or no printer); unused by a label printer
    printer: str  # as DeskSettings.printer
    state: str = "queued"  # queued | printing | printed | ready | retrying | failed
    attempts: int = 0
    made: bool = False  # the PDF is written and the print recorded: only send again
    error: str = ""
    notice: object = field(default=None, repr=False)
    options: dict[str, str] = field(default_factory=dict)  # the settings when it was queued

    def state_words(self) -> str:
        return {
            "queued": _tr("waiting"),
            "printing": _tr("printing"),
            "printed": _tr("printed"),
            "ready": _tr("PDF ready"),
            "retrying": _tr("trying again soon"),
            "failed": _tr("not printed"),
        }.get(self.state, self.state)


def retryable(exc: BaseException) -> bool:
    """A failure that may pass by itself: the printer, not the settings."""
    return isinstance(exc, OSError) and not isinstance(exc, PrinterSetupError)


class PrintQueue(QObject):
    """Runs ``work(item)`` for each item, one at a time, on a worker thread."""

    done = Signal(object)  # QueuedBadge: printed, or its PDF is ready
    attempt_failed = Signal(object, object)  # QueuedBadge, the exception
    changed = Signal()

    def __init__(self, work: Callable[[QueuedBadge], str], parent: QObject | None = None):
        super().__init__(parent)
        self.work = work  # returns the item's final state: "printed" or "ready"
        self.items: list[QueuedBadge] = []  # every item of this session, oldest first
        self.pending: list[QueuedBadge] = []
        self.current: QueuedBadge | None = None
        self.job: Job | None = None
        self.delays = RETRY_DELAYS_MS  # replaceable (tests)

    def add(self, item: QueuedBadge) -> QueuedBadge:
        self.items.append(item)
        self.pending.append(item)
        self._next()
        self.changed.emit()
        return item

    def retry(self, item: QueuedBadge) -> None:
        """Try ``item`` again now (a Retry button), unless it is already on its way."""
        if item is self.current or item in self.pending or item.state == "printed":
            return
        item.state = "queued"
        self.pending.append(item)
        self._next()
        self.changed.emit()

    def busy(self, reference: str) -> bool:
        """A badge for ``reference`` is waiting, printing or about to be retried."""
        return any(
            i.reference == reference and i.state in ("queued", "printing", "retrying")
            for i in self.items
        )

    def _next(self) -> None:
        if self.current is not None or not self.pending:
            return
        item = self.current = self.pending.pop(0)
        item.state = "printing"
        item.attempts += 1
        job = self.job = run_in_background(self.work, item, parent=self)
        job.succeeded.connect(lambda state: self._succeeded(item, state))
        job.failed.connect(lambda exc: self._failed(item, exc))

    def _succeeded(self, item: QueuedBadge, state: str) -> None:
        item.state, item.error = state, ""
        self._finished()
        self.done.emit(item)

    def _failed(self, item: QueuedBadge, exc: BaseException) -> None:
        log.error("badge printing failed: %s", type(exc).__qualname__)
        item.error = first_line(exc)
        if retryable(exc) and item.attempts <= len(self.delays):
            item.state = "retrying"
            QTimer.singleShot(self.delays[item.attempts - 1], self, lambda: self._again(item))
        else:
            item.state = "failed"
        self._finished()
        self.attempt_failed.emit(item, exc)

    def _again(self, item: QueuedBadge) -> None:
        if item.state == "retrying":
            self.retry(item)

    def _finished(self) -> None:
        self.current, self.job = None, None
        self.changed.emit()
        self._next()


class PrintLogDialog(QDialog):
    """What this desk has in its queue, and the badges printed and reprinted."""

    def __init__(
        self, queue: PrintQueue, store: Store, event: EventInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print log"))
        self.setAccessibleName(self.tr("Print log"))
        self.queue = queue
        self.event_info = event
        self.queue_list = self._tree(
            self.tr("Queue of this desk"),
            [self.tr("Name"), self.tr("Reference"), self.tr("State"), self.tr("Tries"),
             self.tr("Problem")],
        )
        self.printed_list = self._tree(
            self.tr("Badges printed"),
            [self.tr("Printed at"), self.tr("Name"), self.tr("Reference"),
             self.tr("Print"), self.tr("Template"), self.tr("Station")],
        )
        self.status = QLabel(self.tr("Loading the prints…"))
        self.status.setWordWrap(True)
        box = QVBoxLayout(self)
        for widget in (QLabel(self.tr("&Queue of this desk:")), self.queue_list,
                       QLabel(self.tr("&Badges printed and reprinted (newest first):")),
                       self.printed_list, self.status):
            box.addWidget(widget)
        box.itemAt(0).widget().setBuddy(self.queue_list)  # type: ignore[union-attr]
        box.itemAt(2).widget().setBuddy(self.printed_list)  # type: ignore[union-attr]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(760, 480)
        queue.changed.connect(self.show_queue)
        self.show_queue()
        from checkin.core.badges.printing import print_log  # not for the desk's first paint

        self.job = run_in_background(print_log, store, event, parent=self)
        self.job.succeeded.connect(self.show_prints)
        self.job.failed.connect(
            lambda exc: self.status.setText(
                self.tr("The prints could not be read.") + " " + first_line(exc)
            )
        )

    def _tree(self, name: str, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(name)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        return tree

    def show_queue(self) -> None:
        self.queue_list.clear()
        for item in reversed(self.queue.items):
            self.queue_list.addTopLevelItem(QTreeWidgetItem([
                item.name, item.reference, item.state_words(), str(item.attempts), item.error,
            ]))
        _fit_columns(self.queue_list)

    def show_prints(self, entries: list[PrintLogEntry]) -> None:
        self.printed_list.clear()
        for e in entries:
            kind = (self.tr("reprint: %1").replace("%1", e.reason or "—") if e.reprint
                    else self.tr("first print"))
            self.printed_list.addTopLevelItem(QTreeWidgetItem([
                self.event_info.local(e.printed_at).strftime("%Y-%m-%d %H:%M"), e.name,
                e.reference, kind, e.template, e.station,
            ]))
        _fit_columns(self.printed_list)
        self.status.setText(self.tr("%n badge print(s) recorded.", "", len(entries)))


def _fit_columns(tree: QTreeWidget) -> None:
    """Every column as wide as its text, except the last (it takes the rest)."""
    for column in range(tree.columnCount() - 1):
        tree.resizeColumnToContents(column)
