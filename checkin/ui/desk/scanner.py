"""Keyboard-wedge scanner capture: tell a USB barcode scanner from a person typing.

A USB scanner is a keyboard.  It types the badge code as a burst of key presses a
few milliseconds apart (2–15 ms; up to ~50 ms on a loaded laptop or a slow scanner,
and now and then one hiccup of 100–200 ms mid-code) and usually ends with a suffix
key (Enter or Tab, configurable on the scanner).  People type at 80–250 ms a key.
``ScanDetector`` watches every key press of the application and turns bursts into a
``scanned(code)`` signal, wherever the focus is: in the search box, on a button, in a
dialog, nowhere.  Principle: every scan that reaches the computer is recorded once,
and nothing a scanner types lands in a field or presses a button.

Where it listens
    On the ``QApplication``, for every window and dialog, modal or not (the walk-in
    form, the settings, an unlock dialog, a message box): a scan while a dialog is open
    is recorded like any other, and the dialog keeps exactly what it had.  Key events
    reach a widget window in two steps: first the ``QWindow`` (the platform delivers
    them there), then the window forwards them to its focus widget.  The detector only
    acts at the first one: exactly once per physical key, before any widget has seen
    it.  Events sent straight to a widget (``QTest.keyClick(widget)``, our own
    replays) are not touched, so the detector never catches its own replays.

The first key of a burst: hold it
    Nothing tells the first key of a scan from a person's keystroke; only the second
    key does.  So every printable key is *held* (swallowed) and a single-shot
    ``QTimer`` gives it back to the focus widget after ``hold_ms`` (70 ms) if no second
    key came.  Keys that follow within ``key_gap_ms`` (60 ms) join the burst and are
    held too.  A burst that turns out to be a person's is replayed to the widget that
    had focus when it started (``held_keys.HeldKey``: same key, modifiers, text, native
    codes, presses and releases in their original order).

    Trade-off: a person's every keystroke appears about 70 ms late (below the ~100 ms
    people notice), and a key sent programmatically to a window is delivered from the
    event loop instead of synchronously.  In exchange nothing is ever typed into the
    wrong field, on any widget: letting the first key through and deleting it once a
    burst is confirmed only works in line edits (on a focused button, a space clicks
    it).  That deletion is kept only as a rescue (below).

What the code tells (``burst``)
    Timing alone cannot tell a hiccuping scanner from a quick typist, so the keys'
    text is asked too (``checkin.core.event.codes``: ``symbol`` folds layouts, Caps Lock
    and I/L/O; ``well_formed`` checks the length and the check symbol):

    * a burst of at least 4 code symbols may pause once mid-code, up to ``pause_ms``
      (200 ms), and is a scanner's: it is never typed into a field;
    * a whole, well-formed code is a scan at once, with or without the suffix (a
      suffix that comes later is eaten, never typed);
    * a burst of code symbols that ends incomplete (a longer pause, a second one) is
      kept ``split_ms`` (500 ms) to join the next burst: a code split in two or three
      is read as one when the parts make a well-formed code, and any key within
      ``pause_ms`` of it carries it on.  Nobody completing it, it is dropped and
      ``incomplete`` says so: the desk shows "Incomplete scan — scan again", and
      nothing is recorded;
    * anything else (a junk barcode, another event's code) is a scan when it ends with
      the suffix and has ``min_length`` keys — with suffix "none", when silence ends
      it; otherwise the keys were a person's and are given back.

Measured
    Synthetic events with timestamps (tests/ui/desk/test_scanner.py and test_burst.py
    pin each boundary) and real X keystrokes (xdotool on Xvfb, a 16-symbol code +
    Return, ten runs of each on this 2-core machine under load):

    * largest key gap accepted: 60 ms (61 ms is a person's).  With xdotool, whose
      ``--delay 45`` gives real gaps of 46–54 ms and now and then 62: delays up to
      55 ms always read as one scan; 58 ms (gaps 57–65) is the unsure band, where a
      few keys may be typed and the rest dropped as incomplete; from 60 ms on, every
      key is a person's;
    * largest pause accepted: 200 ms within a burst (after 4 code symbols, once);
      a code stopped for up to 500 ms (xdotool ``sleep 0.4``) is still joined whole
      when its parts make a well-formed code; after 600 ms the first part is
      "Incomplete scan" and the rest is read on its own;
    * fastest typing still taken as a person: any key after a gap over 60 ms
      (hypothesis: random text of code symbols at 61–400 ms a key always reaches the
      field intact, never a scan); a fast typist's rollovers (2–3 keys within 60 ms,
      then a pause) are given back too.  People type at 80–250 ms a key.

The clock
    Intervals are measured with the events' own timestamps (``QKeyEvent.timestamp()``,
    milliseconds from the windowing system), not with the time the GUI thread got
    round to them: when the GUI thread is busy for 50 ms, a scan's keys queue up and
    are handled all at once, and only the timestamps still show the spacing.  Events
    without a timestamp (0, i.e. synthetic) fall back to ``clock()``, a
    ``QElapsedTimer`` unless one is injected.  Debouncing repeated reads of one badge
    works on the scale of a second and uses ``clock()``.

Late timers, and the rescue
    The timers only act on silence.  A timer that fires late (the GUI thread was busy)
    waits ``settle_ms`` once more, so keys queued meanwhile come first.  If the first
    keys of a scan were given back all the same (a stall, or a scanner that hesitated
    before it could be recognised: groups of one to three symbols, each within
    ``person_ms`` of the next), they are taken back out of the line edit they went to
    (if they sit just before its cursor) and put in front of the keys that follow
    within ``pause_ms`` — once those are a scanner's, or make a whole code with them.

Not handled here: the meaning of the code.  The text of each key is passed on as
typed (``codes.normalise`` folds Caps Lock and AZERTY digits when the desk verifies
it).  Keys with Ctrl, Alt or Meta are shortcuts and are never held; nor are
auto-repeats and lone modifier keys (a scanner presses Shift for capitals).  A
plain-letter ``QShortcut`` would still fire before the detector sees the key: Qt
resolves shortcuts before delivering key presses, so such shortcuts do not belong in
the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from checkin.core.event.codes import CODE_LENGTH, well_formed
from checkin.ui.desk.burst import (
    PAUSE_AFTER,
    Action,
    Before,
    Burst,
    Timing,
    Verdict,
    code_like,
    expired,
    judge,
)
from checkin.ui.desk.held_keys import (
    MODIFIER_KEYS,
    SHORTCUT_MODIFIERS,
    SUFFIX_KEYS,
    HeldKey,
    retract,
)
from checkin.ui.widgets.foreground import KEY_S, SCAN_S, foreground

log = logging.getLogger(__name__)


Suffix = Literal["enter", "tab", "none"]
SUFFIXES: tuple[str, ...] = ("enter", "tab", "none")
_PRESS = QEvent.Type.KeyPress
_RELEASE = QEvent.Type.KeyRelease


@dataclass(frozen=True, slots=True)
class _Released:
    """A few code symbols given back as a person's (for the late timer rescue)."""

    text: str  # the groups given back one after another, oldest first
    time: int  # event time of the last key
    target: QObject
    group: int  # length of the last group (the keys given back together)


