"""The Badges page's work, off the GUI thread: load the people, check, preview, print.

The page holds the layout and shows the jobs; this controller starts them, each a
core service handed to ``run_in_background``, and returns the ``Job`` for the page to
follow:

* ``load`` — everyone registered, with whether their badge was printed
  (``choosing.load_choices``);
* ``check`` — the preflight of the current selection (``choosing.check_selection``);
* ``preview`` — the PDF the printer would get, to the controller's private folder,
  recorded as nothing (``printing.preview_badges``);
* ``print`` and ``save`` — render and record (``printing.print_badges``), then, for
  ``print``, rasterise the pages onto the chosen printer (``printer.paint_pdf``) in the
  same job.

Previews and print files hold personal data: they go to a folder of the controller's
own (0700), removed with it.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from checkin.core.badges.choosing import Selection, check_selection, load_choices
from checkin.core.badges.printing import PrintReport, preview_badges, print_badges
from checkin.core.badges.templates import Template
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.widgets.printer import paint_pdf
from checkin.ui.widgets.workers import Job, run_in_background

RENDER_SHARE = 700  # of 1000: rendering; the rest is sending pages to the printer


@dataclass(frozen=True)
class PrintOutcome:
    """Printed (or saved) and recorded: the core's report, and the pages sent."""

    report: PrintReport
    pages_sent: int  # 0 when saved as a PDF


def print_job(
    store: Store,
    event: EventInfo,
    template: Template,
    selection: Selection,
    out: Path,
    *,
    printer=None,
    reprint: bool = False,
    reason: str = "",
    station: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintOutcome:
    """Render and record (``print_badges``), then send the pages to ``printer`` if any.

    One progress of 0..1000 for both steps: rendering takes ``RENDER_SHARE`` of it when
    there is a printer to feed, all of it otherwise.
    """
    share = RENDER_SHARE if printer is not None else 1000

    def rendered(done: int, total: int) -> None:
        if progress is not None and total:
            progress(done * share // total, 1000)

    def sent(done: int, total: int) -> None:
        if progress is not None and total:
            progress(share + done * (1000 - share) // total, 1000)

    report = print_badges(
        store, event, out, template=template, unprinted=selection.unprinted,
        refs=selection.refs, reprint=reprint, reason=reason, station=station,
        progress=rendered, cancelled=cancelled,
    )
    pages = 0
    if printer is not None:
        pages = paint_pdf(printer, out, progress=sent, cancelled=cancelled)
    return PrintOutcome(report, pages)


class BadgesController(QObject):
    """Starts the Badges page's background jobs; lives and dies with the page."""

    def __init__(
        self, store: Store, event_info: EventInfo, *, station: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.event_info = event_info  # replaced when the event is edited
        self.station = station
        self.folder = Path(tempfile.mkdtemp(prefix="checkin-badges-"))  # 0700
        weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        self._preview_serial = 0
        self._printer = None  # kept alive until its job is done

    def load(self) -> Job:
        """Everyone registered, as a ``list[Choice]``."""
        return run_in_background(load_choices, self.store, self.event_info, parent=self)

    def check(self, template: Template, selection: Selection) -> Job:
        """The preflight of ``selection``, as a ``SelectionCheck``."""
        return run_in_background(
            check_selection, self.store, self.event_info, template, selection, parent=self
        )

    def preview(self, template: Template, selection: Selection) -> tuple[Job, Path]:
        """Render a new private preview PDF; the job's result is a ``RenderResult``."""
        self._preview_serial += 1
        out = self.folder / f"preview-{self._preview_serial}.pdf"
        job = run_in_background(
            preview_badges, self.store, self.event_info, out, template=template,
            unprinted=selection.unprinted, refs=selection.refs,
            progress=True, cancellable=True, parent=self,
        )
        return job, out

    def print(
        self, template: Template, selection: Selection, printer, *,
        reprint: bool = False, reason: str = "",
    ) -> Job:
        """Render, record and send to ``printer``; the result is a ``PrintOutcome``."""
        out = self.folder / "print.pdf"
        job = run_in_background(
            print_job, self.store, self.event_info, template, selection, out,
            printer=printer, reprint=reprint, reason=reason, station=self.station,
            progress=True, cancellable=True, parent=self,
        )
        self._printer = printer
        job.finished.connect(lambda: out.unlink(missing_ok=True))
        job.finished.connect(self._forget_printer)
        return job

    def save(self, template: Template, selection: Selection, out: Path) -> Job:
        """Render and record to ``out`` (.pdf added if missing) to print elsewhere.

        The job's result is a ``PrintOutcome``; its ``report.path`` is the file written.
        """
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        return run_in_background(
            print_job, self.store, self.event_info, template, selection, out,
            station=self.station, progress=True, cancellable=True, parent=self,
        )

    def _forget_printer(self) -> None:
        self._printer = None
