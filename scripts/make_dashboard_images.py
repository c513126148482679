"""Screenshots of the dashboard mid-morning on the demo event, to docs/images/dashboard-*.png.

    python scripts/make_dashboard_images.py [--out DIR]

A throwaway database with the demo event, and the morning replayed through the real
check-in engine with past times: arrivals at the venue desk from 08:30 to 09:50 (a
peak around 09:00), walk-ins, a few bad badges, the auditorium door counting people in
to the opening remarks from 09:25 and some out again.  The dashboard's clock is 09:52;
a speaker arrives at 09:51 so the watch-list alert shows.

Also the whole window on the dashboard at 1280×720 and 1366×768
(page-dashboard-<size>-<lang>.png, ``en`` when CHECKIN_LANG is unset) and projector mode
at 1280×720 (dashboard-projector-<lang>.png).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import screenshot_language
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.desk.walkin import admit_walk_in
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.core.roster.person import PersonForm
from checkin.core.types import ScanAction

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
DAY = dt.date(2026, 11, 28)
WALK_INS = [
    PersonForm("Solveig", "Haugland", "Norwegian Refugee Council", "NO"),
    PersonForm("Kofi", "Asante", "Caritas Ghana", "GH"),
    PersonForm("Meera", "Pillai", "HIAS", "IN"),
]


def at(event, hh: int, mm: int, ss: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hh, mm, ss), tzinfo=event.tz).astimezone(dt.UTC)


def replay(store: Store, rng: random.Random):
    """The morning, through the engine; returns the last speaker's code (not scanned)."""
    event = create_demo(store, today=DAY).event
    entries = [e for e in list_delegates(store, event) if e.delegate.status == "registered"]
    rng.shuffle(entries)
    speakers = [e for e in entries if e.delegate.category == "speaker"]
    late_speaker = speakers[0]
    others = [e for e in entries if e is not late_speaker]
    coming = others[:68]  # 68 of 85 by 09:50; 1 speaker at 09:51; the rest still to come
    desk = CheckinService(store, event, station="Desk 1", operator="demo")
    door = CheckinService(store, event, station="Auditorium door", operator="demo")
    start = at(event, 8, 30)
    times = sorted(
        start + dt.timedelta(minutes=min(79.5, max(0.0, rng.gauss(32, 17)))) for _ in coming
    )
    for entry, when in zip(coming, times, strict=True):
        desk.scan(entry.code, now=when)
        if rng.random() < 0.06:  # scanned twice
            desk.scan(entry.code, now=when + dt.timedelta(seconds=20))
    for i, form in enumerate(WALK_INS):
        when = at(event, 8, 50) + dt.timedelta(minutes=12 * i)
        admit_walk_in(store, event, form, station="Desk 2", now=when)
    for i, bad in enumerate(("IOMNGO-0999", "HELLO", "https://example.org/x")):
        desk.scan(bad, now=at(event, 9, 5 + 11 * i))
    # The auditorium door from 09:25: most of those here go in; a few step out.
    inside = []
    for entry, when in zip(coming, times, strict=True):
        if rng.random() < 0.9:
            t = max(when, at(event, 9, 25)) + dt.timedelta(minutes=rng.uniform(1, 12))
            if t < at(event, 9, 50):
                inside.append((t, entry))
    for t, entry in sorted(inside, key=lambda x: x[0]):
        door.scan(entry.code, session="opening", now=t)
    for t, entry in rng.sample(inside, 6):
        door.scan(entry.code, session="opening", action=ScanAction.EXIT,
                  now=max(t, at(event, 9, 40)) + dt.timedelta(minutes=2))
    return event, desk, late_speaker


def settle(app: QApplication, page, until) -> None:
    """Run the event loop until ``until()`` (the page has applied a refresh)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: until() and loop.quit())
    timer.start()
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    timer.stop()
    app.processEvents()




def window_shots(app, store, event, clock, out: Path, lang: str) -> None:
    """The main window on the dashboard at the laptop sizes the desks get."""
    from checkin.ui.app import build_window
    from checkin.ui.dashboard.page import DashboardPage

    window = build_window(store, station="Desk 1")
    page = DashboardPage(store, event, clock=lambda: clock[0])
    window.replace_page("dashboard", page)
    window.show()
    window.show_page("dashboard")
    for w, h in ((1280, 720), (1366, 768)):
        window.resize(w, h)
        n = page.feed.refreshes
        page.refresh()
        settle(app, page, lambda n=n: page.feed.refreshes > n and not page.feed.busy
               and not page.charts_pending)
        target = out / f"page-dashboard-{w}x{h}-{lang}.png"
        window.grab().save(str(target))
        print(target, "minimum", window.minimumSizeHint().toTuple())
    page.stop()
    window.close()
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    QCoreApplication.setApplicationName("checkin")
    suffix = screenshot_language.install(app)

    from checkin.ui.dashboard.page import DashboardPage

    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "demo.sqlite"))
        try:
            event, desk, late_speaker = replay(store, random.Random(20261128))
            clock = [at(event, 9, 50)]
            page = DashboardPage(store, event, clock=lambda: clock[0])
            page.resize(1440, 960)
            page.show()
            page.start()
            settle(app, page, lambda: page.feed.refreshes >= 1 and not page.feed.busy
                   and not page.charts_pending)

            def shot(name: str, widget=None) -> None:
                target = args.out / f"dashboard-{name}{suffix}.png"
                (widget or page).grab().save(str(target))
                print(target)

            # A speaker walks in at 09:51; the dashboard shows 09:52.
            clock[0] = at(event, 9, 52)
            desk.scan(late_speaker.code, now=at(event, 9, 51))
            n = page.feed.refreshes
            settle(app, page, lambda: page.feed.refreshes > n and not page.feed.busy
                   and not page.charts_pending)
            page._flash.stop()
            page.banner.set_bright(True)
            shot("overview")
            page.tabs.setCurrentIndex(page.call_tab)  # the call list is read when shown
            settle(app, page, lambda: page.dashboard.call_list and not page.feed.busy)
            page.call_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by organisation
            app.processEvents()
            shot("call-list")
            page.tabs.setCurrentIndex(page.attendance_tab)  # read when shown, too
            settle(app, page, lambda: page.dashboard.attendees_session == "opening"
                   and not page.feed.busy)
            shot("attendance")
            page.tabs.setCurrentIndex(page.watch_tab)
            dialog = page.choose_watch()  # the watch list and its "Choose…" dialog
            settle(app, page, lambda: dialog.index is not None)
            dialog.search.setText("Kjær")
            dialog.run_search()
            dialog.add_selected()
            app.processEvents()
            shot("watch")
            shot("watch-dialog", dialog)
            dialog.reject()
            app.processEvents()
            page.set_projector(True)
            projector = page.projector
            projector.showNormal()  # the offscreen screen is small: shoot at 1280 x 720
            projector.resize(1280, 720)
            app.processEvents()
            target = args.out / f"dashboard-projector-{suffix.lstrip('-') or 'en'}.png"
            projector.grab().save(str(target))
            print(target)
            page.set_projector(False)
            page.stop()
            page.close()
            app.processEvents()
            window_shots(app, store, event, clock, args.out, suffix.lstrip("-") or "en")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
