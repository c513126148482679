"""Entering the ticks of a paper sign-in sheet: the app's side of ``checkin paper-arrivals``.

The organiser types or pastes the references ticked on the sheet, the time and the
station ("Paper A–K"), and sees, before anything is written, which references are
known, already checked in, unknown or cancelled: ``paper.preview_paper_arrivals``, the
dry run of the command's own function.  "Record" then calls
``paper.record_paper_arrivals`` — with ``paper_time`` for the time — on the known,
registered references only; the unknown and cancelled ones are reported as skipped, so
one mistyped reference does not hold up the rest of the sheet (the command refuses the
whole list instead: at a terminal, retyping is cheap; here the preview has already
shown the problem).  Entering a sheet twice changes nothing, as with the command.

Both run off the GUI thread (``run_in_background``); the dialog itself never reads the
database.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDateTime, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.core.dashboard.paper import (
    ALREADY,
    CANCELLED,
    NEW,
    UNKNOWN,
    PaperLine,
    PaperPreview,
    PaperResult,
    paper_time,
    preview_paper_arrivals,
    record_paper_arrivals,
)
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.reflow import fit_to_screen
from checkin.ui.widgets.workers import Job, run_in_background

_SEPARATORS = re.compile(r"[\s,;]+")
PREVIEW_DELAY_MS = 400


def split_refs(text: str) -> list[str]:
    """References as typed or pasted: one per line or separated by spaces, commas or
    semicolons; each once, in the order given."""
    return list(dict.fromkeys(r for r in _SEPARATORS.split(text) if r))


# ---------------------------------------------------------------- the dialog


class PaperDialog(QDialog):
    """Type the ticked references, check them, record them."""

    previewed = Signal(object)
    """A ``PaperPreview`` (or the exception that stopped it)."""
    recorded = Signal(object)
    """A ``paper.PaperResult``: something was written (pages may reload)."""
    record_failed = Signal(str)

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperDialog")
        self.setWindowTitle(self.tr("Enter paper sign-in ticks"))
        self.setAccessibleName(self.tr("Enter paper sign-in ticks"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        fit_to_screen(self, QSize(720, 640))  # less on a small screen
        self.store = store
        self.event_info = event_info
        self.preview: PaperPreview | None = None
        self._preview_job: Job | None = None
        self._record_job: Job | None = None
        self._again = False

        layout = QVBoxLayout(self)
        self._add_refs(layout)
        layout.addLayout(self._inputs_form(today))
        self._add_results(layout)
        self._add_buttons(layout)
        self._connect_inputs()

    # ------------------------------------------------------------ layout

    def _add_refs(self, layout: QVBoxLayout) -> None:
        """The intro and the box the references are typed or pasted into."""
        intro = QLabel(
            self.tr(
                "Type or paste the references ticked on the paper sheet: one per line, or "
                "separated by spaces or commas (#12 means delegate number 12). Nothing is "
                "recorded until you press Record; entering the same sheet twice changes "
                "nothing."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.refs_edit = QPlainTextEdit()
        self.refs_edit.setObjectName("refsEdit")
        self.refs_edit.setAccessibleName(self.tr("Ticked references"))
        self.refs_edit.setPlaceholderText(self.tr("e.g. IOMNGO-0012, IOMNGO-0040, #7"))
        self.refs_edit.setTabChangesFocus(True)
        refs_label = QLabel(self.tr("Ticked &references:"))
        refs_label.setBuddy(self.refs_edit)
        layout.addWidget(intro)
        layout.addWidget(refs_label)
        layout.addWidget(self.refs_edit, 2)

    def _inputs_form(self, today: dt.date | None) -> QFormLayout:
        """Time, station and scope (the venue or a session)."""
        self.time_edit = QTimeEdit()
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(self.tr("Arrival time (24 hours, event's time zone)"))
        self.time_edit.setTime(self._default_time(today))
        self.station_edit = QLineEdit(self.tr("Paper sheet"))
        self.station_edit.setObjectName("stationEdit")
        self.station_edit.setAccessibleName(self.tr("Station written in the journal"))
        self.station_edit.setPlaceholderText(self.tr("e.g. Paper A–K"))
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("scopeBox")
        self.scope_box.setAccessibleName(self.tr("Record as"))
        self._fill_scopes()
        form = QFormLayout()
        for text, widget in (
            (self.tr("Arrival &time:"), self.time_edit),
            (self.tr("&Station:"), self.station_edit),
            (self.tr("Record &as:"), self.scope_box),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        zone = QLabel(
            self.tr("Times are the event's local time (%1), on the event day (%2).")
            .replace("%1", self.event_info.timezone)
            .replace("%2", self.event_info.date.isoformat())
        )
        zone.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", zone)
        return form

    def _add_results(self, layout: QVBoxLayout) -> None:
        """Check, the preview (a summary and a line per reference), what was recorded."""
        self.check_button = QPushButton(self.tr("Chec&k"))
        self.check_button.setObjectName("checkButton")
        self.check_button.setAccessibleName(self.tr("Check the references"))
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel(self.tr("Type the references, then Check."))
        self.summary.setObjectName("paperSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What will be recorded"))
        self.lines_list = QListWidget()
        self.lines_list.setObjectName("paperLines")
        self.lines_list.setAccessibleName(self.tr("Each reference and what happens to it"))
        self.result_label = QLabel()
        self.result_label.setObjectName("paperResult")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("What was recorded"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines_list, 3)
        layout.addWidget(self.result_label)

    def _add_buttons(self, layout: QVBoxLayout) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = QPushButton(self.tr("&Record"))
        self.record_button.setObjectName("recordButton")
        self.record_button.setAccessibleName(self.tr("Record the known references"))
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.clicked.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _connect_inputs(self) -> None:
        """A preview follows the typing (after a pause); Record always uses a current one."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.refs_edit.textChanged.connect(self._inputs_changed)
        self.scope_box.currentIndexChanged.connect(self._inputs_changed)
        self.station_edit.textChanged.connect(self._update_buttons)
        self._update_buttons()

    # ------------------------------------------------------------ inputs

    def _default_time(self, today: dt.date | None) -> QTime:
        """Now on the event day, else the registration opening (the sheet's first hour)."""
        today = today or dt.date.today()
        event = self.event_info
        if today == event.date:
            now = QDateTime.currentDateTime().time()
            return QTime(now.hour(), now.minute())
        if event.registration_opens is not None:
            local = event.local(event.registration_opens)
            return QTime(local.hour, local.minute)
        return QTime(9, 0)

    def _fill_scopes(self) -> None:
        self.scope_box.clear()
        self.scope_box.addItem(self.tr("Arrival at the venue"), None)
        for s in self.event_info.sessions:
            if s.attendance:
                start = self.event_info.local(s.starts_at)
                self.scope_box.addItem(
                    self.tr("Session: %1 (%2)").replace("%1", s.title)
                    .replace("%2", f"{start:%H:%M}"),
                    s.key,
                )

    def refs(self) -> list[str]:
        return split_refs(self.refs_edit.toPlainText())

    def session_key(self) -> str | None:
        return self.scope_box.currentData()

    def at_text(self) -> str:
        return self.time_edit.time().toString("HH:mm")

    def at(self) -> dt.datetime:
        """The time typed, on the event day in its zone (as ``--at HH:MM``), aware UTC."""
        return paper_time(self.event_info, self.at_text())

    def station(self) -> str:
        return self.station_edit.text().strip()

    def set_time(self, hour: int, minute: int) -> None:
        self.time_edit.setTime(QTime(hour, minute))

    def _inputs_changed(self) -> None:
        self.preview = None
        if self._preview_job is not None:
            self._again = True  # the running preview is stale: check again after it
        self._timer.start()
        self._update_buttons()

    # ------------------------------------------------------------ preview

    def check(self) -> None:
        """Preview the references in the background (again later if one is running)."""
        self._timer.stop()
        if self._preview_job is not None:
            self._again = True
            return
        refs = self.refs()
        if not refs:
            self.preview = None
            self.lines_list.clear()
            self.summary.setText(self.tr("Type the references, then Check."))
            self._update_buttons()
            return
        self.summary.setText(self.tr("Checking…"))
        job = run_in_background(
            preview_paper_arrivals, self.store, self.event_info, refs, at=self.at(),
            session=self.session_key(), parent=self,
        )
        self._preview_job = job
        job.succeeded.connect(self._show_preview)
        job.failed.connect(self._preview_failed)
        job.finished.connect(self._preview_finished)

    def _preview_finished(self) -> None:
        self._preview_job = None
        if self._again:
            self._again = False
            self.check()
        self._update_buttons()

    def _preview_failed(self, exc: BaseException) -> None:
        self.summary.setText("⚠ " + _failure_text(exc))
        self.previewed.emit(exc)

    def _show_preview(self, preview: PaperPreview) -> None:
        if self._again:  # the inputs changed meanwhile: this one is stale
            return
        self.preview = preview
        self.lines_list.clear()
        for line in preview.lines:
            self.lines_list.addItem(self.line_text(line))
        new, already = len(preview.refs(NEW)), len(preview.refs(ALREADY))
        unknown, cancelled = preview.refs(UNKNOWN), preview.refs(CANCELLED)
        parts = [
            self.tr("%n to record", "", new),
            self.tr("%n already checked in", "", already),
        ]
        if unknown:
            parts.append(self.tr("%n unknown (skipped)", "", len(unknown)))
        if cancelled:
            parts.append(self.tr("%n cancelled (skipped)", "", len(cancelled)))
        self.summary.setText("; ".join(parts) + ".")
        self.previewed.emit(preview)

    def line_text(self, line: PaperLine) -> str:
        """One reference in words, with a symbol: never colour alone."""
        if line.state == NEW:
            return self.tr("✓ %1 — %2: will be recorded").replace("%1", line.ref).replace(
                "%2", line.name
            )
        if line.state == ALREADY:
            when = f"{line.admitted_at:%H:%M}" if line.admitted_at else ""
            return (
                self.tr("= %1 — %2: already checked in at %3, left as it is")
                .replace("%1", line.ref).replace("%2", line.name).replace("%3", when)
            )
        if line.state == CANCELLED:
            return self.tr("✗ %1 — %2: registration cancelled, skipped").replace(
                "%1", line.ref
            ).replace("%2", line.name)
        return self.tr("✗ %1: unknown reference, skipped").replace("%1", line.ref)

    # ------------------------------------------------------------ record

    def _update_buttons(self) -> None:
        busy = self._record_job is not None
        ready = (
            self.preview is not None
            and self._preview_job is None
            and bool(self.preview.refs(NEW))
            and bool(self.station())
        )
        self.record_button.setEnabled(ready and not busy)
        count = len(self.preview.refs(NEW)) if self.preview is not None else 0
        self.record_button.setText(
            self.tr("&Record %n arrival(s)", "", count) if count else self.tr("&Record")
        )
        self.check_button.setEnabled(not busy)
        if not self.station():
            self.result_label.setText(self.tr("✗ Give a station name, e.g. Paper A–K."))
        elif self.result_label.text().startswith("✗ "):
            self.result_label.clear()

    def record(self) -> None:
        """Record the known, registered references of the current preview."""
        preview = self.preview
        if preview is None or self._record_job is not None or not self.station():
            return
        if not preview.refs(NEW):
            return
        at, station, session = self.at_text(), self.station(), preview.session
        self.result_label.setText(self.tr("Recording…"))
        job = run_in_background(
            record_paper_arrivals, self.store, self.event_info, list(preview.known),
            at=self.at(), station=station, session=session, parent=self,
        )
        self._record_job = job
        skipped = (preview.refs(UNKNOWN), preview.refs(CANCELLED))
        job.succeeded.connect(lambda result: self._recorded(result, at, station, skipped))
        job.failed.connect(self._record_failed)
        job.finished.connect(self._record_finished)
        self._update_buttons()

    def _record_finished(self) -> None:
        self._record_job = None
        self.check()  # the list now shows them as checked in
        self._update_buttons()

    def _record_failed(self, exc: BaseException) -> None:
        text = "⚠ " + _failure_text(exc) + " " + self.tr("Nothing was recorded.")
        self.result_label.setText(text)
        self.record_failed.emit(text)

    def _recorded(
        self,
        result: PaperResult,
        at: str,
        station: str,
        skipped: tuple[tuple[str, ...], tuple[str, ...]],
    ) -> None:
        unknown, cancelled = skipped
        where = (
            self.tr("session %1").replace("%1", self._session_title(result.session))
            if result.session else self.tr("the venue")
        )
        lines = [
            self.tr("✓ Recorded %n arrival(s) to %1 at %2 (%3).", "", len(result.admitted))
            .replace("%1", where).replace("%2", at).replace("%3", station)
        ]
        if result.already:
            lines.append(
                self.tr("%n already checked in, left as they were.", "", len(result.already))
            )
        if unknown:
            lines.append(self.tr("Skipped, unknown: %1.").replace("%1", ", ".join(unknown)))
        if cancelled:
            lines.append(
                self.tr("Skipped, registration cancelled: %1.").replace(
                    "%1", ", ".join(cancelled)
                )
            )
        self.result_label.setText("\n".join(lines))
        self.recorded.emit(result)

    def _session_title(self, key: str | None) -> str:
        session = self.event_info.session(key) if key else None
        return session.title if session else str(key)

    def is_busy(self) -> bool:
        return self._record_job is not None

    def reject(self) -> None:
        if self._record_job is not None:  # a write in progress finishes first
            return
        self._timer.stop()
        super().reject()


def _failure_text(exc: BaseException) -> str:
    if isinstance(exc, ValueError):  # ReportError, CheckinError: meant for the user
        return explain(exc)
    return QCoreApplication.translate("PaperDialog", "Something went wrong (%1).").replace(
        "%1", type(exc).__name__
    )


__all__ = ["PaperDialog", "split_refs"]