@dataclass(frozen=True, slots=True)
class _Fragment:
    """An incomplete code kept for its rest (never typed anywhere)."""

    text: str
    time: int  # event time of its last key


class ScanDetector(QObject):
    """Turns keyboard-wedge scanner bursts into ``scanned(code)``; see the module doc.

    ``install()`` puts it on the application: every window and dialog, modal or not.
    """

    scanned = Signal(str)
    """A code was read (the raw text typed by the scanner, without the suffix)."""
    duplicate = Signal(str)
    """The same code was read again within ``debounce_ms`` of its last read."""
    incomplete = Signal(str)
    """Part of a badge code was read and dropped (what was read): "scan again"."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        suffix: Suffix = "enter",
        timing: Timing | None = None,
        min_length: int = 8,
        debounce_ms: int = 1000,
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.suffix = suffix
        self.timing = timing or Timing()
        self.min_length = min_length
        self.debounce_ms = debounce_ms
        if clock is None:
            elapsed = QElapsedTimer()
            elapsed.start()
            clock = elapsed.elapsed
        self._clock: Callable[[], int] = clock
        self._installed = False
        self._replaying = False
        # The burst being collected: swallowed events, in order, and what they typed.
        self._burst: Burst | None = None
        self._held: list[HeldKey] = []
        self._held_keys: set[int] = set()  # keys pressed in _held, release not seen yet
        self._prefix = ""  # first key already given back by a late timer
        self._target: QObject | None = None
        self._released: _Released | None = None
        self._head: _Released | None = None  # given back just before this burst
        self._head_gap = 0  # ms between the head's last key and this burst's first
        self._fragment: _Fragment | None = None
        self._scan_end: int | None = None  # a scan emitted before its suffix came
        self._eaten: set[int] = set()  # keys of swallowed bursts whose release is pending
        self._last_code: str | None = None
        self._last_read = 0
        self._armed_at = 0  # clock() when the burst timer was last started
        self._deferred = False  # the timer came late once already: this time it acts
        self._timer = self._single_shot(self._on_timeout)
        self._split_timer = self._single_shot(self._fragment_expired)

    def _single_shot(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

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
    def min_length(self) -> int:
        """A burst this long ending with the suffix is a scan, whatever it says."""
        return self._min_length

    @min_length.setter
    def min_length(self, value: int) -> None:
        if value < 2:
            raise ValueError("min_length must be at least 2: one key is never a burst")
        self._min_length = int(value)

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

    def install(self) -> None:
        """Listen to the whole application: every window and dialog, modal or not."""
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("ScanDetector.install() needs a QApplication")
        if not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        """Stop listening; a burst being collected is given back first."""
        self._give_back()
        self._drop_fragment()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    # -- the filter ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind != _PRESS and kind != _RELEASE:
            return False
        if self._replaying or not watched.isWindowType():
            return False
        assert isinstance(event, QKeyEvent)
        if kind == _RELEASE:
            return self._on_release(event)
        return self._on_press(watched, event)

    def _on_release(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in self._held_keys and not event.isAutoRepeat():
            self._held_keys.discard(key)
            self._held.append(HeldKey.of(event))
            return True
        if key in self._eaten:
            self._eaten.discard(key)
            return True
        return False

    def _on_press(self, window: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        self._eaten.discard(key)
        if key in MODIFIER_KEYS:
            return False  # Shift for capitals; its state travels in each key event
        text = event.text()
        now = self._time(event)
        if (
            event.isAutoRepeat()
            or event.modifiers() & SHORTCUT_MODIFIERS
            or not text
            or not text.isprintable()
        ):
            return self._on_other_key(key, now)
        if self._burst is not None and not self._burst.admits(now, self.timing):
            self._end_burst()
        if self._burst is None:
            self._start(window, text, now)
        else:
            self._burst.add(text, now)
        assert self._burst is not None
        self._held.append(HeldKey.of(event))
        self._held_keys.add(key)
        foreground().busy_for(KEY_S)  # a scan may be going on: background work waits
        self._armed_at, self._deferred = self._clock(), False
        self._timer.start(self._burst.wait_ms(self.timing))
        return True

    def _on_other_key(self, key: int, now: int) -> bool:
        """A suffix, a special key, a shortcut or an auto-repeat."""
        self._released = None
        is_suffix = key in SUFFIX_KEYS[self._suffix]
        if self._burst is not None:
            if is_suffix and self._burst.admits(now, self.timing):
                return self._finish(key)
            self._end_burst()
        if is_suffix and self._late_suffix(now):
            self._eaten.add(key)
            return True
        return False  # the key goes on, after the replayed keys it followed

    def _late_suffix(self, now: int) -> bool:
        """The suffix of a code already taken: a scan emitted at silence, or a fragment."""
        end, self._scan_end = self._scan_end, None
        if end is not None and 0 <= now - end <= self.timing.pause_ms:
            return True
        fragment = self._fragment
        if fragment is None or not 0 <= now - fragment.time <= self.timing.pause_ms:
            return False
        self._drop_fragment()  # the scanner ended it: a scan if long enough, else incomplete
        if len(fragment.text) >= self._min_length:
            self._emit(fragment.text)
        else:
            self.incomplete.emit(fragment.text)
        return True

    def _start(self, window: QObject, text: str, now: int) -> None:
        fragment = self._fragment
        if fragment is not None and now - fragment.time > self.timing.split_ms:
            self._fragment_expired()  # its timer is late; the timestamps tell
        elif fragment is not None and 0 <= now - fragment.time <= self.timing.pause_ms:
            # The scanner goes on after a second pause: the burst continues the fragment.
            self._drop_fragment()
            self._target, self._released, self._head = window, None, None
            self._burst = Burst(fragment.text + text, now, keys=1 + len(fragment.text))
            return
        self._scan_end = None
        released, self._released, self._head = self._released, None, None
        gap = now - released.time if released is not None else -1
        if released is not None and 0 <= gap <= self.timing.key_gap_ms:
            # Late timer rescue: the keys given back last were this burst's first.
            prefix = released.text[-released.group :]
            self._prefix, self._target = prefix, released.target
            self._burst = Burst(prefix + text, now, keys=1 + len(prefix))
            return
        if 0 <= gap <= self.timing.pause_ms:
            self._head = released  # taken back if this burst completes a code with it
            self._head_gap = gap
        focus = QWidget.keyboardGrabber()
        if focus is None and isinstance(window, QWindow):
            focus = window.focusObject()  # what QWidgetWindow forwards the key to
        self._target = focus or window
        self._burst = Burst(text, now)

    # -- ending a burst -----------------------------------------------------------

    def _on_timeout(self) -> None:
        """Silence, unless the timer is late: then the GUI thread was busy, keys typed
        meanwhile may be queued behind it, and they get a moment to arrive first."""
        late = self._clock() - self._armed_at - self._timer.interval()
        if late > self.timing.settle_ms and not self._deferred:
            self._deferred = True
            self._timer.start(self.timing.settle_ms)
            return
        self._end_burst()

    def _finish(self, suffix_key: int) -> bool:
        """The suffix came: a scan, an incomplete code, or a person's keys + Enter."""
        burst = self._burst
        assert burst is not None
        verdict = self._verdict(burst, suffix_seen=True)
        if verdict.action is Action.GIVE_BACK:
            self._give_back()
            return False
        self._eaten.add(suffix_key)
        self._conclude(verdict, burst)
        return True

    def _end_burst(self) -> None:
        """Silence, or a key that is not part of it: what was the burst?"""
        burst = self._burst
        if burst is None:
            return
        verdict = self._verdict(burst, suffix_seen=False)
        if verdict.action is not Action.GIVE_BACK:
            if verdict.action is Action.SCAN:
                self._scan_end = burst.last  # its suffix may still come: eat it
            self._conclude(verdict, burst)
            return
        if len(burst.text) >= self._min_length and self._suffix != "none":
            log.warning(
                "a burst of %d keys ended without the %s suffix: typed as keys instead "
                "(check the scanner's suffix setting)",
                len(burst.text),
                self._suffix,
            )
        target, text, head = self._target, burst.text, self._head
        self._give_back()
        if target is not None and code_like(text, 1) and len(text) < PAUSE_AFTER:
            group = len(text)
            if head is not None and head.target is target and (
                self._head_gap < self.timing.person_ms
            ):  # a hesitant scanner's keys, group after group; never a person's
                text = head.text + text
            self._released = _Released(text[-(CODE_LENGTH - 1) :], burst.last, target, group)

    def _verdict(self, burst: Burst, *, suffix_seen: bool) -> Verdict:
        """What the burst was (``burst.judge``).  The one to three symbols given back just
        before it (a scanner that hesitated before it could be recognised) are taken
        back out of their field and put in front, once the burst is a scanner's or
        makes a whole code with them; a person's keys after a person's keys stay."""
        fragment = self._fragment_text()

        def of(keys: Burst) -> Verdict:
            return judge(
                keys, fragment, suffix_seen=suffix_seen, suffix=self._suffix,
                min_length=self._min_length,
            )  # fmt: skip

        verdict, head = of(burst), self._head
        if head is None or (verdict.action is Action.SCAN and well_formed(verdict.text)):
            return verdict
        whole = Burst(head.text + burst.text, burst.last, burst.keys + len(head.text))
        if verdict.action is Action.GIVE_BACK and not well_formed(fragment + whole.text):
            return verdict
        self._head = None
        retract(head.target, head.text)
        return of(whole)

    def _conclude(self, verdict: Verdict, burst: Burst) -> None:
        """A burst taken from the keyboard: scanned, kept for its rest, or dropped."""
        fragment = self._fragment
        self._swallow()
        if verdict.before is not Before.WAITS:
            self._drop_fragment()
            if verdict.before is Before.INCOMPLETE and fragment is not None:
                self.incomplete.emit(fragment.text)
        if verdict.action is Action.SCAN:
            self._emit(verdict.text)
        elif verdict.action is Action.KEEP:
            self._fragment = _Fragment(verdict.text, burst.last)
            self._split_timer.start(self.timing.split_ms)
        else:
            self.incomplete.emit(verdict.text)

    def _fragment_expired(self) -> None:
        fragment = self._fragment
        self._drop_fragment()
        if fragment is None:
            return
        if expired(fragment.text, suffix=self._suffix, min_length=self._min_length) is Action.SCAN:
            self._emit(fragment.text)
        else:
            log.info("an incomplete code of %d symbols was dropped", len(fragment.text))
            self.incomplete.emit(fragment.text)

    def _emit(self, code: str) -> None:
        now = self._clock()
        repeat = code == self._last_code and now - self._last_read < self._debounce_ms
        # Measured from the last read, not the last emission: a badge left under a
        # scanner in presentation mode is read every few hundred ms, and is one scan.
        self._last_code, self._last_read = code, now
        foreground().busy_for(SCAN_S)  # until its result is painted (``release``)
        (self.duplicate if repeat else self.scanned).emit(code)

    def _swallow(self) -> None:
        """The held keys were a scanner's: nothing of them is typed anywhere."""
        if self._prefix:
            retract(self._target, self._prefix)
        self._eaten |= self._held_keys
        self._reset()

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
        self._burst = None
        self._held = []
        self._held_keys = set()
        self._prefix = ""
        self._target = None

    def _drop_fragment(self) -> None:
        self._split_timer.stop()
        self._fragment = None

    # -- helpers ------------------------------------------------------------------

    def _fragment_text(self) -> str:
        return self._fragment.text if self._fragment is not None else ""

    def _time(self, event: QKeyEvent) -> int:
        stamp = event.timestamp()
        return stamp if stamp else self._clock()
