"""Starting the kiosk: on its own (``checkin kiosk``), or from the Desk's Event menu.

Either way the kiosk is one full-screen window over the same database, with its own
station name (journaled), its own scanner capture and — on a shared PostgreSQL server —
its own ``DeskConnection``, so it is offline like a desk.  It needs the desk's lock PIN
(``desk.settings``: only its hash is stored) to be closed: without one set, it does not
open.  Opened from the Desk, the Desk's window and scanner capture are put away while
the kiosk runs, and come back when staff close it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.types import EventInfo
from checkin.ui import first_paint
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.desk.settings import DeskSettings
from checkin.ui.kiosk.controller import KioskController
from checkin.ui.kiosk.printer import KioskPrinter
from checkin.ui.kiosk.window import IDLE_MS, KioskWindow
from checkin.ui.widgets import translations
from checkin.ui.widgets.workers import run_in_background

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


@dataclass(frozen=True)
class KioskOptions:
    """How one kiosk runs: who it is in the journal, its printer, its timings."""

    station: str
    pin_hash: str
    printer: str = ""  # as DeskSettings.printer: "" none, "@default", a name, usb://…
    printer_model: str = "QL-700"
    printer_label: str = "62"
    template: str = "a6"
    session: str | None = None  # None: venue arrival
    language: str = ""  # "": the app's
    idle_ms: int = IDLE_MS
    full_screen: bool = True
    camera: bool = False  # also read QR codes held up to the webcam (a phone's screen)


def options_from(settings: DeskSettings, **overrides) -> KioskOptions:
    """The kiosk's options from the desk's settings on this machine: its lock PIN, its
    printer and arrival template; the station is the desk's plus " kiosk"."""
    values = dict(
        station=f"{settings.station} kiosk", pin_hash=settings.lock_pin_hash,
        printer=settings.printer, printer_model=settings.printer_model,
        printer_label=settings.printer_label, template=settings.arrival_template,
        language=settings.language,
    )
    values.update({k: v for k, v in overrides.items() if v is not None})
    return KioskOptions(**values)


def build_kiosk(
    store: Store,
    event: EventInfo,
    options: KioskOptions,
    *,
    detector: ScanDetector | None = None,
    printer: KioskPrinter | None = None,
) -> KioskController:
    """The kiosk window and its controller, scanner wired; shown by the caller."""
    app = QApplication.instance()
    language = options.language or translations.language()
    if app is not None and language != translations.language():
        translations.install(app, language)
    language = translations.language()
    window = KioskWindow(event.name, language, idle_ms=options.idle_ms)
    if printer is None:
        printer = KioskPrinter(store, event, window)
        printer.printer_name = options.printer
        printer.printer_model = options.printer_model
        printer.printer_label = options.printer_label
        printer.template_key = options.template
        printer.station = options.station
    service = CheckinService(store, event, station=options.station)
    controller = KioskController(
        window, service, store, event, pin_hash=options.pin_hash, printer=printer,
        session=options.session, language=language,
    )
    detector = detector or ScanDetector(window)
    detector.setParent(window)
    detector.scanned.connect(controller.scan)
    detector.install()
    window.install()  # after the detector: the locked keys are eaten first
    controller.closed.connect(detector.uninstall)
    if store.dialect == "postgresql":
        _connect_shared(store, controller, options.station)
    if options.camera:
        _start_camera(controller)
    if not options.printer:
        window.show_notice(_tr("Staff: no printer is chosen; badges are saved as PDF files."))
    job = run_in_background(warm_up, options.template, parent=window)
    job.failed.connect(lambda exc: log.warning("kiosk warm-up: %s", type(exc).__qualname__))
    return controller


def warm_up(template: str) -> None:
    """Off the GUI thread: load the badge machinery and the template before the first
    person, so the first badge prints as fast as the next (1.7 s → 0.3 s measured)."""
    from checkin.core.badges import label_printing, printing  # noqa: F401
    from checkin.core.badges.templates import load_template

    load_template(template)


def _start_camera(controller: KioskController):
    """The webcam as a second scanner: a QR code on a phone's screen held up to it
    (``desk.camera``: decoded off the GUI thread, each code once while in view)."""
    from checkin.ui.desk.camera import CameraScanner

    camera = CameraScanner(controller.window)
    camera.scanned.connect(controller.scan)
    camera.status.connect(lambda said: log.info("kiosk camera: %s", said))
    controller.closed.connect(camera.stop)
    controller.camera = camera
    if not camera.start():
        controller.window.show_notice(
            _tr("Staff: the camera cannot be used; scanning works with the scanner."))
    return camera


def _connect_shared(store: Store, controller: KioskController, station: str) -> None:
    """On a shared server, check in through a ``DeskCheckin`` (offline like a desk)."""
    from checkin.ui.desk.connection import DeskConnection

    connection = DeskConnection(
        store.url.render_as_string(hide_password=False), station=station, parent=controller
    )
    connection.ready.connect(controller.use_service)
    connection.failed.connect(lambda why: log.error("kiosk: no shared desk (%s)", why))
    connection.online_changed.connect(
        lambda online: controller.window.show_notice(
            "" if online else _tr("Staff: offline — check-ins are kept and sent later."))
    )
    controller.closed.connect(connection.close)
    connection.start()


def show(controller: KioskController, options: KioskOptions) -> None:
    window = controller.window
    if options.full_screen:
        screen = window.screen() or QApplication.primaryScreen()
        if screen is not None:  # without a window manager, full screen is a geometry
            window.setGeometry(screen.geometry())
            window.setFixedSize(screen.geometry().size())  # long words wrap, never widen
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    window.raise_()
    window.activateWindow()


def open_from_desk(
    parent: QWidget, store: Store, event: EventInfo, qsettings: QSettings | None = None
) -> KioskController | None:
    """The Event menu's "Kiosk…": the kiosk over this desk's database, the desk put away
    until staff close it with the lock PIN.  None (and a reason) without a PIN."""
    from checkin.ui.widgets.plain import message_box

    settings = desk_settings.load(qsettings or desk_settings.default_qsettings())
    if not settings.lock_pin_hash:
        from PySide6.QtWidgets import QMessageBox

        box = message_box(parent, QMessageBox.Icon.Information, _tr("Kiosk"), _tr(
            "Set a lock PIN in the desk settings first: staff close the kiosk with it."
        ))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
    desk_detector = parent.findChild(ScanDetector)
    if desk_detector is not None:
        desk_detector.uninstall()
    before = translations.language()
    controller = build_kiosk(store, event, options_from(settings))
    parent.hide()

    def back_to_desk() -> None:
        app = QApplication.instance()
        if app is not None and translations.language() != before:
            translations.install(app, before)
        if desk_detector is not None:
            desk_detector.install()
        parent.show()
        controller.window.deleteLater()

    controller.closed.connect(back_to_desk)
    show(controller, KioskOptions(station="", pin_hash=""))
    return controller


def run(store: Store, event: EventInfo, options: KioskOptions) -> int:
    """``checkin kiosk``: the kiosk until staff close it; the exit status (0)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    controller = build_kiosk(store, event, options)
    first_paint.watch(controller.window)  # the first frame, for tests and benchmarks
    controller.shown.connect(lambda key: first_paint.report("kiosk-screen", key))
    show(controller, options)
    controller.closed.connect(app.quit)
    return app.exec()
