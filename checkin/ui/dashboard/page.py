"""The coordinators' dashboard: who is here, who is missing, which room is filling up.

A view over ``LiveFeed`` snapshots (``dashboard_live``): big figures, the session
running now against its room's capacity, charts (``dashboard_charts``), and lists
(``dashboard_lists``): the call list of people not yet arrived (sortable, exported as
CSV), recent arrivals, a watch list of speakers/VIPs that alerts when one arrives, and
who attended each session.  ``start()``/``stop()`` turn the live watch on and off (the
shell calls them when the page is shown and hidden); F9 or the button opens projector
mode.

Nothing here reads the database on the GUI thread: the feed's worker computes the
snapshot (figures, charts, the short lists, sorted), and the two long lists — the call
list, a session's attendees — are read a page at a time on worker threads by their
tables' models (``paged``), again for the rows shown after each refresh.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.core.dashboard.pages import (
    ATTENDEE_SORTS,
    MISSING_SORTS,
    attendee_page,
    missing_page,
    missing_people,
)
from checkin.core.dashboard.snapshot import Dashboard, Person, write_call_list
from checkin.core.dashboard.watch import WatchChoice, save_watch
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.dashboard.accreditation_tab import AccreditationTab
from checkin.ui.dashboard.charts import DashboardCharts
from checkin.ui.dashboard.lists import (
    RowsModel,
    attendee_columns,
    call_list_ranks,
    make_table,
    people_columns,
    watch_columns,
)
from checkin.ui.dashboard.live import Clock, LiveFeed, _utcnow
from checkin.ui.dashboard.paged import PagedModel
from checkin.ui.dashboard.panels import FigureTile, SessionPanel, WatchBanner, percent, plain_label
from checkin.ui.dashboard.projector import ProjectorWindow
from checkin.ui.dashboard.watch_dialog import WatchDialog
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.modal import open_modal
from checkin.ui.widgets.plain import scaled_points
from checkin.ui.widgets.reflow import ElidedLabel, VerticalScroll
from checkin.ui.widgets.workers import run_in_background

PROJECTOR_KEY = Qt.Key.Key_F9
CHART_GAP_MS = 30  # between two chart updates: the event loop runs (and paints) between
FLASHES = 12  # half-periods of the watch-list alert's flashing (6 s at 500 ms)
WATCH_CATEGORIES = ("speaker", "vip")


class DashboardPage(QWidget):
    """The dashboard page.  ``watch_arrived(Person)`` fires when a watched person arrives."""

    watch_arrived = Signal(object)
    watch_saved = Signal(object)  # the WatchChoice just saved
    refreshed = Signal(object)  # the Dashboard just shown
    exported = Signal(str, int)  # path, rows
    export_failed = Signal(str)

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        parent: QWidget | None = None,
        *,
        clock: Clock = _utcnow,
        interval_ms: int = 250,
        watch_categories: tuple[str, ...] | None = None,
    ) -> None:
        """``watch_categories`` None: the event's watch list as chosen and saved
        ("Choose…" on the Watch list tab); a tuple: those categories, fixed."""
        super().__init__(parent)
        self.store = store
        self.event_info = event_info
        self.dashboard: Dashboard | None = None
        self.projector: ProjectorWindow | None = None
        self._seen_watch: dict[int, dt.datetime | None] | None = None
        self._seen_for: tuple | None = None  # the watch list ``_seen_watch`` was read for
        self.watch_dialog: WatchDialog | None = None
        self._flashes = 0
        self._chart_steps: list = []
        self._charts_waiting: Dashboard | None = None  # drawn when the charts are shown
        self._call_read = None  # the call list's reader, from its tab's first opening
        self._attendees_of: str | None = None  # the session the attendance table reads

        # The two long lists are read a page at a time as they scroll (``paged``);
        # the short ones come whole with each snapshot.
        self.call_model = PagedModel(
            people_columns(event_info, arrival=False, contact=True), MISSING_SORTS,
            "last_name", ranks=call_list_ranks(event_info), parent=self,
        )
        self.recent_model = RowsModel(people_columns(event_info, arrival=True, contact=False),
                                      self)
        self.watch_model = RowsModel(watch_columns(event_info), self)
        self.attendee_model = PagedModel(attendee_columns(event_info), ATTENDEE_SORTS,
                                         "entered", parent=self)
        self._models = {"recent": self.recent_model, "watch": self.watch_model}
        self.feed = LiveFeed(
            store, event_info, clock=clock, interval_ms=interval_ms,
            watch_categories=watch_categories, prepare=self._prepare, parent=self,
        )
        self.feed.updated.connect(self._apply)
        self.feed.failed.connect(self._show_failure)
        self._build()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        top = self._top_row()
        figures = self._figures_row()
        self.session = SessionPanel(self.event_info, scale=0.75)
        self.banner = WatchBanner()
        self._flash = QTimer(self)
        self._flash.setInterval(500)
        self._flash.timeout.connect(self._flash_step)
        self._build_tabs()
        # The figures and the session running now share one row: stacked, they took
        # 260 px of height a 1280×720 laptop does not have.
        headline = QHBoxLayout()
        headline.addLayout(figures, 3)
        headline.addWidget(self.session, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(headline)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

    def _top_row(self) -> QHBoxLayout:
        """The title, the time of the last update, and projector mode (F9)."""
        title = ElidedLabel(least=160)
        font = title.font()
        font.setPointSizeF(scaled_points(16))
        font.setBold(True)
        title.setFont(font)
        title.setText(self.tr("Dashboard — %1").replace("%1", self.event_info.name))
        self.status = plain_label(10, wrap=False)
        self.status.setAccessibleName(self.tr("Last update"))
        self.projector_button = QPushButton(self.tr("Projector mode (F9)"))
        self.projector_button.setAccessibleName(self.tr("Projector mode"))
        self.projector_button.setCheckable(True)
        self.projector_button.toggled.connect(self.set_projector)
        shortcut = QShortcut(QKeySequence(PROJECTOR_KEY), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.projector_button.toggle)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.status)
        top.addWidget(self.projector_button)
        return top

    def _figures_row(self) -> QHBoxLayout:
        scale = 0.8  # the headline row is shared with the session panel
        self.arrived = FigureTile(self.tr("Arrived / expected"), scale=scale)
        self.missing = FigureTile(self.tr("Not yet arrived"), scale=scale)
        self.walk_ins = FigureTile(self.tr("Walk-ins"), scale=scale)
        self.refused = FigureTile(self.tr("Refused scans"), scale=scale)
        figures = QHBoxLayout()
        for tile in (self.arrived, self.missing, self.walk_ins, self.refused):
            figures.addWidget(tile, 1)
        return figures

    def _build_tabs(self) -> None:
        """Overview (the charts), the call list, recent arrivals, the watch list, and who
        attended a session."""
        overview = self._overview_tab()
        call = self._call_tab()
        self.recent_table = make_table(self.recent_model, self.tr("Recent arrivals"))
        watch = self._watch_tab()
        attendance = self._attendance_tab()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dashboard views"))
        self.tabs.addTab(overview, self.tr("&Overview"))
        self.call_tab = self.tabs.addTab(call, self.tr("&Not yet arrived"))
        self.tabs.addTab(self.recent_table, self.tr("&Recent arrivals"))
        self.watch_tab = self.tabs.addTab(watch, self.tr("&Watch list"))
        self.attendance_tab = self.tabs.addTab(attendance, self.tr("Session &attendance"))
        # Notes, hand-outs, who still holds what (issue 19): read while shown.
        self.accreditation = AccreditationTab(self.store, self.event_info)
        self.tabs.addTab(self.accreditation, self.tr("Accre&ditation"))
        self.refreshed.connect(self.accreditation.refresh_if_shown)
        self.tabs.currentChanged.connect(self._choose_session)
        self.tabs.currentChanged.connect(self._catch_up_charts)
        self.feed.call_list = False  # never in the snapshot: its table reads pages

    def _overview_tab(self) -> QWidget:
        self.charts = DashboardCharts(self.event_info)
        overview = QWidget()
        views = self.charts.views()
        upper, lower = QHBoxLayout(), QHBoxLayout()
        upper.addWidget(views[0], 3)
        upper.addWidget(views[1], 2)
        for view in views[2:]:
            lower.addWidget(view, 1)
        grid = QVBoxLayout(overview)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(upper, 1)
        grid.addLayout(lower, 1)
        # Two rows of charts need about 360 px; a short window scrolls them rather than
        # growing the page past the screen.
        return VerticalScroll(overview, least=120)

    def _call_tab(self) -> QWidget:
        """Not yet arrived: the call list, exported as CSV."""
        self.call_table = make_table(self.call_model, self.tr("Not yet arrived: call list"))
        self.call_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by last name, folded
        self.export_button = QPushButton(self.tr("Export call list (CSV)…"))
        self.export_button.setAccessibleName(self.tr("Export call list as CSV"))
        self.export_button.clicked.connect(self._ask_export)
        call = QWidget()
        call_layout = QVBoxLayout(call)
        call_row = QHBoxLayout()
        self.call_hint = plain_label(10, wrap=False)
        call_row.addWidget(self.call_hint, 1)
        call_row.addWidget(self.export_button)
        call_layout.addLayout(call_row)
        call_layout.addWidget(self.call_table)
        return call

    def _watch_tab(self) -> QWidget:
        """The watch list, and "Choose…" to change who is on it."""
        self.watch_table = make_table(self.watch_model, self.tr("Watch list"))
        self.watch_hint = plain_label(10)
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.setAccessibleName(self.tr("Choose who is on the watch list"))
        self.choose_button.clicked.connect(self.choose_watch)
        watch = QWidget()
        row = QHBoxLayout()
        row.addWidget(self.watch_hint, 1)
        row.addWidget(self.choose_button)
        column = QVBoxLayout(watch)
        column.addLayout(row)
        column.addWidget(self.watch_table)
        # Once it has a parent: shown without one, it would be a window of its own for a
        # moment, and take the focus from the desk (the page may be built after the desk).
        self.choose_button.setVisible(self.feed.stored_watch)
        return watch

    def _attendance_tab(self) -> QWidget:
        """Who attended a session (the one running now, at first)."""
        ev = self.event_info
        self.session_choice = QComboBox()
        self.session_choice.setAccessibleName(self.tr("Session to list"))
        for s in ev.sessions:
            if s.attendance:
                start = ev.local(s.starts_at).strftime("%H:%M")
                self.session_choice.addItem(f"{start}  {s.title}", s.key)
        running = ev.session_at(self.feed.clock())
        if running is not None:
            self.session_choice.setCurrentIndex(self.session_choice.findData(running.key))
        self.session_choice.currentIndexChanged.connect(self._choose_session)
        self.attendee_table = make_table(self.attendee_model, self.tr("Session attendance"))
        self.attendee_hint = plain_label(10, wrap=False)
        attendance = QWidget()
        att_layout = QVBoxLayout(attendance)
        att_row = QHBoxLayout()
        choose = QLabel(self.tr("&Session:"))
        choose.setBuddy(self.session_choice)
        att_row.addWidget(choose)
        att_row.addWidget(self.session_choice, 1)
        att_row.addWidget(self.attendee_hint)
        att_layout.addLayout(att_row)
        att_layout.addWidget(self.attendee_table)
        return attendance

    # ------------------------------------------------------------------ live

    def start(self) -> None:
        """Watch the database and keep the page current (the page is shown)."""
        self.feed.start()

    def stop(self) -> None:
        """Stop watching (the page is hidden); the last figures stay on screen."""
        self.feed.stop()

    def refresh(self) -> None:
        self.feed.refresh()

    def _choose_session(self) -> None:
        """The call list and the attendees are read only while their tab is open, a
        page at a time (thousands of rows at a big event, for nobody to see at once);
        the snapshot never carries them."""
        tab = self.tabs.currentIndex()
        store, ev = self.store, self.event_info
        if tab == self.call_tab:
            if self._call_read is None:
                self._call_read = lambda order, offset, limit, after: missing_page(
                    store, ev, order, offset, limit, after=after)
                self.call_model.set_reader(self._call_read)
            else:
                self.call_model.reload()
        wanted = self.session_choice.currentData() if tab == self.attendance_tab else None
        if wanted is not None and wanted != self._attendees_of:
            self._attendees_of = wanted
            self.attendee_model.set_reader(lambda order, offset, limit, after: attendee_page(
                store, ev, wanted, order, offset, limit, after=after))
        elif wanted is not None:
            self.attendee_model.reload()
        self._show_attendance_counts()

    def _show_attendance_counts(self) -> None:
        """"N attended, M in the room now" from the snapshot's counts (aggregates)."""
        key = self._attendees_of
        dash = self.dashboard
        found = next((x for x in dash.sessions if x.key == key), None) if dash else None
        if found is None or self.tabs.currentIndex() != self.attendance_tab:
            self.attendee_hint.setText("")
            return
        self.attendee_hint.setText(
            self.tr("%1 attended, %2 in the room now")
            .replace("%1", str(found.attended)).replace("%2", str(found.present))
        )

    def _prepare(self, dash: Dashboard) -> dict[str, Any]:
        """On the worker thread: the lists sorted as the tables are sorted now."""
        out = {}
        for name, model in self._models.items():
            base = model.rows  # the list the table holds now (replaced, never changed)
            rows = list(getattr(dash, name))
            sort = model.sort_state
            if sort is not None:
                model.sort_rows(rows, *sort)
            out[name] = (rows, sort, base, None)
        return out

    def _apply(self, dash: Dashboard, prepared: dict[str, Any]) -> None:
        self.dashboard = dash
        s = dash.stats
        self.arrived.set(f"{s.arrived} / {s.registered}",
                         self.tr("%1 arrived").replace("%1", percent(s.arrived, s.registered)))
        self.missing.set(str(s.not_arrived),
                         self.tr("%n cancelled", "", s.cancelled)
                         if s.cancelled else "")
        self.walk_ins.set(str(s.walk_ins), self.tr("registered at the desk"))
        self.refused.set(str(s.refused_scans),
                         self.tr("%n duplicate scan(s)", "", s.duplicate_scans))
        self.session.show_dashboard(dash)
        for name, model in self._models.items():
            if name in prepared:
                rows, sort, base, removed = prepared[name]
                model.set_rows(rows, presorted=sort == model.sort_state, base=base,
                               removed=removed)
        self.call_hint.setText(
            self.tr("%n registered person(s) have not arrived yet.", "", s.not_arrived)
        )
        self.tabs.setTabText(self.call_tab, self.tr("&Not yet arrived (%1)").replace(
            "%1", str(s.not_arrived)))
        tab = self.tabs.currentIndex()
        if tab == self.call_tab and self._call_read is not None:
            self.call_model.reload()  # the rows it holds, read again
        elif tab == self.attendance_tab and self._attendees_of is not None:
            self.attendee_model.reload()
        self._show_attendance_counts()
        self._queue_charts(dash)
        self._check_watch(dash)
        local = self.event_info.local(dash.now).strftime("%H:%M:%S")
        self.status.setText(self.tr("Updated %1").replace("%1", local))
        if self.projector is not None:
            self.projector.show_dashboard(dash)
        self.refreshed.emit(dash)

    def _queue_charts(self, dash: Dashboard) -> None:
        """One chart at a time, ``CHART_GAP_MS`` apart: a chart's update and repaint
        take a few milliseconds, and queued back to back (or just behind the figures'
        and tables' repaint) they would hold the GUI thread for several frames.

        Not while the charts cannot be seen (another tab or page: the desk scanning
        beside a live dashboard): re-laying out charts nobody sees took more of the GUI
        thread than anything else the refresh did.  The latest snapshot waits and is
        drawn when they are shown (``_catch_up_charts``)."""
        if not self.charts.arrivals.view.isVisible():
            self._charts_waiting = dash
            return
        self._charts_waiting = None
        pending = bool(self._chart_steps)
        self._chart_steps = self.charts.steps(dash)
        if not pending:
            QTimer.singleShot(CHART_GAP_MS, self, self._next_chart)

    def _next_chart(self) -> None:
        if self._chart_steps:
            self._chart_steps.pop(0)()
        if self._chart_steps:
            QTimer.singleShot(CHART_GAP_MS, self, self._next_chart)

    def _catch_up_charts(self, *_args: object) -> None:
        """The charts came into view: draw the snapshot they missed, if any."""
        dash = self._charts_waiting
        if dash is not None and self.charts.arrivals.view.isVisible():
            self._queue_charts(dash)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._catch_up_charts)  # once the children are shown

    @property
    def charts_pending(self) -> bool:
        return bool(self._chart_steps)

    def _show_failure(self, message: str) -> None:
        self.status.setText(self.tr("⚠ Not updated: %1").replace("%1", message))

    # ------------------------------------------------------------------ watch list

    def _check_watch(self, dash: Dashboard) -> None:
        now = {p.id: p.arrived_at for p in dash.watch}
        before, self._seen_watch = self._seen_watch, now
        chosen_anew = dash.watched_for != self._seen_for
        self._seen_for = dash.watched_for
        self.watch_hint.setText(self._watch_words(dash))
        # The first snapshot, or the first after the coordinator changed the list:
        # nothing "just" arrived (people added to it may have come hours ago).
        if before is None or chosen_anew:
            return
        new = [p for p in dash.watch if p.arrived_at and before.get(p.id) is None]
        if not new:
            return
        new.sort(key=lambda p: p.arrived_at)
        self.watch_model.highlighted |= {p.id for p in new}
        self._alert(new)
        for person in new:
            self.watch_arrived.emit(person)

    def _watch_words(self, dash: Dashboard) -> str:
        categories, numbers = dash.watched_for
        labels = []
        for key in categories:
            c = self.event_info.category(key)
            if c is not None:
                labels.append(c.label)
        parts = labels + ([self.tr("%n person(s) chosen by name", "", len(numbers))]
                          if numbers else [])
        if not parts:
            return self.tr("No one is watched: choose categories or people.")
        here = sum(1 for p in dash.watch if p.arrived_at)
        return (self.tr("Watching %1 — %2 of %3 arrived").replace("%1", ", ".join(parts))
                .replace("%2", str(here)).replace("%3", str(len(dash.watch))))

    def choose_watch(self) -> WatchDialog:
        """Open the watch list dialog; what is chosen there is saved for the event."""
        if self.watch_dialog is not None:
            self.watch_dialog.raise_()
            return self.watch_dialog
        dialog = WatchDialog(self.store, self.event_info, self)
        dialog.accepted.connect(lambda: self.save_watch(dialog.choice()))
        dialog.finished.connect(self._watch_dialog_closed)
        self.watch_dialog = dialog
        open_modal(dialog)
        return dialog

    def _watch_dialog_closed(self) -> None:
        dialog, self.watch_dialog = self.watch_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def save_watch(self, choice: WatchChoice) -> None:
        """Keep ``choice`` as the event's watch list (in the background), then show it."""
        self.choose_button.setEnabled(False)
        job = run_in_background(save_watch, self.store, self.event_info.id, choice,
                                parent=self)
        job.succeeded.connect(self._watch_saved)
        job.failed.connect(self._watch_not_saved)

    def _watch_saved(self, choice: WatchChoice) -> None:
        self.choose_button.setEnabled(True)
        self.feed.refresh()
        self.watch_saved.emit(choice)

    def _watch_not_saved(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        message = self.tr("Could not save the watch list: %1").replace("%1", explain(exc))
        self.watch_hint.setText("⚠ " + message)

    def _alert(self, people: list[Person]) -> None:
        def line(p: Person) -> str:
            c = self.event_info.category(p.category)
            label = c.label if c else p.category
            when = self.event_info.local(p.arrived_at).strftime("%H:%M")
            org = f" — {p.organisation}" if p.organisation else ""
            return (self.tr("%1 arrived: %2%3 at %4").replace("%1", label)
                    .replace("%2", p.full_name).replace("%3", org).replace("%4", when))

        text = "\n".join(line(p) for p in people[-3:])
        for banner in self._banners():
            banner.text.setText(text)
            banner.setAccessibleDescription(text)
            banner.set_bright(True)
            banner.setVisible(True)
        self._flashes = FLASHES
        self._flash.start()

    def _banners(self) -> list[WatchBanner]:
        return [self.banner] + ([self.projector.banner] if self.projector else [])

    def _flash_step(self) -> None:
        self._flashes -= 1
        for banner in self._banners():
            banner.set_bright(self._flashes % 2 == 0)
        if self._flashes <= 0:
            self._flash.stop()
            for banner in self._banners():
                banner.set_bright(True)

    # ------------------------------------------------------------------ projector

    def set_projector(self, on: bool) -> None:
        if on and self.projector is None:
            self.projector = ProjectorWindow(self.event_info, QKeySequence(PROJECTOR_KEY), self)
            self.projector.closed.connect(self._projector_closed)
            if self.dashboard is not None:
                self.projector.show_dashboard(self.dashboard)
            if self.banner.isVisible():
                self.projector.banner.text.setText(self.banner.text.text())
                self.projector.banner.set_bright(True)
                self.projector.banner.setVisible(True)
            self.projector.show_on_best_screen()
        elif not on and self.projector is not None:
            self.projector.close()
        if self.projector_button.isChecked() != on:
            self.projector_button.setChecked(on)

    def _projector_closed(self) -> None:
        window, self.projector = self.projector, None
        if window is not None:
            window.deleteLater()
        self.projector_button.setChecked(False)

    # ------------------------------------------------------------------ export

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export call list"), "not-yet-arrived.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_call_list(path)

    def export_call_list(self, path: str) -> None:
        """Write the whole call list in the order shown, in the background (read as
        it is written: the table holds only the pages it showed)."""
        people = missing_people(self.store, self.event_info, self.call_model.order)
        self.export_button.setEnabled(False)
        job = run_in_background(write_call_list, path, people, parent=self)
        job.succeeded.connect(lambda n: self._exported(path, n))
        job.failed.connect(self._export_failed)

    def _exported(self, path: str, n: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Call list saved: %n person(s)", "", n))
        self.exported.emit(path, n)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        message = self.tr("Could not save the call list: %1").replace("%1", str(reason))
        self.status.setText("⚠ " + message)
        self.export_failed.emit(message)

    def closeEvent(self, event) -> None:
        self.stop()
        if self.projector is not None:
            self.projector.close()
        super().closeEvent(event)
