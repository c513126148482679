"""Table models over core data (never a QTableWidget for rosters).

``RosterTableModel`` holds the delegates as the plain tuples of
``delegate_edit.roster_rows`` (about 50,000 in a few tens of MB) and shows a filtered,
sorted view of them: the list of row indices on screen.  Filtering and sorting are done
here in Python on whole lists (a key per row, then one ``sorted``), not through a
``QSortFilterProxyModel`` whose ``lessThan``/``filterAcceptsRow`` would call Python
once per comparison or per row.  Display text is computed only for the rows Qt paints.
See benchmarks/bench_roster.py for the figures at 1k–50k rows.

``PreviewTableModel`` shows the first rows of a file for the import wizard.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from checkin.core.roster.countries import country_name
from checkin.core.roster.edits import ARRIVED_AT, PRINTED_AT, delegate_of_row
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.widgets.plain import tooltip
from checkin.ui.widgets.translations import language as ui_language

_Index = QModelIndex | QPersistentModelIndex

# Positions in a roster_rows tuple (DELEGATE_COLUMNS order).
ID, NUMBER, REFERENCE, FIRST, LAST, ORGANISATION, COUNTRY, EMAIL, CATEGORY, STATUS = range(10)
CANCELLED = "cancelled"

ANY = ""  # a filter value meaning "no filter"
YES, NO = "yes", "no"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterTableModel", text)


@dataclass(frozen=True)
class RosterFilter:
    """What the roster page filters on; ``ANY`` ("") leaves a criterion out."""

    status: str = ANY  # "registered" | "cancelled"
    category: str = ANY  # a category key
    organisation: str = ANY  # exact organisation text
    country: str = ANY  # ISO alpha-2; "-" for "no country"
    printed: str = ANY  # YES | NO
    arrived: str = ANY  # YES | NO


NO_FILTER = RosterFilter()

_fold = lru_cache(maxsize=65536)(fold)  # names and organisations repeat


def name_sort_key(row: tuple) -> tuple:
    return (_fold(row[LAST]), _fold(row[FIRST]), row[NUMBER])


def name_sort_keys(rows: Sequence[tuple]) -> list[tuple]:
    """The name column's sort keys; no Qt, so a background job may compute them."""
    return [name_sort_key(r) for r in rows]


