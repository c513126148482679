"""Check before printing: the preflight's problems, one line each, and a summary.

Enter or double-click on a problem asks to fix it; under the list, the current
problem's fix in words (the core's ``PreflightProblem.fix``, translated).  People
without a photo, for a template that prints one, share one line naming them: a photo is
added by importing a folder or at the desk, not in the person's form.

A problem is fixed where delegates are edited, not here: the list only says which
delegate (``fix_requested(delegate_id)``), and the window opens that person's form.
Each line carries a warning icon, so the list does not rely on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from checkin.core.errors import CONTEXT
from checkin.ui.badges.people_model import ID_ROLE

FIX_ROLE = Qt.ItemDataRole.UserRole + 7  # the problem's fix, translated
NO_PHOTO = "no_photo"
NAMES_SHOWN = 6  # people named on the no-photo line; all of them in its tooltip


class ProblemsList(QListWidget):
    """Badges that would print with a problem; Enter on one emits ``fix_requested``."""

    fix_requested = Signal(int)
    """The delegate id of the current problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.setAccessibleName(self.tr("Badge problems: press Enter to fix the delegate"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A line says who and what is wrong: wrapped to the width, not cut off at its end.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.itemDoubleClicked.connect(lambda _item: self.fix_current())
        self.photo_line: QListWidgetItem | None = None

    def show_problems(
        self, problems: Sequence[PreflightProblem], ids_by_number: Mapping[int, int]
    ) -> None:
        """List ``problems``; ``ids_by_number`` says whose form each one opens."""
        self.clear()
        self.photo_line = None
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        no_photo = [p for p in problems if p.kind == NO_PHOTO]
        if no_photo:
            self.photo_line = QListWidgetItem(warning, self.no_photo_text(no_photo))
            self.photo_line.setData(FIX_ROLE, fix_text(no_photo[0]))
            self.photo_line.setToolTip("\n".join(who(p) for p in no_photo))
            self.addItem(self.photo_line)
        for problem in problems:
            if problem.kind == NO_PHOTO:
                continue
            item = QListWidgetItem(warning, problem_text(problem))
            item.setData(ID_ROLE, ids_by_number.get(problem.number))
            item.setData(FIX_ROLE, fix_text(problem))
            item.setToolTip(fix_text(problem))
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)

    def no_photo_text(self, problems: Sequence[PreflightProblem]) -> str:
        """``No photo for 12 people: A, B, …`` (the first ``NAMES_SHOWN`` named)."""
        names = ", ".join(who(p) for p in problems[:NAMES_SHOWN])
        if len(problems) > NAMES_SHOWN:
            names += ", …"
        return self.tr("No photo for %n person(s): %1", "", len(problems)).replace("%1", names)

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


def who(problem: PreflightProblem) -> str:
    return problem.name + (f" ({problem.reference})" if problem.reference else "")


def problem_text(problem: PreflightProblem) -> str:
    """``Name (reference): what is wrong``, as the organiser reads it."""
    return f"{who(problem)}: {problem.detail}"


def fix_text(problem: PreflightProblem) -> str:
    """The problem's fix in the app's language ("" when there is no advice)."""
    return QCoreApplication.translate(CONTEXT, problem.fix) if problem.fix else ""


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
        self.fix = QLabel()
        self.fix.setObjectName("problemFix")
        self.fix.setWordWrap(True)
        self.fix.setTextFormat(Qt.TextFormat.PlainText)
        self.fix.setAccessibleName(self.tr("How to fix the chosen problem"))
        self.list.currentItemChanged.connect(self._show_fix)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.fix)
        self._show_fix(None)

    def _show_fix(self, item: QListWidgetItem | None) -> None:
        fix = item.data(FIX_ROLE) if item is not None else ""
        self.fix.setText(self.tr("Fix: %1").replace("%1", fix) if fix else "")
        self.fix.setVisible(bool(fix))

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
