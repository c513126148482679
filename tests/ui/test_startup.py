"""Start-up: the Desk alone before the first paint, the rest after it, searchable at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QWidget

from checkin.core.types import Outcome
from checkin.ui import first_paint
from checkin.ui.app import build_window
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.sounds import SoundBoard
from checkin.ui.main_window import MainWindow

OTHER_PAGES = ("dashboard", "roster", "badges", "agenda")


def _builder(built: list[str]):
    """Page builders that note which page they built, in ``built``."""

    def builder(key: str):
        def build() -> QWidget:
            built.append(key)
            return QLabel(key)

        return build

    return builder


def test_pages_are_built_on_their_first_visit_or_when_asked(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    built: list[str] = []

    builder = _builder(built)
    desk = QLabel("desk")
    window.set_pages([("desk", "Desk", desk), *((k, k, builder(k)) for k in "abc")])
    assert built == [] and window.page("desk") is desk
    assert window.built_page("b") is None and built == []
    window.show_page("b")
    assert built == ["b"] and window.current_page() == "b"
    assert window.page("b").text() == "b" and window.built_page("b") is window.page("b")
    assert window.build_next_page() is True and built == ["b", "a"]
    assert window.current_page() == "b"  # building behind the scenes changes nothing seen
    assert window.build_next_page() is False and built == ["b", "a", "c"]
    assert window.build_next_page() is False and built == ["b", "a", "c"]
    window.replace_page("a", builder("a"))  # a page rebuilt later, when next needed
    assert window.built_page("a") is None
    assert window.page("a").text() == "a" and built == ["b", "a", "c", "a"]


def test_pages_built_later_stop_quietly_when_the_window_is_gone(qtbot):
    """``build_later`` runs one page per turn; a window closed (and deleted) between two
    turns, or a late ``index_ready``, must not build into a deleted stack."""
    from shiboken6 import delete

    from checkin.ui.workspace import Workspace

    window = MainWindow()
    built: list[str] = []

    builder = _builder(built)
    window.set_pages([("desk", "Desk", QLabel("desk")), *((k, k, builder(k)) for k in "abc")])
    workspace = Workspace.__new__(Workspace)  # only its window is used by build_later
    workspace.window = window
    workspace.build_later()
    assert built == ["a"]
    delete(window)  # what a closed window's deleteLater does, before the next turn
    QCoreApplication.processEvents()  # the turn already queued for page "b" must not run
    assert built == ["a"]
    workspace.build_later()  # a late index_ready
    assert built == ["a"]


def test_first_paint_runs_the_deferred_work_and_can_report_it(qtbot, monkeypatch, capsys):
    monkeypatch.setenv(first_paint.ENV, "1")
    window = QLabel("window")
    qtbot.addWidget(window)
    painted = first_paint.watch(window)
    ran: list[str] = []
    painted.after_paint(lambda: ran.append("first"))
    assert not painted.painted and ran == []
    window.show()
    qtbot.waitUntil(lambda: ran == ["first"])
    painted.after_paint(lambda: ran.append("later"))  # already painted: soon, not now
    assert ran == ["first"]
    qtbot.waitUntil(lambda: ran == ["first", "later"])
    lines = dict(line.split(" ", 1) for line in capsys.readouterr().err.strip().splitlines())
    assert float(lines[first_paint.MARKER]) > 0
    assert lines[first_paint.LOADED]  # which heavy libraries were loaded by then ("-": none)


def test_only_the_desk_is_built_before_the_first_paint(qtbot, demo_store, settings_path):
    window = build_window(demo_store, settings=QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    controller = window.findChild(DeskController)
    assert controller is not None
    assert [window.built_page(k) for k in OTHER_PAGES] == [None] * 4
    assert controller.index_job is None and not controller.sounds.loaded
    # Names are found before the index exists: the database answers.
    controller.view.search_box.setText("sigrid")
    assert controller.index is None
    assert [p.first_name for p in controller.view.results.people] == ["Sigrid"]
    window.show()
    qtbot.waitUntil(lambda: controller.index is not None, timeout=20_000)
    assert controller.sounds.loaded
    # Then, one per turn of the event loop, the other pages.
    qtbot.waitUntil(lambda: all(window.built_page(k) for k in OTHER_PAGES), timeout=20_000)
    assert window.current_page() == "desk"
    assert window.focusWidget() is controller.view.search_box  # nothing took the focus


@pytest.mark.parametrize("load", [True, False])
def test_sounds_load_when_made_or_at_need(qtbot, load):
    board = SoundBoard(load=load)
    assert board.loaded is load
    board.play_for(Outcome.ADMITTED)  # a scan before the load: it loads then
    assert board.loaded
