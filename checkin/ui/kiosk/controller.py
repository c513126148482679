"""The kiosk's controller: one person at a time from welcome to badge, through the core.

A scan (the scanner, or a code typed in the name field) goes to ``core.desk.kiosk``
at once, whatever screen is up: the next person may scan while the previous one's
"Take your badge" still shows.  A typed name goes to ``KioskSearch``, which keeps the
people it matches in the core and hands back a token; the confirming detail returns
one person or none, and only then is a name shown.  Each check-in is one journal row
with the source ``kiosk`` (~1 ms, on the GUI thread like the desk's scans).

Printing goes through the desk's print queue (``printer.KioskPrinter``): "Your badge is
printing…", then "Take your badge" once the printer took it.  A printer out of paper
(or off, or none chosen) leaves the badge queued — the queue tries again by itself —
and the person is sent to the desk for it; staff see a notice in the kiosk's corner
(no name in it) and the log says what failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from checkin.core.db.store import Store
from checkin.core.desk.kiosk import BADGE, KioskDesk, KioskVerdict
from checkin.core.desk.kiosk_search import KioskSearch
from checkin.core.desk.protocol import DeskService
from checkin.core.errors import UserError
from checkin.core.event.codes import typed_code
from checkin.core.types import EventInfo
from checkin.ui.desk.lock import MAX_TRIES, WAIT_SECONDS, PinAttempts
from checkin.ui.desk.print_queue import QueuedBadge
from checkin.ui.desk.settings import verify_pin
from checkin.ui.kiosk.printer import KioskPrinter
from checkin.ui.kiosk.window import KioskWindow
from checkin.ui.widgets import translations

log = logging.getLogger(__name__)

BADGE_MS = 10_000  # "Take your badge" stays this long, then welcome
DESK_MS = 15_000  # "Please see the desk" stays this long


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskController", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("KioskController", text, "", n)


class KioskController(QObject):
    """Runs the kiosk window's screens against a ``DeskService``."""

    closed = Signal()  # the staff PIN closed the kiosk
    shown = Signal(str)  # a screen's key, each time one is shown (tests, timings)

    def __init__(
        self,
        window: KioskWindow,
        service: DeskService,
        store: Store,
        event: EventInfo,
        *,
        pin_hash: str,
        printer: KioskPrinter,
        session: str | None = None,
        language: str = "en",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.event_info = event
        self.desk = KioskDesk(service, session=session)
        self.search = KioskSearch(self.roster_store, event.id)
        self.pin_hash = pin_hash
        self.attempts = PinAttempts()
        self.printer = printer
        self.language = language  # the kiosk's own; a person's choice lasts their visit
        self.token = ""
        self.person_id: int | None = None
        self.printing = ""  # the reference whose badge the screen waits for
        self.camera: QObject | None = None  # the webcam's CameraScanner, when used
        self.back_timer = QTimer(self)
        self.back_timer.setSingleShot(True)
        self.back_timer.timeout.connect(self.reset)
        self._wire()
        self.reset()

    def _wire(self) -> None:
        w = self.window
        w.welcome.search.connect(self.start_search)
        w.name.submitted.connect(self.find)
        w.name.back.connect(self.reset)
        w.detail.submitted.connect(self.confirm_detail)
        w.detail.back.connect(self.reset)
        w.confirm.yes.connect(self.check_in)
        w.confirm.no.connect(lambda: self.see_desk())
        w.badge.done.connect(self.reset)
        w.desk.done.connect(self.reset)
        w.pin.entered.connect(self.try_pin)
        w.pin.back.connect(self.reset)
        w.staff_asked.connect(self.ask_pin)
        w.idle.connect(self.reset)
        w.language_chosen.connect(self.set_language)
        self.printer.queue.done.connect(self._printed)
        self.printer.queue.attempt_failed.connect(self._print_failed)

    @property
    def service(self) -> DeskService:
        return self.desk.service

    def use_service(self, service: DeskService) -> None:
        """Check people in through ``service`` from now on (a shared server's desk)."""
        service.station = self.desk.service.station
        self.desk.service = service

    def roster_store(self) -> Store:
        """The desk's offline copy while a shared server is out of reach, else the
        database (as the desk searches)."""
        service = self.desk.service
        if getattr(service, "online", True) is False:
            return service.mirror  # type: ignore[attr-defined]
        return self.store

    # ------------------------------------------------------------ screens

    def _show(self, key: str) -> None:
        self.window.show_screen(key)
        self.shown.emit(key)

    def reset(self) -> None:
        """Welcome, in the kiosk's language, with nothing of the last person kept."""
        self.back_timer.stop()
        self.search.forget(self.token)
        self.token, self.person_id, self.printing = "", None, ""
        self.window.name.start()
        self.window.detail.start()
        self.window.confirm.show_person("", "")
        if self.window.language != self.language:
            self.set_language(self.language, for_visit=False)
        self._show("welcome")

    def set_language(self, language: str, *, for_visit: bool = True) -> None:
        app = QApplication.instance()
        if app is not None:
            translations.install(app, language)
        self.window.set_language(language)
        if not for_visit:
            self.language = language

    def start_search(self, typed: str) -> None:
        self.window.name.start(typed)
        self._show("name")

    def find(self, text: str) -> None:
        code = typed_code(text)
        if code is not None:  # the code printed under the QR, typed by hand
            self.scan(code)
            return
        query = self.search.find(text)
        if query.too_short:
            self.window.name.start(text, _tr("Type at least two letters."))
            return
        self.token = query.token
        self.window.detail.start()
        self._show("detail")

    def confirm_detail(self, detail: str) -> None:
        person = self.search.confirm(self.token, detail)
        if person is not None:
            self.person_id = person.id
            self.window.confirm.show_person(person.full_name, person.organisation)
            self._show("confirm")
            return
        left = self.search.tries_left(self.token)
        if left > 0:
            self.window.detail.start(detail, _tr("That does not match. Try again, or "
                                                 "check the spelling."))
            return
        self.see_desk()

    # ------------------------------------------------------------ check-in

    def scan(self, code: str) -> None:
        if self.window.current == "pin":
            return  # staff at the kiosk: a scan now is not a person's
        self.search.forget(self.token)
        self._run(lambda: self.desk.scan(code))

    def check_in(self) -> None:
        if self.person_id is None:
            self.reset()
            return
        person, self.person_id = self.person_id, None
        self._run(lambda: self.desk.check_in(person))

    def _run(self, call: Callable[[], KioskVerdict]) -> None:
        try:
            shown = call()
        except UserError as exc:
            log.warning("kiosk check-in refused: %s", type(exc).__qualname__)
            self.see_desk()
            return
        except Exception as exc:  # the database went away: never a traceback here
            log.error("kiosk check-in failed: %s", type(exc).__qualname__)
            self.see_desk()
            self.window.show_notice(_tr("Staff: the kiosk cannot reach the database."))
            return
        log.info("kiosk: %s (%s)", shown.screen, shown.why or "badge")
        if shown.screen != BADGE:
            self.see_desk()
            return
        delegate = shown.result.delegate
        assert delegate is not None  # a BADGE verdict always has one
        self.window.badge.show_person(delegate.first_name or delegate.full_name,
                                      delegate.full_name)
        self._show("badge")
        self.back_timer.start(BADGE_MS)
        item = self.printer.consider(shown.result)
        self.printing = delegate.reference if item is not None else ""
        if item is not None and item.state == "printed":
            self._printed(item)

    def see_desk(self, *, for_badge: bool = False) -> None:
        self.search.forget(self.token)
        self.token, self.person_id = "", None
        self.window.desk.show_case(for_badge=for_badge)
        self._show("desk")
        self.back_timer.start(DESK_MS)

    # ------------------------------------------------------------ printing

    def _printed(self, item: QueuedBadge) -> None:
        waiting = self.printer.queue.pending or any(
            i.state in ("retrying", "failed") for i in self.printer.queue.items)
        if not waiting:
            self.window.show_notice("")
        if item.reference != self.printing or self.window.current != "badge":
            return
        if item.state == "printed":
            self.window.badge.set_printed()
            self.shown.emit("badge-printed")
        else:  # "ready": no printer chosen, the PDF is made
            self.window.show_notice(_tr("Staff: no printer is chosen; badges are saved as "
                                        "PDF files."))
            self.see_desk(for_badge=True)

    def _print_failed(self, item: QueuedBadge, _exc: BaseException) -> None:
        log.error("kiosk badge not printed (%s): %s", item.state, item.error)
        waiting = sum(1 for i in self.printer.queue.items
                      if i.state in ("queued", "retrying", "failed", "printing"))
        self.window.show_notice(
            _trn("Staff: the printer needs attention (%n badge(s) waiting).", waiting)
        )
        if item.reference == self.printing and self.window.current == "badge":
            self.see_desk(for_badge=True)

    # ------------------------------------------------------------ staff

    def ask_pin(self) -> None:
        self.back_timer.stop()
        self.window.pin.start()
        self._show("pin")

    def try_pin(self, pin: str) -> None:
        wait = self.attempts.wait()
        if wait:
            self.window.pin.start(
                _trn("Too many wrong PINs. Try again in %n second(s).", wait))
            return
        if verify_pin(pin, self.pin_hash):
            self.attempts.succeeded()
            self.window.released = True
            self.window.close()
            self.closed.emit()
            return
        self.attempts.failed()
        left = MAX_TRIES - self.attempts.failures
        message = (_trn("Too many wrong PINs. Try again in %n second(s).", WAIT_SECONDS)
                   if self.attempts.wait() else _trn("Wrong PIN. %n attempt(s) left.", left))
        self.window.pin.start(message)
        self._show("pin")  # shown again, with the refusal: a fresh entry, the idle timer anew
