"""Whose badges: everyone registered, only the never printed, or people ticked by hand.

The box shows how many badges are printed, the three ways to choose, and the people
to tick: a ``QListView`` over ``PeopleModel`` through a case-insensitive filter on each
line's searchable text (name, organisation, reference, printed or not), so typing
"caritas" narrows 50,000 lines at once.  Ticking someone chooses "Chosen people".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges.choosing import ALL, CHOSEN, UNPRINTED, Choice, Selection
from checkin.ui.badges.people_model import PeopleModel


class WhoBox(QGroupBox):
    """The counts, the three modes and the list of people to tick."""

    mode_changed = Signal()
    """Another of the three ways to choose was picked."""
    ticks_changed = Signal()
    """People were ticked or unticked without changing the mode."""

    def hasHeightForWidth(self) -> bool:
        """No: with its wrapped label the page's column would give this box its
        *preferred* height and squeeze the other box under its minimum (short window)."""
        return False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Who"), parent)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.counts_label.setWordWrap(True)
        self.all_radio = QRadioButton(self.tr("&All registered"))
        self.unprinted_radio = QRadioButton(self.tr("&Not yet printed"))
        self.chosen_radio = QRadioButton(self.tr("C&hosen people"))
        self.mode_group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        for radio, mode in (
            (self.all_radio, ALL), (self.unprinted_radio, UNPRINTED), (self.chosen_radio, CHOSEN)
        ):
            radio.setObjectName(f"{mode}Radio")
            radio.setProperty("mode", mode)
            radio.setAccessibleName(radio.text().replace("&", ""))
            self.mode_group.addButton(radio)
            layout.addWidget(radio)
        self.unprinted_radio.setChecked(True)
        self.mode_group.buttonToggled.connect(lambda _b, on: on and self.mode_changed.emit())
        self._people_list(layout)

    def _people_list(self, layout: QVBoxLayout) -> None:
        self.model = PeopleModel(self)
        self._filling = False  # ticks set by ``set_chosen`` do not switch the mode
        self.model.ticked_changed.connect(lambda: None if self._filling else self._ticked())
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(Qt.ItemDataRole.AccessibleTextRole)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter people by name or organisation"))
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, organisation, reference"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setObjectName("peopleList")
        self.view.setAccessibleName(
            self.tr("People: tick those to print (chooses “Chosen people”)")
        )
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        # Eight names at least: the list a short window squeezes first is this one.
        self.view.setMinimumHeight(8 * self.view.fontMetrics().height() + 6)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosenCount")
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chosen_label)

    def mode(self) -> str:
        button = self.mode_group.checkedButton()
        return button.property("mode") if button else UNPRINTED

    def selection(self) -> Selection:
        mode = self.mode()
        return Selection(mode, self.model.ticked_refs() if mode == CHOSEN else ())

    def set_choices(self, choices: list[Choice]) -> None:
        """New people (ticks of references still present are kept), and their counts."""
        self.model.set_choices(choices)
        printed = sum(1 for c in choices if c.printed)
        self.counts_label.setText(
            self.tr("Registered: %1. Printed: %2. Not yet printed: %3.")
            .replace("%1", str(len(choices)))
            .replace("%2", str(printed))
            .replace("%3", str(len(choices) - printed))
        )
        self._show_count()

    def set_chosen(self, refs: Sequence[str]) -> None:
        """Tick these references and choose "Chosen people"."""
        self._filling = True
        try:
            self.model.set_ticked(refs)
        finally:
            self._filling = False
        self.chosen_radio.setChecked(True)
        self._ticked()

    def _show_count(self) -> int:
        count = len(self.model.ticked)
        self.chosen_label.setText(self.tr("%n person(s) ticked.", "", count))
        return count

    def _ticked(self) -> None:
        if self._show_count() and not self.chosen_radio.isChecked():
            self.chosen_radio.setChecked(True)  # ticking someone means "these people"
            return  # ``mode_changed`` tells the page
        self.ticks_changed.emit()
