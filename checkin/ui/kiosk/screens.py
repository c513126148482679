"""The kiosk's screens, one person at a time: welcome, type a name, confirm a detail, "is
this you?", "take your badge", "please see the desk", and the staff PIN.

Views only: each screen shows what it is given and says what was touched (signals);
``controller.KioskController`` decides.  Words are set in ``retranslate`` so the FR/EN
switch on screen changes them at once.  Large type, high contrast and big buttons come
from the window's style sheet (``window.STYLE``); each text also says what a colour
means (never colour alone), and each control has an accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.kiosk.keypad import Keypad, PinPad


def _label(name: str, role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from a registration form
    label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    return label


def _button(name: str, role: str = "") -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setMinimumHeight(80)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    return button


def _name(widget: QWidget, text: str) -> None:
    widget.setAccessibleName(text)
    if isinstance(widget, QPushButton):
        widget.setText(text)


class Screen(QWidget):
    """A kiosk screen: a column of centred parts."""

    key = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(80, 8, 80, 16)
        self.column.setSpacing(14)

    def retranslate(self) -> None:  # pragma: no cover - each screen words itself
        raise NotImplementedError

    def focus_first(self) -> None:
        self.focusNextChild()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the button that has the focus (a keyboard alone works)."""
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
            focused, QPushButton
        ):
            focused.click()
            return
        super().keyPressEvent(event)


