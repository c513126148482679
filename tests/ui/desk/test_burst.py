"""The scanner capture's rules as numbers: which key joins a burst, how long silence is
waited for, and what an ended burst was (checkin.ui.desk.burst; no Qt needed)."""

from __future__ import annotations

import pytest

from checkin.core.event import codes
from checkin.ui.desk.burst import (
    Action,
    Before,
    Burst,
    Timing,
    code_like,
    expired,
    judge,
)

T = Timing()
CODE = codes.make_code(b"burst tests", 7, 1)


def typed(text: str, gap: int = 5, start: int = 1000) -> Burst:
    burst = Burst(text[0], start)
    for i, ch in enumerate(text[1:], start=1):
        assert burst.admits(start + i * gap, T)
        burst.add(ch, start + i * gap)
    return burst


def end(burst: Burst, fragment: str = "", *, suffix_seen=False, suffix="enter"):
    return judge(burst, fragment, suffix_seen=suffix_seen, suffix=suffix, min_length=8)


def test_key_gaps_up_to_60_ms_join():
    burst = Burst("R", 1000)
    assert burst.admits(1060, T)
    assert not burst.admits(1061, T)
    assert not burst.admits(999, T)  # a clock that went back: no burst


def test_one_pause_of_up_to_200_ms_after_four_code_symbols():
    three = typed("RT0")
    assert not three.admits(three.last + 150, T)  # too short to be a scanner's yet
    four = typed("RT00")
    assert not four.admits(four.last + 201, T)
    assert four.admits(four.last + 200, T) and four.paused
    four.add("1", four.last + 200)
    assert not four.admits(four.last + 100, T)  # only once


def test_no_pause_for_a_person_or_a_whole_code():
    words = typed("Bob amy")  # a space, and "a", "m", "y" are no code symbols
    assert not words.admits(words.last + 100, T)
    whole = typed(CODE)
    assert not whole.admits(whole.last + 100, T)


def test_silence_waited_for():
    assert Burst("R", 0).wait_ms(T) == T.hold_ms
    assert typed("RT").wait_ms(T) == T.key_gap_ms + T.settle_ms
    assert typed("RT00").wait_ms(T) == T.pause_ms + T.settle_ms  # a pause may come
    assert typed(CODE).wait_ms(T) == T.key_gap_ms + T.settle_ms  # only its suffix


@pytest.mark.parametrize(
    ("text", "like"),
    [("RT00", True), ("rt0o", True), ("&é\"'", True), ("RT0", False), ("RTA0", False),
     ("RT 0", False)],
)
def test_code_like(text, like):
    assert code_like(text) is like


def test_what_an_ended_burst_was():
    assert end(typed(CODE)).action is Action.SCAN  # no suffix needed
    assert end(typed(CODE[:6])).action is Action.KEEP  # maybe the rest comes
    assert end(typed("NOTABADGE123")).action is Action.GIVE_BACK
    assert end(typed("NOTABADGE123"), suffix="none").action is Action.SCAN
    assert end(typed("NOTABADGE123"), suffix_seen=True).action is Action.SCAN
    assert end(typed(CODE[:6]), suffix_seen=True).action is Action.INCOMPLETE
    assert end(typed("abc"), suffix_seen=True).action is Action.GIVE_BACK
    assert end(Burst("R", 0)).action is Action.GIVE_BACK  # one key: a person


def test_a_fragment_and_its_rest():
    joined = end(typed(CODE[9:]), CODE[:9])
    assert (joined.action, joined.text, joined.before) == (Action.SCAN, CODE, Before.USED)
    last = end(Burst(CODE[-1], 0), CODE[:-1])  # even one key, when it completes a code
    assert (last.action, last.text) == (Action.SCAN, CODE)
    three = end(typed(CODE[5:10]), CODE[:5])  # a code split in three: keep both parts
    assert (three.action, three.text) == (Action.KEEP, CODE[:10])
    other = end(typed(CODE), "BCDEF")  # a whole scan after a fragment: it answers it
    assert (other.action, other.text, other.before) == (Action.SCAN, CODE, Before.USED)
    new = end(typed("BCDEFGHJKNPRSTUVX"), CODE[:5])  # too long to join: a new fragment
    assert (new.action, new.before) == (Action.KEEP, Before.INCOMPLETE)
    person = end(Burst("x", 0), CODE[:5])
    assert (person.action, person.before) == (Action.GIVE_BACK, Before.WAITS)


def test_a_fragment_nobody_completed():
    assert expired(CODE[:10], suffix="enter", min_length=8) is Action.INCOMPLETE
    assert expired(CODE[:10], suffix="none", min_length=8) is Action.SCAN
    assert expired(CODE[:5], suffix="none", min_length=8) is Action.INCOMPLETE
