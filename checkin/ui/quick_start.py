"""The quick start: the Desk painted from the kept event, the rest after the frame.

``launch.main`` read this database's event as kept at the last start; ``QuickStart``
builds the shell and the part of the Desk page a scan needs (``DeskPage(defer=True)``)
and shows them.  Until that first frame the scanner listens on the window alone (an
application-wide Python event filter makes PySide wrap every object any event reaches,
creating the Python types of the style, the layouts… before the frame); after it, on
the whole application.  Then, one part per turn of the event loop, the rest of the Desk
(``DeskPage.build_rest_later``), then the database, the other pages and the scans held
meanwhile (``QuickStart.open``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QApplication

from checkin.core.types import EventInfo
from checkin.ui import first_paint
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.page import DeskPage
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.main_window import MainWindow

if TYPE_CHECKING:
    from checkin.core.db.store import Store
    from checkin.ui.organiser.autobackup import AutoBackup

EXIT_DB = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def run(app: QApplication, db: str | None, demo: bool, event: EventInfo) -> int:
    """Show the Desk for ``event`` and run the app; the exit status."""
    quick = QuickStart(db, demo, event, desk_settings.default_qsettings())
    quick.window.show()
    try:
        return app.exec() if quick.status is None else quick.status
    finally:
        quick.finish()


class QuickStart(QObject):
    """The shell and the Desk painted from the kept event; the rest after the frame."""

    def __init__(
        self, db: str | None, demo: bool, event: EventInfo, qsettings: QSettings
    ) -> None:
        super().__init__()
        self.db, self.demo, self.qsettings = db, demo, qsettings
        self.kept_event = event  # not ``event``: that would hide QObject.event()
        self.prefs = desk_settings.load(qsettings)
        self.status: int | None = None  # set when the app ends before its loop runs
        self.store: Store | None = None
        self.auto: AutoBackup | None = None
        self._excepthook = sys.excepthook
        self.window = MainWindow()
        self.setParent(self.window)
        self.detector = ScanDetector()
        self.detector.setParent(self.window)
        self.held: list[str] = []
        self.detector.scanned.connect(self.held.append)
        self.desk = DeskPage(event, self.prefs.station, defer=True)
        self.window.set_pages([("desk", _tr("Desk"), self.desk)])
        self.window.setWindowTitle(_tr("%1 — checkin").replace("%1", event.name))
        self.desk.set_search_ready(False)  # "Loading the list of names…" until open
        self.desk.focus_search()
        # From the first frame the scanner listens: on this window (its QWindow, where
        # the platform delivers keys) until the frame is out, then everywhere.
        self.window.winId()
        self._handle = self.window.windowHandle()
        self._handle.installEventFilter(self.detector)
        self.painted = first_paint.watch(self.window)
        self.painted.after_paint(self.listen_everywhere)
        self.painted.after_paint(self.build_rest)

    def build_rest(self) -> None:
        """The rest of the Desk, a part per turn of the event loop, then ``open``."""
        self.desk.build_rest_later(self.open)

    def listen_everywhere(self) -> None:
        """The scanner on the whole application (every window and dialog), in the
        same turn of the event loop as it leaves this window: no key is seen twice."""
        if self._handle is not None:
            self._handle.removeEventFilter(self.detector)
            self._handle = None
        self.detector.install()

    def open(self) -> None:
        """After the first frame: the database, the rest of the app, the held scans."""
        from checkin.ui import app as full
        from checkin.ui.widgets import collector

        self.desk.finish_building()  # (built already, unless called early)
        store = full.open_or_explain(self.db, demo=self.demo)
        if store is None:
            self.status = EXIT_DB
            QCoreApplication.exit(EXIT_DB)
            return
        self.store = store
        sys.excepthook = full.report_unexpected
        if self.demo:
            from checkin.core.roster.demo import create_demo

            create_demo(store)
        event = full.remember_event(store, self.db, demo=self.demo)
        if event is None:  # the event is gone (a purged database): the first start
            self._first_start(full)
            return
        if event != self.kept_event:  # edited elsewhere since the last start
            self.desk = DeskPage(event, self.prefs.station)
        controller = full.open_event(
            self.window, store, event, self.detector, settings=self.prefs,
            qsettings=self.qsettings, painted=self.painted, desk=self.desk,
        )
        self.detector.scanned.disconnect(self.held.append)
        held, self.held = self.held, []
        for code in held:
            controller.scan(code)
        self.auto = full.start_backups(self.window, store)
        collector.install(QCoreApplication.instance())

    def _first_start(self, full) -> None:
        from checkin.ui.first_start import show_first_start

        self.detector.scanned.disconnect(self.held.append)
        self.held = []

        def opened(event: EventInfo) -> None:
            full.open_event(self.window, self.store, event, self.detector,
                            settings=self.prefs, qsettings=self.qsettings)

        show_first_start(self.window, self.store, opened)

    def finish(self) -> None:
        """On the way out: the last backup, the background jobs, the database."""
        sys.excepthook = self._excepthook
        self.detector.uninstall()  # (a test's next app must not find it still listening)
        if self.store is None:
            return
        from checkin.ui.widgets import workers

        if self.auto is not None:
            self.auto.stop()  # one last copy of the day's journal
        workers.cancel_all()
        workers.wait_all(5000)
        self.store.close()
