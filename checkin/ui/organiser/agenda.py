"""The Agenda page: the event's details, its sessions and its categories, edited in place.

Everything is edited on screen first and saved together with one press of Save (one
transaction, ``core.agenda.update_event``); Revert puts the stored event back.  The page
checks the draft as it changes with ``core.agenda.check_spec`` and says, in words, which
session or category and which field is wrong; the cell gets a warning icon too, so
nothing relies on colour.  Times are typed as wall-clock times in the event's time zone
on the event day; the core stores them in UTC.

Sessions with scans and categories some delegate has cannot be removed (the Remove
button says why); a session can stop taking attendance instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.core.db.store import Store
from checkin.core.errors import CONTEXT, fill
from checkin.core.event.agenda import (
    LIMITS,
    AgendaError,
    AgendaProblem,
    check_spec,
    load_event,
    local_time,
    removable,
    update_event,
    utc_naive,
)
from checkin.core.event.definition import EventSpec, SessionSpec
from checkin.core.types import CategoryInfo, EventInfo
from checkin.ui.widgets.workers import run_in_background

# Session table columns
START, END, TITLE, ROOM, CAPACITY, ATTENDANCE = range(6)
# Category table columns
COLOUR, LABEL = range(2)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CAPACITY = 1_000_000
_Index = QModelIndex | QPersistentModelIndex


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def swatch(colour: str, size: int = 16) -> QIcon:
    """A square of the colour with a dark border (the hex code is always shown beside it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#202020"))
    inner = QPixmap(size - 2, size - 2)
    inner.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.drawPixmap(1, 1, inner)
    painter.end()
    return QIcon(pixmap)


class _TimeDelegate(QStyledItemDelegate):
    """24-hour HH:mm whatever the locale, edited with a QTimeEdit."""

    def displayText(self, value, locale) -> str:
        return value.toString("HH:mm") if isinstance(value, QTime) else str(value or "")

    def createEditor(self, parent, option, index):
        editor = QTimeEdit(parent)
        editor.setDisplayFormat("HH:mm")
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setAccessibleName(str(header or ""))
        return editor


class _CapacityDelegate(QStyledItemDelegate):
    """0 means "no limit", said in words."""

    def displayText(self, value, locale) -> str:
        return str(value) if value else self.tr("no limit")

    def createEditor(self, parent, option, index):
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_CAPACITY)
        editor.setSpecialValueText(self.tr("no limit"))
        editor.setAccessibleName(self.tr("Capacity (0 = no limit)"))
        return editor


