"""Keyboard-wedge scanner detection: tell a USB barcode scanner from a person typing.

A USB scanner is a keyboard.  It types the badge code as a burst of key presses a
few milliseconds apart (2–15 ms) and usually ends with a suffix key (Enter or Tab,
configurable on the scanner).  People type at 80–250 ms a key.  ``ScanDetector``
watches every key press of a window and turns bursts into a ``scanned(code)`` signal,
wherever the focus is: in the search box, on a button, nowhere.

Where it listens
    Key events reach a widget window in two steps: first the ``QWindow`` (the platform
    delivers them there), then the window forwards them to its focus widget, and an
    ignored event climbs to the parents.  An application event filter sees every one
    of those steps.  The detector only acts at the first one, the ``QWindow``: that is
    exactly once per physical key, before any widget has seen it, whatever has focus.
    Events that code sends straight to a widget (``QTest.keyClick(widget)``, our own
    replays) are not touched, so the detector never catches its own replays.

The first key of a burst: hold it
    Nothing tells the first key of a scan from a person's keystroke; only the second
    key, 2–15 ms later, does.  So every printable key is *held* (swallowed) and a
    single-shot ``QTimer`` gives it back to the focus widget after ``max_interval_ms``
    (30 ms) if no second key came.  Keys that follow within ``max_interval_ms`` join
    the burst and are held too.  A burst that turns out not to be a scan (shorter than
    ``min_length``, no suffix, broken by a slow key, a shortcut or a special key) is
    replayed to the widget that had focus when it started, as fresh ``QKeyEvent``s
    with the same key, modifiers, text and native codes, presses and releases in
    their original order.

    Trade-off: a person's every keystroke appears about 30 ms late (below what people
    notice; screen refresh is 16 ms), and a key sent programmatically to the window is
    delivered from the event loop instead of synchronously.  In exchange nothing is
    ever typed into the wrong field, on any widget.  The alternative, letting the
    first key through and deleting it from a ``QLineEdit`` once a burst is confirmed,
    only works for line edits: on a focused button the first character, if it is a
    space, clicks it, and other widgets react in their own ways.  That deletion is
    kept only as a rescue (below).

The clock
    Intervals are measured with the events' own timestamps (``QKeyEvent.timestamp()``,
    milliseconds from the windowing system), not with the time the GUI thread got
    round to them: when the GUI thread is busy for 50 ms, a scan's keys queue up and
    are handled all at once, and only the timestamps still show the 2–15 ms spacing
    (and a person's 150 ms).  Events without a timestamp (0, i.e. synthetic) fall back
    to ``clock()``, a ``QElapsedTimer`` unless one is injected.  Debouncing repeated
    reads of one badge works on the scale of a second and uses ``clock()``.

The late timer rescue
    If the GUI thread stalls between a scan's first and second key, the 30 ms timer
    can fire before the queued second key is handled and give the first key back.
    When the next key's timestamp shows it was really 2–15 ms behind, the burst is
    rebuilt with that first character in front; if the scan is confirmed and the
    character sits just before the cursor of a ``QLineEdit``, it is taken out again.

Suffix "none"
    The burst ends after ``burst_timeout_ms`` of silence (or when a key arrives more
    than ``max_interval_ms`` after the previous one).  With a suffix, a burst that
    stops without it is not a scan: it is replayed (a warning in the log says so,
    since it usually means the scanner's suffix setting differs from ours).

Not handled here: case and keyboard layouts.  The text of each key is passed through
as typed (``checkin.core.event.codes.normalise`` folds Caps Lock and AZERTY digits).  Keys
with Ctrl, Alt or Meta are shortcuts and are never held; nor are auto-repeats and
lone modifier keys (a scanner presses Shift for capitals).  A plain-letter
``QShortcut`` would still fire before the detector sees the key: Qt resolves shortcuts
before delivering key presses, so such shortcuts do not belong on the desk window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)


Suffix = Literal["enter", "tab", "none"]
SUFFIXES: tuple[str, ...] = ("enter", "tab", "none")

_SUFFIX_KEYS: dict[str, frozenset[int]] = {
    "enter": frozenset({Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value}),
    "tab": frozenset({Qt.Key.Key_Tab.value}),
    "none": frozenset(),
}
_MODIFIER_KEYS = frozenset(
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
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_PRESS = QEvent.Type.KeyPress
_RELEASE = QEvent.Type.KeyRelease


@dataclass(frozen=True, slots=True)
class _Key:
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
    def of(cls, event: QKeyEvent) -> _Key:
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


@dataclass(frozen=True, slots=True)
class _Released:
    """A held first key the timer gave back (for the late timer rescue)."""

    text: str
    time: int
    target: QObject


class ScanDetector(QObject):
    """Turns keyboard-wedge scanner bursts into ``scanned(code)``; see the module doc.

    Install it application-wide (``QApplication.instance().installEventFilter(d)``)
    or with ``install()``, optionally limited to one window.
    """

    scanned = Signal(str)
    """A code was read (the raw text typed by the scanner, without the suffix)."""
    duplicate = Signal(str)
    """The same code was read again within ``debounce_ms`` of its last read."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        suffix: Suffix = "enter",
        max_interval_ms: int = 30,
        min_length: int = 8,
        burst_timeout_ms: int = 80,
        debounce_ms: int = 1000,
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.suffix = suffix
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.burst_timeout_ms = burst_timeout_ms
        self.debounce_ms = debounce_ms
        if clock is None:
            elapsed = QElapsedTimer()
            elapsed.start()
            clock = elapsed.elapsed
        self._clock: Callable[[], int] = clock
        self._scope: QObject | None = None
        self._installed = False
        self._replaying = False
        # The burst being collected: swallowed events, in order, and what they typed.
        self._held: list[_Key] = []
        self._held_keys: set[int] = set()  # keys pressed in _held, release not seen yet
        self._text: list[str] = []
        self._prefix = ""  # first key(s) already given back by a late timer
        self._target: QObject | None = None
        self._last_time = 0
        self._released: _Released | None = None
        self._eaten: set[int] = set()  # keys of emitted scans whose release is pending
        self._last_code: str | None = None
        self._last_read = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    # -- configuration ------------------------------------------------------------

    @property
    def suffix(self) -> Suffix:
        """The key the scanner sends after the code: "enter", "tab" or "none"."""
        return self._suffix

    @suffix.setter
    def suffix(self, value: Suffix) -> None:
        if value not in SUFFIXES:
            raise ValueError(f"suffix must be one of {SUFFIXES}, not {value!r}")
        self._suffix: Suffix = value

    @property
    def max_interval_ms(self) -> int:
        """Keys closer together than this belong to one burst."""
        return self._max_interval_ms

    @max_interval_ms.setter
    def max_interval_ms(self, value: int) -> None:
        self._max_interval_ms = _positive("max_interval_ms", value)

    @property
    def min_length(self) -> int:
        """Shorter bursts are a person typing fast, and are given back."""
        return self._min_length

    @min_length.setter
    def min_length(self, value: int) -> None:
        if value < 2:
            raise ValueError("min_length must be at least 2: one key is never a burst")
        self._min_length = int(value)

    @property
    def burst_timeout_ms(self) -> int:
        """Silence that ends a burst: a scan with suffix "none", else a give-back."""
        return self._burst_timeout_ms

    @burst_timeout_ms.setter
    def burst_timeout_ms(self, value: int) -> None:
        self._burst_timeout_ms = _positive("burst_timeout_ms", value)

    @property
    def debounce_ms(self) -> int:
        """A code read again within this (since its last read) is a ``duplicate``."""
        return self._debounce_ms

    @debounce_ms.setter
    def debounce_ms(self, value: int) -> None:
        if value < 0:
            raise ValueError("debounce_ms must not be negative")
        self._debounce_ms = int(value)

    # -- installation -------------------------------------------------------------

    def install(self, target: QWidget | QWindow | None = None) -> None:
        """Listen application-wide, or only to ``target``'s window when given.

        The filter always sits on the application (a window's ``QWindow`` may not
        exist before it is shown); ``target`` only limits which windows count.
        """
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("ScanDetector.install() needs a QApplication")
        self._scope = target
        if not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        """Stop listening; a burst being collected is given back first."""
        self._give_back()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def _in_scope(self, window: QObject) -> bool:
        scope = self._scope
        if scope is None:
            return True
        if not isValid(scope):
            return False
        if isinstance(scope, QWidget):
            return scope.window().windowHandle() == window
        return scope == window

    # -- the filter ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind != _PRESS and kind != _RELEASE:
            return False
        if self._replaying or not watched.isWindowType() or not self._in_scope(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == _RELEASE:
            return self._on_release(event)
        return self._on_press(watched, event)

    def _on_release(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in self._held_keys and not event.isAutoRepeat():
            self._held_keys.discard(key)
            self._held.append(_Key.of(event))
            return True
        if key in self._eaten:
            self._eaten.discard(key)
            return True
        return False

    def _on_press(self, window: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        self._eaten.discard(key)
        if key in _MODIFIER_KEYS:
            return False  # Shift for capitals; its state travels in each key event
        text = event.text()
        if (
            event.isAutoRepeat()
            or event.modifiers() & _SHORTCUT_MODIFIERS
            or not text
            or not text.isprintable()
        ):
            return self._on_other_key(key, self._time(event))
        now = self._time(event)
        if self._held and not self._in_burst(now):
            self._end_burst()
        if not self._held:
            self._start(window, now)
        self._held.append(_Key.of(event))
        self._held_keys.add(key)
        self._text.append(text)
        self._last_time = now
        # One key is only held for max_interval_ms; a burst waits for burst_timeout_ms.
        self._timer.start(self._max_interval_ms if self._single() else self._burst_timeout_ms)
        return True

    def _on_other_key(self, key: int, now: int) -> bool:
        """A suffix, a special key, a shortcut or an auto-repeat."""
        self._released = None
        if not self._held:
            return False
        if (
            key in _SUFFIX_KEYS[self._suffix]
            and self._in_burst(now)
            and self._count() >= self._min_length
        ):
            self._eaten.add(key)
            self._emit()
            return True
        self._end_burst()
        return False  # the key goes on, after the replayed keys it followed

    def _start(self, window: QObject, now: int) -> None:
        released, self._released = self._released, None
        if released is not None and 0 <= now - released.time < self._max_interval_ms:
            # Late timer rescue: the previous key was this burst's first.
            self._prefix = released.text
            self._target = released.target
            return
        focus = QWidget.keyboardGrabber()
        if focus is None and isinstance(window, QWindow):
            focus = window.focusObject()  # what QWidgetWindow forwards the key to
        self._target = focus or window

    # -- ending a burst -----------------------------------------------------------

    def _on_timeout(self) -> None:
        if self._single():
            target, text, time = self._target, self._text[0], self._last_time
            self._give_back()
            if target is not None:
                self._released = _Released(text, time, target)
        else:
            self._end_burst()

    def _end_burst(self) -> None:
        """The burst is over without a suffix: a scan with suffix "none", else not one."""
        if self._suffix == "none" and self._count() >= self._min_length:
            self._emit()
            return
        if self._count() >= self._min_length:
            log.warning(
                "a burst of %d keys ended without the %s suffix: typed as keys instead "
                "(check the scanner's suffix setting)",
                self._count(),
                self._suffix,
            )
        self._give_back()

    def _emit(self) -> None:
        code = self._prefix + "".join(self._text)
        if self._prefix:
            _retract(self._target, self._prefix)
        self._eaten |= self._held_keys
        self._reset()
        now = self._clock()
        repeat = code == self._last_code and now - self._last_read < self._debounce_ms
        # Measured from the last read, not the last emission: a badge left under a
        # scanner in presentation mode is read every few hundred ms, and is one scan.
        self._last_code, self._last_read = code, now
        (self.duplicate if repeat else self.scanned).emit(code)

    def _give_back(self) -> None:
        """Replay the held keys to the widget that had focus when they were typed."""
        held, target = self._held, self._target
        self._reset()
        if not held or target is None or not isValid(target):
            return
        self._replaying = True
        try:
            for key in held:
                QApplication.sendEvent(target, key.event())
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._timer.stop()
        self._held = []
        self._held_keys = set()
        self._text = []
        self._prefix = ""
        self._target = None

    # -- helpers ------------------------------------------------------------------

    def _count(self) -> int:
        """Length of the code collected so far, in characters."""
        return len(self._prefix) + sum(len(t) for t in self._text)

    def _single(self) -> bool:
        """Only the first key of a possible burst is held."""
        return len(self._text) == 1 and not self._prefix

    def _time(self, event: QKeyEvent) -> int:
        stamp = event.timestamp()
        return stamp if stamp else self._clock()

    def _in_burst(self, now: int) -> bool:
        # A negative gap (a wrapped 32-bit server time, mixed clocks) is no burst.
        return 0 <= now - self._last_time < self._max_interval_ms


def _positive(name: str, value: int) -> int:
    if value <= 0:
        raise ValueError(f"{name} must be positive")
    return int(value)


def _retract(target: QObject | None, text: str) -> None:
    """Take ``text`` back out of a line edit, if it sits just before the cursor."""
    if not isinstance(target, QLineEdit) or not isValid(target) or target.hasSelectedText():
        return
    before = target.text()[: target.cursorPosition()]
    if before.endswith(text):
        for _ in text:
            target.backspace()
