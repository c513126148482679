"""The Desk keeps its search index on disk: the next start reads it instead of building."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings

from checkin.core.desk import search_store
from checkin.ui.app import build_window
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.scanner import ScanDetector
from tests.conftest import insert_delegates


def _start(qtbot, store, settings_path) -> tuple[DeskController, ScanDetector]:
    detector = ScanDetector()
    window = build_window(store, detector=detector,
                          settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = window.findChild(DeskController)
    assert controller is not None
    qtbot.waitUntil(lambda: controller.index is not None)
    return controller, detector


def _found(qtbot, controller: DeskController, text: str) -> list[str]:
    qtbot.keyClicks(controller.view.search_box, text)
    return [f"{d.first_name} {d.last_name}" for d in controller.view.results.people]


def test_the_second_start_reads_the_index_the_first_kept(
    qtbot, demo_store, settings_path, caplog
):
    caplog.set_level(logging.INFO, logger="checkin.ui.desk.controller")
    first, detector = _start(qtbot, demo_store, settings_path)
    path = search_store.path_for(demo_store, first.event_info.id)
    qtbot.waitUntil(path.exists)  # written in the background once built
    assert first.index is not None and first.index.source == "built"
    found = _found(qtbot, first, "ma")
    assert found
    first.view.window().close()
    detector.uninstall()

    second, detector = _start(qtbot, demo_store, settings_path)
    assert second.index is not None and second.index.source == "disk"
    assert "search index ready: disk" in caplog.text
    assert not any(name in caplog.text for name in found)  # no names in the log
    assert _found(qtbot, second, "ma") == found
    detector.uninstall()


def test_a_walk_in_registered_after_the_file_is_found_at_the_next_start(
    qtbot, demo_store, settings_path
):
    first, detector = _start(qtbot, demo_store, settings_path)
    path = search_store.path_for(demo_store, first.event_info.id)
    qtbot.waitUntil(path.exists)
    first.view.window().close()
    detector.uninstall()
    # Another desk (or the command line) adds someone while this one is closed.
    insert_delegates(demo_store, first.event_info, [
        {"first_name": "Xiomara", "last_name": "Quintero", "number": 9001,
         "reference": "LATE-1"}
    ])
    second, detector = _start(qtbot, demo_store, settings_path)
    assert second.index is not None and second.index.source == "patched"
    assert _found(qtbot, second, "xiomara") == ["Xiomara Quintero"]
    detector.uninstall()


def test_a_change_made_at_the_desk_is_applied_onto_the_kept_index(
    qtbot, demo_store, settings_path
):
    """After a walk-in or an edit here the index is brought up to date from the kept
    file (the changed delegates applied onto it), not built from everyone again."""
    desk, detector = _start(qtbot, demo_store, settings_path)
    path = search_store.path_for(demo_store, desk.event_info.id)
    qtbot.waitUntil(path.exists)
    insert_delegates(demo_store, desk.event_info, [
        {"first_name": "Xiomara", "last_name": "Quintero", "number": 9002,
         "reference": "WALKIN-9002"}
    ])
    with qtbot.waitSignal(desk.index_ready, timeout=10_000):
        desk.rebuild_index()  # what the desk does after registering someone
    assert desk.index is not None and desk.index.source == "patched"
    assert _found(qtbot, desk, "xiomara") == ["Xiomara Quintero"]
    detector.uninstall()
