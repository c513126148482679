"""The app in French, walked like a Geneva desk would: every page (Ctrl+1…5) and every
dialog that opens without changing anything (walk-in, settings, delegate form, import
wizard, export dialogs, paper ticks, purge, the dashboard's watch list), each closed
with Escape.  Every text on
screen — labels, buttons, check boxes, group boxes, tabs, table headers, placeholders,
tooltips, combo items, window titles, menus — is collected, and the test fails listing
any that is still English: a source text of the .ts whose French differs (also with its
%1 filled in), an English plural form, an English country name, or a "(s)".

Data is not translated and is allowed: the demo's names, organisations, session titles
and categories (they are the event's, in the event's language), and time-zone
identifiers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zoneinfo
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
    QWizard,
)

from checkin.core.roster.countries import country_codes, country_name
from checkin.core.roster.delegates import list_delegates
from checkin.ui.desk.controller import DeskController
from checkin.ui.organiser.export_dialogs import SplitDialog, TemplateDialog
from checkin.ui.organiser.menu import OrganiserMenu
from checkin.ui.roster.delegate_dialog import DelegateDialog
from checkin.ui.roster.importing.wizard import ImportWizard

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")
PAGES = ("desk", "dashboard", "roster", "badges", "agenda")


def _plain(text: str) -> str:
    """What the eye reads: no accelerator ampersands, spaces folded."""
    return " ".join(re.sub(r"&(&?)", r"\1", text).split())


def _messages(name: str) -> Iterator[tuple[str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / name).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def _english() -> tuple[set[str], list[re.Pattern[str]]]:
    """The English texts that must not show in French: plain ones, and patterns for
    those with placeholders (only when their words say something: "%1 (%2)" does not)."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []

    def add(english: str, french: list[str]) -> None:
        text = _plain(english)
        if any(_plain(f) == text for f in french):
            return  # the same in both languages ("Organisation", "Badges", "OK")
        words = PLACEHOLDER.sub(" ", text)
        if not PLACEHOLDER.search(text):
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= 1 and len(text) > 2:
                plain.add(text)
        elif len(re.findall(r"[A-Za-z]{3,}", words)) >= 2:
            parts = PLACEHOLDER.split(text)
            patterns.append(re.compile(".+?".join(re.escape(p) for p in parts) + "$"))

    for _context, message in _messages("checkin_fr.ts"):
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            french = [form.text or "" for form in translation.iter("numerusform")]
        else:
            french = [translation.text or ""]
        add(message.findtext("source") or "", french)
    for _context, message in _messages("checkin_en.ts"):  # "1 person", "2 people"
        for form in message.iter("numerusform"):
            add(form.text or "", [])
    return plain, patterns


