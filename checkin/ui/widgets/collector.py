"""Python's cyclic garbage collector kept off the GUI thread's critical path.

A full collection walks every tracked object of the process while holding the GIL, so
the GUI thread stops for as long as it takes.  A loaded app (Qt bindings, SQLAlchemy) is
hundreds of thousands of objects; at 50,000 delegates the desk's search index, the
Badges page's list of people and the Roster's table add several hundred thousand more.
Full collections then took 100-560 ms each on the desk benchmark, and one landed
between two scans every few hundred.

So, once the window is built (``install``):

* what is alive then is frozen (``gc.freeze()``: a permanent generation the collector
  never walks again), and so is the search index once built (``freeze_long_lived``);
* automatic *full* collections are off; young objects are still collected as usual
  (cheap: only what was made since the last one);
* an ``IdleCollector`` runs the full collection when nobody has touched the keyboard
  or mouse for ``QUIET_S`` seconds — at most once every ``EVERY_S`` — and regardless
  after ``AT_LEAST_S`` of constant use, so memory held by reference cycles is still
  given back during a long rush; it freezes the survivors, so each such collection
  walks only what was made since the previous one (milliseconds).

Frozen objects that later become garbage are still freed by reference counting (an
index replaced after a roster edit); reference cycles among them are given back by a
*thorough* collection (everything unfrozen and walked: 100-500 ms at 50,000
delegates), run when quiet at most once every ``THOROUGH_S``.

After each full collection, the C heap's free pages go back to the system
(``give_back_free_memory``: glibc's ``malloc_trim``, on a thread of its own, so the GUI
thread does not wait for it).  glibc keeps what Qt, SQLite and the bindings free for
reuse, and over a long day that kept memory grew the desk's RSS a little every minute
while the memory in use stayed flat (``benchmarks/soak_keys.py``'s ``native_memory``).

The GIL switch interval goes from 5 to 1 ms as well, so the GUI thread waits at most
about a millisecond for a worker thread's Python work (dashboard at 50k delegates:
longest GUI stall 16 ms at 5 ms, 10 ms at 1 ms).
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys
import threading
import time

from PySide6.QtCore import QEvent, QObject, QTimer

log = logging.getLogger(__name__)

SWITCH_INTERVAL_S = 0.001
QUIET_S = 3.0  # no key or click for this long: nobody is waiting on the GUI thread
EVERY_S = 60.0  # at most one idle full collection a minute
AT_LEAST_S = 900.0  # a full collection at least every quarter hour, quiet or not
THOROUGH_S = 3600.0  # frozen objects walked again, when quiet, at most once an hour
_NO_AUTOMATIC_FULL = 1_000_000  # gen-1 collections between two automatic full ones
_INPUT = frozenset({
    QEvent.Type.KeyPress.value, QEvent.Type.MouseButtonPress.value,
    QEvent.Type.Wheel.value, QEvent.Type.TouchBegin.value,
})
_tuned = False


def _malloc_trim():
    """glibc's ``malloc_trim``, or None (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl, or no such library
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_TRIM = _malloc_trim()


def give_back_free_memory(*, wait: bool = False) -> bool:
    """Return the C heap's free pages to the system, on a thread (ctypes lets go of the
    GIL for the call); False where there is no ``malloc_trim``.  ``wait``: until done
    (tests)."""
    if _TRIM is None:
        return False
    worker = threading.Thread(target=_TRIM, args=(0,), name="malloc-trim", daemon=True)
    worker.start()
    if wait:
        worker.join()
    return True


def tune_for_live_gui() -> None:
    """Once per process, when the window is built: the loaded application out of the
    collector's way, and the GIL handed over every millisecond."""
    global _tuned
    if not _tuned:
        gc.collect()
        gc.freeze()
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        _tuned = True


def freeze_long_lived() -> None:
    """After a big structure meant to last has been built (the desk's search index):
    what is alive now is out of future full collections.  Cheap (no collection runs)."""
    gc.freeze()


class IdleCollector(QObject):
    """Runs the full garbage collection when the user is not there to notice it.

    Installed application-wide as an event filter that only notes the time of the last
    key press, click, wheel or touch (it never consumes an event)."""

    def __init__(
        self,
        parent: QObject,
        *,
        quiet_s: float = QUIET_S,
        every_s: float = EVERY_S,
        at_least_s: float = AT_LEAST_S,
        thorough_s: float = THOROUGH_S,
        clock=time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.quiet_s, self.every_s, self.at_least_s = quiet_s, every_s, at_least_s
        self.thorough_s = thorough_s
        self.clock = clock
        self.last_input = self.last_full = self.last_thorough = clock()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(round(min(quiet_s, every_s) * 500))  # twice per period
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        threshold0, threshold1, _full = gc.get_threshold()
        gc.set_threshold(threshold0, threshold1, _NO_AUTOMATIC_FULL)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type().value in _INPUT:
            self.last_input = self.clock()
        return False

    def check(self) -> str | None:
        """Collect now if it is time: "full", "thorough" or None (not now)."""
        now = self.clock()
        since = now - self.last_full
        quiet = now - self.last_input >= self.quiet_s
        if not ((quiet and since >= self.every_s) or since >= self.at_least_s):
            return None
        # Survivors of a full collection are long-lived: frozen, so the next one walks
        # only what was made since (a few milliseconds).  Now and then, when quiet,
        # everything is walked again, so that cycles among frozen objects that died
        # meanwhile (a closed dialog's wrappers) are given back too.
        thorough = quiet and now - self.last_thorough >= self.thorough_s
        started = time.perf_counter()
        if thorough:
            gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.last_full = self.clock()
        if thorough:
            self.last_thorough = self.last_full
        self.collections += 1
        give_back_free_memory()
        kind = "thorough" if thorough else "full"
        log.debug("%s collection in %.0f ms (%s)", kind,
                  (time.perf_counter() - started) * 1000, "idle" if quiet else "overdue")
        return kind


_installed: IdleCollector | None = None


def install(app) -> IdleCollector:
    """Everything above, for the running app: call once the window is built (again:
    the same collector)."""
    global _installed
    tune_for_live_gui()
    if _installed is None:
        _installed = IdleCollector(app)
        app.installEventFilter(_installed)
        _installed.start()
    return _installed
