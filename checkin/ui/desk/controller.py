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

Walk-ins and their badges (Ctrl+N, ``controller_walkins.WalkIns``) and the settings and
lock (Ctrl+, and Ctrl+L, ``controller_settings.SettingsAndLock``) are parts of this
class in modules of their own (mixins: the same object, attributes and signals).

Printing on arrival (a setting): ``ArrivalPrinter`` prints, in the background, the badge
of someone admitted and never printed.  The accreditation desk's keys (note done,
hand-outs, ID checked, override): ``accreditation.AccreditationActions``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from checkin.core.db.store import Store
from checkin.core.desk import search_store
from checkin.core.desk.protocol import DeskService
from checkin.core.desk.search import SearchIndex
from checkin.core.desk.service import CheckinError, CheckinService
from checkin.core.desk.sql_search import search_sql
from checkin.core.event.codes import typed_code
from checkin.core.types import EventInfo, Outcome, ScanAction, ScanResult, ScanSource
from checkin.ui.desk import badge_files
from checkin.ui.desk.accreditation import AccreditationActions
from checkin.ui.desk.arrival_badges import ArrivalPrinter
from checkin.ui.desk.controller_settings import SettingsAndLock
from checkin.ui.desk.controller_walkins import WalkIns
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
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

SEARCH_LIMIT = 30


class DeskController(WalkIns, SettingsAndLock, QObject):
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

    # ------------------------------------------------------------ the search index

    def rebuild_index(self) -> Job:
        """Rebuild the search index in the background; the old one answers meanwhile.
        It starts from the copy kept on disk (``search_store``): as it is when it is the
        roster's, else with the delegates changed since applied onto it — after a walk-in
        or an edit made here, the few changed (0.8 s at 50,000 delegates, not the 3.6 s of
        folding everyone again, in the background while the desk scans)."""
        job = run_in_background(
            search_store.open_index, self.roster_store(), self.event_info.id, parent=self,
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

    # ------------------------------------------------------------ internals

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
        log.info("search index ready: %s, %d delegates", index.source, len(index))
        if index.source != "disk":  # kept for the next start, in the background
            run_in_background(search_store.save, index, parent=self)
        # About twenty objects per delegate, for the whole day: out of the collector's
        # way, or a full collection walks them between two scans (checkin.ui.widgets.collector).
        freeze_long_lived()
        self.view.set_search_ready(True)
        self.search(self.view.search_box.text())
        self.index_ready.emit()

    def _index_failed(self, exc: BaseException) -> None:
        problem = self.tr("The list of names could not be loaded; scanning still works.")
        self.view.show_error(problem + "\n\n" + first_line(exc))