class AgendaPage(QWidget):
    """Edit the event, its sessions and categories; Save writes them all at once."""

    event_changed = Signal(object)
    """The event was saved: the new ``EventInfo``."""
    save_failed = Signal(str)
    """Saving was refused or failed: the message shown."""

    def __init__(self, store: Store, event_info: EventInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaPage")
        self.setAccessibleName(self.tr("Agenda"))
        self.store = store
        self.event_info = event_info
        self._loading = False
        self._removable_sessions: frozenset[str] = frozenset()
        self._removable_categories: frozenset[str] = frozenset()
        self.problems: list[AgendaProblem] = []
        self.choose_colour: Callable[[QColor, QWidget], QColor] = (
            lambda current, parent: QColorDialog.getColor(
                current, parent, self.tr("Badge colour of the category")
            )
        )

        # --- the event
        self.name_edit = self._line("eventName", self.tr("Event name"), LIMITS["name"])
        self.venue_edit = self._line("venue", self.tr("Venue"), LIMITS["venue"])
        self.address_edit = self._line("address", self.tr("Address"), LIMITS["address"])
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("eventDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Event date"))
        self.date_edit.dateChanged.connect(self._changed)
        self.timezone_box = QComboBox()
        self.timezone_box.setObjectName("timezone")
        self.timezone_box.setEditable(True)
        self.timezone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone_box.addItems(sorted(available_timezones()))
        self.timezone_box.setAccessibleName(self.tr("Time zone"))
        self.timezone_box.currentTextChanged.connect(self._changed)
        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("Français", "fr")
        self.language_box.setAccessibleName(self.tr("Badge language"))
        self.language_box.currentIndexChanged.connect(self._changed)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setObjectName("eventCapacity")
        self.capacity_spin.setRange(0, MAX_CAPACITY)
        self.capacity_spin.setSpecialValueText(self.tr("no limit"))
        self.capacity_spin.setAccessibleName(self.tr("Venue capacity (0 = no limit)"))
        self.capacity_spin.valueChanged.connect(self._changed)
        self.opens_box = QCheckBox(self.tr("Registration &opens at"))
        self.opens_box.setAccessibleName(self.tr("Registration has an opening time"))
        self.opens_box.toggled.connect(self._changed)
        self.opens_edit = QTimeEdit()
        self.opens_edit.setObjectName("registrationOpens")
        self.opens_edit.setDisplayFormat("HH:mm")
        self.opens_edit.setAccessibleName(self.tr("Registration opening time"))
        self.opens_edit.timeChanged.connect(self._changed)
        self.opens_box.toggled.connect(self.opens_edit.setEnabled)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Name:"), self.name_edit),
            (self.tr("&Venue:"), self.venue_edit),
            (self.tr("Addr&ess:"), self.address_edit),
            (self.tr("&Date:"), self.date_edit),
            (self.tr("Time &zone:"), self.timezone_box),
            (self.tr("Badge &language:"), self.language_box),
            (self.tr("Ca&pacity:"), self.capacity_spin),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        opens_row = QHBoxLayout()
        opens_row.addWidget(self.opens_box)
        opens_row.addWidget(self.opens_edit)
        opens_row.addStretch(1)
        form.addRow(opens_row)
        event_group = QGroupBox(self.tr("Event"))
        event_group.setLayout(form)

        # --- sessions
        self.sessions_table = QTableWidget(0, 6)
        self.sessions_table.setObjectName("sessionsTable")
        self.sessions_table.setAccessibleName(self.tr("Sessions"))
        self.sessions_table.setHorizontalHeaderLabels([
            self.tr("Start"), self.tr("End"), self.tr("Title"), self.tr("Room"),
            self.tr("Capacity"), self.tr("Attendance"),
        ])
        self.sessions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.sessions_table.setTabKeyNavigation(False)  # Tab leaves the table
        self._time_delegate = _TimeDelegate(self.sessions_table)
        self._capacity_delegate = _CapacityDelegate(self.sessions_table)
        self.sessions_table.setItemDelegateForColumn(START, self._time_delegate)
        self.sessions_table.setItemDelegateForColumn(END, self._time_delegate)
        self.sessions_table.setItemDelegateForColumn(CAPACITY, self._capacity_delegate)
        header = self.sessions_table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (START, END, ROOM, CAPACITY, ATTENDANCE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.sessions_table.verticalHeader().hide()
        self.sessions_table.itemChanged.connect(self._session_item_changed)
        self.sessions_table.itemSelectionChanged.connect(self._update_buttons)

        self.add_session_button = self._button(
            "addSession", self.tr("&Add session"), self.tr("Add a session"), self.add_session
        )
        self.remove_session_button = self._button(
            "removeSession", self.tr("&Remove session"), self.tr("Remove the selected session"),
            self.remove_session,
        )
        self.sort_button = self._button(
            "sortSessions", self.tr("Sort by ti&me"), self.tr("Sort the sessions by start time"),
            self.sort_sessions,
        )
        session_buttons = QHBoxLayout()
        for b in (self.add_session_button, self.remove_session_button, self.sort_button):
            session_buttons.addWidget(b)
        session_buttons.addStretch(1)
        sessions_hint = QLabel(self.tr(
            "Double-click a cell or press F2 to edit it; times are local to the event."
        ))
        sessions_hint.setWordWrap(True)
        sessions_box = QVBoxLayout()
        sessions_box.addWidget(sessions_hint)
        sessions_box.addWidget(self.sessions_table, 1)
        sessions_box.addLayout(session_buttons)
        sessions_group = QGroupBox(self.tr("Sessions"))
        sessions_group.setLayout(sessions_box)

        # --- categories
        self.categories_table = QTableWidget(0, 2)
        self.categories_table.setObjectName("categoriesTable")
        self.categories_table.setAccessibleName(self.tr("Categories and badge colours"))
        self.categories_table.setHorizontalHeaderLabels([self.tr("Colour"), self.tr("Name")])
        self.categories_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.categories_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.categories_table.setTabKeyNavigation(False)
        self.categories_table.horizontalHeader().setSectionResizeMode(
            LABEL, QHeaderView.ResizeMode.Stretch
        )
        self.categories_table.horizontalHeader().setSectionResizeMode(
            COLOUR, QHeaderView.ResizeMode.ResizeToContents
        )
        self.categories_table.verticalHeader().hide()
        self.categories_table.itemChanged.connect(self._category_item_changed)
        self.categories_table.itemSelectionChanged.connect(self._update_buttons)
        self.categories_table.cellDoubleClicked.connect(
            lambda _r, col: self.change_colour() if col == COLOUR else None
        )
        self.add_category_button = self._button(
            "addCategory", self.tr("Add cate&gory"), self.tr("Add a category"),
            self.add_category,
        )
        self.remove_category_button = self._button(
            "removeCategory", self.tr("Remove categor&y"),
            self.tr("Remove the selected category"), self.remove_category,
        )
        self.colour_button = self._button(
            "changeColour", self.tr("&Colour…"), self.tr("Change the badge colour"),
            self.change_colour,
        )
        self.up_button = self._button(
            "categoryUp", self.tr("Move &up"), self.tr("Move the category up"),
            lambda: self.move_category(-1),
        )
        self.down_button = self._button(
            "categoryDown", self.tr("Move do&wn"), self.tr("Move the category down"),
            lambda: self.move_category(1),
        )
        category_buttons = QHBoxLayout()
        for b in (
            self.add_category_button, self.remove_category_button, self.colour_button,
            self.up_button, self.down_button,
        ):
            category_buttons.addWidget(b)
        category_buttons.addStretch(1)
        categories_box = QVBoxLayout()
        categories_box.addWidget(self.categories_table, 1)
        categories_box.addLayout(category_buttons)
        categories_group = QGroupBox(self.tr("Categories (badge colours)"))
        categories_group.setLayout(categories_box)

        # --- problems and save
        self.problems_label = QLabel()
        self.problems_label.setObjectName("agendaProblems")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.problems_label.setAccessibleName(self.tr("Problems to fix before saving"))
        self.status_label = QLabel()
        self.status_label.setObjectName("agendaStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.save_button = self._button(
            "saveAgenda", self.tr("&Save"), self.tr("Save the event, sessions and categories"),
            self.save,
        )
        self.revert_button = self._button(
            "revertAgenda", self.tr("Rever&t"), self.tr("Discard the changes"), self.revert
        )
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)

        left = QVBoxLayout()
        left.addWidget(event_group)
        left.addWidget(categories_group, 1)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addWidget(sessions_group, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(bottom)

        self._job = None
        self._dirty = False
        self.revert()

    # ------------------------------------------------------------ building

    def _line(self, name: str, accessible: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(limit)
        edit.textChanged.connect(self._changed)
        return edit

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload from the database (for when the page is shown), unless there are edits."""
        if self._dirty or self._job is not None:
            return
        stored = load_event(self.store, self.event_info.id)
        if stored is not None:
            self.event_info = stored
        self.revert()

    def set_event_info(self, event_info: EventInfo) -> None:
        self.event_info = event_info
        self.revert()

    def revert(self) -> None:
        """Show the stored event, discarding any edits."""
        event = self.event_info
        self._removable_sessions, self._removable_categories = removable(self.store, event)
        self._loading = True
        try:
            self.name_edit.setText(event.name)
            self.venue_edit.setText(event.venue)
            self.address_edit.setText(event.address)
            self.date_edit.setDate(QDate(event.date.year, event.date.month, event.date.day))
            self.timezone_box.setCurrentText(event.timezone)
            self.language_box.setCurrentIndex(max(self.language_box.findData(event.language), 0))
            self.capacity_spin.setValue(event.capacity or 0)
            self.opens_box.setChecked(event.registration_opens is not None)
            self.opens_edit.setEnabled(event.registration_opens is not None)
            opens = (
                local_time(event.registration_opens, event.timezone)
                if event.registration_opens else dt.time(8, 0)
            )
            self.opens_edit.setTime(_qtime(opens))
            self.sessions_table.setRowCount(0)
            for sess in event.sessions:
                self._append_session(
                    sess.key, sess.title, sess.room, local_time(sess.starts_at, event.timezone),
                    local_time(sess.ends_at, event.timezone), sess.capacity, sess.attendance,
                )
            self.categories_table.setRowCount(0)
            for cat in event.categories:
                self._append_category(cat.key, cat.label, cat.colour)
        finally:
            self._loading = False
        self._dirty = False
        self.status_label.setText("")
        self._validate()

    def _append_session(self, key, title, room, start, end, capacity, attendance) -> int:
        table = self.sessions_table
        row = table.rowCount()
        table.insertRow(row)
        start_item = QTableWidgetItem()
        start_item.setData(Qt.ItemDataRole.EditRole, _qtime(start))
        start_item.setData(KEY_ROLE, key)
        end_item = QTableWidgetItem()
        end_item.setData(Qt.ItemDataRole.EditRole, _qtime(end))
        capacity_item = QTableWidgetItem()
        capacity_item.setData(Qt.ItemDataRole.EditRole, capacity or 0)
        attendance_item = QTableWidgetItem(self.tr("takes attendance"))
        attendance_item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        attendance_item.setCheckState(
            Qt.CheckState.Checked if attendance else Qt.CheckState.Unchecked
        )
        for col, item in (
            (START, start_item), (END, end_item), (TITLE, QTableWidgetItem(title)),
            (ROOM, QTableWidgetItem(room)), (CAPACITY, capacity_item),
            (ATTENDANCE, attendance_item),
        ):
            table.setItem(row, col, item)
        self._set_attendance_text(attendance_item)
        return row

    def _set_attendance_text(self, item: QTableWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        text = self.tr("yes") if checked else self.tr("no")
        if item.text() != text:
            item.setText(text)

    def _append_category(self, key: str, label: str, colour: str) -> int:
        table = self.categories_table
        row = table.rowCount()
        table.insertRow(row)
        colour_item = QTableWidgetItem(swatch(colour), colour.upper())
        colour_item.setData(KEY_ROLE, key)
        colour_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        colour_item.setToolTip(self.tr("Double-click or press Colour… to change"))
        table.setItem(row, COLOUR, colour_item)
        table.setItem(row, LABEL, QTableWidgetItem(label))
        return row

    # ------------------------------------------------------------ the draft

    def spec(self) -> EventSpec:
        """What is on screen, as the core's ``EventSpec`` (times in UTC)."""
        qdate = self.date_edit.date()
        date = dt.date(qdate.year(), qdate.month(), qdate.day())
        tz = self.timezone_box.currentText().strip()

        def utc(time: dt.time) -> dt.datetime:
            try:
                return utc_naive(date, time, tz)
            except Exception:  # an unknown zone: check_spec reports it; keep times comparable
                return dt.datetime.combine(date, time)

        sessions = []
        table = self.sessions_table
        for row in range(table.rowCount()):
            start = _pytime(table.item(row, START).data(Qt.ItemDataRole.EditRole))
            end = _pytime(table.item(row, END).data(Qt.ItemDataRole.EditRole))
            capacity = int(table.item(row, CAPACITY).data(Qt.ItemDataRole.EditRole) or 0)
            sessions.append(SessionSpec(
                key=table.item(row, START).data(KEY_ROLE) or "",
                title=table.item(row, TITLE).text().strip(),
                room=table.item(row, ROOM).text().strip(),
                starts_at=utc(start),
                ends_at=utc(end),
                capacity=capacity or None,
                attendance=table.item(row, ATTENDANCE).checkState() == Qt.CheckState.Checked,
            ))
        categories = []
        for row in range(self.categories_table.rowCount()):
            colour_item = self.categories_table.item(row, COLOUR)
            categories.append(CategoryInfo(
                key=colour_item.data(KEY_ROLE) or "",
                label=self.categories_table.item(row, LABEL).text().strip(),
                colour=colour_item.text(),
            ))
        opens = None
        if self.opens_box.isChecked():
            opens = utc(_pytime(self.opens_edit.time()))
        return EventSpec(
            name=self.name_edit.text().strip(),
            venue=self.venue_edit.text().strip(),
            address=self.address_edit.text().strip(),
            date=date,
            timezone=tz,
            language=self.language_box.currentData() or "en",
            capacity=self.capacity_spin.value() or None,
            registration_opens=opens,
            sessions=tuple(sessions),
            categories=tuple(categories),
        )

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status_label.setText(self.tr("Unsaved changes."))
        self._validate()

    def _session_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == ATTENDANCE:
            self._loading = True
            try:
                self._set_attendance_text(item)
            finally:
                self._loading = False
        self._changed()

    def _category_item_changed(self, _item: QTableWidgetItem) -> None:
        self._changed()

    def _validate(self) -> None:
        spec = self.spec()
        self.problems = check_spec(spec)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._loading = True
        try:
            marks = {(p.section, p.index, p.field) for p in self.problems}
            session_cols = {"start": START, "end": END, "title": TITLE, "room": ROOM}
            for row in range(self.sessions_table.rowCount()):
                for field, col in session_cols.items():
                    item = self.sessions_table.item(row, col)
                    bad = ("session", row, field) in marks
                    item.setIcon(warning if bad else QIcon())
                    item.setToolTip(self._messages("session", row, field) if bad else "")
            for row in range(self.categories_table.rowCount()):
                item = self.categories_table.item(row, LABEL)
                bad = ("category", row, "label") in marks
                item.setIcon(warning if bad else QIcon())
                item.setToolTip(self._messages("category", row, "label") if bad else "")
        finally:
            self._loading = False
        texts = [self.problem_text(p, spec) for p in self.problems]
        self.problems_label.setText("\n".join("⚠ " + t for t in texts))
        self.problems_label.setVisible(bool(texts))
        self.save_button.setEnabled(self._dirty and not self.problems and self._job is None)
        self.revert_button.setEnabled(self._dirty and self._job is None)
        self._update_buttons()

    def _messages(self, section: str, index: int, field: str) -> str:
        spec = self.spec()
        return "\n".join(
            self.problem_text(p, spec) for p in self.problems
            if (p.section, p.index, p.field) == (section, index, field)
        )

    def problem_text(self, problem: AgendaProblem, spec: EventSpec) -> str:
        """A problem as a sentence that names the session or category and the field."""
        fields = {
            "name": self.tr("the name"), "venue": self.tr("the venue"),
            "address": self.tr("the address"), "timezone": self.tr("the time zone"),
            "language": self.tr("the language"), "title": self.tr("the title"),
            "room": self.tr("the room"), "start": self.tr("the start"),
            "end": self.tr("the end"), "label": self.tr("the name"),
            "colour": self.tr("the colour"), "key": self.tr("the key"),
        }
        if problem.section == "session" and 0 <= problem.index < len(spec.sessions):
            title = spec.sessions[problem.index].title or self.tr("untitled")
            where = self.tr("Session %1 “%2”").replace("%1", str(problem.index + 1))
            where = where.replace("%2", title)
        elif problem.section == "category" and 0 <= problem.index < len(spec.categories):
            label = spec.categories[problem.index].label or self.tr("unnamed")
            where = self.tr("Category %1 “%2”").replace("%1", str(problem.index + 1))
            where = where.replace("%2", label)
        elif problem.section == "event":
            where = self.tr("Event")
        else:
            return self._own_words(problem)
        field = fields.get(problem.field, problem.field)
        kinds = {
            "required": self.tr("%1: %2 is required."),
            "too_long": self.tr("%1: %2 is too long."),
            "end_before_start": self.tr("%1: the end must be after the start."),
            "duplicate_title": self.tr("%1: %2 is the same as another one's."),
            "duplicate_key": self.tr("%1: %2 is used twice."),
            "bad_colour": self.tr("%1: the colour must look like #1F6FB2."),
            "bad_timezone": self.tr("%1: unknown time zone (e.g. Europe/Zurich)."),
            "bad_language": self.tr("%1: the language must be English or French."),
        }
        template = kinds.get(problem.kind)
        if template is None:
            return self._own_words(problem)
        return template.replace("%1", where).replace("%2", field)

    @staticmethod
    def _own_words(problem: AgendaProblem) -> str:
        """A problem the core worded itself (a session with scans, a vanished event),
        translated from its template when it has one."""
        if not problem.template:
            return problem.message
        return fill(QCoreApplication.translate(CONTEXT, problem.template), problem.values)

    def _update_buttons(self) -> None:
        busy = self._job is not None
        srow = self.sessions_table.currentRow()
        key = ""
        if srow >= 0 and self.sessions_table.item(srow, START) is not None:
            key = self.sessions_table.item(srow, START).data(KEY_ROLE) or ""
        can_remove = srow >= 0 and (not key or key in self._removable_sessions)
        self.remove_session_button.setEnabled(can_remove and not busy)
        self.remove_session_button.setToolTip(
            "" if can_remove or srow < 0 else
            self.tr("Attendance has been recorded for this session: it cannot be removed. "
                    "Untick “Attendance” instead.")
        )
        crow = self.categories_table.currentRow()
        ckey = ""
        if crow >= 0 and self.categories_table.item(crow, COLOUR) is not None:
            ckey = self.categories_table.item(crow, COLOUR).data(KEY_ROLE) or ""
        can_remove_cat = crow >= 0 and (not ckey or ckey in self._removable_categories)
        self.remove_category_button.setEnabled(can_remove_cat and not busy)
        self.remove_category_button.setToolTip(
            "" if can_remove_cat or crow < 0 else
            self.tr("Some delegates are in this category: it cannot be removed.")
        )
        self.colour_button.setEnabled(crow >= 0 and not busy)
        self.up_button.setEnabled(crow > 0 and not busy)
        self.down_button.setEnabled(0 <= crow < self.categories_table.rowCount() - 1 and not busy)

    # ------------------------------------------------------------ actions

    def add_session(self) -> int:
        """A new session after the last one (an hour long); its title cell is edited."""
        spec = self.spec()
        start = dt.time(9, 0)
        if spec.sessions:
            last = max(self.sessions_table.item(r, END).data(Qt.ItemDataRole.EditRole)
                       for r in range(self.sessions_table.rowCount()))
            start = _pytime(last)
        end = (dt.datetime.combine(dt.date.min, start) + dt.timedelta(hours=1))
        end_time = end.time() if end.date() == dt.date.min else dt.time(23, 59)
        self._loading = True
        try:
            row = self._append_session("", self.tr("New session"), "", start, end_time, None, True)
        finally:
            self._loading = False
        self.sessions_table.setCurrentCell(row, TITLE)
        self.sessions_table.editItem(self.sessions_table.item(row, TITLE))
        self._changed()
        return row

    def remove_session(self) -> None:
        row = self.sessions_table.currentRow()
        if row < 0 or not self.remove_session_button.isEnabled():
            return
        self.sessions_table.removeRow(row)
        self._changed()

    def sort_sessions(self) -> None:
        """Put the sessions in start-time order (saving does it too)."""
        table = self.sessions_table
        rows = []
        for r in range(table.rowCount()):
            rows.append((
                table.item(r, START).data(Qt.ItemDataRole.EditRole).toString("HH:mm"),
                table.item(r, END).data(Qt.ItemDataRole.EditRole).toString("HH:mm"),
                r,
                [table.takeItem(r, c) for c in range(table.columnCount())],
            ))
        rows.sort(key=lambda x: (x[0], x[1], x[2]))
        self._loading = True
        try:
            for r, (_s, _e, _o, items) in enumerate(rows):
                for c, item in enumerate(items):
                    table.setItem(r, c, item)
        finally:
            self._loading = False
        self._changed()

    def add_category(self) -> int:
        self._loading = True
        try:
            row = self._append_category("", self.tr("New category"), "#4D4D4D")
        finally:
            self._loading = False
        self.categories_table.setCurrentCell(row, LABEL)
        self.categories_table.editItem(self.categories_table.item(row, LABEL))
        self._changed()
        return row

    def remove_category(self) -> None:
        row = self.categories_table.currentRow()
        if row < 0 or not self.remove_category_button.isEnabled():
            return
        self.categories_table.removeRow(row)
        self._changed()

    def change_colour(self) -> None:
        row = self.categories_table.currentRow()
        if row < 0:
            return
        item = self.categories_table.item(row, COLOUR)
        chosen = self.choose_colour(QColor(item.text()), self)
        if not chosen.isValid():
            return
        colour = chosen.name(QColor.NameFormat.HexRgb).upper()
        item.setText(colour)
        item.setIcon(swatch(colour))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("colour %1").replace("%1", colour))
        self._changed()

    def move_category(self, step: int) -> None:
        table = self.categories_table
        row = table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < table.rowCount():
            return
        self._loading = True
        try:
            mine = [table.takeItem(row, c) for c in range(table.columnCount())]
            theirs = [table.takeItem(other, c) for c in range(table.columnCount())]
            for c in range(table.columnCount()):
                table.setItem(other, c, mine[c])
                table.setItem(row, c, theirs[c])
        finally:
            self._loading = False
        table.setCurrentCell(other, table.currentColumn())
        self._changed()

    def save(self) -> None:
        """Write everything in one transaction (in the background); ``event_changed`` on success."""
        if self._job is not None or not self._dirty:
            return
        self._validate()
        if self.problems:
            return
        spec = self.spec()
        self.status_label.setText(self.tr("Saving…"))
        self._job = run_in_background(update_event, self.store, self.event_info.id, spec,
                                      parent=self)
        self._job.succeeded.connect(self._saved)
        self._job.failed.connect(self._save_failed)
        self._job.finished.connect(self._save_finished)
        self._validate()

    def _saved(self, info: EventInfo) -> None:
        self._job = None
        self.event_info = info
        self.revert()
        self.status_label.setText(self.tr("Saved."))
        self.event_changed.emit(info)

    def _save_failed(self, exc: BaseException) -> None:
        self._job = None
        if isinstance(exc, AgendaError):
            spec = self.spec()
            text = "\n".join(self.problem_text(p, spec) for p in exc.problems)
        else:
            text = self.tr("The event could not be saved: %1").replace(
                "%1", type(exc).__name__
            )
        self.status_label.setText("⚠ " + text)
        self._validate()
        self.save_failed.emit(text)

    def _save_finished(self) -> None:
        self._job = None
        self._validate()

