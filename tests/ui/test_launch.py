"""Start-up with the Desk painted first: from the event kept at the last start, the
database opened after the first frame, and a badge scanned in between checked in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.event import snapshot
from checkin.core.event.stored import require_event
from checkin.ui import first_paint
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.page import DeskPage
from checkin.ui.quick_start import QuickStart
from tests.conftest import badge_code
from tests.ui.conftest import burst

pytestmark = pytest.mark.slow


def _url(store) -> str:
    return "sqlite:///" + str(store.path)


def test_the_kept_event_reads_back_only_for_its_own_database(demo_store, tmp_path):
    event = require_event(demo_store)
    path = snapshot.path_for(_url(demo_store), tmp_path)
    snapshot.write(path, event, _url(demo_store))
    assert snapshot.read(path, _url(demo_store)) == event
    assert snapshot.read(path, "sqlite:////elsewhere.sqlite") is None
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert _url(demo_store) not in path.read_text()  # a hash, never a server's password
    path.write_text("{not json")
    assert snapshot.read(path, _url(demo_store)) is None
    assert snapshot.read(tmp_path / "missing.json", _url(demo_store)) is None


def _quick(qtbot, store, event, settings_path) -> QuickStart:
    quick = QuickStart(str(store.path), False, event,
                       QSettings(settings_path, QSettings.Format.IniFormat))
    qtbot.addWidget(quick.window)
    return quick


def test_a_badge_scanned_before_the_database_is_open_is_checked_in(
    qtbot, demo_store, settings_path
):
    event = require_event(demo_store)
    quick = _quick(qtbot, demo_store, event, settings_path)
    assert quick.window.findChild(DeskController) is None  # nothing of the database yet
    code = badge_code(demo_store, 3)
    quick.detector.scanned.emit(code)  # the scanner, during the first half-second
    assert quick.held == [code]
    quick.window.show()
    qtbot.waitUntil(lambda: quick.window.findChild(DeskController) is not None, timeout=20_000)
    controller = quick.window.findChild(DeskController)
    assert controller.view is quick.desk  # the painted page is the one in use
    with demo_store.read() as s:
        three = s.execute(select(m.Delegate.first_name, m.Delegate.arrived_at)
                          .where(m.Delegate.number == 3)).one()
    assert three.arrived_at is not None  # checked in as soon as the database opened
    assert controller.view.panel.first.text() == three.first_name
    quick.finish()


def test_an_event_edited_since_the_last_start_rebuilds_the_desk(
    qtbot, demo_store, settings_path
):
    event = require_event(demo_store)
    stale = event.__class__(**{**event.__dict__, "name": "Last year's name",
                               "sessions": event.sessions[:1]})
    quick = _quick(qtbot, demo_store, stale, settings_path)
    painted_page = quick.desk
    quick.window.show()
    qtbot.waitUntil(lambda: quick.window.findChild(DeskController) is not None, timeout=20_000)
    controller = quick.window.findChild(DeskController)
    assert controller.view is not painted_page and controller.event_info == event
    assert event.name in quick.window.windowTitle()
    quick.finish()


def _launch(db: Path, cache: Path) -> dict[str, str]:
    home = cache.parent / "home"  # the app's settings, away from the machine's
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHECKIN_CACHE_DIR": str(cache),
           first_paint.ENV: "exit", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "cfg"),
           "XDG_DATA_HOME": str(home / "data")}
    proc = subprocess.run([sys.executable, "-m", "checkin", "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return dict(line.split(" ", 1) for line in proc.stderr.splitlines()
                if line.startswith("checkin-first-paint"))


def test_the_second_start_paints_before_loading_the_database_libraries(demo_store, tmp_path):
    first = _launch(demo_store.path, tmp_path / "cache")
    assert "sqlalchemy" in first[first_paint.LOADED]  # nothing kept yet: database first
    second = _launch(demo_store.path, tmp_path / "cache")
    assert second[first_paint.LOADED] == "-"
    assert float(second[first_paint.MARKER]) > 0


def test_scans_before_the_first_frame_and_during_the_rest_of_the_desk_count_once(
    qtbot, demo_store, settings_path, monkeypatch
):
    """Keys on the window before its first frame (the scanner listens on the window
    alone then), and between two parts of the Desk built after it: each badge is
    checked in once, shown, and nothing is typed into the search box."""
    event = require_event(demo_store)
    early, meanwhile = badge_code(demo_store, 3), badge_code(demo_store, 4)
    build_recent = DeskPage._build_recent
    seen: list[bool] = []

    def scan_then_build(page: DeskPage) -> None:
        seen.append(page.is_built())
        burst(quick.window.windowHandle(), meanwhile + "\r", 5000)
        build_recent(page)

    monkeypatch.setattr(DeskPage, "_build_recent", scan_then_build)
    quick = _quick(qtbot, demo_store, event, settings_path)
    assert not quick.desk.is_built()
    burst(quick.window.windowHandle(), early + "\r", 1000)
    assert quick.held == [early]
    quick.window.show()
    qtbot.waitUntil(lambda: quick.window.findChild(DeskController) is not None, timeout=20_000)
    assert seen == [False] and quick.desk.is_built()
    qtbot.waitUntil(lambda: quick.desk.recent.rowCount() == 2, timeout=10_000)
    with demo_store.read() as s:
        numbers = s.scalars(
            select(m.Delegate.number).join(m.Scan, m.Scan.delegate_id == m.Delegate.id)
        ).all()
    assert sorted(numbers) == [3, 4]  # once each
    assert quick.desk.search_box.text() == ""
    with demo_store.read() as s:
        four = s.scalars(select(m.Delegate.first_name).where(m.Delegate.number == 4)).one()
    assert quick.desk.panel.first.text() == four  # the last one, shown
    quick.finish()


def _tab_chain(page: DeskPage) -> list[str]:
    names, widget = [], page.nextInFocusChain()
    while widget is not page and len(names) < 500:
        if page.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            names.append(widget.accessibleName() or type(widget).__name__)
        widget = widget.nextInFocusChain()
    return names


def _named(page: DeskPage) -> list[str]:
    return sorted(w.accessibleName() for w in page.findChildren(QWidget) if w.accessibleName())


def _where(page: DeskPage, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(page, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [QSize(1280, 720), QSize(1366, 768)])
def test_the_desk_built_after_its_first_frame_is_the_desk_built_at_once(qtbot, demo_store, size):
    event = require_event(demo_store)
    whole = DeskPage(event, "Desk 1")
    later = DeskPage(event, "Desk 1", defer=True)
    for page in (whole, later):
        qtbot.addWidget(page)
        page.resize(size)
        page.show()
        qtbot.waitExposed(page)

    def places(page: DeskPage) -> list[QRect]:
        # (the title's left end: it is as wide as the controls leave it)
        title = _where(page, page.title_label)
        return [_where(page, page.panel), _where(page, page.search_box),
                title.adjusted(0, 0, title.left() + 100 - title.right(), 0)]

    first_frame = places(later)
    assert not hasattr(later, "recent_view") and not later.is_built()
    # The clear button loads an icon (up to tens of ms): after the first frame.
    assert not later.search_box.isClearButtonEnabled()
    later.build_rest_later()
    qtbot.waitUntil(later.is_built, timeout=10_000)
    later.layout().activate()
    whole.layout().activate()
    assert places(later) == first_frame  # nothing moved when the rest came
    assert places(later) == places(whole)
    assert _where(later, later.recent_view) == _where(whole, whole.recent_view)
    assert later.search_box.isClearButtonEnabled() and whole.search_box.isClearButtonEnabled()
    assert _where(later, later.controls) == _where(whole, whole.controls)
    assert _named(later) == _named(whole)
    assert _tab_chain(later) == _tab_chain(whole)
    assert _tab_chain(whole)[0] == "Check-in mode"  # Tab in the order of the screen
