"""The soak in real time: a scanner typing badges at a desk for hours, the dashboard live.

    python benchmarks/soak_keys.py [--delegates 5000] [--minutes 120] [--out FILE]

``soak.py`` calls the controller as fast as it can (a day in two minutes); this one
types every badge into the real window as a USB scanner does (``bench_desk``'s keys: a
key every 5 ms, Return last, 50 ms of idle loop between scans, about 7 scans a second)
for ``--minutes`` of wall-clock time, with the Dashboard page showing and refreshing
on its own timer.  Keystroke to result: from the Return press to the outcome panel
painted (``bench_desk.Driver``).  Every 5 minutes the desk changes mode (arrivals, then
each attendance session in turn, 30 % of the scans exits), so writes go on all along.

Reported: p50 / p99 / p99.9 / max of the round trip overall and per minute, RSS per
minute, and every scan over ``--spike-ms`` (20) with what overlapped it on the same
clock: a garbage collection (``gc.callbacks``, its generation and length), a commit
slower than 5 ms (``dialect.do_commit``: the WAL's fsync, ``synchronous=FULL``), a WAL
checkpoint on the checkpointer's thread (``Checkpointer.spans``), a dashboard refresh
applied on the GUI thread, or nothing we watch ("other": the GUI thread busy elsewhere,
or the machine, shared by other jobs, not giving us the CPU).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import argparse
import datetime as dt
import gc
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_core import machine, pct, write_roster
from bench_desk import SCAN_GAP_EVENT_MS, Clock, Driver, burst_steps, wait_for_index
from soak import rss_mb

from checkin.core.db.store import Store
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.resources import resource
from checkin.core.roster.apply import import_roster
from checkin.core.roster.delegates import list_delegates
from checkin.ui.app import application, build_window
from checkin.ui.dashboard.page import DashboardPage
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.widgets import collector

MODE_EVERY_S = 300


class Spans:
    """(start, end, what) on the perf_counter clock, for lining spikes up against."""

    def __init__(self) -> None:
        self.items: list[tuple[float, float, str]] = []

    def add(self, start: float, end: float, what: str) -> None:
        self.items.append((start, end, what))

    def overlapping(self, start: float, end: float) -> list[tuple[float, float, str]]:
        return [s for s in self.items if s[1] >= start and s[0] <= end]


def watch_gc(spans: Spans, lengths: list[float]) -> None:
    began: dict[str, float] = {}

    def callback(phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            began["t"] = now
        elif "t" in began:
            length = now - began.pop("t")
            if info["generation"] == 2 or length > 0.002:
                spans.add(now - length, now, f"gc gen{info['generation']}")
                lengths.append(length)

    gc.callbacks.append(callback)


def watch_commits(store: Store, spans: Spans, lengths: list[float]) -> None:
    dialect = store.engine.dialect
    plain = dialect.do_commit

    def timed(dbapi_connection) -> None:
        t = time.perf_counter()
        try:
            plain(dbapi_connection)
        finally:
            length = time.perf_counter() - t
            lengths.append(length)
            if length > 0.005:
                spans.add(t, t + length, "commit (fsync)")

    dialect.do_commit = timed  # type: ignore[method-assign]


class SoakDriver(Driver):
    """``bench_desk.Driver`` scanning until the deadline, changing the desk's mode."""

    def __init__(self, window, controller, clock, people, rng, deadline, modes) -> None:
        super().__init__(window, controller, clock, [], 0)
        self.people, self.rng, self.deadline = people, rng, deadline
        self.desk = controller.view
        self.modes, self._mode_at = modes, 0.0
        self.times: list[float] = []  # perf_counter of each scan's Return press

    def _next_scan(self) -> None:
        now = time.perf_counter()
        if now >= self.deadline:
            self.loop.quit()
            return
        if now - self._mode_at >= MODE_EVERY_S:
            self._mode_at = now
            mode = self.modes[0]
            self.modes.append(self.modes.pop(0))
            self.desk.mode_box.setCurrentIndex(self.desk.mode_box.findData(mode))
        if self.desk.direction_box.isVisible():
            self.desk.direction_box.setCurrentIndex(1 if self.rng.random() < 0.3 else 0)
        self.index += 1
        self.scans.append(self.rng.choice(self.people))
        self.clock.now += 5000  # past the debounce: every read is a scan
        start = 1000 + self.index * SCAN_GAP_EVENT_MS
        self._steps, self._return, self._release = burst_steps(self.scans[-1][0], start)
        self._step = 0
        self._keys.start()

    def _next_key(self) -> None:
        if self._step >= len(self._steps):
            self.times.append(time.perf_counter())
        super()._next_key()


