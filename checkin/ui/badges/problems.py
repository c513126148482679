"""Check before printing: the preflight's problems, one line each, and a summary.

Enter or double-click on a problem asks to fix it.

A problem is fixed where delegates are edited, not here: the list only says which
delegate (``fix_requested(delegate_id)``), and the window opens that person's form.
Each line carries a warning icon, so the list does not rely on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges.choosing import SelectionCheck
from checkin.core.badges.printing import PreflightProblem
from checkin.ui.badges.people_model import ID_ROLE


class ProblemsList(QListWidget):
    """Badges that would print with a problem; Enter on one emits ``fix_requested``."""

    fix_requested = Signal(int)
    """The delegate id of the current problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.setAccessibleName(self.tr("Badge problems: press Enter to fix the delegate"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemDoubleClicked.connect(lambda _item: self.fix_current())

    def show_problems(
        self, problems: Sequence[PreflightProblem], ids_by_number: Mapping[int, int]
    ) -> None:
        """List ``problems``; ``ids_by_number`` says whose form each one opens."""
        self.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            item = QListWidgetItem(warning, problem_text(problem))
            item.setData(ID_ROLE, ids_by_number.get(problem.number))
            self.addItem(item)
        if problems:
            self.setCurrentRow(0)

    def fix_current(self) -> None:
        item = self.currentItem()
        if item is None:
            return
        delegate_id = item.data(ID_ROLE)
        if delegate_id is not None:
            self.fix_requested.emit(int(delegate_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.fix_current()  # Enter: the same as a double-click
            return
        super().keyPressEvent(event)


def problem_text(problem: PreflightProblem) -> str:
    """``Name (reference): what is wrong``, as the organiser reads it."""
    who = problem.name + (f" ({problem.reference})" if problem.reference else "")
    return f"{who}: {problem.detail}"


class ProblemsBox(QGroupBox):
    """"Check before printing": a line saying what the check found, over the problems."""

    def hasHeightForWidth(self) -> bool:
        """No: with its wrapped label the page's column would give this box its
        *preferred* height and squeeze the other box under its minimum (short window)."""
        return False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Check before printing"), parent)
        self.list = ProblemsList()
        self.summary = QLabel()
        self.summary.setObjectName("problemsSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_check(self, check: SelectionCheck) -> None:
        self.list.show_problems(check.problems, check.ids_by_number)
        if check.problems:
            people = len({p.number for p in check.problems})
            self.summary.setText(
                self.tr("%n badge(s) with a problem. Press Enter on one to fix it.", "", people)
            )
        else:
            self.summary.setText(self.tr("✓ No problem found."))

    def say(self, text: str, *, clear: bool = False) -> None:
        """``text`` instead of the summary (checking, nothing to check, the check failed)."""
        if clear:
            self.list.clear()
        self.summary.setText(text)
