"""The Badges page's list of people: one checkable line each, ticks kept by reference.

A plain ``QAbstractListModel`` over the loaded ``Choice`` list (a ``QListWidget`` of
50,000 items is slow to fill and to tick); ``WhoBox`` filters it through a
``QSortFilterProxyModel`` on the searchable text (name, organisation, reference, state).
Ticks are kept by reference, or ``#number`` for someone without one (printing reads
both: ``roster.delegates.find_by_ref``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from checkin.core.badges.choosing import Choice

ID_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def key_of(choice: Choice) -> str:
    """How printing is told about this person: the reference, else ``#number``."""
    return choice.delegate.reference or f"#{choice.delegate.number}"


class PeopleModel(QAbstractListModel):
    """The registered people, one checkable line each; ticks kept in a set (fast at 50k)."""

    ticked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        self.ticked: set[str] = set()
        self._texts: list[tuple[str, str]] = []  # (display, searchable) per row

    def set_choices(self, choices: list[Choice]) -> None:
        """New people; ticks of references still present are kept."""
        self.beginResetModel()
        self.choices = list(choices)
        present = {key_of(c) for c in self.choices}
        self.ticked &= present
        states = {True: self.tr("printed"), False: self.tr("not printed")}
        self._texts = [self._text(c, states[c.printed]) for c in self.choices]
        self.endResetModel()

    @staticmethod
    def _text(choice: Choice, state: str) -> tuple[str, str]:
        d = choice.delegate
        text = d.full_name + (f" — {d.organisation}" if d.organisation else "")
        text += f"  ({d.reference or '#' + str(d.number)}, {state})"
        return text, f"{d.full_name} {d.organisation} {d.reference} {state}"

    def set_ticked(self, refs: Sequence[str]) -> None:
        present = {key_of(c) for c in self.choices}
        self.ticked = set(refs) & present
        if self.choices:
            self.dataChanged.emit(
                self.index(0), self.index(len(self.choices) - 1),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.ticked_changed.emit()

    def ticked_refs(self) -> tuple[str, ...]:
        """Ticked references in roster order."""
        if not self.ticked:
            return ()
        return tuple(
            key_of(c) for c in self.choices if key_of(c) in self.ticked
        )

    def names(self, refs: Sequence[str]) -> list[str]:
        """The full names of these references (a reference no one has stays as it is)."""
        by_ref = {key_of(c): c.delegate.full_name for c in self.choices}
        return [by_ref.get(r, r) for r in refs]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[index.row()][1]
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = key_of(choice) in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return choice.delegate.id
        if role == REF_ROLE:
            return key_of(choice)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        ref = key_of(self.choices[index.row()])
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(ref)
        else:
            self.ticked.discard(ref)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True
