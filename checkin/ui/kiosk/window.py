"""The kiosk's window: full screen, FR/EN on screen, back to welcome when left idle, and
no way out without the staff PIN.

Locked exits: the window ignores its close event (Alt+F4, the window manager's close)
until the PIN was typed; an application-wide filter eats Escape, F1–F12 and every key
with Ctrl, Alt or Meta before any widget or shortcut sees it (Ctrl+Q, Ctrl+W, F11, a
desk's Ctrl+1…), except the hidden staff gesture Ctrl+Shift+K.  A long press (2 s) on
the top left corner is the same gesture for a touch screen.  Both open the PIN screen.

Idle: any key, click or touch restarts a single-shot timer (``idle_ms``, 30 s); when it
fires the kiosk goes back to the welcome screen in its own language, forgetting what
was typed.  Tests pass a short ``idle_ms``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.kiosk.screens import (
    BadgeScreen,
    ConfirmScreen,
    DeskScreen,
    PinScreen,
    Screen,
    TypeScreen,
    WelcomeScreen,
)
from checkin.ui.widgets.translations import LANGUAGES

IDLE_MS = 30_000
HOLD_MS = 2_000  # the staff corner's long press
STAFF_KEY = (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)
_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)

STYLE = """
QWidget#kiosk { background: #0a1a33; color: #ffffff; font-size: 26pt; }
QLabel { color: #ffffff; font-size: 26pt; }
QLabel[role="title"] { font-size: 40pt; font-weight: bold; }
QLabel[role="subtitle"] { font-size: 28pt; color: #e8eef7; }
QLabel[role="big"] { font-size: 34pt; }
QLabel[role="name"] { font-size: 52pt; font-weight: bold; color: #ffe066; }
QLabel[role="warn"] { font-size: 26pt; color: #ffe066; }
QLabel[role="mark-ok"], QLabel[role="mark-info"] { font-size: 72pt; font-weight: bold; }
QLabel[role="mark-ok"] { color: #7dff9a; }
QLabel[role="mark-info"] { color: #ffe066; }
QLabel#kioskStaffNotice { font-size: 16pt; color: #000000; background: #ffe066;
    padding: 6px 12px; }
QLineEdit { font-size: 34pt; padding: 8px; background: #ffffff; color: #000000;
    border: 4px solid #ffe066; border-radius: 8px; }
QPushButton { font-size: 28pt; padding: 10px 28px; background: #ffffff; color: #000000;
    border: 3px solid #ffffff; border-radius: 12px; }
QPushButton[role="primary"] { background: #ffe066; border-color: #ffe066; font-weight: bold; }
QPushButton:focus { border: 6px solid #5fb3ff; }
QPushButton:pressed { background: #c9d6e8; }
QPushButton[kioskKey="true"] { font-size: 24pt; padding: 2px; border-radius: 8px; }
QPushButton#kioskLanguage { font-size: 20pt; min-height: 56px; min-width: 170px;
    padding: 6px 18px; }
QPushButton#kioskLanguage:checked { background: #ffe066; font-weight: bold; }
QWidget#kioskCorner { background: transparent; }
"""


class StaffCorner(QWidget):
    """The invisible top left corner: a long press asks for the staff PIN."""

    held = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCorner")
        self.setFixedSize(72, 72)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HOLD_MS)
        self.timer.timeout.connect(self.held)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.timer.stop()
        event.accept()


class KioskWindow(QWidget):
    """The screens in a stack, a language bar, the staff notice; locked until the PIN."""

    language_chosen = Signal(str)
    staff_asked = Signal()
    idle = Signal()

    def __init__(self, event_name: str, language: str = "en", *, idle_ms: int = IDLE_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.released = False  # the staff PIN was typed: the window may close
        self.language = language
        self.welcome = WelcomeScreen(event_name)
        self.name = TypeScreen("name", language)
        self.detail = TypeScreen("detail", language)
        self.confirm = ConfirmScreen()
        self.badge = BadgeScreen()
        self.desk = DeskScreen()
        self.pin = PinScreen()
        self.stack = QStackedWidget()
        self.screens: dict[str, Screen] = {}
        for screen in (self.welcome, self.name, self.detail, self.confirm, self.badge,
                       self.desk, self.pin):
            self.stack.addWidget(screen)
            self.screens[screen.key] = screen
        self.notice = QLabel()
        self.notice.setObjectName("kioskStaffNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.corner = StaffCorner()
        self.corner.held.connect(self.staff_asked)
        self.languages = self._language_bar()
        top = QHBoxLayout()
        top.addWidget(self.corner)
        top.addStretch()
        top.addLayout(self.languages)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.notice)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 16, 8)
        box.addLayout(top)
        box.addWidget(self.stack, 1)
        box.addLayout(bottom)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self.idle)
        self.retranslate()

    def _language_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.language_buttons: dict[str, QPushButton] = {}
        for code, own_name in LANGUAGES:  # in their own words, never translated
            button = QPushButton(own_name)
            button.setObjectName("kioskLanguage")
            button.setCheckable(True)
            button.setAccessibleName(own_name)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
            row.addWidget(button)
        return row

    # ------------------------------------------------------------ screens

    @property
    def current(self) -> str:
        widget = self.stack.currentWidget()
        return widget.key if isinstance(widget, Screen) else ""

    def show_screen(self, key: str) -> Screen:
        screen = self.screens[key]
        self.stack.setCurrentWidget(screen)
        screen.focus_first()
        if key == "welcome":
            self.idle_timer.stop()
        else:
            self.idle_timer.start()
        return screen

    def set_language(self, language: str) -> None:
        self.language = language
        for code, button in self.language_buttons.items():
            button.setChecked(code == language)
        self.retranslate()

    def retranslate(self) -> None:
        for screen in self.screens.values():
            if isinstance(screen, TypeScreen):
                screen.keys.set_language(self.language)
            screen.retranslate()
        self.setWindowTitle(self.tr("Self check-in"))
        self.setAccessibleName(self.tr("Self check-in"))
        self.notice.setAccessibleName(self.tr("Staff notice"))
        for code, button in self.language_buttons.items():
            button.setChecked(code == self.language)

    def show_notice(self, text: str) -> None:
        """A notice for staff in the bottom corner (no delegate's name in it)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ------------------------------------------------------------ locked

    def install(self) -> None:
        """Listen to the whole application (every key and touch, before any widget)."""
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT and self.current != "welcome":
            self.idle_timer.start()  # someone is there
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            if self._staff_key(event):
                if kind == QEvent.Type.KeyPress and event.isAutoRepeat() is False:
                    self.staff_asked.emit()
                return True
            if self._blocked(event):
                return True
        return False

    @staticmethod
    def _staff_key(event: QKeyEvent) -> bool:
        wanted = _MODIFIERS | Qt.KeyboardModifier.ShiftModifier
        return event.key() == STAFF_KEY[0] and event.modifiers() & wanted == STAFF_KEY[1]

    @staticmethod
    def _blocked(event: QKeyEvent) -> bool:
        """Escape, function keys and every Ctrl/Alt/Meta chord: nothing to leave by."""
        key = event.key()
        if key == Qt.Key.Key_Escape or Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35:
            return True
        mods = event.modifiers()
        altgr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if mods & altgr == altgr and event.text().isprintable() and event.text():
            return False  # AltGr on Windows types "@" or "€" as Ctrl+Alt
        return bool(mods & _MODIFIERS)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.released:
            self.uninstall()
            event.accept()
        else:
            event.ignore()  # Alt+F4, the window manager: only the staff PIN closes it
