"""UI fixtures: the real app window on a real demo SQLite database, and a fake scanner.

Desk settings live in an ini file under tmp_path, and the user-scope QSettings path is
moved there too, so no test reads or writes this machine's real settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store, open_store
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.core.types import EventInfo
from checkin.ui.app import build_window
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.page import DeskPage
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.desk.settings import DeskSettings, save
from checkin.ui.desk.settings_dialog import SettingsDialog
from checkin.ui.main_window import MainWindow
from tests.conftest import Clock

DEMO_DAY = dt.date(2026, 11, 28)
STATION = "Desk 1"


@dataclass
class DeskApp:
    window: MainWindow
    desk: DeskPage
    controller: DeskController
    detector: ScanDetector
    clock: Clock
    store: Store
    event: EventInfo
    codes: dict[str, str]  # first name -> badge code
    ids: dict[str, int]  # first name -> delegate id
    settings_path: str = ""  # the desk settings (IniFormat)

    def qsettings(self) -> QSettings:
        return QSettings(self.settings_path, QSettings.Format.IniFormat)

    @property
    def qwindow(self) -> QWindow:
        handle = self.window.windowHandle()
        assert handle is not None
        return handle

    def scan(self, code: str, start: int = 1000) -> None:
        """Type ``code`` + Enter into the window at scanner speed (5 ms a key)."""
        burst(self.qwindow, code + "\r", start)


def _send(target: QObject, kind: QEvent.Type, key: int, mods, text: str, t: int) -> None:
    event = QKeyEvent(kind, key, mods, text)
    event.setTimestamp(t)
    QApplication.sendEvent(target, event)


def burst(window: QWindow, text: str, start: int, gap: int = 5) -> None:
    """Keys as a USB scanner sends them to the platform window: presses 5 ms apart."""
    no, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    for i, ch in enumerate(text):
        t = start + i * gap
        specials = {"\r": Qt.Key.Key_Return.value, "\t": Qt.Key.Key_Tab.value}
        key = specials.get(ch) or ord(ch.upper())
        mods = shift if ch.isalpha() and ch.isupper() else no
        if mods == shift:
            _send(window, QEvent.Type.KeyPress, Qt.Key.Key_Shift.value, shift, "", t)
        _send(window, QEvent.Type.KeyPress, key, mods, ch, t)
        _send(window, QEvent.Type.KeyRelease, key, mods, ch, t + 1)
        if mods == shift:
            _send(window, QEvent.Type.KeyRelease, Qt.Key.Key_Shift.value, no, "", t + 1)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    """Default (user-scope) QSettings go to tmp_path: main() must not touch the real ones."""
    folder = str(tmp_path / "user-settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture
def settings_path(tmp_path) -> str:
    """A desk settings file with this desk's station name saved in it."""
    path = str(tmp_path / "desk-settings.ini")
    save(QSettings(path, QSettings.Format.IniFormat), DeskSettings(station=STATION))
    return path


@pytest.fixture
def demo_store(tmp_path):
    store = open_store(str(tmp_path / "desk.sqlite"))
    create_demo(store, today=DEMO_DAY)
    yield store
    store.close()


@pytest.fixture
def desk_app(qtbot, demo_store, settings_path) -> DeskApp:
    clock = Clock(10_000)
    detector = ScanDetector(clock=clock)
    qsettings = QSettings(settings_path, QSettings.Format.IniFormat)
    window = build_window(demo_store, detector=detector, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = window.findChild(DeskController)
    assert controller is not None
    qtbot.waitUntil(lambda: controller.index is not None)  # built in the background
    entries = list_delegates(demo_store, controller.event_info)
    app = DeskApp(
        window,
        controller.view,
        controller,
        detector,
        clock,
        demo_store,
        controller.event_info,
        {e.delegate.first_name: e.code for e in entries},
        {e.delegate.first_name: e.delegate.id for e in entries},
        settings_path,
    )
    yield app
    detector.uninstall()


@pytest.fixture(autouse=True)
def english_plurals(qapp):
    """English as the app speaks it: with its plural forms ("1 person", "86 badges"), as
    ``translations.install`` gives it, unless a test installed a language of its own."""
    from checkin.ui.widgets import translations

    if not translations.installed():
        translations.install_english(qapp)
    yield


@pytest.fixture
def french(qapp):
    """The app in French, with its shipped translations, for one test; English and the
    previous locale again afterwards.  Yields the language installed."""
    from PySide6.QtCore import QLocale

    from checkin.ui.widgets import translations

    locale = QLocale()
    used = translations.install(qapp, "fr")
    yield used
    translations.remove(qapp)
    QLocale.setDefault(locale)


# ---------------------------------------------------------------- helpers shared by tests

KEY_CLICK_GAP = 2000  # ms of event time between two scans: never one burst


def journal(store, delegate_id=None):
    query = select(m.Scan.action, m.Scan.outcome, m.Scan.source, m.Scan.station)
    if delegate_id is not None:
        query = query.where(m.Scan.delegate_id == delegate_id)
    with store.read() as s:
        return [tuple(r) for r in s.execute(query.order_by(m.Scan.id)).all()]


def type_text(widget, text: str) -> None:
    """Type into a widget with text-carrying key events (keyClicks aborts on "Ł")."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def open_settings(app, qtbot) -> SettingsDialog:
    qtbot.keyClick(app.desk.search_box, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = app.controller.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog
