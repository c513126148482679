"""The Badges page: choose a template and who, check, preview, then print or save a PDF.

How organisers work before the day: pick the badge stock (the template), pick who (all
registered, only those never printed, or chosen people), look at the problems the
preflight finds (a name too long for the badge, a letter no font has, two people with
the same name, no organisation), look at the real PDF, then print.

* The preview is the PDF the printer would get, rendered in the background and shown
  with QtPdf; it is not recorded as printed.
* Print and Save PDF go through ``printing.print_badges``, which records each badge as
  printed only once the whole PDF is rendered.  Printing then rasterises the pages onto
  the chosen printer, still in the background (``badge_printer.paint_pdf``).
* Reprint (chosen people only) asks for a reason and bumps the badge version: the badge
  the person holds scans as "revoked" from then on.

The page holds the layout and what it shows; ``BadgesController`` starts the work, in
the background with a progress bar and Cancel (choosing, preflight and rendering are
core services in ``checkin.core.badges``).  A problem is fixed where delegates are
edited: Enter on it emits ``fix_requested(delegate_id)`` for the window to open the form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges.choosing import CHOSEN, Choice, Selection, SelectionCheck
from checkin.core.badges.printing import PreflightProblem, PrintError
from checkin.core.badges.render import RenderCancelled, RenderResult
from checkin.core.badges.templates import MM, Template, TemplateError
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.badges.controller import BadgesController, PrintOutcome
from checkin.ui.badges.job_bar import JobBar
from checkin.ui.badges.preview_pane import PreviewPane
from checkin.ui.badges.problems import ProblemsBox
from checkin.ui.badges.reprint_dialog import ask_reason
from checkin.ui.badges.template_box import TemplateBox
from checkin.ui.badges.who_box import WhoBox
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.printer import PrintCancelled, choose_printer
from checkin.ui.widgets.reflow import scrolling
from checkin.ui.widgets.translations import template_title
from checkin.ui.widgets.workers import Job


class BadgesPage(QWidget):
    """Choose, check, preview and print badges; jobs run in the background."""

    fix_requested = Signal(int)
    """Enter/double-click on a problem: open the delegate's form (delegate id)."""
    choices_loaded = Signal()
    preflight_ready = Signal(list)
    """The preflight problems of the current template and selection."""
    preview_ready = Signal(str)
    """Path of the preview PDF now shown."""
    printed = Signal(object)
    """A ``PrintOutcome``: printed (or saved) and recorded."""
    failed = Signal(str)
    """A job failed or was cancelled: the message shown."""

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        parent: QWidget | None = None,
        *,
        load: bool = True,
        station: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("badgesPage")
        self.setAccessibleName(self.tr("Badges"))
        self.controller = BadgesController(store, event_info, station=station, parent=self)
        self.choices: list[Choice] = []
        self.problems: list[PreflightProblem] = []
        self._job: Job | None = None  # the preview, print or save under way
        self._check_job: Job | None = None
        self._load_job: Job | None = None
        self._check_again = False

        # Replaceable in tests: the dialogs that need a person.
        self.ask_printer: Callable[[tuple[float, float], QWidget], object] = choose_printer
        self.ask_save_path: Callable[[QWidget], str] = lambda parent: QFileDialog.getSaveFileName(
            parent, self.tr("Save the badges as PDF"), "badges.pdf", self.tr("PDF (*.pdf)")
        )[0]
        self.ask_reason: Callable[[Sequence[str], QWidget], str | None] = ask_reason

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._template_row())
        # The people list gets most of a short window; the problems list still shows three.
        left_layout.addWidget(self._who_group(), 5)
        left_layout.addWidget(self._problems_group(), 2)
        left_layout.addLayout(self._action_rows())
        self.preview_pane = PreviewPane()
        splitter = QSplitter()
        splitter.addWidget(scrolling(left, least=260))  # scrolls in a short window
        splitter.addWidget(self.preview_pane)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(splitter)

        self._update_controls()
        if load:  # else when first shown (the app's pages: see checkin.ui.app)
            self.refresh()

    # ------------------------------------------------------------ sections

    def _template_row(self) -> QLayout:
        self.template_box = TemplateBox()
        self.template_box.currentIndexChanged.connect(self._selection_changed)
        label = QLabel(self.tr("&Template:"))
        label.setBuddy(self.template_box)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.template_box, 1)
        return row

    def _who_group(self) -> WhoBox:
        self.who = WhoBox()
        self.who.mode_changed.connect(self._selection_changed)
        self.who.ticks_changed.connect(self._ticks_changed)
        # Reached from outside the box (the tests, scripts/make_workspace_images.py).
        self.people_model = self.who.model
        self.all_radio, self.unprinted_radio, self.chosen_radio = (
            self.who.all_radio, self.who.unprinted_radio, self.who.chosen_radio
        )
        return self.who

    def _problems_group(self) -> ProblemsBox:
        self.problems_box = ProblemsBox()
        self.problems_list = self.problems_box.list
        self.problems_list.fix_requested.connect(self.fix_requested)
        return self.problems_box

    def _action_rows(self) -> QLayout:
        """The four actions; under them the running job's progress and Cancel, and a status."""
        self.preview_button = self._button("preview", self.tr("Pre&view"),
                                           self.tr("Preview the badges"), self.preview)
        self.print_button = self._button("print", self.tr("&Print…"),
                                         self.tr("Print the badges"), self.print_badges)
        self.save_button = self._button("savePdf", self.tr("&Save PDF…"),
                                        self.tr("Save the badges as a PDF file"), self.save_pdf)
        self.reprint_button = self._button(
            "reprint", self.tr("&Reprint…"),
            self.tr("Reprint the chosen badges (revokes the old ones)"), self.reprint,
        )
        self.job_bar = JobBar()
        self.job_bar.cancel_requested.connect(self.cancel)
        self.status_label = QLabel()
        self.status_label.setObjectName("badgeStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))
        actions = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_button,
                  self.reprint_button):
            actions.addWidget(b)
        actions.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(actions)
        rows.addWidget(self.job_bar)
        rows.addWidget(self.status_label)
        return rows

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ state

    def template(self) -> Template:
        return self.template_box.template()

    def mode(self) -> str:
        return self.who.mode()

    def chosen_refs(self) -> tuple[str, ...]:
        return self.people_model.ticked_refs()

    def selection(self) -> Selection:
        return self.who.selection()

    def set_event_info(self, event_info: EventInfo) -> None:
        """The event was edited (Agenda page): names, colours and dates on badges change."""
        self.controller.event_info = event_info
        self.refresh()

    def set_chosen(self, refs: Sequence[str]) -> None:
        """Tick these references (and choose the "Chosen people" mode)."""
        self.who.set_chosen(refs)

    # ------------------------------------------------------------ loading and checking

    def refresh(self) -> None:
        """Reload the people (print states change) and check again; for when shown."""
        if self._load_job is not None:
            return
        self._load_job = self.controller.load()
        self._load_job.succeeded.connect(self._choices_loaded)
        self._load_job.failed.connect(lambda exc: self._show_failure_text(self._failure_text(exc)))
        self._load_job.finished.connect(lambda: setattr(self, "_load_job", None))

    def _choices_loaded(self, choices: list[Choice]) -> None:
        self.choices = choices
        self.who.set_choices(choices)
        self._update_controls()
        self.choices_loaded.emit()
        self.run_preflight()

    def _selection_changed(self) -> None:
        self._update_controls()
        self.run_preflight()

    def _ticks_changed(self) -> None:
        self._update_controls()
        if self.mode() == CHOSEN:
            self.run_preflight()

    def run_preflight(self) -> None:
        """Check the current selection in the background; ``preflight_ready`` when done."""
        if self._check_job is not None:
            self._check_again = True  # the running check is stale: check again after it
            return
        selection = self.selection()
        if selection.mode == CHOSEN and not selection.refs:
            self._show_problems(SelectionCheck((), {}))
            self.problems_box.say(self.tr("Tick the people whose badges to print."))
            return
        self.problems_box.say(self.tr("Checking…"))
        self._check_job = self.controller.check(self.template(), selection)
        self._check_job.succeeded.connect(self._show_problems)
        self._check_job.failed.connect(self._check_failed)
        self._check_job.finished.connect(self._check_finished)

    def _check_finished(self) -> None:
        self._check_job = None
        if self._check_again:
            self._check_again = False
            self.run_preflight()

    def _check_failed(self, exc: BaseException) -> None:
        self.problems_box.say(self._failure_text(exc), clear=True)

    def _show_problems(self, check: SelectionCheck) -> None:
        if self._check_again:
            return  # stale: the next check is coming
        self.problems = list(check.problems)
        self.problems_box.show_check(check)
        self.preflight_ready.emit(self.problems)

    # ------------------------------------------------------------ jobs

    def _can_start(self) -> bool:
        selection = self.selection()
        if selection.mode == CHOSEN and not selection.refs:
            self.status_label.setText(self.tr("Tick at least one person first."))
            return False
        return self._job is None

    def _start(self, job: Job, text: str) -> None:
        self._job = job
        self.job_bar.follow(job)
        self.status_label.setText(text)
        job.failed.connect(self._job_failed)
        job.finished.connect(self._job_finished)
        self._update_controls()

    def _job_finished(self) -> None:
        self._job = None
        self._update_controls()

    def _job_failed(self, exc: BaseException) -> None:
        cancelled = self._job is not None and self._job.is_cancelled
        if cancelled and isinstance(exc, RenderCancelled):
            text = self.tr("Cancelled: nothing was printed or recorded.")
        elif cancelled and isinstance(exc, PrintCancelled):
            text = self.tr(
                "Cancelled while sending pages to the printer. The badges were recorded as "
                "printed; print them again if the printer stopped mid-way."
            )
            self.refresh()
        else:
            text = self._failure_text(exc)
        self._show_failure_text(text)

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, PrintError | TemplateError | ValueError):
            return "⚠ " + explain(exc)
        if isinstance(exc, OSError):
            return "⚠ " + self.tr("Could not write or print: %1").replace(
                "%1", exc.strerror or str(exc)
            )
        return "⚠ " + self.tr("Something went wrong (%1); nothing was recorded.").replace(
            "%1", type(exc).__name__
        )

    def _show_failure_text(self, text: str) -> None:
        self.status_label.setText(text)
        self.failed.emit(text)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def _update_controls(self) -> None:
        busy = self._job is not None
        chosen = self.mode() == CHOSEN
        for b in (self.preview_button, self.print_button, self.save_button):
            b.setEnabled(not busy)
        self.reprint_button.setEnabled(not busy and chosen and bool(self.people_model.ticked))
        self.reprint_button.setToolTip(
            "" if chosen else self.tr("Choose “Chosen people” and tick whose badge to reprint.")
        )
        self.template_box.setEnabled(not busy)

    def preview(self) -> None:
        """Render the selection to a private PDF and show it (nothing is recorded)."""
        if not self._can_start():
            return
        job, out = self.controller.preview(self.template(), self.selection())
        job.succeeded.connect(lambda result: self._show_preview(out, result))
        self._start(job, self.tr("Rendering the preview…"))

    def _show_preview(self, path: Path, result: RenderResult) -> None:
        text = self.tr("Preview: %1 on %2, %3. Not recorded as printed.")
        text = self._counted(text, result.badges, result.pages)
        text = text.replace("%3", template_title(self.template()))
        if not self.preview_pane.show_pdf(path, text):
            self._show_failure_text(self.tr("⚠ The preview could not be opened."))
            return
        self.status_label.setText(self.tr("Preview ready."))
        self.preview_ready.emit(str(path))

    def _counted(self, text: str, badges: int, pages: int) -> str:
        """``text`` with %1 "3 badges" and %2 "1 page", each count with its plural."""
        return text.replace("%1", self.tr("%n badge(s)", "", badges)).replace(
            "%2", self.tr("%n page(s)", "", pages))

    def print_badges(self) -> None:
        """Ask for a printer, then render, record and print in the background."""
        if self._can_start():
            self._print(reprint=False, reason="")

    def reprint(self) -> None:
        """Reprint the ticked people's badges with a reason; their old badges are revoked."""
        refs = self.chosen_refs()
        if self.mode() != CHOSEN or not refs or not self._can_start():
            return
        reason = self.ask_reason(self.people_model.names(refs), self)
        if not reason:
            return
        self._print(reprint=True, reason=reason)

    def _print(self, *, reprint: bool, reason: str) -> None:
        template = self.template()
        printer = self.ask_printer((template.page_width * MM, template.page_height * MM), self)
        if printer is None:
            return
        job = self.controller.print(
            template, self.selection(), printer, reprint=reprint, reason=reason
        )
        job.succeeded.connect(lambda outcome: self._printed(outcome, saved=False))
        self._start(job, self.tr("Printing…"))

    def save_pdf(self) -> None:
        """Save the badges as a PDF file to print elsewhere; recorded as printed."""
        if not self._can_start():
            return
        path = self.ask_save_path(self)
        if not path:
            return
        job = self.controller.save(self.template(), self.selection(), Path(path))
        job.succeeded.connect(lambda outcome: self._printed(outcome, saved=True))
        self._start(job, self.tr("Saving the PDF…"))

    def _printed(self, outcome: PrintOutcome, *, saved: bool) -> None:
        report = outcome.report
        if saved:
            text = self.tr("Saved %1 on %2 to %3.")
            text = text.replace("%3", str(report.path))
        else:
            text = self.tr("Sent %1 on %2 to the printer.")
        text = self._counted(text, report.badges, report.pages)
        if report.reprinted:
            text += " " + self.tr("%n old badge(s) revoked.", "", report.reprinted)
        self.status_label.setText("✓ " + text)
        self.printed.emit(outcome)
        self.refresh()
