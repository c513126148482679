"""On-screen keys for a kiosk with a touch screen and no keyboard: letters for a name
or an e-mail, digits for the staff PIN.

The keys never take the focus: a touch types into the field the screen gives
(``target``), which keeps its cursor, so a physical keyboard and the screen mix freely.
Letters are in the order of the keyboard people know here (AZERTY for French, QWERTY
for English), switched with the kiosk's language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS = {
    "en": ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-.@"),
    "fr": ("1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn'-.@"),
}
PIN_ROWS = ("123", "456", "789")


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskKeys", text)


def _key(text: str, name: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
    button.setAutoRepeat(text == "⌫")
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    button.setMinimumSize(56, 48)
    button.setAccessibleName(name or text)
    button.setProperty("kioskKey", True)
    return button


class Keypad(QWidget):
    """Letter keys, space and backspace typing into ``target``."""

    typed = Signal()  # a key was touched (the idle timer hears it too)

    def __init__(self, target: QLineEdit, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        self.grid = QGridLayout(self)
        self.grid.setSpacing(6)
        self.language = ""
        self.set_language(language)

    def set_language(self, language: str) -> None:
        language = language if language in ROWS else "en"
        if language == self.language:
            return
        self.language = language
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for r, row in enumerate(ROWS[language]):
            for c, ch in enumerate(row):
                self._place(_key(ch), r, c, ch)
        space = _key(_tr("space"), _tr("Space"))
        self._place(space, 4, 0, " ", span=7)
        back = _key("⌫", _tr("Delete the last letter"))
        back.clicked.connect(self.target.backspace)
        back.clicked.connect(self.typed)
        self.grid.addWidget(back, 4, 7, 1, 3)

    def _place(self, button: QPushButton, row: int, col: int, text: str, span: int = 1) -> None:
        button.clicked.connect(lambda: self._type(text))
        self.grid.addWidget(button, row, col, 1, span)

    def _type(self, text: str) -> None:
        self.target.insert(text)
        self.typed.emit()

    def retranslate(self) -> None:
        language, self.language = self.language, ""
        self.set_language(language)


class PinPad(QWidget):
    """Digits, backspace and clear for the staff PIN."""

    typed = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        grid.setSpacing(8)
        for r, row in enumerate(PIN_ROWS):
            for c, digit in enumerate(row):
                button = _key(digit)
                button.clicked.connect(lambda _c=False, d=digit: self._type(d))
                grid.addWidget(button, r, c)
        self.clear = _key("C", _tr("Clear the PIN"))
        self.clear.clicked.connect(target.clear)
        zero = _key("0")
        zero.clicked.connect(lambda: self._type("0"))
        back = _key("⌫", _tr("Delete the last digit"))
        back.clicked.connect(target.backspace)
        for c, button in enumerate((self.clear, zero, back)):
            grid.addWidget(button, 3, c)

    def _type(self, digit: str) -> None:
        self.target.insert(digit)
        self.typed.emit()
