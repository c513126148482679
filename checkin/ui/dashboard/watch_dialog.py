"""Choosing the dashboard's watch list: whole categories and/or individual people.

Opened by "Choose…" on the Watch list tab.  The categories are check boxes; people are
found with a search field (the desk's search: names, organisation, reference, e-mail,
typos forgiven) and added to the list of people watched.  Everything works from the
keyboard: Tab between the parts, Enter in the results adds the person, Delete in the
list removes one.  What was saved before, and the search index, are read in the
background when the dialog opens; saving is the page's work (``DashboardPage``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.dashboard.snapshot import Person
from checkin.core.dashboard.watch import DEFAULT, WatchChoice, load_watch, people_by_number
from checkin.core.db.store import Store
from checkin.core.desk.search import SearchIndex
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.widgets.workers import run_in_background

RESULTS = 30  # people shown for one search
_NUMBER = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Loaded:
    choice: WatchChoice
    people: tuple[Person, ...]  # those the choice names, for their names
    index: SearchIndex


def _load(store: Store, event_id: int) -> _Loaded:
    """On a worker thread: the saved choice, its people and a search index."""
    choice = load_watch(store, event_id)
    return _Loaded(choice, people_by_number(store, event_id, choice.numbers),
                   SearchIndex.build(store, event_id))


def person_line(p: Person | DelegateInfo) -> str:
    org = f" — {p.organisation}" if p.organisation else ""
    return f"{p.last_name.upper()} {p.first_name}{org} (nº\u00a0{p.number})".strip()


class _Keys(QObject):
    """Enter in the search field or on the results adds the person (not the dialog's
    OK); Delete or Backspace on the list of people watched removes one."""

    def __init__(self, dialog: WatchDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if obj is self.dialog.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.dialog.search.text().strip():
                self.dialog.run_search()
                self.dialog.add_selected()
            return True
        if obj is self.dialog.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dialog.add_selected()
            return True
        if obj is self.dialog.chosen and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.dialog.remove_selected()
            return True
        return False


class WatchDialog(QDialog):
    """``choice()`` is what the coordinator picked; ``loaded`` fires once the saved
    choice is shown (tests wait for it)."""

    loaded = Signal()

    def __init__(self, store: Store, event: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.event_info = event
        self.index: SearchIndex | None = None
        self.setWindowTitle(self.tr("Watch list"))
        self.setAccessibleName(self.tr("Choose the watch list"))
        intro = QLabel(self.tr("The dashboard alerts you when someone on the watch list "
                               "arrives. Watch whole categories, or people by name."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._categories_box())
        layout.addWidget(self._people_box(), 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setText(self.tr("Speakers and VIPs"))
        defaults.setAccessibleName(self.tr("Back to the default: speakers and VIPs"))
        defaults.clicked.connect(lambda: self.show_choice(DEFAULT, ()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._keys = _Keys(self)
        self.results.installEventFilter(self._keys)
        self.search.installEventFilter(self._keys)
        self.chosen.installEventFilter(self._keys)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.resize(620, 560)
        self._set_busy(True)
        job = run_in_background(_load, store, event.id, parent=self)
        job.succeeded.connect(self._loaded)
        job.failed.connect(self._load_failed)

    # ------------------------------------------------------------------ layout

    def _categories_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Categories"))
        box.setAccessibleName(self.tr("Categories to watch"))
        grid = QGridLayout(box)
        self.boxes: dict[str, QCheckBox] = {}
        for i, c in enumerate(self.event_info.categories):
            check = QCheckBox(c.label)
            check.setAccessibleName(self.tr("Watch every %1").replace("%1", c.label))
            grid.addWidget(check, i // 3, i % 3)
            self.boxes[c.key] = check
        return box

    def _people_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("People"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, organisation or badge number"))
        self.search.setAccessibleName(self.tr("Find a person to watch"))
        self.search.setClearButtonEnabled(True)
        find = QLabel(self.tr("&Find:"))
        find.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("People found"))
        self.results.itemActivated.connect(lambda _item: self.add_selected())
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add the selected person to the watch list"))
        self.add_button.clicked.connect(self.add_selected)
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("People watched"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected person from the watch list"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(find)
        row.addWidget(self.search, 1)
        grid = QGridLayout(box)
        grid.addLayout(row, 0, 0, 1, 2)
        grid.addWidget(self.results, 1, 0)
        grid.addWidget(self.chosen, 1, 1)
        grid.addWidget(self.add_button, 2, 0)
        grid.addWidget(self.remove_button, 2, 1)
        grid.addWidget(self.status, 3, 0, 1, 2)
        return box

    # ------------------------------------------------------------------ loading

    def _set_busy(self, busy: bool) -> None:
        for w in (self.search, self.results, self.chosen, self.add_button,
                  self.remove_button, self.buttons):
            w.setEnabled(not busy)
        self.status.setText(self.tr("Reading the watch list…") if busy else "")

    def _loaded(self, loaded: _Loaded) -> None:
        self.index = loaded.index
        self.show_choice(loaded.choice, loaded.people)
        self._set_busy(False)
        self.search.setFocus()
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        from checkin.ui.widgets.messages import first_line

        self.status.setText("⚠ " + self.tr("Could not read the watch list: %1")
                            .replace("%1", first_line(exc)))
        self.buttons.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def show_choice(self, choice: WatchChoice, people) -> None:
        """Tick the categories and list the people of ``choice``."""
        for key, check in self.boxes.items():
            check.setChecked(key in choice.categories)
        self.chosen.clear()
        named = {p.number: p for p in people}
        for number in choice.numbers:
            p = named.get(number)
            self._add_item(number, person_line(p) if p else self.tr("Badge nº %1")
                           .replace("%1", str(number)))

    # ------------------------------------------------------------------ people

    def run_search(self) -> None:
        self._timer.stop()
        self.results.clear()
        text = self.search.text().strip()
        if not text or self.index is None:
            return
        for hit in self.index.search(text, RESULTS):
            item = QListWidgetItem(person_line(hit.delegate))
            item.setData(_NUMBER, hit.delegate.number)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self.results.addItem(self.tr("No one found"))

    def _numbers(self) -> list[int]:
        return [self.chosen.item(i).data(_NUMBER) for i in range(self.chosen.count())]

    def _add_item(self, number: int, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(_NUMBER, number)
        self.chosen.addItem(item)

    def add_selected(self) -> None:
        item = self.results.currentItem()
        number = item.data(_NUMBER) if item is not None else None
        if number is None:
            return
        if number not in self._numbers():
            self._add_item(number, item.text())
        self.status.setText(self.tr("Added: %1").replace("%1", item.text()))

    def remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            item = self.chosen.takeItem(row)
            self.status.setText(self.tr("Removed: %1").replace("%1", item.text()))

    def choice(self) -> WatchChoice:
        keys = [key for key, check in self.boxes.items() if check.isChecked()]
        return WatchChoice.of(keys, self._numbers())
