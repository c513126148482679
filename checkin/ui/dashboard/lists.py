"""The dashboard's lists: the call list, recent arrivals, the watch list, session attendance.

One small table model for all four: rows are frozen values from ``compute_dashboard``,
columns are (title, value-of-row) pairs.  Sorting is done on the rows with Python keys
(case- and accent-folded text, times), not by a proxy model calling ``data()`` per
comparison, which costs a hundred times more on a call list of thousands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from checkin.core.dashboard.pages import AttendeeRow
from checkin.core.dashboard.snapshot import Person
from checkin.core.roster.countries import country_codes, country_name
from checkin.core.text import fold
from checkin.core.types import EventInfo
from checkin.ui.widgets.plain import tooltip
from checkin.ui.widgets.translations import language as ui_language

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
SAMPLE_ROWS = 200  # rows measured for the columns' widths
COLUMN_WIDTHS = (56, 300)  # least and most a column is given, in pixels


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    key: Callable[[Any], Any] | None = None  # sort key; the folded text when None


class ColumnsModel(QAbstractTableModel):
    """Read-only rows of frozen values shown through ``Column``s: what the dashboard's
    tables share, whether they hold every row (``RowsModel``) or read them a page at a
    time (``paged.PagedModel``)."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._texts = tuple(c.text for c in self.columns)
        self.rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = _DISPLAY):
        if role == _DISPLAY:
            r = index.row()
            return self._texts[index.column()](self.rows[r]) if r >= 0 else None
        if role == _TOOLTIP and index.isValid():  # names are data: never markup
            return tooltip(self._texts[index.column()](self.rows[index.row()]))
        return None


class RowsModel(ColumnsModel):
    """Read-only rows of frozen values, sortable by any column."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.highlighted: set[int] = set()  # row identities (Person.id) shown in bold
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(
        self,
        rows: Sequence[Any],
        *,
        presorted: bool = False,
        base: list[Any] | None = None,
        removed: list[tuple[int, int]] | None = None,
    ) -> None:
        """Swap the rows in; ``presorted`` when already in the table's current order
        (sorted off the GUI thread by ``sort_rows``).

        With ``removed`` (from ``removed_runs`` against ``base``, the rows this model
        held then) and the model still holding ``base``, only those rows are taken
        out: the view keeps its scroll position and selection, and repaints only if
        a removed row was on screen — a live call list of thousands, of which one
        person just arrived, is not reset under the coordinator's eyes."""
        if removed is not None and presorted and base is not None and base is self.rows:
            kept = list(base)  # a new list: ``base`` may still be read elsewhere
            self.rows = kept
            for first, last in reversed(removed):
                self.beginRemoveRows(QModelIndex(), first, last)
                del kept[first : last + 1]
                self.endRemoveRows()
            return
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None and not presorted:
            self.sort_rows(self.rows, *self._sort)
        self.endResetModel()

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def data(self, index: _Index, role: int = _DISPLAY):
        # Called for seven roles of every visible cell at each repaint: the display
        # text first, unused roles answered at once, plain int compares throughout.
        if role == _DISPLAY:
            r = index.row()
            return self._texts[index.column()](self.rows[r]) if r >= 0 else None
        if role == _FONT:
            if self.highlighted and index.isValid():
                return self._bold if _identity(self.rows[index.row()]) in self.highlighted \
                    else None
            return None
        if role == _TOOLTIP and index.isValid():  # names are data: never markup
            return tooltip(self._texts[index.column()](self.rows[index.row()]))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        if column < 0:  # sort indicator cleared: keep the order rows came in
            self._sort = None
        else:
            self._sort = (column, order)
            rows = list(self.rows)  # a new list: a worker may be reading the old one
            self.sort_rows(rows, column, order)
            self.rows = rows
        self.layoutChanged.emit()

    def sort_rows(self, rows: list[Any], column: int, order: Qt.SortOrder) -> None:
        """Sort ``rows`` in place by a column: pure Python, safe on a worker thread."""
        col = self.columns[column]
        key = col.key or (lambda row, text=col.text: fold(text(row)))
        rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def removed_runs(
    old: Sequence[Any], new: Sequence[Any], *, most: int = 64
) -> list[tuple[int, int]] | None:
    """Where ``new`` is ``old`` with some rows taken out (same order, nothing added or
    moved): the removed rows as ``(first, last)`` index runs of ``old``, ascending
    (empty: nothing changed).  None otherwise, or past ``most`` runs (a reset is
    then cheaper).  Pure Python, for a worker thread."""
    if len(new) > len(old):
        return None
    runs: list[tuple[int, int]] = []
    j, n = 0, len(new)
    for i, row in enumerate(old):
        if j < n and (row is new[j] or row == new[j]):
            j += 1
        elif runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            if len(runs) == most:
                return None
            runs.append((i, i))
    return runs if j == n else None


