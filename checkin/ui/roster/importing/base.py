"""What the import wizard's pages share: a page that cannot be left incomplete, and
their read-only tables and plain-text messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWizardPage

PREVIEW_ROWS = 20  # rows of the file shown on the file and columns pages
CHANGE_ROWS = 500  # changes listed on the changes page (the counts are always complete)


def table(name: str, accessible: str, model) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setWordWrap(False)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def message(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class Page(QWizardPage):
    """A page that cannot be left while incomplete, even by ``QWizard.next()``."""

    def validatePage(self) -> bool:
        return self.isComplete()
