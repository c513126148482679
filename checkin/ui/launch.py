"""Start-up: the Desk painted first, the database opened behind it.

On a desk laptop most of the start-up is SQLAlchemy's import and the opening of the
database.  The Desk's first screen needs only the event, so when the event of this
database was kept at the last start (``core.event.snapshot``), ``main`` builds the
shell and the Desk page from it with nothing but Qt, shows them, and only after the
first frame imports the rest and opens the database (``QuickStart.open``).

The scanner listens from the first frame: a badge scanned in that half-second is held
and checked in as soon as the database is open, in order — never lost, never typed into
a field.  If the stored event differs from the kept one (edited on another desk), the
Desk page is rebuilt for it before any scan is taken.  Without a kept event (the first
start on this database, ``--read-only``), ``app.main`` opens the database first, as
before, and keeps the event for next time.

Nothing here may import SQLAlchemy or the ORM before the first paint: a test launches
the app and checks which modules were loaded when the window was first painted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QApplication

from checkin.core.db.location import resolve_url
from checkin.core.event import snapshot
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
QUICK_ENV = "CHECKIN_QUICK_START"  # "0": always open the database first


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, created if needed (works offscreen too)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
        app.setApplicationName("checkin")
        app.setOrganizationName("checkin")
        install_translations(app)
    return app


def install_translations(app: QApplication) -> str:
    """The language chosen in the settings (or the system's): our .qm and Qt's own."""
    from checkin.ui.widgets import translations

    return translations.install(app, translations.saved_language(desk_settings.default_qsettings()))


def main(db: str | None = None, demo: bool = False, *, read_only: bool = False) -> int:
    """Open the desktop app: the Desk first when this database's event is known, else
    the database first (``app.main``).  Returns the process exit status."""
    app = application()
    url = resolve_url(db, demo=demo)
    event = None
    if not read_only and os.environ.get(QUICK_ENV, "1") != "0":
        event = snapshot.read(snapshot.path_for(url), url)
    if event is None:
        from checkin.ui.app import main as open_database_first

        return open_database_first(db, demo, read_only=read_only)
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
        self.detector.install()  # from the first frame, every window: nothing lands in a field
        self.held: list[str] = []
        self.detector.scanned.connect(self.held.append)
        self.desk = DeskPage(event, self.prefs.station)
        self.window.set_pages([("desk", _tr("Desk"), self.desk)])
        self.window.setWindowTitle(_tr("%1 — checkin").replace("%1", event.name))
        self.desk.set_search_ready(False)  # "Loading the list of names…" until open
        self.desk.focus_search()
        self.painted = first_paint.watch(self.window)
        self.painted.after_paint(self.open)

    def open(self) -> None:
        """After the first frame: the database, the rest of the app, the held scans."""
        from checkin.ui import app as full
        from checkin.ui.widgets import collector

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
        if self.store is None:
            return
        from checkin.ui.widgets import workers

        if self.auto is not None:
            self.auto.stop()  # one last copy of the day's journal
        workers.cancel_all()
        workers.wait_all(5000)
        self.store.close()
