"""The shell: a stack of pages with a navigation bar, and nothing else.

Pages are built elsewhere (``app.py`` composes them) and handed in — as widgets, or as
functions that build them, called on the page's first visit (``page``, ``show_page``)
or by ``build_next_page`` once the window is on screen; the shell only
switches between them (buttons, Ctrl+1…Ctrl+9) and toggles full screen (F11), so it
never grows into the window that knows everything.  A banner may sit between the
navigation and the pages (``set_banner``: the desk's result banner, seen on every page).
Locked (``set_locked``), only the first page is reachable: the navigation bar hides and
the other pages' keys do nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.widgets.reflow import fit_to_screen

DEFAULT_SIZE = QSize(1280, 740)

Page = QWidget | Callable[[], QWidget]
"""A page, or what builds it when it is first needed."""


class MainWindow(QMainWindow):
    """Pages in a ``QStackedWidget``; the navigation bar hides when there is one page."""

    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("checkin"))
        self.resize(DEFAULT_SIZE)
        self.stack = QStackedWidget()
        self.nav = QWidget()
        self.nav.setAccessibleName(self.tr("Pages"))
        self._nav_row = QHBoxLayout(self.nav)
        self._nav_row.setContentsMargins(8, 4, 8, 0)
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        self._keys: list[str] = []
        self._shortcuts: list[QShortcut] = []
        self._locked = False
        self._builders: dict[str, Callable[[], QWidget]] = {}  # pages not built yet
        self._fitted = False
        self.banner: QWidget | None = None
        central = QWidget()
        self._column = layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        full = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        full.activated.connect(self.toggle_full_screen)

    def set_pages(self, pages: list[tuple[str, str, Page]]) -> None:
        """Replace every page with ``(key, title, page)``s; the first is shown.  A page
        already in place and given again is kept (the Desk painted before the database
        was open, ``launch``); the others are deleted."""
        keep = {id(widget) for _key, _title, widget in pages}
        for button in self._buttons.buttons():
            self._buttons.removeButton(button)
        while self._nav_row.count():
            item = self._nav_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for shortcut in self._shortcuts:
            shortcut.deleteLater()
        self._shortcuts = []
        while self.stack.count():
            old = self.stack.widget(0)
            self.stack.removeWidget(old)
            if id(old) not in keep:
                old.deleteLater()
        self._keys = []
        self._builders = {}
        for number, (key, title, widget) in enumerate(pages, start=1):
            self._keys.append(key)
            self.stack.addWidget(self._placeholder(key, widget))
            button = QPushButton(title)
            button.setCheckable(True)
            button.setAccessibleName(title)
            if number <= 9:
                button.setToolTip(
                    self.tr("%1 (Ctrl+%2)").replace("%1", title).replace("%2", str(number))
                )
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda k=key: self.show_page(k))
                self._shortcuts.append(shortcut)
            button.clicked.connect(lambda _checked=False, k=key: self.show_page(k))
            self._buttons.addButton(button, number - 1)
            self._nav_row.addWidget(button)
        self._nav_row.addStretch(1)
        self._apply_lock()
        if pages:
            self.show_page(pages[0][0])

    def set_banner(self, banner: QWidget) -> None:
        """Put ``banner`` above the pages, in place of any earlier one."""
        if self.banner is not None:
            self._column.removeWidget(self.banner)
            self.banner.deleteLater()
        self.banner = banner
        self._column.insertWidget(1, banner)

    def set_locked(self, locked: bool) -> None:
        """Locked: back to the first page, and no way to the others."""
        self._locked = locked
        self._apply_lock()
        if locked and self._keys and self.current_page() != self._keys[0]:
            self.show_page(self._keys[0])

    def is_locked(self) -> bool:
        return self._locked

    def _apply_lock(self) -> None:
        self.nav.setVisible(len(self._keys) > 1 and not self._locked)
        for number, shortcut in enumerate(self._shortcuts):
            shortcut.setEnabled(number == 0 or not self._locked)

    def show_page(self, key: str) -> None:
        row = self._keys.index(key)
        if self._locked and row != 0:
            return
        self.page(key)  # built now if it was not yet
        self.stack.setCurrentIndex(row)
        button = self._buttons.button(row)
        if button is not None:
            button.setChecked(True)
        self.page_changed.emit(key)

    def current_page(self) -> str:
        row = self.stack.currentIndex()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def replace_page(self, key: str, widget: Page) -> None:
        """Put ``widget`` in place of page ``key`` (a page rebuilt for an edited event)."""
        self._builders.pop(key, None)
        self._swap(self._keys.index(key), self._placeholder(key, widget))

    def page(self, key: str) -> QWidget:
        """Page ``key``, built now if it was not yet."""
        builder = self._builders.pop(key, None)
        if builder is not None:
            self._swap(self._keys.index(key), builder())
        return self.stack.widget(self._keys.index(key))

    def built_page(self, key: str) -> QWidget | None:
        """Page ``key`` if it is built, else None (and it stays unbuilt)."""
        return None if key in self._builders else self.page(key)

    def build_next_page(self) -> bool:
        """Build one page not built yet, in the order of the navigation; True if any
        remain (call again from the event loop: one page per turn keeps the desk quick)."""
        if self._builders:
            self.page(next(k for k in self._keys if k in self._builders))
        return bool(self._builders)

    def _placeholder(self, key: str, page: Page) -> QWidget:
        if isinstance(page, QWidget):
            return page
        self._builders[key] = page
        return QWidget()  # an empty stand-in until the page is built

    def _swap(self, row: int, widget: QWidget) -> None:
        old = self.stack.widget(row)
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(current)

    def showEvent(self, event) -> None:
        """The first time: as big as asked, or as the screen allows (a 1280×720 laptop
        has no room for a 1280×740 window and its title bar)."""
        if not self._fitted:
            self._fitted = True
            fit_to_screen(self, self.size())
        super().showEvent(event)

    def toggle_full_screen(self) -> None:
        """F11: the desk laptop as a kiosk screen, and back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
