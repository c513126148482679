"""The Desk page's controller: scans, searches, check-ins and undos through core services.

A scan (~1 ms) and a search (~2 ms) run on the GUI thread: handing them to a worker
would cost more than it saves and would let two scans race.  Building the search
index reads the whole roster (2.7 s at 50,000 delegates), so it runs in the
background, once the window is painted; until it is ready the database answers the
searches (``sql_search``: typos wait for the index) and scans work.

Errors never reach staff as tracebacks: a ``CheckinError`` (nothing to undo, unknown
session) is a polite notice in the panel; anything else (database locked, disk full)
is a red "Not recorded" on the panel and a notice above it with the message.  The desk
never opens a dialog by itself: back online, a badge ready, a problem are notices.

A badge code typed by hand from the printed badge (``codes.typed_code``) is recognised
in the search box; Enter scans it (source ``typed``).  Part of a badge read by the
scanner (``ScanDetector.incomplete``) records nothing and asks for the badge again.

Walk-ins: ``new_walk_in`` (the "Walk-in…" button, Ctrl+N) opens a ``WalkInDialog``.
Registering goes through the desk's service (on a shared server out of reach: into the
desk's copy, with a number of its reserved block, replayed later), like "Edit details…"
(F2, ``details.DetailsEditor``).  It is one short transaction, done on the GUI thread;
the new person then shows in the panel and the recent scans like any admission, and the
search index is rebuilt in the background from where the roster is (``roster_store``).
The badge PDF is rendered by ``printing.print_badges`` (loaded then: ``badge_files``) in a
background ``Job`` with a progress dialog and Cancel, to
``data_dir()/badges/walk-in-<ref>.pdf``; then a notice offers to print it (``print_pdf``,
replaceable in tests) or open it.

Settings (``use_settings``): the station, mode, scanner suffix, sound and lock state come from
``DeskSettings``, saved to a ``QSettings`` when one is given.  Ctrl+, opens the
``SettingsDialog`` (not while locked); OK saves and applies at once.  Ctrl+L locks when a
PIN is set, or asks for the PIN when locked; ``locked_changed`` tells the shell.

Printing on arrival (a setting): ``ArrivalPrinter`` prints, in the background, the badge
of someone admitted and never printed.  The accreditation desk's keys (note done,
hand-outs, ID checked, override): ``accreditation.AccreditationActions``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from checkin.core.db.store import Store, data_dir
from checkin.core.desk.protocol import DeskService, WalkInResult
from checkin.core.desk.search import SearchIndex
from checkin.core.desk.service import CheckinError, CheckinService
from checkin.core.desk.sql_search import search_sql
from checkin.core.event.codes import typed_code
from checkin.core.roster.walkins import WalkInError
from checkin.core.types import EventInfo, Outcome, ScanAction, ScanResult, ScanSource
from checkin.ui.desk import badge_files
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.accreditation import AccreditationActions
from checkin.ui.desk.arrival_badges import ArrivalPrinter
from checkin.ui.desk.details import DetailsEditor
from checkin.ui.desk.lock import PinAttempts, UnlockDialog
from checkin.ui.desk.notices import Notice
from checkin.ui.desk.outcome_panel import Card, Tone
from checkin.ui.desk.page import DeskPage
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.desk.settings import DeskSettings
from checkin.ui.desk.settings_dialog import SettingsDialog
from checkin.ui.desk.sounds import SoundBoard
from checkin.ui.desk.walkin_dialog import WalkInDialog, print_pdf, walk_in_rule
from checkin.ui.widgets.collector import freeze_long_lived
from checkin.ui.widgets.messages import explain, first_line
from checkin.ui.widgets.translations import template_title
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

SEARCH_LIMIT = 30


class DeskController(QObject):
    """Connects a ``DeskPage`` to the check-in service and the search index."""

    index_ready = Signal()
    """The search index is built; searching works from now on."""
    badge_ready = Signal(object)
    """A walk-in's badge PDF was written (its ``Path``)."""
    locked_changed = Signal(bool)
    """The desk was locked (True) or unlocked (False)."""

    def __init__(
        self,
        store: Store,
        event: EventInfo,
        view: DeskPage,
        *,
        station: str = "",
        operator: str = "",
        build_index: bool = True,
    ) -> None:
        super().__init__(view)  # lives and dies with its page
        self.view = view
        self.store = store
        self.station = station
        self.event_info = event
        self.walk_in_dialog: WalkInDialog | None = None
        self.badge_job: Job | None = None
        self.badge_progress: QProgressDialog | None = None
        self.badge_notice: Notice | None = None
        self.badge_dir: Path | None = None  # None: data_dir() / "badges"
        # Replaceable (tests): the steps that render, print and open a badge PDF.
        self.render_badge: Callable[..., object] = badge_files.print_badges
        self.print_pdf: Callable[[Path, QWidget | None], object] = print_pdf
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.service: DeskService = CheckinService(
            store, event, station=station, operator=operator
        )
        self.index: SearchIndex | None = None
        self.walk_in_required = walk_in_rule(store, event)
        self.mode: str | None = None  # None: venue arrival; a session key; "auto"
        self.action = ScanAction.ENTRY  # EXIT: a session's door counting people out
        self.settings = DeskSettings(station=station)
        self.qsettings: QSettings | None = None  # None: settings are not saved
        self.detector: ScanDetector | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.pin_attempts = PinAttempts()
        self.sounds = SoundBoard(self, load=False)  # loaded after the first paint, or at need
        self.arrival_printer = ArrivalPrinter(store, event, self)
        self.arrival_printer.ready.connect(self._badge_made)
        self.arrival_printer.attach(self.view)  # failures: notices with Retry
        self._applying = False
        view.search_changed.connect(self.search)
        view.check_in_requested.connect(self.check_in)
        view.undo_requested.connect(self.undo)
        view.mode_changed.connect(self.set_mode)
        view.walk_in_requested.connect(self.new_walk_in)
        view.walk_in_from_search.connect(self.new_walk_in)
        self.details = DetailsEditor(self)  # F2: edit the person found, through the service
        self.accreditation = AccreditationActions(self)  # F4–F8: note, items, ID, override
        view.settings_requested.connect(self.open_settings)
        view.lock_requested.connect(self.toggle_lock)
        view.sound_toggled.connect(self.set_sound)
        view.camera_scanned.connect(lambda code: self.scan(code, ScanSource.CAMERA))
        view.code_entered.connect(  # a code typed from the badge: scanned, box cleared
            lambda code: self.scan(code, ScanSource.TYPED) and self.view.finish_check_in()
        )
        view.direction_changed.connect(lambda d: setattr(self, "action", ScanAction(d)))
        # The index in the background: now, or (app.open_event) once the window is painted.
        self.index_job: Job | None = self.rebuild_index() if build_index else None

    # ------------------------------------------------------------ requests

    def scan(self, code: str, source: ScanSource = ScanSource.SCANNER) -> ScanResult | None:
        """A badge read by the USB scanner or the camera (or an item's own barcode, for
        the person shown: ``AccreditationActions.item_scan``)."""
        if self.accreditation.item_scan(code):
            return None
        outcome = self._show(
            lambda: self.service.scan(code, session=self.mode, source=source, action=self.action)
        )
        if outcome is not None:
            self.arrival_printer.consider(outcome)
        return outcome

    def incomplete_scan(self, _read: str) -> None:
        """Part of a badge was read (and dropped by the scanner capture): scan again."""
        self.view.show_incomplete()
        self.sounds.play_for(Outcome.INVALID)

    def check_in(self, delegate_id: int) -> ScanResult | None:
        """A person found by name, checked in without a badge."""
        outcome = self._show(
            lambda: self.service.check_in(
                delegate_id, session=self.mode, source=ScanSource.MANUAL, action=self.action
            )
        )
        if outcome is not None:
            self.view.finish_check_in()
            self.arrival_printer.consider(outcome)
        return outcome

    def undo(self, scan_id: str) -> ScanResult | None:
        outcome = self._show(lambda: self.service.undo(scan_id))
        if outcome is not None:
            self.view.mark_undone(scan_id)
        return outcome

    def search(self, text: str) -> None:
        """Names as they are typed; a whole badge code typed from the badge is said so."""
        code = typed_code(text)
        self.view.show_typed_code(code)
        if code is not None:
            return
        if self.index is None:  # still being built: the database answers meanwhile
            hits = search_sql(self.roster_store(), self.event_info.id, text, SEARCH_LIMIT)
        else:
            hits = self.index.search(text, SEARCH_LIMIT) if text.strip() else []
        self.view.set_results([hit.delegate for hit in hits])

    def set_mode(self, mode: str | None) -> None:
        self.mode = mode
        if not self._applying and mode != self.settings.mode:
            self._store(replace(self.settings, mode=mode))  # remembered for next time

    def use_service(self, service: DeskService) -> None:
        """Check people in through ``service`` from now on: on a shared database, the
        ``DeskCheckin`` that fails over to this laptop's copy when the server is gone."""
        service.station = self.station
        service.operator = self.service.operator
        self.service = service

    def show_replay(self, report) -> None:
        """Back online: say who was admitted twice while the desks were apart, and which
        walk-ins or edits made offline the server could not simply take."""
        if report.duplicates:
            self.view.notices.add_replay(report.duplicates, self.event_info)
        if report.clashes:
            self.view.notices.add_clashes(report.clashes)

    def set_event_info(self, event: EventInfo) -> None:
        """The event was edited (Agenda page): sessions, names, time zone from now on."""
        self.event_info = event
        if isinstance(self.service, CheckinService):
            self.service = CheckinService(
                self.store, event, station=self.station, operator=self.service.operator
            )  # (a DeskCheckin follows the server's event by itself)
        self.arrival_printer.event_info = event
        self.view.set_event_info(event)

    def set_sound(self, on: bool) -> None:
        """The desk's Sound button: remembered like the other settings."""
        if on != self.settings.sound:
            self._store(replace(self.settings, sound=on))
        self.sounds.enabled = on
        self.view.set_sound(on)

    def duplicate(self, _code: str) -> None:
        self.view.flash_duplicate()  # the same badge again within a second: answered

    # ------------------------------------------------------------ settings and lock

    def use_settings(
        self,
        settings: DeskSettings,
        qsettings: QSettings | None = None,
        detector: ScanDetector | None = None,
    ) -> None:
        """Start from ``settings`` (saved to ``qsettings`` on change), driving ``detector``."""
        self.qsettings = qsettings
        if detector is not None:
            self.detector = detector
        self._apply(settings)

    def apply_settings(self, settings: DeskSettings) -> None:
        """New settings from the dialog: saved, and in use from the next scan."""
        self._store(settings)
        self._apply(settings)

    @property
    def locked(self) -> bool:
        return self.settings.locked

    def open_settings(self) -> SettingsDialog | None:
        """The settings dialog (one at a time; never while locked)."""
        if self.locked:
            return None
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return self.settings_dialog
        dialog = SettingsDialog(
            self.settings,
            self.view.modes(),
            self.view,
            templates=[(t.key, template_title(t)) for t in badge_files.templates()],
            printers=_printers(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.finished.connect(lambda _r: self._settings_closed(dialog))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def toggle_lock(self) -> UnlockDialog | None:
        """Ctrl+L: lock (when a PIN is set), or ask for the PIN when locked."""
        if self.locked:
            return self.ask_unlock()
        if not self.settings.lock_pin_hash:
            self.view.show_notice(
                self.tr("No lock PIN"),
                self.tr("Set a lock PIN in the desk settings (Ctrl+,) to lock the desk."),
            )
            return None
        self.lock()
        return None

    def lock(self) -> None:
        if self.settings.lock_pin_hash and not self.locked:
            if self.settings_dialog is not None:
                self.settings_dialog.reject()
            self._store(replace(self.settings, locked=True))
            self._apply_lock()

    def ask_unlock(self) -> UnlockDialog | None:
        if not self.locked:
            return None
        if self.unlock_dialog is not None:
            self.unlock_dialog.raise_()
            self.unlock_dialog.activateWindow()
            return self.unlock_dialog
        dialog = UnlockDialog(self.settings.lock_pin_hash, self.pin_attempts, self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._unlocked)
        dialog.finished.connect(lambda _r: self._unlock_closed(dialog))
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def _unlocked(self) -> None:
        self._store(replace(self.settings, locked=False))
        self._apply_lock()

    def _unlock_closed(self, dialog: UnlockDialog) -> None:
        if self.unlock_dialog is dialog:
            self.unlock_dialog = None
        self.view.focus_search()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        new = dialog.settings()
        if new is not None:
            self.apply_settings(new)

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        self.view.focus_search()

    def _apply(self, settings: DeskSettings) -> None:
        if settings.locked and not settings.lock_pin_hash:
            settings = replace(settings, locked=False)  # no PIN: nothing could unlock it
        self.settings = settings
        self.station = settings.station
        self.service.station = settings.station
        self.view.set_station(settings.station)
        if self.detector is not None:
            self.detector.suffix = settings.scanner_suffix  # type: ignore[assignment]
        self.sounds.enabled = settings.sound
        self.view.set_sound(settings.sound)
        self.view.set_result_seconds(settings.result_seconds)
        arrival = self.arrival_printer
        arrival.enabled = settings.print_on_arrival
        arrival.printer_name = settings.printer
        arrival.printer_model, arrival.printer_label = (settings.printer_model,
                                                         settings.printer_label)
        arrival.template_key = settings.arrival_template
        arrival.station = settings.station
        self._applying = True
        try:
            self.view.set_mode(settings.mode)
            self.mode = self.view.mode_box.currentData()
        finally:
            self._applying = False
        self._apply_lock()

    def _apply_lock(self) -> None:
        self.view.set_lock_state(self.locked, bool(self.settings.lock_pin_hash))
        self.locked_changed.emit(self.locked)

    def _store(self, settings: DeskSettings) -> None:
        self.settings = settings
        if self.qsettings is None:
            return
        try:
            desk_settings.save(self.qsettings, settings)
        except Exception as exc:  # a read-only profile: the desk still works
            log.error("desk settings could not be saved: %s", type(exc).__qualname__)
            self.view.show_error(
                self.tr("The settings could not be saved; they apply until the app closes.")
                + "\n\n"
                + first_line(exc)
            )

    # ------------------------------------------------------------ walk-ins

    def new_walk_in(self, typed: str = "") -> WalkInDialog:
        """Open the walk-in form (one at a time); ``typed``: what the search found no
        one for, filled in (a name split into first and last, an e-mail address)."""
        if self.walk_in_dialog is not None:
            self.walk_in_dialog.raise_()
            self.walk_in_dialog.activateWindow()
            return self.walk_in_dialog
        dialog = WalkInDialog(self.event_info, badge_files.templates(), self.view,
                              required=self.walk_in_required)
        dialog.fill_from_search(typed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda: self.register(dialog))
        dialog.check_in_existing.connect(
            lambda delegate_id: self._check_in_existing(dialog, delegate_id)
        )
        dialog.finished.connect(lambda _r: self._walk_in_closed(dialog))
        self.walk_in_dialog = dialog
        dialog.open()
        return dialog

    def register(self, dialog: WalkInDialog) -> WalkInResult | None:
        """Register the dialog's person, check them in and (if asked) render the badge."""
        try:  # through the service: offline, the desk's copy (replayed later)
            result = self.service.register_walk_in(dialog.form(), session=self.mode)
        except WalkInError as exc:
            if exc.existing is not None:
                dialog.show_existing(exc.existing)
            else:
                dialog.show_problems(exc.problems)
            return None
        except Exception as exc:  # the database, the disk: say so, never a traceback
            log.error("walk-in failed: %s", type(exc).__qualname__)
            dialog.show_failure(
                self.tr("The person could not be registered.") + "\n" + first_line(exc)
            )
            return None
        print_badge, template = dialog.print_badge(), dialog.template_key()
        dialog.accept()
        if result.outcome is not None:
            self._present(result.outcome)
        self.view.finish_check_in()
        self.rebuild_index()
        if print_badge:
            self.render_walk_in_badge(result.delegate.reference, template)
        return result

    def rebuild_index(self) -> Job:
        """Rebuild the search index in the background; the old one answers meanwhile."""
        job = run_in_background(
            SearchIndex.build, self.roster_store(), self.event_info.id, parent=self
        )
        job.succeeded.connect(self._index_built)
        job.failed.connect(self._index_failed)
        self.index_job = job
        return job

    def roster_store(self) -> Store:
        """Where the roster is read: the desk's offline copy while a shared server is
        out of reach (a walk-in registered offline is only there), else the database."""
        service = self.service  # (a DeskCheckin when offline: its module loads only then)
        if getattr(service, "online", True) is False:
            return service.mirror  # type: ignore[attr-defined]
        return self.store

    def badge_path(self, reference: str) -> Path:
        folder = self.badge_dir if self.badge_dir is not None else data_dir() / "badges"
        return folder / f"walk-in-{reference}.pdf"

    def render_walk_in_badge(self, reference: str, template_key: str) -> Job | None:
        """Render one badge to a PDF in the background, with progress and Cancel."""
        path = self.badge_path(reference)
        try:
            template = badge_files.load_template(template_key)
            path.parent.mkdir(parents=True, exist_ok=True)
        except Exception as exc:
            self.view.show_error(
                self.tr("The badge could not be made.") + "\n\n" + first_line(exc)
            )
            return None
        job = run_in_background(
            self.render_badge,
            self.roster_store(),
            self.event_info,
            path,
            template=template,
            refs=[reference],
            station=self.station,
            progress=True,
            cancellable=True,
            parent=self,
        )
        progress = QProgressDialog(self.tr("Making the badge…"), self.tr("Cancel"), 0, 0, self.view)
        progress.setWindowTitle(self.tr("Badge"))
        progress.setAccessibleName(self.tr("Making the badge"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda done, total: _set_progress(progress, done, total))
        job.succeeded.connect(lambda report: self._badge_made(report.path))
        job.failed.connect(lambda exc: self._badge_failed(job, exc))
        job.finished.connect(lambda: self._badge_finished(progress))
        self.badge_job, self.badge_progress = job, progress
        return job

    # ------------------------------------------------------------ internals

    def _walk_in_closed(self, dialog: WalkInDialog) -> None:
        if self.walk_in_dialog is dialog:
            self.walk_in_dialog = None
        self.view.focus_search()

    def _check_in_existing(self, dialog: WalkInDialog, delegate_id: int) -> None:
        dialog.accept()
        self.check_in(delegate_id)

    def _badge_finished(self, progress: QProgressDialog) -> None:
        progress.canceled.disconnect()
        progress.close()
        progress.deleteLater()
        if self.badge_progress is progress:
            self.badge_progress = None

    def _badge_made(self, path: Path) -> None:
        """A badge PDF is ready: a notice with Print… and Open PDF (never a dialog)."""
        self.badge_ready.emit(path)
        notice = self.view.notices.add_badge(
            path,
            lambda: self._print_badge(path),
            lambda: self.open_url(QUrl.fromLocalFile(str(path))),
        )
        notice.closed.connect(self._badge_notice_closed)
        self.badge_notice = notice

    def _badge_notice_closed(self, notice: Notice) -> None:
        if self.badge_notice is notice:
            self.badge_notice = None

    def _print_badge(self, path: Path) -> None:
        try:
            self.print_pdf(path, self.view)
        except Exception as exc:  # no printer, a driver error: say so
            log.error("badge printing failed: %s", type(exc).__qualname__)
            self.view.show_error(
                self.tr("The badge could not be printed; the PDF is at %1.").replace(
                    "%1", str(path)
                )
                + "\n\n"
                + first_line(exc)
            )

    def _badge_failed(self, job: Job, exc: BaseException) -> None:
        if job.is_cancelled or badge_files.cancelled(exc):
            self.view.show_notice(
                self.tr("Badge not made"),
                self.tr(
                    "Cancelled. The person is registered and checked in; print their badge later."
                ),
            )
            return
        problem = self.tr("The badge could not be made; the person is registered and checked in.")
        self.view.show_error(problem + "\n\n" + first_line(exc))

    def _show(self, action: Callable[[], ScanResult]) -> ScanResult | None:
        try:
            outcome = action()
        except CheckinError as exc:
            self.view.show_notice(self.tr("Not possible"), explain(exc))
            return None
        except Exception as exc:  # the database, the disk: say so, never a traceback
            log.error("desk action failed: %s", type(exc).__qualname__)
            problem = self.tr("This could not be recorded; the person is not checked in.")
            self.view.panel.show_card(Card(Tone.STOP, self.tr("Not recorded"), detail=problem))
            self.view.show_error(problem + "\n\n" + first_line(exc))  # kept after it ages
            return None
        self._present(outcome)
        return outcome

    def _present(self, outcome: ScanResult) -> None:
        """Show a result, and sound it (after the paint is queued: sight comes first)."""
        self.accreditation.present(outcome)  # with the photo; an open note has its sound
        if getattr(self.service, "online", True) is False:  # a DeskCheckin, offline
            self.view.set_connection(False, self.service.pending)

    def _index_built(self, index: SearchIndex) -> None:
        self.index = index
        # About twenty objects per delegate, for the whole day: out of the collector's
        # way, or a full collection walks them between two scans (checkin.ui.widgets.collector).
        freeze_long_lived()
        self.view.set_search_ready(True)
        self.search(self.view.search_box.text())
        self.index_ready.emit()

    def _index_failed(self, exc: BaseException) -> None:
        problem = self.tr("The list of names could not be loaded; scanning still works.")
        self.view.show_error(problem + "\n\n" + first_line(exc))


def _printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


def _set_progress(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(max(total, 1))
    progress.setValue(min(done, total))

