"""The coordinators' dashboard on a real SQLite file: live updates, warnings, lists."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt

from checkin.core.desk.presence import CapacityLevel
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates
from checkin.core.types import ScanAction
from checkin.ui.dashboard.page import DashboardPage
from tests.conftest import EVENT_DATE, insert_delegates


def local(event, hh: int, mm: int) -> dt.datetime:
    return dt.datetime.combine(EVENT_DATE, dt.time(hh, mm), tzinfo=event.tz).astimezone(dt.UTC)


@pytest.fixture
def demo_event(demo_store):
    from checkin.core.event.stored import require_event

    return require_event(demo_store)


@pytest.fixture
def entries(demo_store, demo_event):
    return [e for e in list_delegates(demo_store, demo_event) if e.delegate.status == "registered"]


def make_page(qtbot, store, event, at: dt.datetime, **kw) -> DashboardPage:
    page = DashboardPage(store, event, clock=lambda: at, **kw)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.start()
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    return page


def refreshed(qtbot, page: DashboardPage, condition, timeout: int = 5_000) -> None:
    """Wait for the live feed to pick up a change made outside the page."""
    qtbot.waitUntil(lambda: condition(page), timeout=timeout)


def read_all(qtbot, model) -> None:
    """Scroll a paged list to its end: every page read."""
    qtbot.waitUntil(lambda: model.reads >= 1 and not model.busy, timeout=5_000)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.busy, timeout=5_000)


def open_call_list(qtbot, page: DashboardPage) -> None:
    """The call list is read while its tab is open, a page at a time."""
    page.tabs.setCurrentIndex(page.call_tab)
    read_all(qtbot, page.call_model)


def test_scan_by_another_process_shows_within_a_second(qtbot, demo_store, demo_event, entries):
    page = make_page(qtbot, demo_store, demo_event, local(demo_event, 9, 0))
    assert page.arrived.value.text() == f"0 / {len(entries)}"
    open_call_list(qtbot, page)
    assert len(page.call_model.rows) == len(entries)
    before = page.feed.refreshes
    who = entries[0]
    proc = subprocess.Popen(
        [sys.executable, "-m", "checkin", "--db", str(demo_store.path), "scan", who.code,
         "--station", "Desk 7"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60_000)
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "ADMITTED" in out
    exited = time.monotonic()
    # Within a second of the other process's commit (it committed before exiting).
    qtbot.waitUntil(lambda: page.arrived.value.text() == f"1 / {len(entries)}", timeout=1_000)
    assert time.monotonic() - exited < 1.0
    assert page.feed.refreshes > before
    assert [p.id for p in page.recent_model.rows] == [who.delegate.id]
    qtbot.waitUntil(lambda: who.delegate.id not in {p.id for p in page.call_model.rows},
                    timeout=1_000)
    assert page.missing.value.text() == str(len(entries) - 1)


def test_idle_dashboard_does_not_recompute(qtbot, demo_store, demo_event):
    page = make_page(qtbot, demo_store, demo_event, local(demo_event, 9, 0), interval_ms=20)
    count = page.feed.refreshes
    ticks = []
    page.feed._timer.timeout.connect(lambda: ticks.append(1))
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5_000)
    assert page.feed.refreshes == count  # ten checks, nothing changed: nothing read


def test_capacity_warning_near_full_and_over_then_an_exit(qtbot, store, event):
    ids = insert_delegates(store, event, [{}, {}, {}, {}])
    door = CheckinService(store, event, station="Door")
    now = local(event, 10, 30)  # "financing", capacity 3
    page = make_page(qtbot, store, event, now)
    assert page.session.title.text() == "New financing approaches"
    assert page.session.level is CapacityLevel.OK

    def admit(i: int, expected: CapacityLevel) -> None:
        door.check_in(ids[i], session="financing", now=now)
        refreshed(qtbot, page, lambda p: p.session.level is expected)

    admit(0, CapacityLevel.OK)
    assert page.session.icon.kind == "check"
    admit(1, CapacityLevel.OK)
    admit(2, CapacityLevel.FULL)
    assert page.session.icon.kind == "warn"
    assert "Full" in page.session.warning.text()
    assert page.session.count.text() == "In the room: 3 of 3"
    admit(3, CapacityLevel.OVER)
    assert page.session.icon.kind == "stop"  # colour, icon and words
    assert page.session.warning.text().startswith("Over capacity by 1")
    assert "Over capacity" in page.session.accessibleDescription()

    # One goes out through the door: back to full, and the exit is said in words.
    door.check_in(ids[0], session="financing", action=ScanAction.EXIT, now=now)
    refreshed(qtbot, page, lambda p: p.session.level is CapacityLevel.FULL)
    assert page.session.count.text() == "In the room: 3 of 3"
    assert "4 came in, 1 went out" in page.session.warning.text()


def test_next_session_shown_before_the_first_starts(qtbot, store, event):
    page = make_page(qtbot, store, event, local(event, 8, 45))
    assert page.session.heading.text().startswith("Next session, 09:30")
    assert page.session.title.text() == "Opening"
    assert page.session.level is None


@pytest.mark.slow
def test_watch_list_alerts_when_a_speaker_arrives(qtbot, demo_store, demo_event, entries):
    page = make_page(qtbot, demo_store, demo_event, local(demo_event, 9, 0))
    assert not page.banner.isVisible()
    speakers = [e for e in entries if e.delegate.category == "speaker"]
    assert {p.id for p in page.watch_model.rows} == {e.delegate.id for e in speakers}
    alerts = []
    page.watch_arrived.connect(alerts.append)
    desk = CheckinService(demo_store, demo_event, station="Desk 1")

    participant = next(e for e in entries if e.delegate.category == "participant")
    desk.scan(participant.code, now=local(demo_event, 8, 58))
    refreshed(qtbot, page, lambda p: p.dashboard.stats.arrived == 1)
    assert alerts == [] and not page.banner.isVisible()

    speaker = speakers[0]
    with qtbot.waitSignal(page.watch_arrived, timeout=5_000) as signal:
        desk.scan(speaker.code, now=local(demo_event, 8, 59))
    assert signal.args[0].id == speaker.delegate.id
    assert page.banner.isVisible()
    text = page.banner.text.text()
    assert text.startswith("Speaker arrived: ") and speaker.delegate.last_name in text
    assert "08:59" in text
    assert page.banner.text.textFormat() == Qt.TextFormat.PlainText
    assert speaker.delegate.id in page.watch_model.highlighted
    # It flashes (two looks, words unchanged), then stays on.
    qtbot.waitUntil(lambda: not page.banner.bright, timeout=2_000)
    qtbot.waitUntil(lambda: not page._flash.isActive(), timeout=10_000)
    assert page.banner.bright and page.banner.isVisible()
    status = page.watch_model.index(
        next(i for i, p in enumerate(page.watch_model.rows) if p.id == speaker.delegate.id), 0
    ).data()
    assert status == "✓ Arrived 08:59"


def test_call_list_contents_sort_and_csv_export(
    qtbot, demo_store, demo_event, entries, tmp_path
):
    (sneaky,) = insert_delegates(demo_store, demo_event, [
        {"number": 900, "first_name": "=HYPERLINK(\"http://x\")", "last_name": "@risk",
         "organisation": "+Org", "email": "-x@example.org"},
    ])
    desk = CheckinService(demo_store, demo_event, station="Desk 1")
    here = entries[:5]
    for e in here:
        desk.scan(e.code, now=local(demo_event, 8, 40))
    page = make_page(qtbot, demo_store, demo_event, local(demo_event, 9, 0))
    # On the overview the call list is not read at all (thousands of rows at scale).
    assert page.dashboard.call_list is False and page.call_model.rows == []
    assert page.dashboard.stats.not_arrived == len(entries) + 1 - 5
    open_call_list(qtbot, page)
    rows = page.call_model.rows
    assert len(rows) == len(entries) + 1 - 5
    assert {p.id for p in rows}.isdisjoint(e.delegate.id for e in here)
    headers = [page.call_model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(page.call_model.columnCount())]
    assert headers == ["Last name", "First name", "Organisation", "Country", "Category",
                       "Email", "Badge"]
    assert page.tabs.tabText(1) == f"&Not yet arrived ({len(rows)})"

    reads = page.call_model.reads
    page.call_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # organisation, Z-A
    qtbot.waitUntil(lambda: page.call_model.reads > reads, timeout=5_000)
    read_all(qtbot, page.call_model)
    orgs = [page.call_model.index(i, 2).data() for i in range(page.call_model.rowCount())]
    from checkin.core.text import fold

    assert [fold(o) for o in orgs] == sorted((fold(o) for o in orgs), reverse=True)
    # The sort survives a refresh (the rows held are read again in that order).
    codes = {e.delegate.id: e.code for e in entries}
    late = next(p for p in page.call_model.rows if p.id in codes)
    at = page.call_model.rows.index(late)
    resets, removed = [], []
    page.call_model.modelReset.connect(lambda: resets.append(1))
    page.call_model.rowsRemoved.connect(lambda _parent, a, b: removed.append((a, b)))
    desk.scan(codes[late.id], now=local(demo_event, 8, 50))
    refreshed(qtbot, page, lambda p: len(p.call_model.rows) == len(rows) - 1)
    assert removed == [(at, at)] and resets == []  # taken out, not the table reset
    orgs = [page.call_model.index(i, 2).data() for i in range(page.call_model.rowCount())]
    assert [fold(o) for o in orgs] == sorted((fold(o) for o in orgs), reverse=True)

    target = tmp_path / "call.csv"
    with qtbot.waitSignal(page.exported, timeout=5_000) as signal:
        page.export_call_list(str(target))
    assert signal.args == [str(target), len(rows) - 1]
    with open(target, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert len(table) == len(rows)  # header + rows - 1
    bad = next(r for r in table if r[6] == "900")
    assert bad[:3] == ["'@risk", "'=HYPERLINK(\"http://x\")", "'+Org"]
    assert bad[4] == "'-x@example.org"
    # In the order shown: organisation, Z to A.
    assert [fold(r[2].lstrip("'")) for r in table[1:]] == sorted(
        (fold(r[2].lstrip("'")) for r in table[1:]), reverse=True
    )
    assert sneaky


def test_export_to_an_unwritable_place_says_so(qtbot, demo_store, demo_event, tmp_path):
    page = make_page(qtbot, demo_store, demo_event, local(demo_event, 9, 0))
    with qtbot.waitSignal(page.export_failed, timeout=5_000) as signal:
        page.export_call_list(str(tmp_path / "no" / "such" / "dir" / "call.csv"))
    assert signal.args[0].startswith("Could not save the call list")
    assert page.status.text().startswith("⚠")
    assert page.export_button.isEnabled()


def test_session_attendance_lists_who_came_and_who_left(qtbot, store, event):
    ids = insert_delegates(store, event, [{"last_name": "Alpha"}, {"last_name": "Beta"}])
    door = CheckinService(store, event, station="Door")
    door.check_in(ids[0], session="opening", now=local(event, 9, 31))
    door.check_in(ids[1], session="opening", now=local(event, 9, 32))
    door.check_in(ids[1], session="opening", action="exit", now=local(event, 9, 45))
    page = make_page(qtbot, store, event, local(event, 9, 50))
    page.tabs.setCurrentIndex(4)
    page.session_choice.setCurrentIndex(page.session_choice.findData("opening"))
    refreshed(qtbot, page, lambda p: len(p.attendee_model.rows) == 2)
    cells = [[page.attendee_model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert cells == [["09:31", "✓ In the room", "Alpha", "First1"],
                     ["09:32", "↩ Left at 09:45", "Beta", "First2"]]
    assert page.attendee_hint.text() == "2 attended, 1 in the room now"


def test_projector_mode_from_the_keyboard(qtbot, store, event):
    insert_delegates(store, event, [{}, {}])
    page = make_page(qtbot, store, event, local(event, 9, 40))
    page.activateWindow()
    page.projector_button.setFocus()
    qtbot.keyClick(page.projector_button, Qt.Key.Key_F9)
    assert page.projector is not None and page.projector.isVisible()
    assert page.projector_button.isChecked()
    assert page.projector.arrived.value.text() == "0 / 2"
    assert page.projector.session.title.text() == "Opening"
    qtbot.keyClick(page.projector, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.projector is None)
    assert not page.projector_button.isChecked()


def test_controls_have_accessible_names_and_stop_stops(qtbot, store, event):
    page = make_page(qtbot, store, event, local(event, 9, 0))
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView

    controls = [w for kind in (QAbstractButton, QComboBox, QTableView)
                for w in page.findChildren(kind)]
    named = [w for w in controls if not w.objectName().startswith("qt_")
             and type(w).__name__ not in ("QTabBar", "QToolButton", "QTableCornerButton")]
    assert len(named) >= 7
    for widget in named:
        assert widget.accessibleName(), widget
    assert page.feed.running
    page.stop()
    assert not page.feed.running
