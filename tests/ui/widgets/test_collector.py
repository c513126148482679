"""Full garbage collections when nobody is at the keyboard (checkin.ui.widgets.collector)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from checkin.ui.widgets.collector import IdleCollector
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
