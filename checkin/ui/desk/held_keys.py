"""Key events the scanner capture holds back, and gives back or takes back.

``ScanDetector`` swallows every printable key until it knows whose it is; a person's
keys are then replayed to the widget that had the focus (``HeldKey.event``: the same
key, modifiers, text, native codes and time), and the few keys of a scan that went out
before the scan was recognised are taken back out of a line edit (``retract``).  Which
keys end a code (``SUFFIX_KEYS``), never count (``MODIFIER_KEYS``) or are shortcuts
(``SHORTCUT_MODIFIERS``) is said here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit
from shiboken6 import isValid

SUFFIX_KEYS: dict[str, frozenset[int]] = {
    "enter": frozenset({Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value}),
    "tab": frozenset({Qt.Key.Key_Tab.value}),
    "none": frozenset(),
}
MODIFIER_KEYS = frozenset(
    k.value
    for k in (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    )
)
SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
@dataclass(frozen=True, slots=True)
class HeldKey:
    """What is needed to rebuild a swallowed key event for a replay."""

    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    native_scan_code: int
    native_virtual_key: int
    native_modifiers: int
    text: str
    count: int
    timestamp: int

    @classmethod
    def of(cls, event: QKeyEvent) -> HeldKey:
        return cls(
            event.type(),
            event.key(),
            event.modifiers(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
            event.text(),
            event.count(),
            event.timestamp(),
        )

    def event(self) -> QKeyEvent:
        fresh = QKeyEvent(
            self.type,
            self.key,
            self.modifiers,
            self.native_scan_code,
            self.native_virtual_key,
            self.native_modifiers,
            self.text,
            False,
            self.count,
        )
        fresh.setTimestamp(self.timestamp)
        return fresh


def retract(target: QObject | None, text: str) -> None:
    """Take ``text`` back out of a line edit, if it sits just before the cursor."""
    if not isinstance(target, QLineEdit) or not isValid(target) or target.hasSelectedText():
        return
    before = target.text()[: target.cursorPosition()]
    if before.endswith(text):
        for _ in text:
            target.backspace()
