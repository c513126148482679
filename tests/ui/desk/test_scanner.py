"""Keyboard-wedge scanner capture, driven with synthetic key events.

Keys go to the window's ``QWindow``, as the platform sends real ones, with timestamps
set on the events (``QKeyEvent.setTimestamp``): a scanner's 5 or 45 ms, a hiccup of
150 ms, a person's 100–150 ms.  All keys of a test are sent at once; only their
timestamps say when they were typed.  The detector's timers are real and waited for
with ``waitUntil``/``waitSignal``, never slept.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.event import codes
from checkin.ui.desk.burst import Timing
from checkin.ui.desk.scanner import ScanDetector
from tests.conftest import Clock

CODE = codes.make_code(b"scanner tests", 42, 1)  # a whole, well-formed badge code
OTHER = codes.make_code(b"scanner tests", 43, 1)
JUNK = "0BCDEFGH123JKNPX"  # 16 code symbols, but the check symbol is wrong
AZERTY = dict(zip("1234567890", "&é\"'(-è_çà", strict=True))
AZERTY_CAPS = {**AZERTY, "2": "É", "7": "È", "9": "Ç", "0": "À"}  # Linux, Caps Lock on

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
    incomplete: list[str]


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
    rec = Recorder([], [], [])
    detector.scanned.connect(rec.scanned.append)
    detector.duplicate.connect(rec.duplicate.append)
    detector.incomplete.connect(rec.incomplete.append)
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
    """Type ``text`` with ``gap`` ms between keys; returns the time of the last key."""
    t = start
    for i, ch in enumerate(text):
        t = start + i * gap
        tap(window, ch, t)
    return t


def laptop(code: str, row: dict[str, str], *, caps_lock: bool = False) -> str:
    """What a US-emulating scanner types on a laptop whose digit row is ``row``."""
    letters = code.lower() if caps_lock else code  # Shift + Caps Lock: lower case
    return "".join(row.get(ch, ch) for ch in letters)


# ------------------------------------------------------------------------------ scans


def test_fast_burst_with_enter_is_a_scan_and_types_nothing(desk, detector, seen):
    spy = KeySpy(desk.line)
    burst(desk.window, CODE + "\r", start=1000)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""
    assert spy.got == []  # not a press, not a release, not the Enter
    assert seen.duplicate == [] and seen.incomplete == []


def test_scan_lands_while_focus_is_on_a_button(desk, detector, seen, qtbot):
    desk.button.setFocus()
    clicks = []
    desk.button.clicked.connect(lambda: clicks.append(1))
    burst(desk.window, CODE + "\r", start=1000)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""
    assert clicks == []


def test_keys_45_ms_apart_are_one_scan(desk, detector, seen):
    burst(desk.window, CODE + "\r", start=1000, gap=45)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""


def test_keys_60_ms_apart_are_the_slowest_scanner(desk, detector, seen, qtbot):
    burst(desk.window, CODE + "\r", start=1000, gap=60)
    assert seen.scanned == [CODE]
    desk.line.setFocus()
    burst(desk.window, "ab12", start=5000, gap=61)  # 61 ms: a person, key by key
    qtbot.waitUntil(lambda: desk.line.text() == "ab12")
    assert seen.scanned == [CODE]


@pytest.mark.parametrize("gap", [80, 99])
def test_a_slow_scanner_up_to_99_ms_a_key_still_reads_and_leaves_nothing(
    desk, detector, seen, qtbot, gap
):
    # Each key alone goes out as a person's; the keys make a whole code, within
    # person_ms of each other: they are taken back out and scanned.
    desk.line.setText("Ola ")
    burst(desk.window, CODE + "\r", start=1000, gap=gap)
    assert seen.scanned == [CODE]
    assert desk.line.text() == "Ola "
    desk.line.clear()
    burst(desk.window, "bertpfister", start=9000, gap=gap)  # anything else: typed
    qtbot.waitUntil(lambda: desk.line.text() == "bertpfister")
    assert seen.scanned == [CODE]


@pytest.mark.parametrize("pause", [150, 200])
def test_one_pause_mid_code_is_still_one_scan(desk, detector, seen, pause):
    last = burst(desk.window, CODE[:6], start=1000)
    burst(desk.window, CODE[6:] + "\r", start=last + pause)
    assert seen.scanned == [CODE]
    assert desk.line.text() == "" and seen.incomplete == []


def test_a_code_split_by_a_longer_pause_is_joined(desk, detector, seen):
    last = burst(desk.window, CODE[:8], start=1000)
    burst(desk.window, CODE[8:] + "\r", start=last + 400)
    assert seen.scanned == [CODE]
    assert desk.line.text() == "" and seen.incomplete == []


def test_a_code_with_two_pauses_is_joined(desk, detector, seen):
    last = burst(desk.window, CODE[:5], start=1000)
    last = burst(desk.window, CODE[5:11], start=last + 150)
    burst(desk.window, CODE[11:] + "\r", start=last + 150)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""


@pytest.mark.parametrize("head", [1, 2, 3])
def test_a_scanner_that_hesitates_after_its_first_keys_leaves_nothing(desk, detector, seen, head):
    # Too few keys to tell a scanner yet: they were typed into the field; once the
    # rest makes a whole code with them, they are taken back out.
    desk.line.setText("Ola ")
    last = burst(desk.window, CODE[:head], start=1000)
    assert desk.line.text() == "Ola "  # still held
    burst(desk.window, CODE[head:] + "\r", start=last + 120)
    assert seen.scanned == [CODE]
    assert desk.line.text() == "Ola "


def test_a_scanner_at_the_edge_of_its_speed_leaves_nothing(desk, detector, seen):
    # Gaps just over and under 60 ms: the first keys go out in twos, as a person's;
    # the rest makes a whole code with them, and they are taken back.
    desk.line.setText("Ola ")
    gaps = [55, 65, 55, 65, 55] + [50] * 10
    t = 1000
    for ch, gap in zip(CODE + "\r", [0, *gaps, 5], strict=True):
        t += gap
        tap(desk.window, ch, t)
    assert seen.scanned == [CODE]
    assert desk.line.text() == "Ola "


def test_a_scanner_that_stumbles_again_and_again_is_still_one_scan(desk, detector, seen):
    gaps = [5, 5, 5, 5, 5, 150, 5, 150, 150, 5, 5, 150, 5, 5, 5, 5]  # single keys too
    t = 1000
    for ch, gap in zip(CODE + "\r", [0, *gaps], strict=True):
        t += gap
        tap(desk.window, ch, t)
    assert seen.scanned == [CODE]
    assert desk.line.text() == "" and seen.incomplete == []


def test_an_incomplete_code_is_dropped_and_said(desk, detector, seen, qtbot):
    spy = KeySpy(desk.line)
    with qtbot.waitSignal(detector.incomplete, timeout=3000) as dropped:
        burst(desk.window, CODE[:10], start=1000)
    assert dropped.args == [CODE[:10]]
    assert desk.line.text() == "" and spy.got == []
    assert seen.scanned == []


def test_an_incomplete_code_with_enter_presses_nothing(desk, detector, seen):
    desk.button.setDefault(True)
    desk.button.setFocus()
    clicks = []
    desk.button.clicked.connect(lambda: clicks.append(1))
    burst(desk.window, CODE[:5] + "\r", start=1000)
    assert seen.incomplete == [CODE[:5]]
    assert clicks == [] and seen.scanned == []


def test_an_incomplete_code_then_a_whole_one_is_the_whole_one(desk, detector, seen):
    last = burst(desk.window, OTHER[:7], start=1000)
    burst(desk.window, CODE + "\r", start=last + 300)  # staff scanned again at once
    assert seen.scanned == [CODE]
    assert seen.incomplete == []  # the rescan answered it: no second message
    assert desk.line.text() == ""


def test_a_fragment_is_not_joined_to_a_scan_much_later(desk, detector, seen):
    burst(desk.window, CODE[:10], start=1000)
    burst(desk.window, CODE[10:] + "\r", start=5000)  # 4 s later: not its rest
    assert seen.incomplete == [CODE[:10], CODE[10:]]
    assert seen.scanned == [] and desk.line.text() == ""


def test_a_whole_code_needs_no_suffix(desk, detector, seen, qtbot):
    with qtbot.waitSignal(detector.scanned, timeout=2000) as blocker:
        burst(desk.window, CODE, start=1000)  # scanner set to no suffix, we expect Enter
    assert blocker.args == [CODE]
    assert desk.line.text() == ""


def test_a_late_suffix_after_a_whole_code_is_eaten(desk, detector, seen):
    desk.button.setDefault(True)
    clicks = []
    desk.button.clicked.connect(lambda: clicks.append(1))
    last = burst(desk.window, CODE, start=1000)
    tap(desk.window, "\r", last + 150)
    assert seen.scanned == [CODE]
    assert clicks == [] and desk.line.text() == ""


@pytest.mark.parametrize(
    "typed",
    [
        laptop(CODE, AZERTY),
        laptop(CODE, AZERTY, caps_lock=True),
        laptop(CODE, AZERTY_CAPS, caps_lock=True),
        laptop(CODE, {}, caps_lock=True),  # QWERTY or QWERTZ with Caps Lock
    ],
    ids=["azerty", "azerty-caps-lock", "azerty-caps-lock-accents", "caps-lock"],
)
def test_layouts_and_caps_lock_are_read_as_the_code(desk, detector, seen, qtbot, clock, typed):
    burst(desk.window, typed + "\r", start=1000, gap=45)
    assert seen.scanned == [typed]  # passed on raw: the desk folds it when verifying
    assert codes.well_formed(typed) == CODE
    clock.now += 5000  # past the debounce
    with qtbot.waitSignal(detector.scanned, timeout=2000) as blocker:
        burst(desk.window, typed, start=5000)  # and without the suffix
    assert blocker.args == [typed]
    assert desk.line.text() == ""


def test_a_junk_barcode_with_enter_is_a_scan(desk, detector, seen):
    burst(desk.window, "NOTABADGE123\r", start=1000)
    assert seen.scanned == ["NOTABADGE123"]  # the desk says "Not a valid badge"


def test_suffix_tab_is_swallowed_and_focus_stays(desk, detector, seen):
    detector.suffix = "tab"
    burst(desk.window, CODE + "\t", start=1000)
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""
    assert desk.widget.focusWidget() is desk.line  # the Tab did not move focus


def test_suffix_none_ends_by_silence(desk, detector, qtbot):
    detector.suffix = "none"
    with qtbot.waitSignal(detector.scanned, timeout=2000) as blocker:
        burst(desk.window, "NOTABADGE123", start=1000)
    assert blocker.args == ["NOTABADGE123"]
    assert desk.line.text() == ""


def test_suffix_none_ends_at_the_next_slow_key(desk, detector, seen, qtbot):
    detector.suffix = "none"
    last = burst(desk.window, CODE, start=1000)
    tap(desk.window, "x", last + 200)  # a person, after the scan
    assert seen.scanned == [CODE]
    qtbot.waitUntil(lambda: desk.line.text() == "x")


def test_suffix_none_scans_a_symbol_junk_code_after_the_split_wait(desk, detector, qtbot):
    detector.suffix = "none"
    with qtbot.waitSignal(detector.scanned, timeout=3000) as blocker:
        burst(desk.window, JUNK, start=1000)
    assert blocker.args == [JUNK]


def test_a_junk_burst_without_the_suffix_is_given_back(desk, detector, seen, qtbot):
    burst(desk.window, "qwazqwazqwaz", start=1000)  # no code symbols: an autotype tool
    qtbot.waitUntil(lambda: desk.line.text() == "qwazqwazqwaz")
    assert seen.scanned == [] and seen.incomplete == []


def test_timestamps_fall_back_to_the_clock(desk, detector, seen, clock):
    for ch in CODE + "\r":
        clock.now += 4
        tap(desk.window, ch, 0)  # timestamp 0: a synthetic event, no time of its own
    assert seen.scanned == [CODE]
    assert desk.line.text() == ""


def test_late_hold_timer_is_rescued(desk, detector, seen, qtbot):
    # The GUI thread stalled: the hold timer gave the first key back before the
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


@pytest.mark.parametrize("gap", [150, 100])
def test_a_name_typed_key_by_key_is_given_back_intact(desk, detector, seen, qtbot, gap):
    # The GUI thread was busy: a person's keys are handled together, but their
    # timestamps say 100 or 150 ms apart.  Every letter of "Bert Grünbeck" but the
    # space and "ü" is a code symbol: the timing alone says "a person".
    name = "Bert Grünbeck Pfister"
    burst(desk.window, name, start=1000, gap=gap)
    qtbot.waitUntil(lambda: desk.line.text() == name)
    assert seen.scanned == [] and seen.incomplete == []


def test_a_fast_typists_rollovers_are_given_back_intact(desk, detector, seen, qtbot):
    # Pairs of keys 20 ms apart (one pressed before the other is released), 110 ms
    # between pairs: bursts of two, never four.
    text, t = "the rest is history", 1000
    for i, ch in enumerate(text):
        tap(desk.window, ch, t)
        t += 20 if i % 2 == 0 else 110
    qtbot.waitUntil(lambda: desk.line.text() == text)
    assert seen.scanned == [] and seen.incomplete == []


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


def test_auto_repeat_is_never_held(desk, detector, seen):
    spy = KeySpy(desk.line, presses_only=True)
    key = Qt.Key.Key_Backspace.value
    event = QKeyEvent(QEvent.Type.KeyPress, key, NO, "\x08", True)
    event.setTimestamp(1000)
    QApplication.sendEvent(desk.window, event)
    assert spy.got == [(key, "\x08")]


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
    clock.now = 10_000
    burst(desk.window, CODE + "\r", start=1000)
    clock.now = 10_100
    burst(desk.window, OTHER + "\r", start=1100)
    assert seen.scanned == [CODE, OTHER]


# ---------------------------------------------------------------------------- scope


def test_a_scan_with_a_modal_dialog_open_leaves_the_dialog_alone(desk, detector, seen, qtbot):
    dialog = QDialog(desk.widget)
    field = QLineEdit("Ola")
    ok = QPushButton("OK")
    ok.setDefault(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(ok)
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(1))
    ok.clicked.connect(dialog.accept)
    dialog.open()
    qtbot.waitExposed(dialog)
    field.setFocus()
    field.setCursorPosition(1)
    handle = dialog.windowHandle()
    assert handle is not None
    burst(handle, CODE + "\r", start=1000)
    assert seen.scanned == [CODE]
    assert field.text() == "Ola" and field.cursorPosition() == 1
    assert accepted == [] and dialog.isVisible()
    assert dialog.focusWidget() is field
    burst(handle, "x", start=3000)  # a person's key still reaches the dialog
    qtbot.waitUntil(lambda: field.text() == "Oxla")
    dialog.reject()


def test_bad_configuration_is_refused():
    with pytest.raises(ValueError):
        ScanDetector(suffix="space")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ScanDetector(min_length=1)
    with pytest.raises(ValueError):
        Timing(key_gap_ms=80, hold_ms=60)


_EXAMPLE_START = itertools.count(100_000, 100_000)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet="0123456789bcdefghjknprstuvxilo BCDEFGH", min_size=1, max_size=20),
    gaps=st.lists(st.integers(min_value=100, max_value=400), min_size=20, max_size=20),
)
def test_a_person_at_100_ms_a_key_or_slower_always_reaches_the_field(
    desk, detector, seen, qtbot, text, gaps
):
    desk.line.clear()
    t = next(_EXAMPLE_START)  # well after the previous example: nothing carries over
    for ch, gap in zip(text, gaps, strict=False):
        tap(desk.window, ch, t)
        t += gap
    qtbot.waitUntil(lambda: desk.line.text() == text)
    assert seen.scanned == [] and seen.incomplete == []


def test_a_whole_code_typed_key_by_key_by_a_person_is_not_a_scan(desk, detector, seen, qtbot):
    # At 100 ms a key, even a whole valid code is a person's typing: it stays in the
    # field (where Enter checks it in as typed, see test_desk).
    burst(desk.window, CODE, start=1000, gap=100)
    qtbot.waitUntil(lambda: desk.line.text() == CODE)
    assert seen.scanned == [] and seen.incomplete == []
