"""What a burst of keys was: a badge code, part of one, or a person typing.

The rules of the desk's scanner capture (``scanner.ScanDetector``), without Qt: the
detector collects keys and their timestamps and asks this module whether the next key
still belongs to the burst, how long to wait for more, and what the burst was once it
ended.  Pure functions over plain values, so every rule is tested with numbers.

Timing alone cannot tell a hiccuping scanner from a quick typist, so the code itself is
asked too (``checkin.core.event.codes``):

* a burst made only of code symbols (in any layout, Caps Lock or not) and at least
  ``PAUSE_AFTER`` long is a scanner's, never a person's: it may pause once mid-code, it
  is never typed into a field, and if it ends incomplete it is kept ``split_ms`` for the
  rest of the code (a scanner that stopped halfway);
* a complete code with a valid check symbol is a scan without waiting for the suffix;
* anything else needs the configured suffix (or, with suffix "none", silence) and
  ``min_length`` keys to be a scan, and is given back to the person otherwise.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checkin.core.event.codes import CODE_LENGTH, symbol, well_formed

PAUSE_AFTER = 4
"""Code symbols a burst needs before it may pause, or is kept rather than given back."""


@dataclass(frozen=True)
class Timing:
    """How far apart a scanner's keys may be, in milliseconds of event time."""

    key_gap_ms: int = 60  # keys this close are one burst
    hold_ms: int = 70  # a first key waits this long for a second before it is typed
    pause_ms: int = 200  # one longer pause mid-code (after PAUSE_AFTER code symbols)
    split_ms: int = 500  # an incomplete code waits this long for the rest
    person_ms: int = 100  # keys this far apart are a person's, whatever they type
    settle_ms: int = 15  # added to each wait: the event loop's lateness

    def __post_init__(self) -> None:
        for name in ("key_gap_ms", "hold_ms", "pause_ms", "split_ms", "person_ms"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.settle_ms < 0:
            raise ValueError("settle_ms must not be negative")
        if self.hold_ms < self.key_gap_ms or self.pause_ms < self.key_gap_ms:
            raise ValueError("hold_ms and pause_ms must be at least key_gap_ms")


def code_like(text: str, minimum: int = PAUSE_AFTER) -> bool:
    """At least ``minimum`` characters, each of them a code symbol in some layout."""
    return len(text) >= minimum and all(symbol(ch) is not None for ch in text)


@dataclass
class Burst:
    """The keys collected so far: what they typed and when the last one came."""

    text: str
    last: int  # event time of the last key, ms
    keys: int = 1
    paused: bool = False  # the one pause mid-code has been used

    def admits(self, now: int, timing: Timing) -> bool:
        """Does a key at ``now`` belong to this burst?  (Uses up the pause if needed.)"""
        gap = now - self.last
        if gap < 0:  # a wrapped 32-bit server time, mixed clocks: no burst
            return False
        if gap <= timing.key_gap_ms:
            return True
        if gap <= timing.pause_ms and not self.paused and self.mid_code():
            self.paused = True
            return True
        return False

    def add(self, text: str, now: int) -> None:
        self.text += text
        self.last = now
        self.keys += 1

    def mid_code(self) -> bool:
        """Long enough to be a scanner's, too short to be a whole code."""
        return code_like(self.text) and len(self.text) < CODE_LENGTH

    def wait_ms(self, timing: Timing) -> int:
        """Silence after which the burst is over."""
        if self.keys == 1:
            return timing.hold_ms
        if well_formed(self.text) is None and self.mid_code() and not self.paused:
            return timing.pause_ms + timing.settle_ms
        return timing.key_gap_ms + timing.settle_ms


class Action(enum.Enum):
    SCAN = "scan"  # emit ``Verdict.text`` as a scan
    KEEP = "keep"  # keep ``Verdict.text`` as a fragment, for the rest of a split code
    INCOMPLETE = "incomplete"  # part of a code: dropped, and the desk says so
    GIVE_BACK = "give back"  # a person's keys: typed where they were meant to go


class Before(enum.Enum):
    """What becomes of the fragment kept from an earlier burst."""

    WAITS = "waits"  # untouched, still waiting for its rest
    USED = "used"  # joined into this burst, or made moot by a whole scan after it
    INCOMPLETE = "incomplete"  # over: the desk says "Incomplete scan"


@dataclass(frozen=True)
class Verdict:
    action: Action
    text: str = ""
    before: Before = Before.WAITS


def judge(
    burst: Burst, fragment: str, *, suffix_seen: bool, suffix: str, min_length: int
) -> Verdict:
    """What an ended burst was; ``fragment`` is an incomplete code kept before it ("")."""
    text, joined = burst.text, fragment + burst.text
    if fragment and well_formed(joined):
        return Verdict(Action.SCAN, joined, Before.USED)
    if well_formed(text):
        return Verdict(Action.SCAN, text, Before.USED)
    if suffix_seen:
        if len(text) >= min_length:
            return Verdict(Action.SCAN, text, Before.USED)
        if code_like(text) or (fragment and code_like(joined, 1)):
            return Verdict(Action.INCOMPLETE, joined, Before.USED)
        return Verdict(Action.GIVE_BACK)
    if burst.keys == 1:  # one slow key: a person, unless it completed a code (above)
        return Verdict(Action.GIVE_BACK)
    if fragment and code_like(joined, 1) and len(joined) < CODE_LENGTH:
        return Verdict(Action.KEEP, joined, Before.USED)  # a code split in three
    if code_like(text):
        return Verdict(Action.KEEP, text, Before.INCOMPLETE if fragment else Before.WAITS)
    if suffix == "none" and len(text) >= min_length:
        return Verdict(Action.SCAN, text, Before.USED)
    return Verdict(Action.GIVE_BACK)


def expired(fragment: str, *, suffix: str, min_length: int) -> Action:
    """A kept fragment nobody completed: a scan with suffix "none", else incomplete."""
    if suffix == "none" and len(fragment) >= min_length:
        return Action.SCAN
    return Action.INCOMPLETE
