"""The Agenda page's tables: its draft's sessions and categories as Qt table models.

``SessionsModel`` and ``CategoriesModel`` show and edit the lists of an ``AgendaDraft``
(agenda_draft.py) in place; the page only lays out the views.  A cell the page's check
found wrong carries a warning icon and the problem in its tooltip (``set_marks``), so
nothing relies on colour.  ``edited`` fires for a change typed or ticked in a cell,
never for the page's own changes (marks, rows added or moved).

Their words are filed under the page's translation context ("AgendaPage"): they are
the page's cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QTimeEdit

from checkin.ui.organiser.agenda_draft import AgendaDraft, CategoryDraft, SessionDraft

# Session table columns
START, END, TITLE, ROOM, CAPACITY, ATTENDANCE = range(6)
# Category table columns
COLOUR, LABEL = range(2)

MAX_CAPACITY = 1_000_000
_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
Marks = dict[tuple[int, int], str]
"""(row, column) of a wrong cell -> what is wrong with it, in words."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaPage", text)


def qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def pytime(value: QTime) -> dt.time:
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


def delegates(parent: QObject) -> dict[int, QStyledItemDelegate]:
    """The editors of the session table's columns that are not plain text."""
    time, capacity = _TimeDelegate(parent), _CapacityDelegate(parent)
    return {START: time, END: time, CAPACITY: capacity}


class _DraftModel(QAbstractTableModel):
    """What both tables share: a list of the draft, headers and the problem marks."""

    edited = Signal()
    """A cell was changed by the operator (typed, ticked)."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.draft = AgendaDraft()
        self.marks: Marks = {}
        self.warning = QIcon()

    def rows(self) -> list[Any]:
        raise NotImplementedError

    def set_draft(self, draft: AgendaDraft) -> None:
        self.beginResetModel()
        self.draft = draft
        self.marks = {}
        self.endResetModel()

    def set_marks(self, marks: Marks, warning: QIcon) -> None:
        """Show which cells are wrong (icon) and why (tooltip)."""
        if marks == self.marks:
            return
        changed = set(marks) | set(self.marks)
        self.marks, self.warning = dict(marks), warning
        for row, col in changed:
            if row < self.rowCount():
                index = self.index(row, col)
                self.dataChanged.emit(index, index, [_Role.DecorationRole, _Role.ToolTipRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _Role.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def _mark(self, index: _Index, role: int):
        """The warning icon and tooltip of a wrong cell (None: not wrong, or another role)."""
        text = self.marks.get((index.row(), index.column()))
        if text is None:
            return None
        if role == _Role.DecorationRole:
            return self.warning
        if role == _Role.ToolTipRole:
            return text
        return None

    def insert(self, row: int, item: Any) -> int:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows().insert(row, item)
        self.endInsertRows()
        return row

    def append(self, item: Any) -> int:
        return self.insert(len(self.rows()), item)

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self.rows()):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows()[row]
        self.endRemoveRows()

    def reorder(self, order: list[int]) -> None:
        """Put the rows in ``order`` (old row numbers, new order); the selection and any
        open editor follow their row."""
        rows = self.rows()
        if order == list(range(len(rows))):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        before = self.persistentIndexList()
        after = [self.index(new_row[i.row()], i.column()) for i in before]
        rows[:] = [rows[i] for i in order]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _set(self, index: _Index, value: Any, setter: Callable[[Any], bool]) -> bool:
        if not setter(value):
            return True  # the same value: nothing changed
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class SessionsModel(_DraftModel):
    """The sessions: start, end, title, room, capacity (0: none), attendance (a tick)."""

    def rows(self) -> list[SessionDraft]:
        return self.draft.sessions

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ATTENDANCE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = _Role.DisplayRole):
        if not index.isValid() or index.row() >= len(self.draft.sessions):
            return None
        session, col = self.draft.sessions[index.row()], index.column()
        if role in (_Role.DisplayRole, _Role.EditRole):
            return self._value(session, col)
        if col == ATTENDANCE and role == _Role.CheckStateRole:
            return Qt.CheckState.Checked if session.attendance else Qt.CheckState.Unchecked
        return self._mark(index, role)

    @staticmethod
    def _value(session: SessionDraft, col: int):
        if col in (START, END):
            return qtime(session.start if col == START else session.end)
        if col == CAPACITY:
            return session.capacity
        if col == ATTENDANCE:  # in words, not only a tick
            return _tr("yes") if session.attendance else _tr("no")
        return session.title if col == TITLE else session.room

    def setData(self, index: _Index, value: Any, role: int = _Role.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self.draft.sessions):
            return False
        session, col = self.draft.sessions[index.row()], index.column()
        if col == ATTENDANCE:
            if role != _Role.CheckStateRole:
                return False
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._set(index, ticked, lambda v: _change(session, "attendance", v))
        if role not in (_Role.EditRole, _Role.DisplayRole):
            return False
        if col in (START, END):
            name = "start" if col == START else "end"
            return self._set(index, pytime(value), lambda v: _change(session, name, v))
        if col == CAPACITY:
            return self._set(index, int(value or 0), lambda v: _change(session, "capacity", v))
        name = "title" if col == TITLE else "room"
        return self._set(index, str(value or ""), lambda v: _change(session, name, v))


class CategoriesModel(_DraftModel):
    """The categories: badge colour (a swatch and its hex code) and name."""

    def rows(self) -> list[CategoryDraft]:
        return self.draft.categories

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == COLOUR else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = _Role.DisplayRole):
        if not index.isValid() or index.row() >= len(self.draft.categories):
            return None
        category = self.draft.categories[index.row()]
        if index.column() == LABEL:
            if role in (_Role.DisplayRole, _Role.EditRole):
                return category.label
            return self._mark(index, role)
        if role in (_Role.DisplayRole, _Role.EditRole):
            return category.colour
        if role == _Role.DecorationRole:
            return swatch(category.colour)
        if role == _Role.ToolTipRole:
            return _tr("Double-click or press Colour… to change")
        if role == _Role.AccessibleTextRole:
            return _tr("colour %1").replace("%1", category.colour)
        return None

    def setData(self, index: _Index, value: Any, role: int = _Role.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self.draft.categories):
            return False
        if role not in (_Role.EditRole, _Role.DisplayRole):
            return False
        category = self.draft.categories[index.row()]
        if index.column() == LABEL:
            return self._set(index, str(value or ""), lambda v: _change(category, "label", v))
        return False  # the colour is chosen with the Colour… button (set_colour)

    def set_colour(self, row: int, colour: str) -> None:
        """A colour chosen in the colour dialog (``#RRGGBB``)."""
        if 0 <= row < len(self.draft.categories):
            self.draft.categories[row].colour = colour.upper()
            index = self.index(row, COLOUR)
            self.dataChanged.emit(index, index)

    def move(self, row: int, other: int) -> bool:
        """Swap two neighbouring rows (Move up / Move down)."""
        rows = self.draft.categories
        if not (0 <= row < len(rows) and 0 <= other < len(rows) and abs(row - other) == 1):
            return False
        first = min(row, other)
        self.beginMoveRows(QModelIndex(), first + 1, first + 1, QModelIndex(), first)
        rows[first], rows[first + 1] = rows[first + 1], rows[first]
        self.endMoveRows()
        return True


def _change(item: object, name: str, value: Any) -> bool:
    """Set ``item.name`` to ``value``; False when it already was."""
    if getattr(item, name) == value:
        return False
    setattr(item, name, value)
    return True