def _texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` of what one widget shows besides its title and tooltip."""
    if isinstance(widget, QLabel | QAbstractButton):
        yield "", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "", widget.title()
    elif isinstance(widget, QLineEdit):
        yield " placeholder", widget.placeholderText()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield " tab", widget.tabText(i)
            yield " tab tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield " item", widget.itemText(i)
    elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        yield from _headers(widget)
    elif isinstance(widget, QMenu):
        for action in widget.actions():
            yield " action", action.text()
            yield " action tooltip", action.toolTip()
    elif isinstance(widget, QWizard):
        yield " page", widget.currentPage().title()
        yield " page", widget.currentPage().subTitle()


def _headers(view: QTableView | QTreeView) -> Iterator[tuple[str, str]]:
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    for column in range(header.count()):
        yield " header", str(view.model().headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")


def _visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of every text shown by ``root`` and its visible children."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if widget.isWindow():
            yield where + " title", widget.windowTitle()
        yield where + " tooltip", widget.toolTip()
        for kind, text in _texts_of(widget):
            yield where + kind, text
    for action in root.findChildren(QAction):
        if action.isVisible() and action.text():
            yield "QAction " + repr(action.objectName()), action.text()


class Walk:
    """Collects the English left on screen as the test goes through the app."""

    def __init__(self, allowed: set[str]) -> None:
        self.plain, self.patterns = _english()
        english_only = {country_name(c, "en") for c in country_codes()}
        self.countries = english_only - {country_name(c, "fr") for c in country_codes()}
        self.allowed = allowed
        self.seen = 0
        self.problems: list[str] = []

    def look(self, step: str, root: QWidget) -> None:
        for where, raw in _visible_texts(root):
            for line in (raw or "").split("\n"):
                text = _plain(line)
                if not text or text in self.allowed:
                    continue
                self.seen += 1
                if self._english(text):
                    self.problems.append(f"{step}: {where}: {text!r}")

    def _english(self, text: str) -> bool:
        if "(s)" in text or text in self.plain or text in self.countries:
            return True
        return any(pattern.match(text) for pattern in self.patterns)


def _demo_data(store, event) -> set[str]:
    """The event's own words: people, organisations, sessions, categories, the venue."""
    data = {event.name, event.venue, event.address}
    for entry in list_delegates(store, event):
        d = entry.delegate
        data |= {d.first_name, d.last_name, d.full_name, d.organisation, d.reference}
    data |= {s.title for s in event.sessions} | {c.label for c in event.categories}
    data |= zoneinfo.available_timezones()  # "Europe/Zurich", "Japan": identifiers, not words
    return {_plain(text) for text in data if text}


def _dialogs(window, controller: DeskController) -> dict[str, Callable[[], QDialog | None]]:
    menu = window.findChild(OrganiserMenu)
    store, event = controller.store, controller.event_info

    def delegate() -> QDialog:
        entry = list_delegates(store, event)[0]
        return DelegateDialog(event, entry.delegate, window)

    return {
        "walk-in": controller.new_walk_in,
        "settings": controller.open_settings,
        "delegate form": delegate,
        "import wizard": lambda: ImportWizard(store, event, window),
        "sign-in sheets": lambda: SplitDialog(window),
        "badges by e-mail": lambda: TemplateDialog(window),
        "paper sign-in ticks": menu.enter_paper_ticks,
        "purge": menu.purge_personal_data,
        "watch list": lambda: window.page("dashboard").choose_watch(),
    }


def _open_and_close(qtbot, name: str, make: Callable[[], QDialog | None]) -> QDialog:
    dialog = make()
    assert dialog is not None, f"{name} did not open"
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _escape(qtbot, dialog: QDialog) -> None:
    focus = QApplication.focusWidget()
    target = focus if focus is not None and focus.window() is dialog else dialog
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _ctrl(qtbot, window, key: Qt.Key) -> None:
    """Ctrl+key as a person presses it: to the widget with the focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus = QApplication.focusWidget()
    target = focus if focus is not None and focus.window() is window else window
    qtbot.keyClick(target, key, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def walk(french, desk_app) -> Walk:
    assert french == "fr"
    controller = desk_app.window.findChild(DeskController)
    return Walk(_demo_data(desk_app.store, controller.event_info))


def test_every_page_in_french_shows_no_english(walk, desk_app, qtbot):
    window = desk_app.window
    seen = []
    for number, key in enumerate(PAGES, start=1):
        _ctrl(qtbot, window, Qt.Key(Qt.Key.Key_0 + number))
        qtbot.waitUntil(lambda k=key: window.current_page() == k)
        page = window.page(key)
        qtbot.waitUntil(page.isVisible)
        seen.append(key)
        walk.look(f"page {key}", window)
    walk.look("menu bar", window.menuBar())
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.text() and _plain(action.text()) in walk.plain:
                walk.problems.append(f"menu: {action.text()!r}")
    assert seen == list(PAGES)
    assert walk.seen > 200  # the walk saw the pages, not an empty window
    assert not walk.problems, "English in the French app:\n" + "\n".join(walk.problems)


def test_every_dialog_in_french_shows_no_english(walk, desk_app, qtbot):
    window = desk_app.window
    controller = window.findChild(DeskController)
    opened = []
    for name, make in _dialogs(window, controller).items():
        dialog = _open_and_close(qtbot, name, make)
        walk.look(name, dialog)
        _escape(qtbot, dialog)
        opened.append(name)
    assert len(opened) == 9
    assert walk.seen > 100
    assert not walk.problems, "English in the French app:\n" + "\n".join(walk.problems)


def test_countries_are_french_on_the_roster_and_in_the_walk_in_form(walk, desk_app, qtbot):
    window = desk_app.window
    _ctrl(qtbot, window, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.current_page() == "roster")
    roster = window.page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() > 0)
    model = roster.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Pays")
    shown = {str(model.index(r, column).data()) for r in range(model.rowCount())}
    assert "Suisse" in shown and "Switzerland" not in shown
    assert not shown & walk.countries, shown & walk.countries

    dialog = window.findChild(DeskController).new_walk_in()
    qtbot.waitExposed(dialog)
    fields = dialog.fields
    completer = fields.completer
    for typed in ("Suisse", "Switzerland", "suisse", "switz"):
        completer.setCompletionPrefix(typed)
        assert completer.currentCompletion() == "Suisse", typed
    completer.setCompletionPrefix("Etats-Unis")
    assert completer.currentCompletion() == "États-Unis"
    _escape(qtbot, dialog)
