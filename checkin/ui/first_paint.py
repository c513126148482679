"""Say when the main window was first painted: the moment the desk is usable.

The start-up benchmark (``benchmarks/bench_startup.py``) launches the real app and needs
to know when its window first reached the screen.  With ``CHECKIN_REPORT_FIRST_PAINT``
set, the app writes one line to stderr once the window's first frame is painted::

    checkin-first-paint-ms 123456.789

— the system's monotonic clock in milliseconds (``time.monotonic``, the same clock in
every process on the machine, so the benchmark subtracts its own reading taken before it
started the process).  With the variable set to ``exit`` the app then quits.  Unset, the
app installs nothing: no cost on a real desk.

It also runs ``after_paint`` callbacks once the first frame is out (the work deferred
from start-up: the other pages, the search index), so a slow machine shows the Desk
first and builds the rest behind it.  A window shown but never painted (started
minimised) runs them ``FALLBACK_MS`` after it was shown all the same.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "CHECKIN_REPORT_FIRST_PAINT"
MARKER = "checkin-first-paint-ms"
# Then which of the libraries the first frame should not wait for were loaded by then
# (``launch``: the Desk is painted before the database is opened; the rest of the app
# and of the Desk, its notices among them, after the frame).
LOADED = "checkin-first-paint-loaded"
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "PySide6.QtCharts",
         "PySide6.QtPdf", "PySide6.QtMultimedia", "checkin.core.db.models",
         "checkin.ui.app", "checkin.ui.desk.controller", "checkin.ui.desk.notices")
FALLBACK_MS = 2000


class FirstPaint(QObject):
    """Watches ``window``'s paint events until the first; then reports and runs the
    callbacks from the event loop (after the frame, not inside its paint)."""

    def __init__(self, window: QWidget, *, report: str = "") -> None:
        super().__init__(window)
        self._window = window
        self._report = report
        self._callbacks: list[Callable[[], object]] = []
        self.painted = False
        window.installEventFilter(self)

    def after_paint(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the first frame is out (at once if it already is)."""
        if self.painted:
            # With this watcher (a child of the window) as context: a window closed
            # before the call comes drops it, rather than calling into deleted widgets.
            QTimer.singleShot(0, self, callback)
        else:
            self._callbacks.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and not self.painted:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
                self._window.removeEventFilter(self)
                QTimer.singleShot(0, self, self._done)
            elif event.type() == QEvent.Type.Show:
                QTimer.singleShot(FALLBACK_MS, self, self._not_painted)
        return False

    def _not_painted(self) -> None:
        if not self.painted:
            self.painted = True
            self._window.removeEventFilter(self)
            self._done(painted=False)  # (nothing to report: it was not painted)

    def _done(self, painted: bool = True) -> None:
        if self._report and painted:
            heavy = [m for m in HEAVY if m in sys.modules]
            sys.stderr.write(f"{MARKER} {time.monotonic() * 1000:.3f}\n"
                             f"{LOADED} {','.join(heavy) or '-'}\n")
            sys.stderr.flush()
        if self._report == "exit":  # the start-up benchmark: nothing more to time
            QCoreApplication.exit(0)
            return
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()


def report(name: str, value: str) -> None:
    """One ``checkin-NAME VALUE`` line on stderr when ``CHECKIN_REPORT_FIRST_PAINT`` is
    set (tests driving the real app in its own process wait on these lines, e.g. the
    kiosk's screens, instead of sleeping); nothing otherwise."""
    if os.environ.get(ENV):
        sys.stderr.write(f"checkin-{name} {value}\n")
        sys.stderr.flush()


def watch(window: QWidget) -> FirstPaint:
    """The first-paint watcher of ``window``, reporting when the environment asks."""
    return FirstPaint(window, report=os.environ.get(ENV, ""))
