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

import logging
from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
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
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.core.db.store import Store
from checkin.core.event.agenda import (
    LIMITS,
    AgendaError,
    AgendaProblem,
    check_spec,
    removable,
    update_event,
)
from checkin.core.event.definition import EventSpec
from checkin.core.event.stored import load_event
from checkin.core.types import EventInfo
from checkin.ui.organiser.agenda_draft import (
    REGISTRATION_OPENS,
    AgendaDraft,
    EventFields,
    event_fields,
)
from checkin.ui.organiser.agenda_models import (
    ATTENDANCE,
    CAPACITY,
    COLOUR,
    END,
    LABEL,
    MAX_CAPACITY,
    ROOM,
    START,
    TITLE,
    CategoriesModel,
    Marks,
    SessionsModel,
    delegates,
    pytime,
    qtime,
)
from checkin.ui.organiser.agenda_problems import problem_text
from checkin.ui.widgets.reflow import FlowLayout, scrolling
from checkin.ui.widgets.workers import run_in_background

SESSION_FIELDS = {"start": START, "end": END, "title": TITLE, "room": ROOM}
CATEGORY_FIELDS = {"label": LABEL}

log = logging.getLogger(__name__)


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
        self.draft = AgendaDraft()
        self._loading = False
        self._dirty = False
        self._job = None
        self._removable_sessions: frozenset[str] = frozenset()
        self._removable_categories: frozenset[str] = frozenset()
        self.problems: list[AgendaProblem] = []
        self.choose_colour: Callable[[QColor, QWidget], QColor] = (
            lambda current, parent: QColorDialog.getColor(
                current, parent, self.tr("Badge colour of the category")
            )
        )
        event_group = self._event_group()
        sessions_group = self._sessions_group()
        categories_group = self._categories_group()
        bottom = self._bottom_row()

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(event_group)
        column.addWidget(categories_group, 1)
        top = QHBoxLayout()
        top.addWidget(scrolling(left, least=240), 2)  # scrolls in a short window
        top.addWidget(sessions_group, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(bottom)
        self.revert()

    # ------------------------------------------------------------ building

    def _event_group(self) -> QGroupBox:
        """The event's own fields: name, venue, address, date, zone, language, capacity."""
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
        form.addRow(self._opening_row())
        event_group = QGroupBox(self.tr("Event"))
        event_group.setLayout(form)
        return event_group

    def _opening_row(self) -> QHBoxLayout:
        """Registration opens at: a tick, and the time when ticked."""
        self.opens_box = QCheckBox(self.tr("Registration &opens at"))
        self.opens_box.setAccessibleName(self.tr("Registration has an opening time"))
        self.opens_box.toggled.connect(self._changed)
        self.opens_edit = QTimeEdit()
        self.opens_edit.setObjectName("registrationOpens")
        self.opens_edit.setDisplayFormat("HH:mm")
        self.opens_edit.setAccessibleName(self.tr("Registration opening time"))
        self.opens_edit.timeChanged.connect(self._changed)
        self.opens_box.toggled.connect(self.opens_edit.setEnabled)
        opens_row = QHBoxLayout()
        opens_row.addWidget(self.opens_box)
        opens_row.addWidget(self.opens_edit)
        opens_row.addStretch(1)
        return opens_row

    def _sessions_group(self) -> QGroupBox:
        self.sessions_model = SessionsModel([
            self.tr("Start"), self.tr("End"), self.tr("Title"), self.tr("Room"),
            self.tr("Capacity"), self.tr("Attendance"),
        ], self)
        self.sessions_model.edited.connect(self._changed)
        table = self.sessions_table = self._table(
            "sessionsTable", self.tr("Sessions"), self.sessions_model
        )
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._delegates = delegates(table)
        for col, delegate in self._delegates.items():
            table.setItemDelegateForColumn(col, delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (START, END, ROOM, CAPACITY, ATTENDANCE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

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
        sessions_hint = QLabel(self.tr(
            "Double-click a cell or press F2 to edit it; times are local to the event."
        ))
        sessions_hint.setWordWrap(True)
        sessions_box = QVBoxLayout()
        sessions_box.addWidget(sessions_hint)
        sessions_box.addWidget(table, 1)
        sessions_box.addLayout(self._row_of(
            self.add_session_button, self.remove_session_button, self.sort_button
        ))
        sessions_group = QGroupBox(self.tr("Sessions"))
        sessions_group.setLayout(sessions_box)
        return sessions_group

    def _categories_group(self) -> QGroupBox:
        self.categories_model = CategoriesModel([self.tr("Colour"), self.tr("Name")], self)
        self.categories_model.edited.connect(self._changed)
        table = self.categories_table = self._table(
            "categoriesTable", self.tr("Categories and badge colours"), self.categories_model
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLOUR, QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(
            lambda index: self.change_colour() if index.column() == COLOUR else None
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
        categories_box = QVBoxLayout()
        categories_box.addWidget(table, 1)
        categories_box.addLayout(self._row_of(
            self.add_category_button, self.remove_category_button, self.colour_button,
            self.up_button, self.down_button,
        ))
        categories_group = QGroupBox(self.tr("Categories (badge colours)"))
        categories_group.setLayout(categories_box)
        return categories_group

    def _bottom_row(self) -> QHBoxLayout:
        """The problems (above), what happened, Revert and Save."""
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
        return bottom

    def _table(self, name: str, accessible: str, model) -> QTableView:
        """One row selected at a time; Tab leaves the table."""
        table = QTableView()
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table
        table.verticalHeader().hide()
        selection = table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        selection.currentRowChanged.connect(lambda *_: self._update_buttons())
        return table

    @staticmethod
    def _row_of(*buttons: QPushButton) -> FlowLayout:
        """A row of buttons that wraps (up to three rows) on a narrow window."""
        row = FlowLayout(rows=3)
        for button in buttons:
            row.addWidget(button)
        return row

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
        unread = self._read_removable(event)
        self._loading = True
        try:
            self._show_fields(event_fields(event))
            self.draft = AgendaDraft.of(event)
            self.sessions_model.set_draft(self.draft)
            self.categories_model.set_draft(self.draft)
        finally:
            self._loading = False
        self._dirty = False
        self.status_label.setText("⚠ " + unread if unread else "")
        self._validate()

    def _read_removable(self, event: EventInfo) -> str:
        """Which sessions and categories nothing refers to yet (those may be removed);
        "" once read, else why not: the page is also built while a shared server is out
        of reach, and then nothing may be removed."""
        try:
            self._removable_sessions, self._removable_categories = removable(self.store, event)
        except Exception as exc:  # the database out of reach: said, never a traceback
            log.warning("agenda: what may be removed was not read: %s", type(exc).__qualname__)
            self._removable_sessions = self._removable_categories = frozenset()
            return self.tr("The database cannot be reached: no session or category can be "
                           "removed now.")
        return ""

    def _show_fields(self, fields: EventFields) -> None:
        self.name_edit.setText(fields.name)
        self.venue_edit.setText(fields.venue)
        self.address_edit.setText(fields.address)
        self.date_edit.setDate(QDate(fields.date.year, fields.date.month, fields.date.day))
        self.timezone_box.setCurrentText(fields.timezone)
        self.language_box.setCurrentIndex(max(self.language_box.findData(fields.language), 0))
        self.capacity_spin.setValue(fields.capacity)
        opens = fields.registration_opens
        self.opens_box.setChecked(opens is not None)
        self.opens_edit.setEnabled(opens is not None)
        self.opens_edit.setTime(qtime(opens or REGISTRATION_OPENS))

    # ------------------------------------------------------------ the draft

    def fields(self) -> EventFields:
        """The event's own fields as typed."""
        qdate = self.date_edit.date()
        return EventFields(
            name=self.name_edit.text(),
            venue=self.venue_edit.text(),
            address=self.address_edit.text(),
            date=qdate.toPython(),
            timezone=self.timezone_box.currentText(),
            language=self.language_box.currentData() or "en",
            capacity=self.capacity_spin.value(),
            registration_opens=(
                pytime(self.opens_edit.time()) if self.opens_box.isChecked() else None
            ),
        )

    def spec(self) -> EventSpec:
        """What is on screen, as the core's ``EventSpec`` (times in UTC)."""
        return self.draft.spec(self.fields())

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status_label.setText(self.tr("Unsaved changes."))
        self._validate()

    def _validate(self) -> None:
        spec = self.spec()
        self.problems = check_spec(spec)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.sessions_model.set_marks(self._marks("session", SESSION_FIELDS, spec), warning)
        self.categories_model.set_marks(self._marks("category", CATEGORY_FIELDS, spec), warning)
        texts = [problem_text(p, spec) for p in self.problems]
        self.problems_label.setText("\n".join("⚠ " + t for t in texts))
        self.problems_label.setVisible(bool(texts))
        self.save_button.setEnabled(self._dirty and not self.problems and self._job is None)
        self.revert_button.setEnabled(self._dirty and self._job is None)
        self._update_buttons()

    def _marks(self, section: str, columns: dict[str, int], spec: EventSpec) -> Marks:
        """The cells of one table that have problems, with the problems in words."""
        marks: dict[tuple[int, int], list[str]] = {}
        for p in self.problems:
            if p.section == section and p.field in columns:
                marks.setdefault((p.index, columns[p.field]), []).append(problem_text(p, spec))
        return {cell: "\n".join(texts) for cell, texts in marks.items()}

    def _update_buttons(self) -> None:
        busy = self._job is not None
        srow = self.sessions_table.currentIndex().row()
        can_remove = self.draft.session_removable(srow, self._removable_sessions)
        self.remove_session_button.setEnabled(can_remove and not busy)
        self.remove_session_button.setToolTip(
            "" if can_remove or srow < 0 else
            self.tr("Attendance has been recorded for this session: it cannot be removed. "
                    "Untick “Attendance” instead.")
        )
        crow = self.categories_table.currentIndex().row()
        can_remove_cat = self.draft.category_removable(crow, self._removable_categories)
        self.remove_category_button.setEnabled(can_remove_cat and not busy)
        self.remove_category_button.setToolTip(
            "" if can_remove_cat or crow < 0 else
            self.tr("Some delegates are in this category: it cannot be removed.")
        )
        self.colour_button.setEnabled(crow >= 0 and not busy)
        self.up_button.setEnabled(crow > 0 and not busy)
        self.down_button.setEnabled(0 <= crow < len(self.draft.categories) - 1 and not busy)

    # ------------------------------------------------------------ actions

    def _edit_new_row(self, table: QTableView, index: QModelIndex) -> None:
        table.setCurrentIndex(index)
        table.edit(index)
        self._changed()

    def add_session(self) -> int:
        """A new session after the last one (an hour long); its title cell is edited."""
        model = self.sessions_model
        row = model.append(self.draft.new_session(self.tr("New session")))
        self._edit_new_row(self.sessions_table, model.index(row, TITLE))
        return row

    def remove_session(self) -> None:
        row = self.sessions_table.currentIndex().row()
        if row < 0 or not self.remove_session_button.isEnabled():
            return
        self.sessions_model.remove(row)
        self._changed()

    def sort_sessions(self) -> None:
        """Put the sessions in start-time order (saving does it too)."""
        self.sessions_model.reorder(self.draft.sorted_order())
        self._changed()

    def add_category(self) -> int:
        model = self.categories_model
        row = model.append(self.draft.new_category(self.tr("New category")))
        self._edit_new_row(self.categories_table, model.index(row, LABEL))
        return row

    def remove_category(self) -> None:
        row = self.categories_table.currentIndex().row()
        if row < 0 or not self.remove_category_button.isEnabled():
            return
        self.categories_model.remove(row)
        self._changed()

    def change_colour(self) -> None:
        row = self.categories_table.currentIndex().row()
        if row < 0:
            return
        current = QColor(self.draft.categories[row].colour)
        chosen = self.choose_colour(current, self)
        if not chosen.isValid():
            return
        self.categories_model.set_colour(row, chosen.name(QColor.NameFormat.HexRgb))
        self._changed()

    def move_category(self, step: int) -> None:
        table = self.categories_table
        current = table.currentIndex()
        row, other = current.row(), current.row() + step
        if row < 0 or not self.categories_model.move(row, other):
            return
        table.setCurrentIndex(self.categories_model.index(other, current.column()))
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
            text = "\n".join(problem_text(p, spec) for p in exc.problems)
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
