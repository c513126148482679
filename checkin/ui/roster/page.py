"""The Roster page: every delegate of the event, filtered, sorted, edited, cancelled.

The rows (``delegate_edit.roster_rows``) and the desk's ``SearchIndex`` over the same
rows are loaded in ONE background job, so opening the page or ``refresh()`` never
freezes the window, even at 50,000 delegates; the filter box then searches the index in
memory (accents and typos forgiven, as at the desk) and the combo boxes narrow further.

Keyboard: Ctrl+F goes to the filter box, Enter (or a double click) edits the selected
delegate, Delete asks to cancel them.  Delegates are never deleted: a cancelled one can
be restored, with their scans and prints intact.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from checkin.core.db.store import Store
from checkin.core.desk.search import SearchIndex
from checkin.core.roster.edits import (
    DelegateEditError,
    DelegateNotFound,
    cancel_delegate,
    restore_delegate,
    roster_rows,
    update_delegate,
)
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.roster.delegate_dialog import DelegateDialog
from checkin.ui.widgets.modal import open_modal
from checkin.ui.widgets.reflow import FlowLayout
from checkin.ui.widgets.table_models import (
    ANY,
    NO,
    YES,
    RosterFilter,
    RosterTableModel,
    name_sort_keys,
)
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 150  # typing pauses shorter than this do not re-filter 50,000 rows


def load_roster(
    store: Store, event_info: EventInfo
) -> tuple[list[tuple], SearchIndex, list[tuple]]:
    """The page's data, read off the GUI thread: the rows, a search index over them and
    the keys of the default sort (by name)."""
    rows = roster_rows(store, event_info)
    return rows, SearchIndex(rows), name_sort_keys(rows)


class RosterView(QTableView):
    """The table; Enter asks to edit the current row, Delete to cancel it."""

    edit_requested = Signal()
    cancel_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.edit_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)


class RosterPage(QWidget):
    """Roster of the event: filter, sort, edit, cancel and restore, import."""

    loaded = Signal()
    """The rows and search index are (re)loaded and shown."""
    changed = Signal(int)
    """A delegate (id) was edited, cancelled or restored here; -1: the list as a whole
    (the import wizard was used)."""

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        parent: QWidget | None = None,
        *,
        load: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self.setAccessibleName(self.tr("Roster"))
        self.store = store
        self.event_info = event_info
        self.index: SearchIndex | None = None
        self.load_job: Job | None = None
        self._reload_pending = False
        self.dialog: DelegateDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.wizard = None

        self.model = RosterTableModel(event_info, self)
        filters = self._filters_row()
        self._build_table()
        actions = self._actions_row()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(actions)
        self.setTabOrder(self.filter_edit, self.table)
        self._update_count()
        self._update_buttons()
        if load:  # else when first shown (the app's pages: see checkin.ui.app)
            self.refresh()

    # ------------------------------------------------------------ building

    def _filters_row(self) -> QHBoxLayout:
        """The filter box (Ctrl+F) and the combo boxes that narrow the list."""
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("rosterFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter the roster"))
        self.filter_edit.setPlaceholderText(
            self.tr("Filter: name, organisation, e-mail or reference (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self.apply_filter)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_filter)
        self._build_choice_boxes()
        # On a narrow window the combo boxes wrap onto a second row beside the filter.
        choices = QWidget()
        flow = FlowLayout(choices, rows=2)
        for box in (
            self.status_box,
            self.category_box,
            self.organisation_box,
            self.country_box,
            self.printed_box,
            self.arrived_box,
        ):
            flow.addWidget(box)
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(choices)
        return filters

    @staticmethod
    def _combo(name: str, accessible: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _build_choice_boxes(self) -> None:
        combo = self._combo
        self.status_box = combo("statusFilter", self.tr("Status filter"))
        self.status_box.addItem(self.tr("Any status"), ANY)
        self.status_box.addItem(self.tr("Registered"), "registered")
        self.status_box.addItem(self.tr("Cancelled"), "cancelled")
        self.category_box = combo("categoryFilter", self.tr("Category filter"))
        self.category_box.addItem(self.tr("Any category"), ANY)
        self._fill_categories()
        self.organisation_box = combo("organisationFilter", self.tr("Organisation filter"))
        self.country_box = combo("countryFilter", self.tr("Country filter"))
        for box in (self.organisation_box, self.country_box):  # not as wide as the longest
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
        self.printed_box = combo("printedFilter", self.tr("Badge printed filter"))
        self.printed_box.addItem(self.tr("Printed or not"), ANY)
        self.printed_box.addItem(self.tr("Badge printed"), YES)
        self.printed_box.addItem(self.tr("Badge not printed"), NO)
        self.arrived_box = combo("arrivedFilter", self.tr("Arrival filter"))
        self.arrived_box.addItem(self.tr("Arrived or not"), ANY)
        self.arrived_box.addItem(self.tr("Arrived"), YES)
        self.arrived_box.addItem(self.tr("Not arrived"), NO)
        self._fill_choice_boxes()

    def _build_table(self) -> None:
        self.table = RosterView()
        self.table.setObjectName("rosterTable")
        self.table.setAccessibleName(self.tr("Delegates"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 50,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 200, 230, 120, 110, 110, 90, 130)):
            self.table.setColumnWidth(col, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RosterTableModel.NAME_COL, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.edit_requested.connect(self.edit_current)
        self.table.cancel_requested.connect(self.ask_cancel_current)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())

    def _actions_row(self) -> QHBoxLayout:
        """The count, and Edit, Cancel, Restore and Import (the message goes above)."""
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setAccessibleName(self.tr("Import a delegate list"))
        self.import_button.clicked.connect(self.open_import)
        self.edit_button = QPushButton(self.tr("E&dit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected delegate"))
        self.edit_button.clicked.connect(self.edit_current)
        self.cancel_button = QPushButton(self.tr("&Cancel registration…"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the selected delegate"))
        self.cancel_button.clicked.connect(self.ask_cancel_current)
        self.restore_button = QPushButton(self.tr("Re&store registration"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected delegate"))
        self.restore_button.clicked.connect(self.restore_current)

        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label = QLabel()
        self.message_label.setObjectName("rosterMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for button in (
            self.edit_button,
            self.cancel_button,
            self.restore_button,
            self.import_button,
        ):
            actions.addWidget(button)
        return actions

    # ------------------------------------------------------------ loading

    def _fill_categories(self) -> None:
        chosen = self.category_box.currentData()
        while self.category_box.count() > 1:  # keep "Any category"
            self.category_box.removeItem(1)
        for cat in self.event_info.categories:
            self.category_box.addItem(cat.label, cat.key)
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(chosen)))

    def set_event_info(self, event_info: EventInfo) -> None:
        """The event was edited (Agenda page): category names, time zone."""
        self.event_info = event_info
        self.model.set_event_info(event_info)
        self._fill_categories()
        self.refresh()

    def refresh(self) -> Job | None:
        """Reload every delegate in the background (call when the page is shown)."""
        if self.load_job is not None and not self.load_job.is_finished:
            self._reload_pending = True
            return self.load_job
        self._reload_pending = False
        self.count_label.setText(self.tr("Loading the roster…"))
        job = run_in_background(load_roster, self.store, self.event_info, parent=self)
        job.succeeded.connect(self._loaded)
        job.failed.connect(self._load_failed)
        self.load_job = job
        return job

    def _loaded(self, result: tuple[list[tuple], SearchIndex, list[tuple]]) -> None:
        rows, index, name_keys = result
        current = self.current_delegate()
        self.index = index
        self.model.set_rows(rows, name_keys)
        self._fill_choice_boxes()
        self.apply_filter()
        if current is not None:
            self.select_delegate(current.id)
        if self._reload_pending:
            QTimer.singleShot(0, self, self.refresh)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(
            self.tr("The roster could not be read (%1).").replace("%1", type(exc).__name__)
        )
        if self._reload_pending:
            QTimer.singleShot(0, self, self.refresh)

    def _fill_choice_boxes(self) -> None:
        """Organisations and countries present in the roster, keeping the choice made."""
        for box, any_text, items in (
            (
                self.organisation_box,
                self.tr("Any organisation"),
                [(o, o) for o in self.model.organisations()],
            ),
            (
                self.country_box,
                self.tr("Any country"),
                [(name, code) for code, name in self.model.countries()]
                + [(self.tr("No country"), "-")],
            ),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(any_text, ANY)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen else 0)
            box.blockSignals(False)

    # ------------------------------------------------------------ filtering

    def criteria(self) -> RosterFilter:
        return RosterFilter(
            status=self.status_box.currentData() or ANY,
            category=self.category_box.currentData() or ANY,
            organisation=self.organisation_box.currentData() or ANY,
            country=self.country_box.currentData() or ANY,
            printed=self.printed_box.currentData() or ANY,
            arrived=self.arrived_box.currentData() or ANY,
        )

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        text = self.filter_edit.text().strip()
        matches = None
        if text and self.index is not None:
            matches = [h.delegate.id for h in self.index.search(text, limit=len(self.index))]
        current = self.current_delegate()
        self.model.set_filter(self.criteria(), matches)
        if current is not None:
            self.select_delegate(current.id)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if self.index is None:
            return
        if shown == total:
            text = self.tr("%n delegate(s)", "", total)
        else:
            text = self.tr("%1 of %n delegate(s) shown", "", total).replace("%1", str(shown))
        self.count_label.setText(text)
        self.table.setAccessibleDescription(text)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # ------------------------------------------------------------ selection

    def current_delegate(self) -> DelegateInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.delegate_at(index.row())

    def select_delegate(self, delegate_id: int) -> bool:
        row = self.model.row_of(delegate_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        delegate = self.current_delegate()
        cancelled = delegate is not None and delegate.status == "cancelled"
        self.edit_button.setEnabled(delegate is not None)
        self.cancel_button.setEnabled(delegate is not None and not cancelled)
        self.restore_button.setEnabled(cancelled)

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setAccessibleName(text)

    # ------------------------------------------------------------ editing

    def edit_current(self) -> DelegateDialog | None:
        delegate = self.current_delegate()
        if delegate is None:
            return None
        dialog = DelegateDialog(self.event_info, delegate, self, store=self.store)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda: self._save(dialog))
        self.dialog = dialog
        open_modal(dialog)
        return dialog

    def _save(self, dialog: DelegateDialog) -> None:
        delegate = dialog.delegate
        try:
            result = update_delegate(self.store, self.event_info, delegate.id, dialog.form())
        except DelegateEditError as exc:
            dialog.show_problems(exc.problems)
            return
        except DelegateNotFound:
            dialog.show_failure(self.tr("This delegate is no longer in the event."))
            return
        except Exception as exc:  # a database error: say so, never a traceback
            log.error("saving delegate no. %d failed: %s", delegate.number, type(exc).__name__)
            dialog.show_failure(
                self.tr("Not saved: the database refused the change (%1). Try again.").replace(
                    "%1", type(exc).__name__
                )
            )
            return
        dialog.accept()
        self.model.replace_delegate(result.delegate)
        name = result.delegate.full_name
        if not result.changed:
            self._say(self.tr("Nothing changed for %1.").replace("%1", name))
        elif result.needs_reprint:
            self._say(
                self.tr("⚠ Saved %1. Their badge was printed with the old details: reprint it.")
                .replace("%1", name)
            )
        else:
            self._say(self.tr("✓ Saved %1.").replace("%1", name))
        self.changed.emit(delegate.id)
        self.refresh()  # the search index follows the new name

    # ------------------------------------------------------------ cancel / restore

    def ask_cancel_current(self) -> QMessageBox | None:
        delegate = self.current_delegate()
        if delegate is None or delegate.status == "cancelled":
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel registration"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("Cancel the registration of %1?").replace(
                "%1", delegate.full_name or f"#{delegate.number}"
            )
        )
        box.setInformativeText(
            self.tr(
                "Their badge will be refused at the desk. Nothing is deleted: their history "
                "stays, and the registration can be restored."
            )
        )
        yes = box.addButton(self.tr("Cancel registration"), QMessageBox.ButtonRole.YesRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.NoRole)
        yes.setAccessibleName(self.tr("Confirm: cancel the registration"))
        keep.setAccessibleName(self.tr("Keep the registration"))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: self._cancel_confirmed(delegate) if box.clickedButton() is yes else None
        )
        self.confirm_box = box
        open_modal(box)
        return box

    def _cancel_confirmed(self, delegate: DelegateInfo) -> None:
        self._set_status(delegate, cancel_delegate, self.tr("✗ Cancelled %1."))

    def restore_current(self) -> None:
        delegate = self.current_delegate()
        if delegate is None or delegate.status != "cancelled":
            return
        self._set_status(delegate, restore_delegate, self.tr("✓ Restored %1."))

    def _set_status(self, delegate: DelegateInfo, action, done_text: str) -> None:
        try:
            info = action(self.store, self.event_info, delegate.id)
        except Exception as exc:  # not found, database error: words, never a traceback
            log.error("status change of no. %d failed: %s", delegate.number, type(exc).__name__)
            self._say(self.tr("⚠ Not changed (%1). Try again.").replace("%1", type(exc).__name__))
            return
        self.model.replace_delegate(info)
        self._say(done_text.replace("%1", info.full_name or f"#{info.number}"))
        self.changed.emit(info.id)
        self._update_buttons()

    # ------------------------------------------------------------ import

    def open_import(self):
        from checkin.ui.roster.importing.wizard import ImportWizard

        wizard = ImportWizard(self.store, self.event_info, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Whatever the wizard did, the list may have changed as a whole: -1 for "everyone".
        wizard.finished.connect(lambda _r: (self.refresh(), self.changed.emit(-1)))
        self.wizard = wizard
        open_modal(wizard)
        return wizard