class RosterTableModel(QAbstractTableModel):
    """The roster: reference, name, organisation, country, category, status, arrival,
    badge printed.  ``Qt.UserRole`` gives the delegate id of a row."""

    (REFERENCE_COL, NAME_COL, ORGANISATION_COL, COUNTRY_COL, CATEGORY_COL, STATUS_COL,
     ARRIVED_COL, PRINTED_COL) = range(8)  # fmt: skip
    COLUMN_COUNT = 8

    def __init__(self, event_info: EventInfo, parent=None) -> None:
        super().__init__(parent)
        self.event_info = event_info
        self._rows: list[tuple] = []
        self._visible: list[int] = []  # indices into _rows, in display order
        self._by_id: dict[int, int] = {}
        self._keys: dict[int, list] = {}  # column -> sort key of each row
        self._matches: set[int] | None = None  # delegate ids the search text kept
        self._filter = NO_FILTER
        self._sort_column = self.NAME_COL
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._countries: dict[str, str] = {}
        self._set_categories(event_info)
        style = QApplication.style()
        self._cancelled_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton)
        self._arrived_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        self._muted = QBrush(QColor("#616161"))
        self._headers = (
            _tr("Reference"),
            _tr("Name"),
            _tr("Organisation"),
            _tr("Country"),
            _tr("Category"),
            _tr("Status"),
            _tr("Arrived"),
            _tr("Badge printed"),
        )

    def _set_categories(self, event_info: EventInfo) -> None:
        self._categories = {c.key: c.label for c in event_info.categories}
        self._category_rank = {c.key: i for i, c in enumerate(event_info.categories)}

    def set_event_info(self, event_info: EventInfo) -> None:
        """The event was edited: category names and the local time zone may differ."""
        self.beginResetModel()
        self.event_info = event_info
        self._set_categories(event_info)
        self._keys.clear()  # sort keys of the category column are stale
        self.endResetModel()

    # ------------------------------------------------------------ data in

    def set_rows(self, rows: Sequence[tuple], name_keys: list | None = None) -> None:
        """Replace every row (a fresh ``roster_rows``); filter and sort are kept.

        ``name_keys``: ``name_sort_keys(rows)``, computed with the rows off the GUI thread
        (the default sort's keys cost the most: two folds a row).
        """
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = {} if name_keys is None else {self.NAME_COL: name_keys}
        self._by_id = {row[ID]: i for i, row in enumerate(self._rows)}
        self._visible = self._compute_visible()
        self.endResetModel()

    def replace_delegate(self, delegate: DelegateInfo) -> None:
        """One delegate changed (edit, cancel, restore): update its row in place.

        The row stays where it is until the next filter or sort, so it does not jump
        away from under the organiser's selection.
        """
        i = self._by_id.get(delegate.id)
        if i is None:
            return
        old = self._rows[i]
        self._rows[i] = (
            delegate.id, delegate.number, delegate.reference, delegate.first_name,
            delegate.last_name, delegate.organisation, delegate.country, delegate.email,
            delegate.category, delegate.status, delegate.badge_version, *old[ARRIVED_AT:],
        )  # fmt: skip
        for col, keys in self._keys.items():
            keys[i] = self._sort_key(col)(self._rows[i])
        row = self.row_of(delegate.id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def set_filter(self, criteria: RosterFilter, matches: Iterable[int] | None = None) -> None:
        """Show the rows meeting ``criteria`` whose id is in ``matches`` (None: all)."""
        self._filter = criteria
        self._matches = None if matches is None else set(matches)
        self.beginResetModel()
        self._visible = self._compute_visible()
        self.endResetModel()

    # ------------------------------------------------------------ lookups

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> list[tuple]:
        return self._rows

    def delegate_at(self, row: int) -> DelegateInfo | None:
        if 0 <= row < len(self._visible):
            return delegate_of_row(self._rows[self._visible[row]])
        return None

    def row_of(self, delegate_id: int) -> int | None:
        i = self._by_id.get(delegate_id)
        if i is None:
            return None
        try:
            return self._visible.index(i)
        except ValueError:
            return None

    def organisations(self) -> list[str]:
        return sorted({r[ORGANISATION] for r in self._rows if r[ORGANISATION]}, key=fold)

    def countries(self) -> list[tuple[str, str]]:
        """(code, name) of the countries present, by name."""
        codes = {r[COUNTRY] for r in self._rows if r[COUNTRY]}
        return sorted(((c, self._country(c)) for c in codes), key=lambda cn: fold(cn[1]))

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < self.COLUMN_COUNT
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a clipped cell
            return tooltip(self._text(row, col))
        if role == Qt.ItemDataRole.UserRole:
            return row[ID]
        if role == Qt.ItemDataRole.DecorationRole:
            if col == self.STATUS_COL and row[STATUS] == CANCELLED:
                return self._cancelled_icon
            if col == self.ARRIVED_COL and row[ARRIVED_AT] is not None:
                return self._arrived_icon
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row[STATUS] == CANCELLED:
            return self._muted
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(p, self._visible[p.row()], p.column()) for p in persistent if p.isValid()]
        self._visible = self._sorted(self._visible)
        if kept:
            position = {i: r for r, i in enumerate(self._visible)}
            self.changePersistentIndexList(
                [p for p, _i, _c in kept],
                [self.index(position[i], c) for _p, i, c in kept],
            )
        self.layoutChanged.emit()

    # ------------------------------------------------------------ internals

    def _country(self, code: str) -> str:
        name = self._countries.get(code)
        if name is None:
            name = country_name(code, ui_language()) if code else ""
            self._countries[code] = name
        return name

    def _local(self, when: dt.datetime | None) -> str:
        if when is None:
            return ""
        local = self.event_info.local(when)
        if local.date() == self.event_info.date:
            return local.strftime("%H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def _text(self, row: tuple, col: int) -> str:
        if col == self.REFERENCE_COL:
            return row[REFERENCE] or f"#{row[NUMBER]}"
        if col == self.NAME_COL:
            return " ".join(p for p in (row[FIRST], row[LAST]) if p)
        if col == self.ORGANISATION_COL:
            return row[ORGANISATION]
        if col == self.COUNTRY_COL:
            return self._country(row[COUNTRY])
        if col == self.CATEGORY_COL:
            return self._categories.get(row[CATEGORY], row[CATEGORY])
        if col == self.STATUS_COL:
            return _tr("Cancelled") if row[STATUS] == CANCELLED else _tr("Registered")
        if col == self.ARRIVED_COL:
            return self._local(row[ARRIVED_AT]) if row[ARRIVED_AT] else _tr("Not yet")
        if col == self.PRINTED_COL:
            return _tr("Printed %1").replace("%1", self._local(row[PRINTED_AT])) if row[
                PRINTED_AT
            ] else _tr("Not printed")
        return ""

    def _sort_key(self, column: int) -> Callable[[tuple], object]:
        never = dt.datetime.max
        keys: dict[int, Callable[[tuple], object]] = {
            self.REFERENCE_COL: lambda r: (_fold(r[REFERENCE]), r[NUMBER]),
            self.NAME_COL: name_sort_key,
            self.ORGANISATION_COL: lambda r: (_fold(r[ORGANISATION]), _fold(r[LAST])),
            self.COUNTRY_COL: lambda r: (_fold(self._country(r[COUNTRY])), _fold(r[LAST])),
            self.CATEGORY_COL: lambda r: (
                self._category_rank.get(r[CATEGORY], 99), _fold(r[LAST])
            ),
            self.STATUS_COL: lambda r: (r[STATUS], _fold(r[LAST])),
            self.ARRIVED_COL: lambda r: (r[ARRIVED_AT] or never, _fold(r[LAST])),
            self.PRINTED_COL: lambda r: (r[PRINTED_AT] or never, _fold(r[LAST])),
        }
        return keys[column]

    def _sorted(self, visible: list[int]) -> list[int]:
        # One key per row and column, computed once: sorting is then a C-speed sorted().
        keys = self._keys.get(self._sort_column)
        if keys is None:
            key = self._sort_key(self._sort_column)
            keys = self._keys[self._sort_column] = [key(r) for r in self._rows]
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(visible, key=keys.__getitem__, reverse=reverse)

    def _compute_visible(self) -> list[int]:
        f, matches = self._filter, self._matches
        checks: list[Callable[[tuple], bool]] = []
        if f.status:
            checks.append(lambda r: r[STATUS] == f.status)
        if f.category:
            checks.append(lambda r: r[CATEGORY] == f.category)
        if f.organisation:
            checks.append(lambda r: r[ORGANISATION] == f.organisation)
        if f.country:
            wanted = "" if f.country == "-" else f.country
            checks.append(lambda r: r[COUNTRY] == wanted)
        if f.printed:
            printed = f.printed == YES
            checks.append(lambda r: (r[PRINTED_AT] is not None) == printed)
        if f.arrived:
            arrived = f.arrived == YES
            checks.append(lambda r: (r[ARRIVED_AT] is not None) == arrived)
        rows, by_id = self._rows, self._by_id
        if matches is not None:  # a search: look at its matches only
            candidates: Iterable[int] = [by_id[d] for d in matches if d in by_id]
        else:
            candidates = range(len(rows))
        if checks:
            visible = [i for i in candidates if all(c(rows[i]) for c in checks)]
        else:
            visible = list(candidates)
        return self._sorted(visible)


class PreviewTableModel(QAbstractTableModel):
    """The first rows of a file, as read (row numbers as the spreadsheet shows them)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._header: tuple[str, ...] = ()
        self._rows: list[tuple[int, tuple[str, ...]]] = []

    def set_preview(
        self, header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]]
    ) -> None:
        self.beginResetModel()
        self._header = tuple(header)
        self._rows = [(n, tuple(cells)) for n, cells in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._header):
            return self._header[section] or _tr("(no header)")
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(self._rows[section][0])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        cells = self._rows[index.row()][1]
        return cells[index.column()] if index.column() < len(cells) else ""