def _identity(row: Any) -> int | None:
    if isinstance(row, Person):
        return row.id
    if isinstance(row, AttendeeRow):
        return row.id
    return None


def _time_key(when: dt.datetime | None) -> tuple[bool, float]:
    return (when is None, when.timestamp() if when else 0.0)


def people_columns(event: EventInfo, *, arrival: bool, contact: bool) -> list[Column]:
    """Columns for lists of ``Person``: name, organisation, country, category, then
    contact (the call list) or arrival time."""

    def category(p: Person) -> str:
        c = event.category(p.category)
        return c.label if c else p.category

    def hhmm(when: dt.datetime | None) -> str:
        return event.local(when).strftime("%H:%M") if when else "—"

    cols = [
        Column(_tr("Last name"), lambda p: p.last_name),
        Column(_tr("First name"), lambda p: p.first_name),
        Column(_tr("Organisation"), lambda p: p.organisation),
        Column(_tr("Country"), lambda p: country_name(p.country, ui_language())
               if p.country else ""),
        Column(_tr("Category"), category),
    ]
    if contact:
        cols.append(Column(_tr("Email"), lambda p: p.email))
        cols.append(Column(_tr("Badge"), lambda p: str(p.number), key=lambda p: p.number))
    if arrival:
        cols.insert(0, Column(_tr("Arrived"), lambda p: hhmm(p.arrived_at),
                              key=lambda p: _time_key(p.arrived_at)))
    return cols


def watch_columns(event: EventInfo) -> list[Column]:
    def status(p: Person) -> str:
        if p.arrived_at is None:
            return _tr("✗ Not yet arrived")
        return _tr("✓ Arrived %1").replace("%1", event.local(p.arrived_at).strftime("%H:%M"))

    cols = people_columns(event, arrival=False, contact=False)
    return [Column(_tr("Status"), status, key=lambda p: _time_key(p.arrived_at)), *cols]


def attendee_columns(event: EventInfo) -> list[Column]:
    def hhmm(when: dt.datetime | None) -> str:
        return event.local(when).strftime("%H:%M") if when else ""

    def here(a: AttendeeRow) -> str:
        if a.present:
            return _tr("✓ In the room")
        return _tr("↩ Left at %1").replace("%1", hhmm(a.left_at))

    return [
        Column(_tr("Entered"), lambda a: hhmm(a.admitted_at), key=lambda a: a.admitted_at),
        Column(_tr("Now"), here, key=lambda a: (not a.present, _time_key(a.left_at))),
        Column(_tr("Last name"), lambda a: a.last_name),
        Column(_tr("First name"), lambda a: a.first_name),
        Column(_tr("Organisation"), lambda a: a.organisation),
    ]


