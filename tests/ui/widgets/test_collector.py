"""Full garbage collections when nobody is at the keyboard (checkin.ui.widgets.collector)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from checkin.ui.widgets.collector import _TRIM, IdleCollector, give_back_free_memory
from tests.conftest import Clock


@pytest.fixture
def idle(qapp):
    threshold = gc.get_threshold()
    clock = Clock(1000.0)
    collector = IdleCollector(qapp, quiet_s=3, every_s=60, at_least_s=900, thorough_s=3600,
                              clock=clock)
    collector.clock_ = clock
    qapp.installEventFilter(collector)
    yield collector
    qapp.removeEventFilter(collector)
    collector.stop()
    gc.set_threshold(*threshold)
    gc.unfreeze()  # the rest of the test run collects as usual


def test_automatic_full_collections_are_off_young_ones_stay(idle):
    before = gc.get_threshold()
    idle.start()
    young, middle, full = gc.get_threshold()
    assert (young, middle) == before[:2] and full >= 1_000_000


def test_collects_only_when_quiet_and_at_most_once_a_minute(idle):
    clock = idle.clock_
    clock.now += 30
    assert idle.check() is None  # quiet, but the last one is only 30 s old
    clock.now += 30
    idle.last_input = clock.now - 1  # someone typed a second ago
    assert idle.check() is None
    clock.now += 3
    assert idle.check() == "full" and idle.collections == 1  # quiet for 4 s
    clock.now += 10
    assert idle.check() is None  # not again so soon


def test_survivors_are_frozen_and_walked_again_once_an_hour(idle):
    clock = idle.clock_
    frozen = gc.get_freeze_count()
    survivor = [object()]  # a container made after the last freeze, still alive
    clock.now += 61
    assert idle.check() == "full"
    assert gc.get_freeze_count() > frozen and survivor  # moved out, not collected
    clock.now += 3600
    assert idle.check() == "thorough"  # quiet, and an hour since the last thorough one
    assert gc.get_freeze_count() > 0  # everything frozen again afterwards
    clock.now += 61
    assert idle.check() == "full"


def test_a_long_rush_still_gets_one_every_quarter_hour(idle):
    clock = idle.clock_
    for _ in range(899):
        clock.now += 1
        idle.last_input = clock.now  # a key every second, for 15 minutes
        assert idle.check() is None
    clock.now += 1
    idle.last_input = clock.now
    assert idle.check() == "full"  # overdue: the cheap kind, never the thorough one


def test_keys_and_clicks_count_as_someone_there(idle, qtbot):
    box = QLineEdit()
    qtbot.addWidget(box)
    clock = idle.clock_
    clock.now += 100
    qtbot.keyClick(box, "a")
    assert idle.last_input == clock.now and box.text() == "a"  # noted, not consumed
    clock.now += 50
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert idle.last_input == clock.now
    clock.now += 50
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(box, move)  # through the application's event filters
    assert idle.last_input == clock.now - 50  # a pointer passing by is nobody


def test_each_full_collection_gives_the_c_heaps_free_pages_back(idle, monkeypatch):
    from checkin.ui.widgets import collector

    given = []
    monkeypatch.setattr(collector, "give_back_free_memory", lambda: given.append(1))
    idle.clock_.now += 120
    assert idle.check() == "full"
    assert given == [1]


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        return int(status.read().split("VmRSS:")[1].split()[0])


@pytest.mark.skipif(_TRIM is None, reason="glibc's malloc_trim only (Linux)")
def test_free_pages_go_back_to_the_system():
    # 50 MB in 64 KB blocks (under glibc's mmap threshold: from the heap), one in eight
    # kept: the other seven leave holes free() cannot hand back, between kept blocks.
    blocks = [bytearray(64 * 1024) for _ in range(800)]
    kept = blocks[::8]
    del blocks
    before = _rss_kb()
    assert give_back_free_memory(wait=True)
    after = _rss_kb()
    assert after < before - 20_000, (before, after)  # at least 20 MB of the 44 back
    assert len(kept) == 100
