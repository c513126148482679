"""Sight of the result first: the desk's secondary widgets repaint after the panel.

A scan changes the outcome panel and the recent-scans list in the same handler, and Qt
paints every dirty widget of the window in one pass.  The soak (``benchmarks/
soak_keys.py``, ``ScanPhases``) found the list's viewport the largest thing painted
before the panel: 3-14 ms of the wait between the handled Return and the result on
screen.  So the list's model changes at once (its rows, its current row: what tests and
the Undo button read), but its repaint is held (``setUpdatesEnabled(False)``) until the
panel has painted, then released from the event loop: the list shows one pass later,
a few milliseconds.  If the panel does not paint (another page is shown, the window is
minimised), a fallback timer releases it after ``FALLBACK_MS``.  The release also tells
``widgets.foreground`` that the scan is over (the dashboard's refresh waits for that).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from checkin.ui.widgets.foreground import foreground

FALLBACK_MS = 100


class AfterPaint(QObject):
    """Holds ``held``'s repaints until ``first`` has painted (or ``FALLBACK_MS``)."""

    def __init__(self, first: QWidget, held: QWidget) -> None:
        super().__init__(first)
        self.first, self.held = first, held
        self._waiting = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self.release)
        first.installEventFilter(self)

    def hold(self) -> None:
        """From now until ``first`` paints, ``held`` does not repaint."""
        if self.held.updatesEnabled():
            self.held.setUpdatesEnabled(False)
        self._waiting = True
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting and event.type() == QEvent.Type.Paint:
            self._waiting = False
            QTimer.singleShot(0, self, self.release)  # once this paint pass is over
        return False

    def release(self) -> None:
        self._waiting = False
        self._fallback.stop()
        if not self.held.updatesEnabled():
            self.held.setUpdatesEnabled(True)  # (repaints it, from the event loop)
        # The result is on the screen: background work may go on, once this pass of
        # the event loop (which flushed it) is over.
        QTimer.singleShot(0, foreground().release)
