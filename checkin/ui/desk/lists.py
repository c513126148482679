"""The Desk page's two lists: the people a search found, and the last scans at this desk.

Small list models over frozen values; the page shows them and the ``DeskController``
fills them.  The words of the recent scans are filed under the page's translation
context ("DeskPage"), as they read on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from checkin.core.types import DelegateInfo, DelegateStatus, Outcome
from checkin.ui.desk.outcome_panel import refusal_title

RECENT_MAX = 20
_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    """Search hits: one line per person, name first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[DelegateInfo] = []

    def set_people(self, people: list[DelegateInfo]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.people):
            return None
        d = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{d.full_name}  —  {d.organisation}" if d.organisation else d.full_name
            if d.status == DelegateStatus.CANCELLED.value:
                text += "  " + self.tr("(registration cancelled)")
            return text
        if role == Qt.ItemDataRole.UserRole:
            return d.id
        return None


@dataclass(frozen=True)
class RecentScan:
    scan_id: str
    time: str
    name: str
    status: Outcome
    undone: bool = False


def outcome_word(status: Outcome) -> str:
    """One or two words for the recent-scans list."""
    if status is Outcome.ADMITTED:
        return _word("Admitted")
    if status is Outcome.ALREADY_ADMITTED:
        return _word("Already in")
    if status is Outcome.UNDONE:
        return _word("Undone")
    if status is Outcome.EXITED:
        return _word("Left")
    if status is Outcome.NOT_PRESENT:
        return _word("Not in the room")
    return refusal_title(status)


def _word(text: str) -> str:
    return QCoreApplication.translate("DeskPage", text)


class RecentModel(QAbstractListModel):
    """The last scans at this desk, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scans: list[RecentScan] = []

    def add(self, scan: RecentScan) -> None:
        """Newest on top.  Once the list is full (all day after the first minutes) its
        rows keep their places and only their words change: a row inserted and another
        removed at every scan made the view lay its items out again (a timer of its
        own, a few milliseconds on a scan's way to the screen in the soak)."""
        if len(self.scans) < RECENT_MAX:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self.scans.insert(0, scan)
            self.endInsertRows()
            return
        self.scans = [scan, *self.scans[: RECENT_MAX - 1]]
        self.dataChanged.emit(self.index(0), self.index(RECENT_MAX - 1))

    def mark_undone(self, scan_id: str) -> None:
        for row, scan in enumerate(self.scans):
            if scan.scan_id == scan_id:
                self.scans[row] = replace(scan, undone=True)
                self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.scans)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.scans):
            return None
        scan = self.scans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            word = outcome_word(scan.status)
            if scan.undone:
                word += " — " + _word("undone")
            name = scan.name or _word("(no one)")
            return f"{scan.time}   {name}   —   {word}"
        return None

    def undoable(self, row: int) -> bool:
        if not 0 <= row < len(self.scans):
            return False
        scan = self.scans[row]
        # An exit counted by mistake is undone like an admission.
        return scan.status in (Outcome.ADMITTED, Outcome.EXITED) and not scan.undone
