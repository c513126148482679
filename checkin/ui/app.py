"""The desktop app: QApplication, translations, and the composition of the window.

``main(db, demo)`` is what ``checkin`` with no command runs.  It opens the database,
builds the shell with the Desk (the other pages when first needed: ``workspace``) and
wires the scanner to the Desk page, so the first badge of the morning can be scanned
without a click, as soon as the window is painted (``first_paint``).  The scanner
capture listens to the whole application (every window and dialog), and each result
also goes up on a banner above the pages whenever the Desk cannot be seen
(``desk.banner``).  A database with no event gets a first-start page instead
(``first_start``), whose "Open the demo event" button creates the demo in that database
(in the background) and then opens the Desk.

Desk settings (station, mode, scanner suffix, lock…) are read from a ``QSettings``:
this machine's by default in ``main``, any one in ``build_window`` (tests use a file).

Composition lives here rather than in the shell so the shell stays a shell; the
first-start page is beside it (``checkin.ui.first_start``), being part of start-up
rather than a page of the app.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    Qt,
    QTime,
)
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
)
from shiboken6 import isValid

from checkin.core.db.store import Store, StoreError, open_store, resolve_url
from checkin.core.event.stored import current_event
from checkin.core.types import EventInfo
from checkin.ui import first_paint
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.banner import ResultBanner, desk_hidden
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.page import DeskPage
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.desk.settings import DeskSettings, default_station
from checkin.ui.launch import application, install_translations
from checkin.ui.main_window import MainWindow
from checkin.ui.organiser.menu import OrganiserMenu
from checkin.ui.widgets import collector, workers
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.plain import message_box
from checkin.ui.workspace import Workspace

# Only what the Desk needs is imported before the first paint; the other pages, the
# first-start page, the shared-server connection and the backups come when used.
if TYPE_CHECKING:
    from checkin.ui.desk.connection import DeskConnection
    from checkin.ui.organiser.autobackup import AutoBackup

log = logging.getLogger(__name__)

EXIT_OK, EXIT_DB = 0, 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


__all__ = [
    "EXIT_DB", "EXIT_OK", "application", "build_window", "default_station",
    "install_translations", "main",
]


def open_event(
    window: MainWindow,
    store: Store,
    event: EventInfo,
    detector: ScanDetector,
    *,
    settings: DeskSettings,
    qsettings: QSettings | None = None,
    painted: first_paint.FirstPaint | None = None,
    desk: DeskPage | None = None,
) -> DeskController:
    """Put the event's pages in the shell, Desk first, with the scanner wired to it.

    Only the Desk is built now (the other pages on their first visit, ``Workspace``);
    the search index, the sounds and the other pages come once ``painted`` says the
    window is on screen (None: at once).  Scans work from the start, and names are
    found in the database until the index is built.  ``desk``: the Desk page already
    painted for ``event`` before the database was open (``launch``).
    """
    desk = desk or DeskPage(event, settings.station)
    desk.finish_building()  # (the quick start's page may still be building its rest)
    controller = DeskController(store, event, desk, station=settings.station, build_index=False)
    detector.scanned.connect(controller.scan)
    detector.duplicate.connect(controller.duplicate)
    workspace = Workspace(window, controller, settings.station)
    window.set_pages([("desk", _tr("Desk"), desk), *workspace.pages()])
    menu = OrganiserMenu(window, store, event)  # before the lock state is applied
    controller.locked_changed.connect(window.set_locked)
    controller.locked_changed.connect(menu.set_locked)
    controller.use_settings(settings, qsettings, detector)
    detector.incomplete.connect(controller.incomplete_scan)
    _wire_banner(window, controller)
    workspace.wire(menu)
    if store.dialect == "postgresql":
        connect_shared(store, controller)
    window.setWindowTitle(_tr("%1 — checkin").replace("%1", event.name))
    desk.focus_search()

    def settle() -> None:
        """After the first frame: the names, the sounds, then the other pages."""
        controller.index_ready.connect(workspace.build_later)  # a no-op once all are built
        controller.rebuild_index()
        controller.sounds.load()
        job = workers.run_in_background(warm_up, controller.roster_store(), event.id, parent=window)
        job.failed.connect(lambda exc: log.warning("warm-up: %s", type(exc).__qualname__))
        from checkin.ui.kiosk.desk_watch import KioskCaseWatch  # a kiosk's cases, on the Desk

        KioskCaseWatch(controller.roster_store, event, desk.notices, parent=controller)

    if painted is None:
        settle()
    else:
        painted.after_paint(settle)
    return controller


def warm_up(store: Store, event_id: int) -> None:
    """Off the GUI thread, after the first paint: what the first scan and the first
    keystroke would otherwise load on it (country names; the fallback search's SQL)."""
    from checkin.core.desk.sql_search import search_sql
    from checkin.core.roster.countries import country_name
    from checkin.ui.widgets.translations import language

    country_name("CH", language())
    for words in ("warm", "warm up"):
        search_sql(store, event_id, words, 1)


def connect_shared(store: Store, controller: DeskController, **options) -> DeskConnection:
    """A desk on a shared server keeps working through a network drop (DeskConnection)."""
    from checkin.ui.desk.connection import DeskConnection

    connection = DeskConnection(
        store.url.render_as_string(hide_password=False),
        station=controller.station,
        parent=controller,
        **options,
    )
    desk = controller.view
    connection.ready.connect(controller.use_service)
    connection.online_changed.connect(
        lambda online: desk.set_connection(
            online, connection.desk.pending if connection.desk else 0
        )
    )
    connection.replayed.connect(controller.show_replay)
    connection.failed.connect(desk.show_error)
    QCoreApplication.instance().aboutToQuit.connect(connection.close)
    connection.start()
    return connection


def _wire_banner(window: MainWindow, controller: DeskController) -> ResultBanner:
    """Each result on the Desk's panel also goes up on a banner above the pages, when
    the Desk cannot be seen: another page is shown, or a dialog covers it."""
    banner = ResultBanner()
    window.set_banner(banner)
    hidden = desk_hidden(window.current_page)
    controller.view.panel.shown.connect(
        lambda card: banner.offer(card, controller.settings.result_seconds, hidden)
    )
    window.page_changed.connect(lambda key: banner.hide() if key == "desk" else None)
    return banner


def build_window(
    store: Store,
    *,
    station: str = "",
    detector: ScanDetector | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """The shell for ``store``: the Desk when there is an event, else the first start.

    ``settings``: where the desk settings are read and saved (None: defaults, not
    saved).  ``station``, when given, is used instead of the saved station name.
    """
    prefs = (
        desk_settings.load(settings)
        if settings is not None
        else DeskSettings(station=station or default_station())
    )
    if station:
        prefs = replace(prefs, station=station)
    window = MainWindow()
    detector = detector or ScanDetector()
    detector.setParent(window)
    detector.install()  # every window and dialog: a scan never types into a dialog
    painted = first_paint.watch(window)

    def opened(event: EventInfo) -> None:
        open_event(
            window, store, event, detector, settings=prefs, qsettings=settings, painted=painted
        )

    event = current_event(store)
    if event is not None:
        opened(event)
    else:
        from checkin.ui.first_start import show_first_start

        show_first_start(window, store, opened)
    return window


def open_or_explain(
    db: str | None, *, demo: bool = False, read_only: bool = False, ask=None
) -> Store | None:
    """The store, or — when it cannot be opened — the reason and the ways out.

    A damaged file can be replaced by its newest backup (the damaged one is kept); a
    file that cannot be written can be opened read-only, to look and export.  ``ask``
    (tests) stands in for the dialog: it gets the message and the offered choices and
    returns the one taken ("restore", "read-only" or "quit").
    """
    from checkin.core.db import backup

    try:
        return open_store(db, demo=demo, read_only=read_only)
    except StoreError as exc:
        message = explain(exc)
    url = resolve_url(db, demo=demo)
    path = backup.sqlite_path(url) if url.startswith("sqlite") else None
    choices = []
    latest = backup.latest_backup(path) if path is not None and path.exists() else None
    if latest is not None:
        choices.append("restore")
    if path is not None and path.exists() and not read_only:
        choices.append("read-only")
    choice = (ask or _ask_way_out)(message, choices, latest)
    try:
        if choice == "restore" and latest is not None:
            backup.restore(latest, path, force=True)
            return open_store(db, demo=demo)
        if choice == "read-only":
            return open_store(db, demo=demo, read_only=True)
    except (StoreError, backup.BackupError) as exc:
        message_box(None, QMessageBox.Icon.Critical, _tr("checkin"), explain(exc)).exec()
    return None


def _ask_way_out(message: str, choices: list[str], latest) -> str:
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("checkin"), message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {}
    if "restore" in choices:
        buttons["restore"] = box.addButton(
            _tr("&Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setInformativeText(
            _tr("Newest backup: %1. The damaged file is kept beside the backups.").replace(
                "%1", str(latest)
            )
        )
    if "read-only" in choices:
        buttons["read-only"] = box.addButton(
            _tr("Open &read-only"), QMessageBox.ButtonRole.ActionRole
        )
    buttons["quit"] = box.addButton(_tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(buttons["quit"])
    box.exec()
    clicked = box.clickedButton()
    return next((k for k, b in buttons.items() if b is clicked), "quit")


def start_backups(window: MainWindow, store: Store) -> AutoBackup:
    """Copies of the SQLite file every few minutes, said quietly in the status bar."""
    from checkin.ui.organiser.autobackup import AutoBackup

    auto = AutoBackup(None if store.read_only else store.path, parent=window)
    bar = window.statusBar()

    def say(text: str) -> None:  # (the last copy, made on the way out, may outlive it)
        if isValid(bar):
            bar.showMessage(text)

    auto.backed_up.connect(
        lambda result: say(
            _tr("Backed up at %1").replace("%1", QTime.currentTime().toString("HH:mm"))
        )
    )
    auto.failed.connect(lambda message: say(_tr("Backup failed: %1").replace("%1", message)))
    auto.start()
    return auto


def report_unexpected(kind, value, tb) -> None:
    """Last resort for an exception escaping a slot: a dialog, not a console traceback."""
    import traceback

    # Where, not what: an exception's text can carry a name or an SQL parameter, and
    # logs must hold no personal data.
    frames = [f"{f.filename}:{f.lineno} {f.name}" for f in traceback.extract_tb(tb)[-5:]]
    log.error("unexpected %s at %s", kind.__qualname__, " <- ".join(reversed(frames)))
    message_box(
        None,
        QMessageBox.Icon.Critical,
        _tr("checkin"),
        _tr("Something went wrong: %1").replace("%1", explain(value)),
    ).exec()


def main(db: str | None = None, demo: bool = False, *, read_only: bool = False) -> int:
    """Open the desktop app on ``db`` (path or URL; None: the default database), the
    database first (``launch.main`` paints the Desk first when it can).

    ``demo``: use the demo database and make sure the demo event is in it.  Returns the
    process exit status: 0, or 3 when the database cannot be opened.
    """
    app = application()
    store = open_or_explain(db, demo=demo, read_only=read_only)
    if store is None:
        return EXIT_DB
    try:
        if demo:
            from checkin.core.roster.demo import create_demo

            create_demo(store)  # before any window: nothing to freeze yet
        window = build_window(store, settings=desk_settings.default_qsettings())
        if store.read_only:
            window.setWindowTitle(
                _tr("%1 (read-only)").replace("%1", window.windowTitle())
            )
        remember_event(store, db, demo=demo)
        auto = start_backups(window, store)
        collector.install(app)  # the loaded app out of the garbage collector's way
        window.show()
        return serve(app, auto)
    finally:
        store.close()


def serve(app: QApplication, auto: AutoBackup | None) -> int:
    """Run the event loop; on the way out, the last backup and the background jobs."""
    previous, sys.excepthook = sys.excepthook, report_unexpected
    try:
        return app.exec()
    finally:
        sys.excepthook = previous
        if auto is not None:
            auto.stop()  # one last copy of the day's journal
        workers.cancel_all()
        workers.wait_all(5000)


def remember_event(store: Store, db: str | None, *, demo: bool = False) -> EventInfo | None:
    """Keep the current event for the next start to paint the Desk from (``launch``)."""
    from checkin.core.event import snapshot

    event = current_event(store)
    if event is not None and not store.read_only:
        url = resolve_url(db, demo=demo)
        snapshot.write(snapshot.path_for(url), event, url)
    return event
