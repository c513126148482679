"""A long day, accelerated: 5,000 delegates, 40,000 scans over a 10-hour event, through
the real desk and a live dashboard.  Not run in CI (minutes); prints JSON.

    python benchmarks/soak.py [--delegates 5000] [--scans 40000] [--out FILE]

The app's window (offscreen) with the Desk's controller and the Dashboard page live
beside it, on one SQLite file.  Scans are fed to ``DeskController.scan`` — what the
scanner's burst ends in — in event-clock order from 08:30 to 18:30: arrivals in the
morning, then the session doors (the desk switches mode and direction through the day:
entries and exits), re-scans, refusals (junk codes, another event's badges), undos.
Every scan's handling time is recorded (controller call, GUI thread); the dashboard
refreshes on its own timer as at the event (a change check every 250 ms, a refresh when
something was committed), and the refreshes applied each hour are counted.

Reported per hour of the event: scans, median / p99 / max desk latency, dashboard
refreshes applied; at the start and the end: RSS (resident memory) and
Python's live object count.  Flat means no leak: RSS at the end within a few MB of the
start after the warm-up hour, latency the same in the last hour as in the second.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse
import datetime as dt
import gc
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_core import write_roster
from PySide6.QtCore import QSettings

from checkin.core.db.store import open_store
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.resources import resource as res
from checkin.core.roster.apply import import_roster
from checkin.core.roster.delegates import list_delegates
from checkin.ui.app import application, build_window
from checkin.ui.dashboard.page import DashboardPage
from checkin.ui.desk.controller import DeskController
from checkin.ui.widgets import collector


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB; the peak elsewhere."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=5000)
    parser.add_argument("--scans", type=int, default=40_000)
    parser.add_argument("--out")
    args = parser.parse_args()
    app = application()
    rng = random.Random(10)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "soak.sqlite"))
        event = save_event(store, load_event_file(res("demo", "event.toml")))
        roster = Path(tmp) / "roster.csv"
        write_roster(roster, args.delegates, rng)
        import_roster(store, event, roster)
        codes = [e.code for e in list_delegates(store, event)]
        ini = str(Path(tmp) / "desk.ini")
        window = build_window(
            store, station="Soak desk", settings=QSettings(ini, QSettings.Format.IniFormat)
        )
        window.show()
        collector.install(app)  # as checkin.ui.app.main() does once the window is built
        controller = window.findChild(DeskController)
        while controller.index is None:
            app.processEvents()
        dashboard = window.page("dashboard")
        assert isinstance(dashboard, DashboardPage)
        refreshed: list[int] = []  # the event hour of each dashboard refresh applied
        hour_now = {"h": 0}
        dashboard.feed.updated.connect(lambda *_: refreshed.append(hour_now["h"]))
        window.show_page("dashboard")  # live: refreshing while the desk scans
        desk = controller.view

        day = dt.datetime.combine(event.date, dt.time(8, 30), tzinfo=event.tz)
        sessions = [s for s in event.sessions if s.attendance]
        per_hour = args.scans // 10
        latencies: list[list[float]] = [[] for _ in range(10)]
        gc.collect()
        start_rss, start_objects = rss_mb(), len(gc.get_objects())
        warm_rss = start_rss
        t0 = time.perf_counter()
        for hour in range(10):
            hour_now["h"] = hour
            when = day + dt.timedelta(hours=hour)
            running = next(
                (s for s in sessions if s.starts_at <= when.astimezone(dt.UTC) < s.ends_at),
                None,
            )
            mode = running.key if (running and hour >= 1) else None
            desk.mode_box.setCurrentIndex(desk.mode_box.findData(mode))
            for i in range(per_hour):
                roll = rng.random()
                if roll < 0.02:
                    code = "NOTABADGE" + str(rng.randrange(10**6))
                elif roll < 0.03:
                    code = "R3002X01126E3GRG"  # another event's badge
                else:
                    code = rng.choice(codes)
                if mode is not None:
                    exit_ = rng.random() < 0.3
                    desk.direction_box.setCurrentIndex(1 if exit_ else 0)
                began = time.perf_counter()
                outcome = controller.scan(code)
                latencies[hour].append((time.perf_counter() - began) * 1000)
                if outcome is not None and rng.random() < 0.005 and outcome.accepted:
                    controller.undo(outcome.scan_id)
                if i % 50 == 0:
                    app.processEvents()  # the event loop: dashboard timer, paints
            app.processEvents()
            if hour == 0:
                gc.collect()
                warm_rss = rss_mb()
        gc.collect()
        end_rss, end_objects = rss_mb(), len(gc.get_objects())
        elapsed = time.perf_counter() - t0
        hours = []
        for hour, values in enumerate(latencies):
            refreshes = [h for h in refreshed if h == hour]
            hours.append({
                "hour": f"{8 + hour + (30 // 60)}:30",
                "scans": len(values),
                "desk_ms_median": round(statistics.median(values), 3),
                "desk_ms_p99": round(pct(values, 0.99), 3),
                "desk_ms_max": round(max(values), 3),
                "dashboard_refreshes": len(refreshes),
            })
        result = {
            "delegates": args.delegates,
            "scans": per_hour * 10,
            "wall_s": round(elapsed, 1),
            "rss_mb": {"start": round(start_rss, 1), "after_first_hour": round(warm_rss, 1),
                       "end": round(end_rss, 1)},
            "python_objects": {"start": start_objects, "end": end_objects},
            "hours": hours,
        }  # fmt: skip
        window.close()
        store.close()
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