class WelcomeScreen(Screen):
    """Scan your QR code, or find yourself by name; typing starts the search."""

    key = "welcome"
    search = Signal(str)  # what was typed already ("" from the button)

    def __init__(self, event_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_name = event_name
        self.title = _label("kioskWelcomeTitle", "title")
        self.event_label = _label("kioskEventName", "subtitle")
        self.event_label.setText(event_name)
        self.scan_hint = _label("kioskScanHint", "big")
        self.or_label = _label("kioskOr")
        self.search_button = _button("kioskSearchButton", "primary")
        self.search_button.clicked.connect(lambda: self.search.emit(""))
        for w in (self.title, self.event_label, self.scan_hint, self.or_label, self.search_button):
            self.column.addWidget(w)
        self.column.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome"))
        self.scan_hint.setText(self.tr("Hold the QR code from your e-mail under the scanner"))
        self.or_label.setText(self.tr("or"))
        _name(self.search_button, self.tr("Find me by name or e-mail"))

    def focus_first(self) -> None:
        self.search_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A keyboard alone: typing a letter starts the search with it."""
        text = event.text()
        if text and text.isprintable() and not text.isspace():
            self.search.emit(text)
            return
        super().keyPressEvent(event)  # Enter or Space: the search button


class TypeScreen(Screen):
    """A line to type (a name or e-mail; then the confirming detail), with keys."""

    submitted = Signal(str)
    back = Signal()

    def __init__(self, key: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = _label(f"kiosk_{key}_title", "title")
        self.hint = _label(f"kiosk_{key}_hint")
        self.message = _label(f"kiosk_{key}_message", "warn")
        self.field = QLineEdit()
        self.field.setObjectName(f"kiosk_{key}_field")
        self.field.setMaxLength(120)
        self.field.returnPressed.connect(self._submit)
        self.keys = Keypad(self.field, language)
        self.back_button = _button(f"kiosk_{key}_back")
        self.next_button = _button(f"kiosk_{key}_next", "primary")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        for w in (self.title, self.hint, self.field, self.message):
            self.column.addWidget(w)
        self.column.addWidget(self.keys, 1)
        self.column.addLayout(row)
        self.retranslate()

    def start(self, text: str = "", message: str = "") -> None:
        self.field.setText(text)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.field.setFocus()
        self.field.end(False)

    def _submit(self) -> None:
        self.submitted.emit(self.field.text())

    def focus_first(self) -> None:
        self.field.setFocus()

    def retranslate(self) -> None:
        if self.key == "name":
            self.title.setText(self.tr("Find your registration"))
            self.hint.setText(self.tr("Type your name or your e-mail address"))
            _name(self.field, self.tr("Your name or e-mail"))
            _name(self.next_button, self.tr("Next"))
        else:
            self.title.setText(self.tr("One more detail"))
            self.hint.setText(self.tr(
                "To protect your privacy, type the name of your organisation or the "
                "first letters of your e-mail address"))
            _name(self.field, self.tr("Your organisation or the start of your e-mail"))
            _name(self.next_button, self.tr("Confirm"))
        _name(self.back_button, self.tr("Back"))
        self.keys.retranslate()


class ConfirmScreen(Screen):
    """The one person a search and its detail found: is this you?"""

    key = "confirm"
    yes = Signal()
    no = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label("kioskConfirmTitle", "title")
        self.person = _label("kioskConfirmName", "name")
        self.organisation = _label("kioskConfirmOrganisation", "subtitle")
        self.yes_button = _button("kioskYes", "primary")
        self.no_button = _button("kioskNo")
        self.yes_button.clicked.connect(self.yes)
        self.no_button.clicked.connect(self.no)
        for w in (self.title, self.person, self.organisation):
            self.column.addWidget(w)
        self.column.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.no_button)
        row.addWidget(self.yes_button)
        self.column.addLayout(row)
        self.retranslate()

    def show_person(self, name: str, organisation: str) -> None:
        self.person.setText(name)
        self.organisation.setText(organisation)
        self.yes_button.setFocus()

    def focus_first(self) -> None:
        self.yes_button.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Is this you?"))
        _name(self.yes_button, self.tr("Yes, check me in"))
        _name(self.no_button, self.tr("No, this is not me"))


class BadgeScreen(Screen):
    """Checked in: the badge is printing, then "Take your badge"."""

    key = "badge"
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = _label("kioskBadgeMark", "mark-ok")
        self.title = _label("kioskBadgeTitle", "title")
        self.person = _label("kioskBadgeName", "name")
        self.status = _label("kioskBadgeStatus", "big")
        self.done_button = _button("kioskBadgeDone")
        self.done_button.clicked.connect(self.done)
        for w in (self.mark, self.title, self.person, self.status):
            self.column.addWidget(w)
        self.column.addStretch()
        self.column.addWidget(self.done_button)
        self.printed = False
        self.first_name = ""
        self.retranslate()

    def show_person(self, first_name: str, full_name: str) -> None:
        self.first_name = first_name
        self.person.setText(full_name)
        self.printed = False
        self.retranslate()
        self.done_button.setFocus()

    def set_printed(self) -> None:
        self.printed = True
        self.retranslate()

    def focus_first(self) -> None:
        self.done_button.setFocus()

    def retranslate(self) -> None:
        self.mark.setText("✔")
        self.mark.setAccessibleName(self.tr("Checked in"))
        self.title.setText(
            self.tr("Welcome, %1! You are checked in.").replace("%1", self.first_name)
            if self.first_name else self.tr("You are checked in."))
        self.status.setText(self.tr("Take your badge from the printer")
                            if self.printed else self.tr("Your badge is printing…"))
        _name(self.done_button, self.tr("Done"))


class DeskScreen(Screen):
    """Staff must help: "Please see the desk", never why (someone may be reading)."""

    key = "desk"
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = _label("kioskDeskMark", "mark-info")
        self.title = _label("kioskDeskTitle", "title")
        self.hint = _label("kioskDeskHint", "big")
        self.done_button = _button("kioskDeskDone", "primary")
        self.done_button.clicked.connect(self.done)
        for w in (self.mark, self.title, self.hint):
            self.column.addWidget(w)
        self.column.addStretch()
        self.column.addWidget(self.done_button)
        self.for_badge = False
        self.retranslate()

    def show_case(self, *, for_badge: bool = False) -> None:
        self.for_badge = for_badge
        self.retranslate()
        self.done_button.setFocus()

    def focus_first(self) -> None:
        self.done_button.setFocus()

    def retranslate(self) -> None:
        self.mark.setText("i")
        self.mark.setAccessibleName(self.tr("Information"))
        self.title.setText(self.tr("Please see the desk for your badge") if self.for_badge
                           else self.tr("Please see the desk"))
        self.hint.setText(self.tr("A member of staff will help you."))
        _name(self.done_button, self.tr("OK"))


class PinScreen(Screen):
    """Staff only: the lock PIN closes the kiosk."""

    key = "pin"
    entered = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label("kioskPinTitle", "title")
        self.message = _label("kioskPinMessage", "warn")
        self.field = QLineEdit()
        self.field.setObjectName("kioskPinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.returnPressed.connect(lambda: self.entered.emit(self.field.text()))
        self.keys = PinPad(self.field)
        self.back_button = _button("kioskPinBack")
        self.exit_button = _button("kioskPinExit", "primary")
        self.back_button.clicked.connect(self.back)
        self.exit_button.clicked.connect(lambda: self.entered.emit(self.field.text()))
        for w in (self.title, self.field, self.message):
            self.column.addWidget(w)
        self.column.addWidget(self.keys, 1)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.exit_button)
        self.column.addLayout(row)
        self.retranslate()

    def start(self, message: str = "") -> None:
        self.field.clear()
        self.say(message)
        self.field.setFocus()

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def focus_first(self) -> None:
        self.field.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff: type the lock PIN to close the kiosk"))
        _name(self.field, self.tr("Lock PIN"))
        _name(self.back_button, self.tr("Back"))
        _name(self.exit_button, self.tr("Close the kiosk"))
