"""The pages beside the Desk, built when first needed and kept in step with each other.

Only the Desk is built before the window is first painted: the Dashboard (QtCharts), the
Roster, the Badges page (the PDF machinery) and the Agenda cost most of a second to
import and build, and a desk laptop is opened to scan.  ``Workspace`` hands the shell
one builder per page (``MainWindow.set_pages``): a page is built on its first visit, or
by ``build_later`` once the desk has its names, one page per turn of the event loop.
Each builder wires its page as it makes it, from the event as it is now.

Keeping the pages in step: what one page changes, the others show when next seen.
Pages reload when shown (in the background), never all at once; the desk's search
index is rebuilt only when the roster changed since it was built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from shiboken6 import isValid

from checkin.core.types import EventInfo

if TYPE_CHECKING:
    from checkin.core.db.store import Store
    from checkin.ui.badges.page import BadgesPage
    from checkin.ui.dashboard.page import DashboardPage
    from checkin.ui.desk.controller import DeskController
    from checkin.ui.main_window import MainWindow
    from checkin.ui.organiser.agenda import AgendaPage
    from checkin.ui.organiser.menu import OrganiserMenu
    from checkin.ui.roster.page import RosterPage

RELOADED_WHEN_SHOWN = ("roster", "badges", "agenda")


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


class Workspace:
    """The Desk's companions: their builders, and what keeps them in step."""

    def __init__(self, window: MainWindow, controller: DeskController, station: str) -> None:
        self.window = window
        self.controller = controller
        self.store: Store = controller.store
        self.event: EventInfo = controller.event_info
        self.station = station
        self.menu: OrganiserMenu | None = None
        self.index_stale = False

    def pages(self) -> list[tuple[str, str, object]]:
        """``(key, title, builder)`` for ``MainWindow.set_pages``, after the Desk."""
        return [
            ("dashboard", _tr("Dashboard"), self.dashboard),
            ("roster", _tr("Roster"), self.roster),
            ("badges", _tr("Badges"), self.badges),
            ("agenda", _tr("Agenda"), self.agenda),
        ]

    def wire(self, menu: OrganiserMenu) -> None:
        """Listen to the shell and the menu (once the pages are in the shell)."""
        self.menu = menu
        # Paper ticks change arrivals; a purge removes the names the desk's index holds.
        menu.data_changed.connect(lambda: (self.roster_changed(), self.shown(self._current())))
        self.window.page_changed.connect(self.shown)
        self.window.page_changed.connect(self._dashboard_live)

    def build_later(self) -> None:
        """Build the pages not visited yet, one per turn of the event loop.

        The next turn is tied to the window (a closed window cancels it), and a late
        ``index_ready`` after the window is gone does nothing.
        """
        if isValid(self.window) and self.window.build_next_page():
            QTimer.singleShot(0, self.window, self.build_later)

    # ------------------------------------------------------------ builders

    def dashboard(self) -> DashboardPage:
        from checkin.ui.dashboard.page import DashboardPage

        return DashboardPage(self.store, self.event)

    def roster(self) -> RosterPage:
        from checkin.ui.roster.page import RosterPage

        # Loaded when first shown, not now: at 50,000 delegates each load is seconds of
        # background work and a GUI-thread apply of 100-150 ms, which would land among
        # the first scans at the desk.
        page = RosterPage(self.store, self.event, load=False)
        page.changed.connect(self.roster_changed)  # an edit, a cancellation, an import
        return page

    def badges(self) -> BadgesPage:
        from checkin.ui.badges.page import BadgesPage

        page = BadgesPage(self.store, self.event, station=self.station, load=False)
        page.fix_requested.connect(self.fix)
        return page

    def agenda(self) -> AgendaPage:
        from checkin.ui.organiser.agenda import AgendaPage

        page = AgendaPage(self.store, self.event)
        page.event_changed.connect(self.event_edited)
        return page

    # ------------------------------------------------------------ in step

    def roster_changed(self, *_args) -> None:
        self.index_stale = True

    def shown(self, key: str) -> None:
        if key == "desk":
            if self.index_stale:
                self.index_stale = False
                self.controller.rebuild_index()
            self.controller.view.focus_search()
        elif key in RELOADED_WHEN_SHOWN:
            self.window.page(key).refresh()  # type: ignore[attr-defined]

    def event_edited(self, event: EventInfo) -> None:
        self.event = event
        built = [self.window.built_page(key) for key in ("roster", "badges")]
        for page in (self.controller, self.menu, *built):
            if page is not None:
                page.set_event_info(event)  # type: ignore[attr-defined]
        self._rebuild_dashboard()
        self.window.setWindowTitle(_tr("%1 — checkin").replace("%1", event.name))

    def fix(self, delegate_id: int) -> None:
        """A badge problem: the delegate's form, on the Roster page."""
        self.window.show_page("roster")
        roster = self.window.page("roster")

        def edit() -> None:
            roster.loaded.disconnect(edit)
            if roster.select_delegate(delegate_id):
                roster.edit_current()

        roster.loaded.connect(edit)  # show_page -> refresh -> loaded

    def _current(self) -> str:
        return self.window.current_page()

    def _rebuild_dashboard(self) -> None:
        """The dashboard is built around the agenda (sessions, charts): built anew."""
        old = self.window.built_page("dashboard")
        if old is None:
            return  # built from the edited event when first seen
        old.stop()  # type: ignore[attr-defined]
        self.window.replace_page("dashboard", self.dashboard)
        if self._current() == "dashboard":
            self.window.page("dashboard").start()  # type: ignore[attr-defined]

    def _dashboard_live(self, key: str) -> None:
        """Live only while shown: a hidden dashboard reads nothing."""
        dashboard = self.window.built_page("dashboard")
        if dashboard is None:
            return
        if key == "dashboard":
            dashboard.start()  # type: ignore[attr-defined]
        else:
            dashboard.stop()  # type: ignore[attr-defined]
