"""Keyboard-wedge scanner detection, driven with synthetic key events.

Keys go to the window's ``QWindow``, as the platform sends real ones, with timestamps
set on the events (``QKeyEvent.setTimestamp``): a scanner's 5 ms, a person's 150 ms.
The hold timer is real (30 ms) and is waited for with ``waitUntil``, never slept.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from checkin.ui.desk.scanner import ScanDetector
from tests.conftest import Clock

CODE = "0BCDEFGH123JKNPX"  # 16 symbols, like a real badge code
AZERTY = "&é\"'(-è_çà"  # the same digit row read on a French laptop: passed through raw

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Desk:
    widget: QWidget
    line: QLineEdit
    button: QPushButton

    @property
    def window(self) -> QWindow:
        handle = self.widget.windowHandle()
        assert handle is not None
        return handle


@dataclass
class Recorder:
    scanned: list[str]
    duplicate: list[str]


@pytest.fixture
def desk(qtbot) -> Desk:
    widget = QWidget()
    line = QLineEdit()
    button = QPushButton("Check in")
    layout = QVBoxLayout(widget)
    layout.addWidget(line)
    layout.addWidget(button)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    line.setFocus()
    return Desk(widget, line, button)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def detector(qtbot, clock):
    d = ScanDetector(clock=clock)
    d.install()
    yield d
    d.uninstall()


@pytest.fixture
def seen(detector) -> Recorder:
    rec = Recorder([], [])
    detector.scanned.connect(rec.scanned.append)
    detector.duplicate.connect(rec.duplicate.append)
    return rec


class KeySpy(QObject):
    """Records the key events that reach a widget (but Shift's own, which go through)."""

    def __init__(self, widget: QWidget, *, presses_only: bool = False) -> None:
        super().__init__(widget)
        kinds = [QEvent.Type.KeyPress] + ([] if presses_only else [QEvent.Type.KeyRelease])
        self.kinds = tuple(kinds)
        self.got: list[tuple[int, str]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            assert isinstance(event, QKeyEvent)
            if event.key() != Qt.Key.Key_Shift.value:
                self.got.append((event.key(), event.text()))
        return False


def qt_key(ch: str) -> int:
    """The Qt key code a keyboard reports for a character (its upper-case code point)."""
    return {"\r": Qt.Key.Key_Return.value, "\t": Qt.Key.Key_Tab.value}.get(ch, ord(ch.upper()))


def send(target: QObject, kind: QEvent.Type, key: int, mods, text: str, t: int) -> None:
    event = QKeyEvent(kind, key, mods, text)
    event.setTimestamp(t)
    QApplication.sendEvent(target, event)


def tap(window: QWindow, ch: str, t: int, mods=NO) -> None:
    """One key, pressed at ``t`` and released 1 ms later, as a scanner does."""
    shift = ch.isalpha() and ch.isupper()
    if shift:  # a scanner presses Shift for capitals
        send(window, QEvent.Type.KeyPress, Qt.Key.Key_Shift.value, SHIFT, "", t)
        mods = mods | SHIFT
    send(window, QEvent.Type.KeyPress, qt_key(ch), mods, ch, t)  # Enter's text is "\r"
    send(window, QEvent.Type.KeyRelease, qt_key(ch), mods, ch, t + 1)
    if shift:
        send(window, QEvent.Type.KeyRelease, Qt.Key.Key_Shift.value, NO, "", t + 1)


def burst(window: QWindow, text: str, start: int, gap: int = 5) -> int:
    """Type ``text`` at scanner speed; returns the time of the last key."""
    t = start
    for i, ch in enumerate(text):
        t = start + i * gap
        tap(window, ch, t)
    return t


# ------------------------------------------------------------------------------ scans


def test_fast_burst_with_enter_is_a_scan_and_types_nothing(desk, detector, seen):
    spy = KeySpy(desk.line)
    burst(desk.window, CODE + "\r", start=1000)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""
    assert spy.got == []  # not a press, not a release, not the Enter
    assert seen.duplicate == []


def test_scan_lands_while_focus_is_on_a_button(desk, detector, seen, qtbot):
    desk.button.setFocus()
    clicks = []
    desk.button.clicked.connect(lambda: clicks.append(1))
    burst(desk.window, CODE + "\r", start=1000)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""
    assert clicks == []


def test_azerty_text_is_passed_through_raw(desk, detector, seen):
    burst(desk.window, AZERTY + "BCD12\r", start=1000)
    assert seen.scanned == [AZERTY + "BCD12"]
    assert desk.line.text() == ""


def test_suffix_tab_is_swallowed_and_focus_stays(desk, detector, seen):
    detector.suffix = "tab"
    burst(desk.window, CODE + "\t", start=1000)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""
    assert desk.widget.focusWidget() is desk.line  # the Tab did not move focus


def test_suffix_none_ends_by_silence(desk, detector, qtbot):
    detector.suffix = "none"
    with qtbot.waitSignal(detector.scanned, timeout=2000) as blocker:
        burst(desk.window, CODE, start=1000)
    assert blocker.args == [CODE]
    assert desk.line.text() == ""


def test_suffix_none_ends_at_the_next_slow_key(desk, detector, seen, qtbot):
    detector.suffix = "none"
    last = burst(desk.window, CODE, start=1000)
    tap(desk.window, "x", last + 200)  # a person, after the scan
    assert seen.scanned == [CODE]
    qtbot.waitUntil(lambda: desk.line.text() == "x")


def test_without_the_expected_suffix_the_burst_is_given_back(desk, detector, seen, qtbot):
    burst(desk.window, CODE, start=1000)  # scanner set to no suffix, we expect Enter
    qtbot.waitUntil(lambda: desk.line.text() == CODE)
    assert seen.scanned == []


def test_timestamps_fall_back_to_the_clock(desk, detector, seen, clock):
    for ch in CODE + "\r":
        clock.now += 4
        tap(desk.window, ch, 0)  # timestamp 0: a synthetic event, no time of its own
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""


def test_late_hold_timer_is_rescued(desk, detector, seen, qtbot):
    # The GUI thread stalled: the 30 ms timer gave the first key back before the
    # second (typed 5 ms after it) was handled.
    tap(desk.window, CODE[0], 1000)
    qtbot.waitUntil(lambda: desk.line.text() == CODE[0])
    burst(desk.window, CODE[1:] + "\r", start=1005)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""


# --------------------------------------------------------------------------- people


def test_slow_typing_reaches_the_line_edit(desk, detector, seen, qtbot):
    typed = ""
    for i, ch in enumerate("Łukasz"):
        tap(desk.window, ch, 1000 + i * 150)
        typed += ch
        qtbot.waitUntil(lambda expected=typed: desk.line.text() == expected)
    assert seen.scanned == []
    assert desk.line.text() == "Łukasz"


def test_slow_keys_handled_in_one_batch_are_still_a_person(desk, detector, seen, qtbot):
    # The GUI thread was busy: a person's keys are handled together, but their
    # timestamps are 120 ms apart.
    for i, ch in enumerate("Zoë Lefèvre"):
        tap(desk.window, ch, 1000 + i * 120)
    qtbot.waitUntil(lambda: desk.line.text() == "Zoë Lefèvre")
    assert seen.scanned == []


def test_short_fast_burst_is_given_back(desk, detector, seen, qtbot):
    burst(desk.window, "abc", start=1000)
    assert desk.line.text() == ""  # held, for now
    qtbot.waitUntil(lambda: desk.line.text() == "abc")
    assert seen.scanned == []


def test_short_fast_burst_then_enter_types_both(desk, detector, seen):
    returns = []
    desk.line.returnPressed.connect(lambda: returns.append(desk.line.text()))
    burst(desk.window, "abc\r", start=1000)
    assert returns == ["abc"]  # the keys were replayed before the Enter went on
    assert seen.scanned == []


def test_shortcuts_are_never_swallowed(desk, detector, seen):
    spy = KeySpy(desk.line, presses_only=True)
    f = Qt.Key.Key_F.value
    send(desk.window, QEvent.Type.KeyPress, f, CTRL, "\x06", 1000)
    assert spy.got == [(f, "\x06")]  # at once, not after the hold
    send(desk.window, QEvent.Type.KeyPress, f, ALT, "f", 1005)  # X11 gives Alt+F text "f"
    assert spy.got[1:] == [(f, "f")]
    # ... also in the middle of a sequence: the held key is replayed first, in order
    tap(desk.window, "a", 2000)
    send(desk.window, QEvent.Type.KeyPress, f, CTRL, "\x06", 2010)
    assert spy.got[2:] == [(Qt.Key.Key_A.value, "a"), (f, "\x06")]
    assert seen.scanned == []


# ------------------------------------------------------------------------- debounce


def test_same_code_within_debounce_is_a_duplicate(desk, detector, seen, clock):
    clock.now = 10_000
    burst(desk.window, CODE + "\r", start=1000)
    clock.now = 10_600
    burst(desk.window, CODE + "\r", start=1600)
    assert seen.scanned == [CODE]
    assert seen.duplicate == [CODE]


def test_same_code_after_debounce_is_scanned_again(desk, detector, seen, clock):
    clock.now = 10_000
    burst(desk.window, CODE + "\r", start=1000)
    clock.now = 11_200
    burst(desk.window, CODE + "\r", start=2200)
    assert seen.scanned == [CODE, CODE]
    assert seen.duplicate == []


def test_another_code_within_debounce_is_scanned(desk, detector, seen, clock):
    other = "1BCDEFGH123JKNPX"
    clock.now = 10_000
    burst(desk.window, CODE + "\r", start=1000)
    clock.now = 10_100
    burst(desk.window, other + "\r", start=1100)
    assert seen.scanned == [CODE, other]


# ---------------------------------------------------------------------------- scope


def test_install_on_one_window_leaves_others_alone(desk, qtbot):
    other = QWidget()
    qtbot.addWidget(other)
    d = ScanDetector()
    d.install(other)
    try:
        got = []
        d.scanned.connect(got.append)
        burst(desk.window, CODE + "\r", start=1000)
        assert got == []
        assert desk.line.text() == CODE  # typed straight through, not held
        desk.line.clear()
        d.install(desk.widget)  # now this window
        burst(desk.window, CODE + "\r", start=2000)
        assert got == [CODE]
        assert desk.line.text() == ""
    finally:
        d.uninstall()


def test_bad_configuration_is_refused():
    with pytest.raises(ValueError):
        ScanDetector(suffix="space")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ScanDetector(min_length=1)
