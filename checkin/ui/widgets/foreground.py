"""Is a scan going on at the desk?  Background work that would compete with it waits.

A scan is the desk's critical moment: from its first key to its result painted (about
100 ms with a USB scanner), the GUI thread should be free and the GIL at hand.  The
dashboard's live refresh (``dashboard.live.LiveFeed``) otherwise starts its job, takes
in the worker process's answer on a thread (unpickling and sorting: Python holding the
GIL the GUI thread needs) and applies it on the GUI thread at any moment; the soak
(``benchmarks/soak_keys.py``) found it behind one slow scan in seven.

So the scanner capture (``desk.scanner.ScanDetector``) says ``busy_for`` at each key of
a burst and when it hands a code on, the desk says ``release`` once the result is
painted (``desk.after_paint``), and the feed asks ``remaining()`` before it starts a
job or applies one: it waits for ``quiet`` (or the time left), never longer than the
feed's own limit, so a desk scanning without pause cannot starve the dashboard.
Nothing here is needed for correctness; without a desk it always answers "quiet".
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

KEY_S = 0.1  # a scanner's next key comes within this (60 ms at most between its keys)
SCAN_S = 0.2  # a code handed on: its result is painted within this, or we stop waiting


class Foreground(QObject):
    """When the desk is in the middle of a scan; ``quiet`` once it is over."""

    quiet = Signal()

    def __init__(self, parent: QObject | None = None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)

    def busy_for(self, seconds: float) -> None:
        """A scan goes on for at least ``seconds`` more."""
        until = self.clock() + seconds
        if until > self._until:
            self._until = until
            self._timer.start(max(1, round(seconds * 1000)))

    def release(self) -> None:
        """The scan's result is on the screen: quiet now."""
        if self._until > self.clock():
            self._until = 0.0
            self._timer.stop()
            self.quiet.emit()

    def remaining(self) -> float:
        """Seconds until the scan in progress is surely over (0: quiet)."""
        return max(0.0, self._until - self.clock())

    def _expired(self) -> None:
        if self.remaining() > 0:  # extended meanwhile
            self._timer.start(max(1, round(self.remaining() * 1000)))
            return
        self._until = 0.0
        self.quiet.emit()


_instance: Foreground | None = None


def foreground() -> Foreground:
    """The application's one ``Foreground`` (made at first use, lives with the app)."""
    global _instance
    if _instance is None:
        _instance = Foreground(QCoreApplication.instance())
        _instance.destroyed.connect(_forget)
    return _instance


def _forget(*_args: object) -> None:
    global _instance
    _instance = None