def call_list_ranks(event: EventInfo) -> dict[int, Callable[[], tuple[tuple[str, int], ...]]]:
    """For the call list sorted by the database: its country and category columns
    (3 and 4 of ``people_columns(contact=True)``) ranked by what they show — the
    country's name in the UI's language, the category's label — folded, as the other
    columns sort."""

    def countries() -> tuple[tuple[str, int], ...]:
        language = ui_language()
        names = sorted(country_codes(), key=lambda c: fold(country_name(c, language)))
        return tuple((code, i) for i, code in enumerate(names))

    def categories() -> tuple[tuple[str, int], ...]:
        labels = sorted(event.categories, key=lambda c: fold(c.label))
        return tuple((c.key, i) for i, c in enumerate(labels))

    return {3: countries, 4: categories}


class ListTable(QTableView):
    """A table that does not repaint for rows taken out below what it shows.

    After rows are removed, QTableView lays itself out again and repaints its whole
    viewport: for a call list that is about ten milliseconds of text drawing on the GUI
    thread per refresh, for the one person (of thousands) who just arrived and was
    probably not on screen.  When every removed row lies below the last visible one,
    nothing on screen moves: only the scroll bar is brought up to date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unseen_removal: bool | None = None  # None: no removal pending
        self.column_fitter: object | None = None  # set by ``make_table``

    def setModel(self, model) -> None:
        super().setModel(model)
        model.rowsAboutToBeRemoved.connect(self._rows_leaving)
        for signal in (model.modelAboutToBeReset, model.layoutAboutToBeChanged,
                       model.rowsAboutToBeInserted):
            signal.connect(self._changed_on_screen)

    def _rows_leaving(self, _parent: QModelIndex, first: int, _last: int) -> None:
        last_shown = self.rowAt(self.viewport().height() - 1)
        below = last_shown >= 0 and first > last_shown
        self._unseen_removal = below and self._unseen_removal is not False

    def _changed_on_screen(self, *_args) -> None:
        self._unseen_removal = False

    def doItemsLayout(self) -> None:
        unseen, self._unseen_removal = self._unseen_removal, None
        if unseen:
            self.updateGeometries()  # the scroll bar's range; the rows shown are the same
            self.verticalHeader().setUpdatesEnabled(True)  # turned off by the removal
            return
        super().doItemsLayout()


def make_table(model: RowsModel, name: str, parent: QWidget | None = None) -> QTableView:
    """A read-only, keyboard-friendly, sortable table for one of the lists."""
    view = ListTable(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's own order
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # Fixed row heights: a new call list of thousands of rows is never measured row by
    # row on the GUI thread (as on the Roster page).
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSortIndicatorShown(True)
    header.setSortIndicatorClearable(True)
    titles = [c.title for c in model.columns]
    stretch = titles.index(_tr("Organisation")) if _tr("Organisation") in titles else 0
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fitter = _ColumnFitter(view, model)
    view.column_fitter = fitter  # kept alive: a connection to a bound method does not
    model.modelReset.connect(fitter.fit)
    fitter.fit()
    return view


class _ColumnFitter:
    """Column widths from what the columns hold: the header and the first
    ``SAMPLE_ROWS`` rows measured, within ``COLUMN_WIDTHS``; the organisation (the
    longest names) takes the spare width, so the last column no longer does.  Measured
    again only while the table has held fewer rows than the sample (a live call list of
    thousands is not measured at each refresh)."""

    def __init__(self, view: QTableView, model: RowsModel) -> None:
        self.view = view
        self.model = model
        self.measured = -1  # rows there were at the last measure

    def fit(self) -> None:
        rows = self.model.rows
        if self.measured >= SAMPLE_ROWS or (self.measured >= len(rows) and self.measured >= 0):
            return
        self.measured = len(rows)
        cells = self.view.fontMetrics()
        heads = self.view.horizontalHeader().fontMetrics()
        low, high = COLUMN_WIDTHS
        for i, column in enumerate(self.model.columns):
            wanted = heads.horizontalAdvance(column.title) + 28  # room for the sort arrow
            for row in rows[:SAMPLE_ROWS]:
                wanted = max(wanted, cells.horizontalAdvance(column.text(row)) + 24)  # bold too
            self.view.setColumnWidth(i, max(low, min(high, wanted)))

