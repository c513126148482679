"""The Desk page: what front-desk staff look at with a queue in front of them.

A view only: layout and keyboard handling (its list models are in ``lists``).  It says what the
operator asked for through signals (search text, check this person in, undo that
scan, mode) and shows what the ``DeskController`` hands back.  Scans do not come
through here at all: the application's ``ScanDetector`` feeds the controller directly,
so a badge lands wherever the focus is and never types into the search box.  A badge
code typed by hand from the printed badge ("0bx4-k7rd 9pt2 xcvn") is recognised by the
controller; the page then says so and Enter checks the person in (``code_entered``).

Nothing here opens a dialog by itself: problems and things that happened meanwhile
(back online, a badge ready) are notices in the ``NoticeBar`` above the result panel,
shown without taking the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.desk.requests import AUTO
from checkin.core.types import DelegateInfo, EventInfo, Outcome, ScanResult
from checkin.ui.desk.after_paint import AfterPaint
from checkin.ui.desk.building import (
    Blink,
    Parts,
    door_direction,
    offline_banner,
    pair,
    restore_tab_order,
)
from checkin.ui.desk.lists import RecentModel, RecentScan, ResultsModel
from checkin.ui.desk.outcome_panel import Card, OutcomePanel, Tone
from checkin.ui.widgets.plain import tooltip
from checkin.ui.widgets.reflow import ElidedLabel, FlowLayout

RECENT_HEIGHT = 150  # the recent scans' list, in pixels


class DeskPage(QWidget):
    """Top bar, outcome panel, search with results, recent scans with Undo."""

    search_changed = Signal(str)
    check_in_requested = Signal(int)  # delegate id
    undo_requested = Signal(str)  # scan id
    mode_changed = Signal(object)  # None (venue), a session key, or "auto"
    walk_in_requested = Signal()
    walk_in_from_search = Signal(str)
    """"Register a walk-in" under "No one found": the walk-in form with what was typed."""
    settings_requested = Signal()
    lock_requested = Signal()  # Ctrl+L or the Lock/Unlock button: lock, or ask to unlock
    sound_toggled = Signal(bool)  # the Sound button: on (True) or muted
    camera_scanned = Signal(str)  # a badge read by the webcam (CameraPanel)
    direction_changed = Signal(str)  # "entry" or "exit" (a session's door desk)
    edit_requested = Signal(object)  # DelegateInfo: "Edit details…" for the person found
    code_entered = Signal(str)  # a badge code typed into the search box, then Enter

    def __init__(
        self, event: EventInfo, station: str, parent: QWidget | None = None, *,
        defer: bool = False,
    ) -> None:  # fmt: skip
        """``defer``: only what a scan needs now (panel, search, status), the rest in
        its reserved room by ``build_rest_later`` or ``finish_building``."""
        super().__init__(parent)
        self.event_info = event
        self.setObjectName("deskPage")
        self._station = station
        self.camera_panel = None  # made when first asked for: most desks have a scanner
        self._typed_code: str | None = None
        self._search_ready = False
        self.offline_banner = offline_banner()
        top = self._title_row(event)
        self.panel = OutcomePanel()  # centre: the outcome of the last scan
        side = self._search_side()
        middle = QHBoxLayout()
        middle.addWidget(self.panel, 3)
        middle.addLayout(side, 2)
        self._page = page = QVBoxLayout(self)
        page.addWidget(self.offline_banner)
        page.addLayout(top)
        page.addLayout(middle, 1)
        page.addLayout(self._recent_frame())
        self._blink = Blink(self.panel)
        self.set_search_ready(False)
        QWidget.setTabOrder(self.search_box, self.no_one_button)  # Tab: straight to it
        # The rest, in the order built after the first frame: each keeps the space
        # reserved for it above, so nothing moves when it comes.
        # (The search box's clear button too: it loads an icon, up to tens of ms.)
        self._rest = Parts((self._build_controls, self._build_recent, self._build_notices,
                            lambda: self.search_box.setClearButtonEnabled(True)), self._built)
        if not defer:
            self.finish_building()

    # ------------------------------------------------------------ building later

    def finish_building(self) -> None:
        """Build what is not built yet, now (the controller uses all of it)."""
        self._rest.finish()

    def build_rest_later(self, then: Callable[[], object] | None = None) -> None:
        """One part of the rest per turn of the event loop, then ``then``."""
        self._rest.later(self, then)

    def is_built(self) -> bool:
        return not self._rest.pending()

    def _built(self) -> None:
        restore_tab_order(self, (self.controls, self.notices, None, self._recent_box))

    # ------------------------------------------------------------ building

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey | str, slot) -> QShortcut:
        """A key of the page (and of its children: the camera panel, the lists)."""
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _title_row(self, event: EventInfo) -> QHBoxLayout:
        """The event's name, and the room of the desk's controls (``_build_controls``).

        On a narrow screen the title gives way first (cut with "…", whole in its
        tooltip), then the controls wrap onto a second row: Settings stays on screen.
        """
        self.title_label = title = ElidedLabel(event.name)
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        title.setFont(font)
        self.controls = QWidget()
        self.controls.setObjectName("deskControls")
        # Until they are built: one row of buttons high, as they will be.
        self.controls.setMinimumHeight(QPushButton("M").sizeHint().height())
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.controls)
        return top

    def _build_controls(self) -> None:
        """The mode (and door), the station, and the desk's buttons, in the top bar."""
        mode_label = self._build_mode_boxes(self.event_info)
        self.station_label = station_label = QLabel()
        station_label.setTextFormat(Qt.TextFormat.PlainText)
        station_label.setContentsMargins(12, 0, 12, 0)
        self.set_station(self._station)
        self.lock_label = QLabel(self.tr("Locked"))
        self.lock_label.setAccessibleName(
            self.tr("Locked: the settings and the other pages need the PIN")
        )
        self.lock_label.setStyleSheet("font-weight: bold;")
        self.lock_label.hide()
        self._build_desk_buttons()
        flow = FlowLayout(self.controls, rows=2, spacing=8)
        self._door_pair = pair(self.direction_label, self.direction_box)
        for widget in (
            pair(mode_label, self.mode_box), self._door_pair, station_label,
            self.walk_in_button, self.camera_button, self.sound_button,
            self.settings_button, self.lock_label, self.lock_button,
        ):  # fmt: skip
            flow.addWidget(widget)
        self.controls.setMinimumHeight(0)
        self._door_shown()

    def _build_mode_boxes(self, event: EventInfo) -> QLabel:
        """The mode, and at a session's door the direction; the mode's label is returned."""
        self.mode_box = QComboBox()
        self.mode_box.setAccessibleName(self.tr("Check-in mode"))
        # As wide as what is chosen, not as the longest session title: the desk's top
        # bar must fit a 1366-pixel laptop screen.
        self.mode_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.mode_box.setMinimumContentsLength(18)
        self._fill_modes(event)
        self.mode_box.currentIndexChanged.connect(
            lambda i: self.mode_changed.emit(self.mode_box.itemData(i))
        )
        self.mode_box.currentTextChanged.connect(  # a long session title, whole
            lambda text: self.mode_box.setToolTip(tooltip(text))
        )
        self.mode_box.setToolTip(tooltip(self.mode_box.currentText()))
        mode_label = QLabel(self.tr("&Mode:"))
        mode_label.setBuddy(self.mode_box)
        self.direction_label, self.direction_box = door_direction(self.direction_changed.emit)
        self.mode_box.currentIndexChanged.connect(self._door_shown)
        return mode_label

    def _build_desk_buttons(self) -> None:
        """Walk-in (Ctrl+N), Camera, Sound, Settings (Ctrl+,) and Lock (Ctrl+L)."""
        self.walk_in_button = QPushButton(self.tr("&Walk-in…"))
        self.walk_in_button.setAccessibleName(self.tr("Register a walk-in"))
        self.walk_in_button.setToolTip(self.tr("Register someone who is not on the list (Ctrl+N)"))
        self.walk_in_button.clicked.connect(self.walk_in_requested)
        self._shortcut(QKeySequence.StandardKey.New, self.walk_in_requested)
        self.camera_button = QPushButton(self.tr("C&amera"))
        self.camera_button.setCheckable(True)
        self.camera_button.setAccessibleName(self.tr("Scan badges with the camera"))
        self.camera_button.setToolTip(
            self.tr("Show the camera preview, for a desk without a USB scanner")
        )
        self.camera_button.toggled.connect(self.show_camera)
        self.sound_button = QPushButton()
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(True)
        self.sound_button.toggled.connect(self._sound_toggled)
        self.set_sound(True)
        self.settings_button = QPushButton(self.tr("&Settings…"))
        self.settings_button.setAccessibleName(self.tr("Desk settings"))
        self.settings_button.setToolTip(self.tr("Desk settings (Ctrl+,)"))
        self.settings_button.clicked.connect(self.settings_requested)
        self.settings_key = self._shortcut("Ctrl+,", self.settings_requested)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock the desk"))
        self.lock_button.setToolTip(self.tr("Lock the desk (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.lock_button.hide()
        self._shortcut("Ctrl+L", self.lock_requested)

    def _search_side(self) -> QVBoxLayout:
        """Find a person: the search box, what it found, and Check in."""
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Find by name, organisation, e-mail…"))
        self.search_box.setAccessibleName(self.tr("Find a person"))
        self.search_box.setMinimumHeight(36)
        self.search_box.textChanged.connect(self.search_changed)
        self.search_box.installEventFilter(self)
        self.results = ResultsModel(self)
        self.results_view = QListView()
        self.results_view.setModel(self.results)
        self.results_view.setAccessibleName(self.tr("People found"))
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.activated.connect(lambda _i: self.check_in_selected())
        self.search_status = QLabel()
        self.search_status.setWordWrap(True)
        self._build_no_one_found()
        self.check_in_button = QPushButton(self.tr("&Check in"))
        self.check_in_button.setAccessibleName(self.tr("Check in the selected person"))
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.edit_button = QPushButton(self.tr("Ed&it details…"))
        self.edit_button.setAccessibleName(self.tr("Edit the details of the selected person"))
        self.edit_button.setToolTip(self.tr("Correct a name, an organisation… (F2)"))
        self.edit_button.clicked.connect(self.edit_selected)
        find_label = QLabel(self.tr("&Find a person"))
        find_label.setBuddy(self.search_box)
        side = QVBoxLayout()
        self._side = side
        side.addWidget(find_label)
        side.addWidget(self.search_box)
        side.addWidget(self.search_status)
        side.addWidget(self.no_one_button)
        side.addWidget(self.results_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button, 1)
        buttons.addWidget(self.edit_button)
        side.addLayout(buttons)
        return side

    def _build_no_one_found(self) -> None:
        """"No one found" leads on: a button that opens the walk-in form with what was
        typed (Tab from the search box reaches it, Enter or Space presses it)."""
        self.no_one_button = QPushButton(self.tr("Register a walk-in"))
        self.no_one_button.setObjectName("noOneFoundWalkIn")
        self.no_one_button.setAccessibleName(
            self.tr("No one found: register a walk-in with what was typed")
        )
        self.no_one_button.setAutoDefault(True)  # Enter presses it when it has the focus
        self.no_one_button.clicked.connect(
            lambda: self.walk_in_from_search.emit(self.search_box.text().strip())
        )
        self.no_one_button.hide()

    def _recent_frame(self) -> QVBoxLayout:
        """The recent scans' title, and their room (``_build_recent``: as high as the
        list will be)."""
        self._recent_label = QLabel(self.tr("&Recent scans"))
        self._recent_box = QWidget()
        self._recent_box.setFixedHeight(RECENT_HEIGHT)
        bottom = QVBoxLayout()
        bottom.addWidget(self._recent_label)
        bottom.addWidget(self._recent_box)
        return bottom

    def _build_recent(self) -> None:
        """The last scans at this desk, with Undo (Ctrl+Z)."""
        self.recent = RecentModel(self)
        self.recent_view = QListView()
        self.recent_view.setModel(self.recent)
        self.recent_view.setAccessibleName(self.tr("Recent scans"))
        self.recent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_view.setMaximumHeight(RECENT_HEIGHT)
        # One line each: the view measures one row, not all twenty at every scan (it
        # asked the model for 400 values per scan, 3 ms of the GUI thread).
        self.recent_view.setUniformItemSizes(True)
        self.recent_view.selectionModel().currentChanged.connect(self._update_undo)
        self.recent.dataChanged.connect(self._update_undo)
        self.undo_button = QPushButton(self.tr("&Undo check-in"))
        self.undo_button.setAccessibleName(self.tr("Undo the selected check-in"))
        self.undo_button.setToolTip(self.tr("Undo the selected check-in (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        self._shortcut(QKeySequence.StandardKey.Undo, self.undo_selected)
        self._recent_label.setBuddy(self.recent_view)
        row = QHBoxLayout(self._recent_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.recent_view, 1)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)

    def _build_notices(self) -> None:
        """Problems and news above the panel (hidden while there are none)."""
        from checkin.ui.desk.notices import NoticeBar

        self.notices = NoticeBar()
        self.notices.focus_left.connect(self.focus_search)
        self._page.insertWidget(2, self.notices)  # under the top bar

    # ------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrows move through the results, Enter checks in, Escape clears."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move_selection(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._typed_code is not None:
                    self.code_entered.emit(self._typed_code)
                else:
                    self.check_in_selected()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_box.clear()
                return True
            if event.matches(QKeySequence.StandardKey.Undo) and not self.search_box.text():
                self.undo_selected()  # an empty search box has nothing of its own to undo
                return True
        return super().eventFilter(watched, event)

    def _move_selection(self, step: int) -> None:
        rows = self.results.rowCount()
        if rows == 0:
            return
        current = self.results_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.results_view.setCurrentIndex(self.results.index(max(0, min(rows - 1, row))))

    # ------------------------------------------------------------ requests

    def _chosen(self) -> DelegateInfo | None:
        index = self.results_view.currentIndex()
        if not index.isValid() and self.results.rowCount() == 1:
            index = self.results.index(0)  # one hit: Enter means that person
        return self.results.people[index.row()] if index.isValid() else None

    def check_in_selected(self) -> None:
        if (person := self._chosen()) is not None:
            self.check_in_requested.emit(person.id)

    def edit_selected(self) -> None:
        """F2 (or a button): edit the details of the person selected in the results."""
        if (person := self._chosen()) is not None:
            self.edit_requested.emit(person)

    def undo_selected(self) -> None:
        row = self.recent_view.currentIndex().row()
        if self.recent.undoable(row):
            self.undo_requested.emit(self.recent.scans[row].scan_id)
        elif self.recent.scans:
            self.panel.show_notice(
                self.tr("Nothing to undo"),
                self.tr(
                    "Only an admission that has not been undone yet can be undone. "
                    "Select it in the recent scans."
                ),
            )

    def _update_undo(self, *_args) -> None:
        self.undo_button.setEnabled(self.recent.undoable(self.recent_view.currentIndex().row()))

    # ------------------------------------------------------------ showing

    def set_station(self, station: str) -> None:
        self.station_label.setText(self.tr("Station: %1").replace("%1", station or "—"))

    def set_mode(self, mode: str | None) -> None:
        """Select ``mode`` in the combo (venue arrival when it is not offered here)."""
        row = next(
            (i for i in range(self.mode_box.count()) if self.mode_box.itemData(i) == mode), 0
        )
        self.mode_box.setCurrentIndex(row)

    def _fill_modes(self, event: EventInfo) -> None:
        self.mode_box.clear()
        self.mode_box.addItem(self.tr("Venue arrival"), None)
        for session in event.sessions:
            if session.attendance:
                self.mode_box.addItem(session.title, session.key)
        self.mode_box.addItem(self.tr("Session running now (auto)"), AUTO)

    def set_event_info(self, event: EventInfo) -> None:
        """The event was edited (Agenda page): its name and sessions, keeping the mode
        when its session still takes attendance (else back to venue arrival)."""
        mode = self.mode_box.currentData()
        self.event_info = event
        self.title_label.setText(event.name)
        blocked = self.mode_box.blockSignals(True)
        try:
            self._fill_modes(event)
        finally:
            self.mode_box.blockSignals(blocked)
        self.set_mode(mode)
        if self.mode_box.currentData() != mode:
            self.mode_changed.emit(self.mode_box.currentData())

    def modes(self) -> list[tuple[str, str | None]]:
        """The mode choices, as ``(text, data)``."""
        box = self.mode_box
        return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]

    def set_lock_state(self, locked: bool, has_pin: bool) -> None:
        """Locked: no settings; the Lock button (shown when a PIN is set) unlocks."""
        self.settings_button.setVisible(not locked)
        self.settings_key.setEnabled(not locked)
        self.lock_label.setVisible(locked)
        self.lock_button.setVisible(has_pin)
        if locked:
            self.lock_button.setText(self.tr("Un&lock…"))
            self.lock_button.setAccessibleName(self.tr("Unlock the desk"))
            self.lock_button.setToolTip(self.tr("Unlock the desk with the PIN (Ctrl+L)"))
        else:
            self.lock_button.setText(self.tr("&Lock"))
            self.lock_button.setAccessibleName(self.tr("Lock the desk"))
            self.lock_button.setToolTip(self.tr("Lock the desk (Ctrl+L)"))

    def _door_shown(self, *_args) -> None:
        """Coming in / going out only means something at a session's door."""
        at_door = self.mode_box.currentData() is not None
        self.direction_label.setVisible(at_door)
        self.direction_box.setVisible(at_door)
        self._door_pair.setVisible(at_door)
        if not at_door and self.direction_box.currentData() != "entry":
            self.direction_box.setCurrentIndex(0)  # venue arrival: always coming in

    def show_camera(self, on: bool) -> None:
        """The webcam preview above the search (made the first time), or hidden."""
        if on and self.camera_panel is None:
            from checkin.ui.desk.camera_view import CameraPanel

            self.camera_panel = CameraPanel()
            self.camera_panel.scanned.connect(self.camera_scanned)
            self.camera_panel.setMinimumHeight(240)
            self._side.insertWidget(0, self.camera_panel, 2)
        if self.camera_button.isChecked() != on:
            self.camera_button.setChecked(on)
        if self.camera_panel is not None:
            self.camera_panel.setVisible(on)
            if on:
                self.camera_panel.start_button.setFocus()
            else:
                self.camera_panel.stop()  # the camera's light goes off

    def hideEvent(self, event) -> None:
        """Another page, or the window closing: the camera stops (it shows nothing)."""
        if self.camera_panel is not None:
            self.camera_panel.stop()
        super().hideEvent(event)

    def set_connection(self, online: bool, pending: int = 0) -> None:
        """Shared database reachable or not; offline the desk goes on, and says so."""
        self.offline_banner.setVisible(not online)
        if online:
            return
        text = self.tr(
            "⚠ Offline: the shared database cannot be reached. Keep scanning: check-ins "
            "are kept on this laptop and sent when it is back."
        )
        if pending:
            text += " " + self.tr("%n check-in(s) waiting.", "", pending)
        self.offline_banner.setText(text)
        self.offline_banner.setAccessibleName(text)

    def set_sound(self, on: bool) -> None:
        """Show the sound state in words (the button is also a toggle: Alt+O)."""
        blocked = self.sound_button.blockSignals(True)
        self.sound_button.setChecked(on)
        self.sound_button.blockSignals(blocked)
        if on:
            self.sound_button.setText(self.tr("S&ound: on"))
            self.sound_button.setAccessibleName(self.tr("Sound is on; press to mute"))
        else:
            self.sound_button.setText(self.tr("S&ound: off"))
            self.sound_button.setAccessibleName(self.tr("Sound is muted; press to turn it on"))
        self.sound_button.setToolTip(self.tr("A short sound for each result"))

    def _sound_toggled(self, on: bool) -> None:
        self.set_sound(on)
        self.sound_toggled.emit(on)

    def set_search_ready(self, ready: bool) -> None:
        self._search_ready = ready
        self.search_status.setVisible(not ready)
        if not ready:
            self.search_status.setText(self.tr("Loading the list of names…"))

    def show_typed_code(self, code: str | None) -> None:
        """The search box holds a whole badge code (``code``), or no longer does."""
        was, self._typed_code = self._typed_code, code
        if code is not None:
            self.results.set_people([])
            self.no_one_button.hide()
            self.search_status.setText(self.tr("Badge code — press Enter to check in"))
            self.search_status.setVisible(True)
        elif was is not None:
            self.set_search_ready(self._search_ready)  # the names' status comes back

    def set_results(self, people: list[DelegateInfo]) -> None:
        self.results.set_people(people)
        if people:
            self.results_view.setCurrentIndex(self.results.index(0))
        nothing = bool(self.search_box.text().strip()) and not people
        self.search_status.setVisible(nothing)
        self.no_one_button.setVisible(nothing)
        if nothing:  # (while the names load, the database answers: no typos yet)
            self.search_status.setText(
                self.tr("No one found.") if self._search_ready
                else self.tr("Loading the list of names…")
            )

    def show_outcome(self, outcome: ScanResult, photo: bytes | None = None) -> None:
        self.panel.show_outcome(outcome, self.event_info, photo)
        if outcome.status is Outcome.UNDONE:
            return
        name = outcome.delegate.full_name if outcome.delegate else ""
        when = self.event_info.local(outcome.scanned_at).strftime("%H:%M")
        self._recent_after_panel().hold()  # the list repaints once the panel has
        self.recent.add(RecentScan(outcome.scan_id, when, name, outcome.status))
        self.recent_view.setCurrentIndex(self.recent.index(0))

    def _recent_after_panel(self) -> AfterPaint:
        after = getattr(self, "_recent_after", None)  # made at the first scan
        if after is None:
            after = self._recent_after = AfterPaint(self.panel, self.recent_view)
        return after

    def mark_undone(self, scan_id: str) -> None:
        self.recent.mark_undone(scan_id)

    def show_notice(self, heading: str, detail: str) -> None:
        self.panel.show_notice(heading, detail)

    def show_incomplete(self) -> None:
        """Part of a badge was read, and dropped: the person scans again."""
        self.panel.show_card(
            Card(
                Tone.WARN,
                self.tr("Incomplete scan — scan again"),
                detail=self.tr("Only part of the badge code was read; nothing was recorded."),
            )
        )

    def flash_duplicate(self) -> None:
        """A badge read twice within a second: a discreet blink, nothing journaled."""
        self._blink.start()

    def finish_check_in(self) -> None:
        """After a manual check-in: ready for the next person."""
        self.search_box.clear()
        self.search_box.setFocus()

    def focus_search(self) -> None:
        self.search_box.setFocus()

    def show_error(self, text: str) -> None:
        """A problem the operator must see (database unreachable…): a notice above the
        panel, never a dialog that would take the keyboard, never a traceback."""
        self.notices.add_problem(text)

    def set_result_seconds(self, seconds: int) -> None:
        """A result goes back to "Ready — next person" after ``seconds`` (0: never)."""
        self.panel.set_age(seconds)

