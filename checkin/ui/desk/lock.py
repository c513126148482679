"""Lock mode: the desk keeps scanning and checking in, the rest needs the PIN.

Locked, the shell hides the navigation to the other pages and the desk hides its
Settings button (Ctrl+, does nothing); scanning, search and check-in, undo and
walk-ins keep working.  Unlocking asks for the PIN in ``UnlockDialog``; after
``MAX_TRIES`` wrong PINs in a row it refuses for ``WAIT_SECONDS``, and says so.
The ``DeskController`` owns the state and saves it, so a locked desk restarts locked.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.desk.settings import PIN_MAX, verify_pin

MAX_TRIES = 5
WAIT_SECONDS = 30


class PinAttempts:
    """Wrong PINs in a row, and the wait after too many (survives closing the dialog)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.failures = 0
        self.blocked_until = 0.0

    def wait(self) -> int:
        """Whole seconds still to wait before the next try (0: try now)."""
        return max(0, math.ceil(self.blocked_until - self.clock()))

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self.failures = 0
            self.blocked_until = self.clock() + WAIT_SECONDS

    def succeeded(self) -> None:
        self.failures = 0
        self.blocked_until = 0.0


class UnlockDialog(QDialog):
    """Asks for the PIN; accepted only with the right one."""

    def __init__(self, pin_hash: str, attempts: PinAttempts, parent: QWidget | None = None):
        super().__init__(parent)
        self.pin_hash = pin_hash
        self.attempts = attempts
        self.setWindowTitle(self.tr("Unlock the desk"))
        self.setAccessibleName(self.tr("Unlock the desk"))
        intro = QLabel(self.tr("Type the lock PIN to reach the settings and the other pages."))
        intro.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Lock PIN"))
        self.pin.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX}}}"), self)
        )
        label = QLabel(self.tr("&PIN:"))
        label.setBuddy(self.pin)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Message"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.unlock_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        for widget in (intro, label, self.pin, self.message, buttons):
            box.addWidget(widget)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh)
        self.refresh()
        self.pin.setFocus()

    def refresh(self) -> None:
        """Show the wait after too many wrong PINs, counting down; re-enable after it."""
        wait = self.attempts.wait()
        self.pin.setEnabled(not wait)
        self.unlock_button.setEnabled(not wait)
        if wait:
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in %n second(s).", "", wait)
            )
            self._ticker.start()
        elif self._ticker.isActive():
            self._ticker.stop()
            self.message.setText(self.tr("You can try again."))
            self.pin.setFocus()

    def try_unlock(self) -> None:
        if self.attempts.wait():
            self.refresh()
            return
        if verify_pin(self.pin.text(), self.pin_hash):
            self.attempts.succeeded()
            self.accept()
            return
        self.attempts.failed()
        self.pin.clear()
        if self.attempts.wait():
            self.refresh()
            return
        left = MAX_TRIES - self.attempts.failures
        self.message.setText(
            self.tr("Wrong PIN. %n attempt(s) left before a %1-second wait.", "", left)
            .replace("%1", str(WAIT_SECONDS))
        )
        self.pin.setFocus()
