"""Start-up with the Desk painted first: from the event kept at the last start, the
database opened after the first frame, and a badge scanned in between checked in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.event import snapshot
from checkin.core.event.stored import require_event
from checkin.ui import first_paint
from checkin.ui.desk.controller import DeskController
from checkin.ui.launch import QuickStart
from tests.conftest import badge_code

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