def summarise(values: list[float]) -> dict:
    return {
        "p50_ms": round(pct(values, 0.5) * 1000, 2),
        "p99_ms": round(pct(values, 0.99) * 1000, 2),
        "p999_ms": round(pct(values, 0.999) * 1000, 2),
        "max_ms": round(max(values) * 1000, 2),
    }


def spikes(driver: SoakDriver, spans: Spans, limit_s: float, begin: float) -> list[dict]:
    found = []
    for t0, rt, handler in zip(driver.times, driver.roundtrip, driver.handler, strict=False):
        if rt < limit_s:
            continue
        seen = spans.overlapping(t0, t0 + rt)
        found.append({
            "at_s": round(t0 - begin, 1),
            "roundtrip_ms": round(rt * 1000, 1),
            "handler_ms": round(handler * 1000, 1),
            "overlapping": [f"{w} {1000 * (b - a):.1f} ms" for a, b, w in seen] or ["other"],
        })  # fmt: skip
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=5000)
    parser.add_argument("--minutes", type=float, default=120)
    parser.add_argument("--spike-ms", type=float, default=20)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    app = application()
    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "soak.sqlite"))
        event = save_event(store, load_event_file(resource("demo", "event.toml")))
        roster = Path(tmp) / "roster.csv"
        write_roster(roster, args.delegates, random.Random(f"bench_desk-{args.delegates}"))
        import_roster(store, event, roster)
        people = [(e.code, e.delegate.first_name) for e in list_delegates(store, event)]
        clock = Clock()
        window = build_window(store, station="soak", detector=ScanDetector(clock=clock))
        collector.install(app)
        window.show()
        assert QTest.qWaitForWindowExposed(window)
        controller = window.findChild(DeskController)
        wait_for_index(controller)
        dashboard = window.page("dashboard")
        assert isinstance(dashboard, DashboardPage)
        spans, gc_lengths, commit_lengths = Spans(), [], []
        watch_gc(spans, gc_lengths)
        watch_commits(store, spans, commit_lengths)
        dashboard.refreshed.connect(
            lambda *_: spans.add(time.perf_counter() - 0.001, time.perf_counter(), "dashboard")
        )
        # The dashboard refreshes beside the desk, as on a second screen: its page is
        # live (started) while the desk has the focus for the scanner.
        dashboard.start()
        modes = [None] + [s.key for s in event.sessions if s.attendance]
        minutes: list[dict] = []
        begin = time.perf_counter()
        deadline = begin + args.minutes * 60
        driver = SoakDriver(window, controller, clock, people, rng, deadline, modes)
        seen = {"n": 0}

        def sample() -> None:
            rts = driver.roundtrip[seen["n"]:]
            seen["n"] = len(driver.roundtrip)
            cp = store._checkpointer
            if cp is not None:
                while cp.spans:
                    a, b = cp.spans.popleft()
                    if b - a > 0.002:
                        spans.add(a, b, "wal checkpoint")
            minutes.append({
                "minute": len(minutes) + 1, "scans": len(rts), "rss_mb": round(rss_mb(), 1),
                **(summarise(rts) if rts else {}),
            })  # fmt: skip

        sampler = QTimer()
        sampler.setInterval(60_000)
        sampler.timeout.connect(sample)
        sampler.start()
        driver.run()
        sampler.stop()
        sample()
        dashboard.stop()
        found = spikes(driver, spans, args.spike_ms / 1000, begin)
        causes = Counter(s["overlapping"][0].split(" ")[0] for s in found)
        result = {
            "machine": machine(qt_platform=app.platformName()),
            "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "delegates": args.delegates,
            "minutes": round((time.perf_counter() - begin) / 60, 1),
            "scans": len(driver.roundtrip),
            "wrong_person_painted": driver.mismatches,
            "keystroke_to_result": summarise(driver.roundtrip),
            "handler": summarise(driver.handler),
            "commit": summarise(commit_lengths) if commit_lengths else {},
            "gc_pauses_over_2ms": len(gc_lengths),
            "dashboard_refreshes": dashboard.feed.refreshes,
            "rss_mb": {"first_minute": minutes[0]["rss_mb"], "last_minute": minutes[-1]["rss_mb"],
                       "max": max(m["rss_mb"] for m in minutes)},
            "spikes_over_ms": args.spike_ms,
            "spike_causes": dict(causes),
            "spikes": found[:200],
            "per_minute": minutes,
        }  # fmt: skip
        window.close()
        store.close()
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
