"""The soak in real time: a scanner typing badges at a desk for hours, the dashboard live.

    python benchmarks/soak_keys.py [--delegates 5000] [--minutes 120] [--out FILE]

``soak.py`` calls the controller as fast as it can (a day in two minutes); this one
types every badge into the real window as a USB scanner does (``bench_desk``'s keys: a
key every 5 ms, Return last, 50 ms of idle loop between scans, about 7 scans a second)
for ``--minutes`` of wall-clock time, with the Dashboard page live beside it (started,
refreshing on its own timer, as on a second screen) though the Desk has the window: its
figures and lists are applied at each refresh, its charts wait until they are shown
(``DashboardPage._queue_charts``).  Keystroke to result: from the Return press to the outcome panel
painted (``bench_desk.Driver``).  Every 5 minutes the desk changes mode (arrivals, then
each attendance session in turn, 30 % of the scans exits), so writes go on all along.

Reported: p50 / p99 / p99.9 / max of the round trip overall and per minute, the
handler (the Return press's synchronous part), commits, the Dashboard page's GUI-thread
work per refresh, RSS and the live ``QObject``s under the window per minute (and which
classes grew), and every scan over ``--spike-ms`` (20) with what overlapped it on the
same clock (``soak_probes``): a garbage collection, a commit slower than 5 ms (the WAL's
fsync, ``synchronous=FULL``), a WAL checkpoint on the checkpointer's thread, the
dashboard applying a snapshot or drawing a chart, or a "machine stall" (a process of
its own that sleeps 1 ms in a loop woke more than 4 ms late: the machine, shared with
other jobs, not giving processes the CPU) or a "disk stall" (a process of its own that
syncs 4 KB to the same disk every 20 ms took more than 5 ms: the disk slow for anyone;
``disk_probe`` summarises all its syncs).  A spike's cause is what overlapped it
longest; with nothing overlapping, the GUI thread's own phase that took longest
(``soak_probes.ScanPhases``: each round trip cut into ``service`` — the SQL and its
commit —, ``panel`` — the rest of the Return's handling —, ``queued`` — what the event
loop delivered before the panel's paint, each delivery over 3 ms named by receiver
class and event type — and ``paint``): "gui service", "gui panel", "gui paint" or
"gui queued <what>"; ``phases`` gives each phase's percentiles.  ``load_avg``: the
machine's load average before and after (it is shared).  Baselines in the
same run: the disk's own fsync latency (``fsync_baseline``, before and after the soak),
the floor under any commit; and the same typing into a bare Qt window for
``--baseline-s`` before and after (``soak_baseline``: Return puts a name on a label),
the floor under any keystroke-to-result here — ``p999_vs_bare`` is the soak's p99.9 over
the bare window's. With ``--floor-every M``, the desk stops every M minutes for
``--floor-s`` of the durable floor (``soak_baseline.Journal``: the bare window commits
each scan to SQLite as the store does before showing it — what the design's "durable
before shown" costs on this machine), the two taking turns for the whole run
(``durable_floor``; ``p999_vs_floor``). Every round trip is also split by the kernel's
counters for the GUI thread (``soak_probes.ThreadClock``): on a CPU, waiting for one,
and off it (the disk, the GIL, or the host taking the virtual CPU: ``steal``, per minute
in ``per_minute`` and in all in ``host_steal_s``); ``spikes_by_gui_thread`` counts the
spikes by which of the three took most. ``memory_trend``: whether memory is flat — each
memory measure's slope per hour and its first and last 10 minutes, from minute 5 on,
and the app's share (``app_*``) with the benchmark's own records taken off.
``--trace-memory`` adds ``tracemalloc`` (slower;
its own snapshots grow RSS): Python's traced memory per minute and the source lines that
grew.  With ``--out FILE``, each minute's record is also appended as it is taken to
``FILE.minutes.jsonl``, with that minute's round trips (ms), so a run that dies before
its end still leaves its figures.

The 2-hour run (issue 18; 96 minutes of desk and 24 floor segments, about 114 minutes
in all):

    python benchmarks/soak_keys.py --delegates 5000 --minutes 96 --floor-every 4 \
        --floor-s 45 --out benchmarks/results-soak-keys-2h-floor.json

(that file is stop 28's code; ``results-soak-keys-2h-floor-after.json`` the same run
once the floor's driver no longer leaked, stop 29's code).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from array import array
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_core import machine, pct, write_roster
from bench_desk import SCAN_GAP_EVENT_MS, Clock, Driver, burst_steps, wait_for_index
from soak import rss_mb
from soak_baseline import Journal, bare_baseline
from soak_probes import (
    DiskProbe,
    MemoryTrace,
    ScanPhases,
    Spans,
    StallProbe,
    ThreadClock,
    fsync_baseline,
    memory_trend,
    time_dashboard,
    watch_commits,
    watch_gc,
)

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


class SoakDriver(Driver):
    """``bench_desk.Driver`` scanning until the deadline, changing the desk's mode."""

    def __init__(self, window, controller, clock, people, rng, deadline, modes) -> None:
        super().__init__(window, controller, clock, [], 0)
        self.people, self.rng, self.deadline = people, rng, deadline
        self.desk = controller.view
        self.modes, self._mode_at = modes, 0.0
        # perf_counter of each scan's Return press; packed doubles, as the round trips
        # (see ``ScanPhases.columns``)
        self.times = array("d")
        self.roundtrip, self.handler, self.to_paint_event = array("d"), array("d"), array("d")
        self.phases: ScanPhases | None = None  # where each round trip went

    def resume(self, deadline: float) -> None:
        """Scan until ``deadline`` (again: the soak stops for the durable floor between)."""
        self.deadline = deadline
        self.panel.installEventFilter(self)  # (``run`` takes it off when it returns)
        self.run()

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
            if self.phases is not None:
                self.phases.pressed()
            self.times.append(time.perf_counter())
            super()._next_key()
            if self.phases is not None:
                self.phases.handled()
            return
        super()._next_key()

    def _painted(self) -> None:
        if self.phases is not None:
            self.phases.scanned(self._t0, self._t_handled, self._t_paint, time.perf_counter())
        super()._painted()


class Steal:
    """The host's stolen CPU time since the last ``tick`` (both CPUs, seconds)."""

    def __init__(self, clock: ThreadClock) -> None:
        self.clock, self.last = clock, clock.steal_s()

    def tick(self) -> float:
        now = self.clock.steal_s()
        gone, self.last = now - self.last, now
        return gone


def records_mb(driver: SoakDriver, *lists: list) -> float:
    """About what the benchmark's own records hold (MB): its arrays' buffers, its lists'
    pointers and their items (each counted at the first one's size, so the sampling
    stays cheap on the GUI thread) — part of the process's memory that is not the app's,
    to be taken off when reading the soak's memory per minute."""
    arrays = [driver.times, driver.roundtrip, driver.handler, driver.to_paint_event]
    if driver.phases is not None:
        arrays += driver.phases.columns.values()
    held = sum(sys.getsizeof(a) for a in arrays) + sys.getsizeof(driver.scans)
    for values in lists:
        held += sys.getsizeof(values) + len(values) * (
            sum(map(sys.getsizeof, values[0])) + sys.getsizeof(values[0])
            if values and isinstance(values[0], tuple) else sys.getsizeof(0.0))
    return round(held / 2**20, 2)


def summarise(values: list[float]) -> dict:
    return {
        "p50_ms": round(pct(values, 0.5) * 1000, 2),
        "p99_ms": round(pct(values, 0.99) * 1000, 2),
        "p999_ms": round(pct(values, 0.999) * 1000, 2),
        "max_ms": round(max(values) * 1000, 2),
    }


def spikes(driver: SoakDriver, spans: Spans, limit_s: float, begin: float) -> list[dict]:
    found = []
    phases = driver.phases
    for i, (t0, rt, handler) in enumerate(
        zip(driver.times, driver.roundtrip, driver.handler, strict=False)
    ):
        if rt < limit_s:
            continue
        seen = spans.overlapping(t0, t0 + rt)
        spike = {
            "at_s": round(t0 - begin, 1),
            "roundtrip_ms": round(rt * 1000, 1),
            "handler_ms": round(handler * 1000, 1),
            "overlapping": [f"{w} {1000 * (b - a):.1f} ms" for a, b, w in seen] or ["other"],
        }  # fmt: skip
        if phases is not None and i < len(phases):
            row = phases.row(i)
            spike["phases_ms"] = {k: round(row[k] * 1000, 1)
                                  for k in ("service", "panel", "queued", "paint")}
            spike["queued_by"] = phases.queued_by.get(i, [])
            spike["gui_thread_ms"] = {k: round(row[k] * 1000, 1) for k in (
                "on_cpu", "of_which_kernel", "waiting_for_cpu", "off_cpu", "steal")}
        found.append(spike)
    return found


def cause(spike: dict) -> str:
    """The spike's cause: what overlapped it longest (``Spans.overlapping``'s first);
    with nothing overlapping, the GUI thread's own phase that took longest
    (``ScanPhases``): "gui service", "gui panel", "gui paint", or "gui queued" with
    what the event loop delivered before the paint."""
    first = spike["overlapping"][0]
    if first.startswith("commit") and any(
        s.startswith("disk stall") for s in spike["overlapping"]
    ):
        return "commit, disk slow for all"
    for name in ("commit", "wal", "gc", "dashboard apply", "dashboard chart",
                 "dashboard thread", "machine"):
        if first.startswith(name):
            return name
    phases = spike.get("phases_ms")
    if first == "other" and phases:
        phase = max(phases, key=phases.get)
        if phase == "queued" and spike.get("queued_by"):
            return "gui queued " + spike["queued_by"][0].rsplit(" ", 2)[0]
        return "gui " + phase
    return first.split(" ")[0]


def thread_split(found: list[dict]) -> dict:
    """The spikes by where the GUI thread's time mostly went (``ThreadClock``):
    ``on_cpu`` (the app's own work), ``waiting_for_cpu`` (another thread or process had
    both CPUs) or ``off_cpu`` (blocked on the disk or the GIL, or the CPU taken by the
    host), and how many of them saw the host take CPU time (``steal``) meanwhile."""
    split: Counter = Counter()
    for spike in found:
        split_ms = spike.get("gui_thread_ms")
        if split_ms:
            split[max(("on_cpu", "waiting_for_cpu", "off_cpu"), key=split_ms.get)] += 1
            split["with_steal"] += split_ms["steal"] > 0
    return dict(split)


def build(args, tmp: Path):
    """The store, event and window (Dashboard page live beside the Desk), index ready."""
    store = Store("sqlite:///" + str(tmp / "soak.sqlite"))
    event = save_event(store, load_event_file(resource("demo", "event.toml")))
    roster = tmp / "roster.csv"
    write_roster(roster, args.delegates, random.Random(f"bench_desk-{args.delegates}"))
    import_roster(store, event, roster)
    people = [(e.code, e.delegate.first_name) for e in list_delegates(store, event)]
    clock = Clock()
    window = build_window(store, station="soak", detector=ScanDetector(clock=clock))
    collector.install(application())
    window.show()
    assert QTest.qWaitForWindowExposed(window)
    controller = window.findChild(DeskController)
    wait_for_index(controller)
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    return store, event, people, clock, window, controller, dashboard


def bare(controller, people, seconds: float, journal: Journal | None = None) -> list[float]:
    """``bare_baseline`` with the Desk's scanner not listening (it takes every window's
    keys), listening again after."""
    controller.detector.uninstall()
    try:
        return bare_baseline(people, seconds, journal)
    finally:
        controller.detector.install()


def run_desk(args, driver: SoakDriver, floor: list[float], between) -> None:
    """``--minutes`` of the desk's scans; with ``--floor-every``, stopped every so many
    minutes for ``--floor-s`` of the durable floor (``between``): the two take turns
    through the run, so both meet the same machine — its quiet and its bad minutes."""
    left = args.minutes * 60
    while left > 0:
        span = min(left, args.floor_every * 60) if args.floor_every else left
        begun = time.perf_counter()
        driver.resume(begun + span)
        left -= time.perf_counter() - begun
        if left > 0 and args.floor_every:
            floor.extend(between())


def soak(args, tmp: Path) -> dict:
    app = application()
    fsync_before = fsync_baseline(tmp)
    store, event, people, clock, window, controller, dashboard = build(args, tmp)
    bare_before = bare(controller, people, args.baseline_s)
    spans, gc_lengths, commit_lengths, dash_lengths = Spans(), [], [], []
    watch_gc(spans, gc_lengths)
    watch_commits(store, spans, commit_lengths)
    time_dashboard(dashboard, spans, dash_lengths)
    memory = MemoryTrace(window, args.trace_memory)
    # The dashboard refreshes beside the desk, as on a second screen: its page is live
    # (started) while the desk has the focus for the scanner.
    dashboard.start()
    modes = [None] + [s.key for s in event.sessions if s.attendance]
    minutes: list[dict] = []
    floors = int(args.minutes // args.floor_every) if args.floor_every else 0
    probe_s = args.minutes * 60 + floors * (args.floor_s + 5) + 5  # (both are stopped)
    probe, disk = StallProbe(probe_s), DiskProbe(tmp, probe_s)
    stream = args.out.with_name(args.out.name + ".minutes.jsonl") if args.out else None
    if stream is not None:
        stream.write_text("")
    load_before = os.getloadavg()
    begin = time.perf_counter()
    driver = SoakDriver(window, controller, clock, people, random.Random(18),
                        begin + args.minutes * 60, modes)
    driver.phases = ScanPhases(controller, driver)
    seen = {"n": 0}
    steal = Steal(driver.phases.clock)

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
            "steal_s": round(steal.tick(), 2),
            "benchmark_records_mb": records_mb(driver, commit_lengths, gc_lengths,
                                               dash_lengths, spans.items),
            **memory.sample(), **(summarise(rts) if rts else {}),
        })  # fmt: skip
        if stream is not None:  # (no fsync: a page-cache write once a minute)
            with stream.open("a") as f:
                f.write(json.dumps({**minutes[-1],
                                    "roundtrip_ms": [round(x * 1000, 2) for x in rts]}) + "\n")

    sampler = QTimer()
    sampler.setInterval(60_000)
    sampler.timeout.connect(sample)
    sampler.start()
    floor: list[float] = []
    journal = Journal(tmp / "floor.sqlite") if args.floor_every else None

    def durable_floor() -> list[float]:
        dashboard.stop()  # (the floor is the machine's: nothing of the app's beside it)
        try:
            return bare(controller, people, args.floor_s, journal)
        finally:
            dashboard.start()

    run_desk(args, driver, floor, durable_floor)
    if journal is not None:
        journal.close()
    sampler.stop()
    sample()
    dashboard.stop()
    bare_after = bare(controller, people, args.baseline_s)
    for a, b in probe.spans():
        spans.add(a, b, "machine stall")
    slow_syncs, disk_summary = disk.result()
    for a, b in slow_syncs:
        spans.add(a, b, "disk stall")
    found = spikes(driver, spans, args.spike_ms / 1000, begin)
    result = {
        "machine": machine(qt_platform=app.platformName()),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "delegates": args.delegates,
        "minutes": round((time.perf_counter() - begin) / 60, 1),
        "desk_minutes": args.minutes,
        "scans": len(driver.roundtrip),
        "load_avg": {"before": [round(x, 2) for x in load_before],
                     "after": [round(x, 2) for x in os.getloadavg()]},
        "wrong_person_painted": driver.mismatches,
        "host_steal_s": round(sum(m["steal_s"] for m in minutes), 2),
        "keystroke_to_result": summarise(driver.roundtrip),
        "bare_qt_baseline": {"before": summarise(bare_before), "after": summarise(bare_after),
                             "seconds_each": args.baseline_s},
        "p999_vs_bare": round(pct(driver.roundtrip, 0.999)
                              / pct(bare_before + bare_after, 0.999), 2),
        "durable_floor": {
            **summarise(floor), "n": len(floor), "every_minutes": args.floor_every,
            "seconds_each": args.floor_s,
            "p999_vs_floor": round(pct(driver.roundtrip, 0.999) / pct(floor, 0.999), 2),
        } if floor else {},
        "handler": summarise(driver.handler),
        "commit": summarise(commit_lengths) if commit_lengths else {},
        "fsync_baseline": {"before": fsync_before, "after": fsync_baseline(tmp)},
        "disk_probe": {**disk_summary, "every_ms": 20, "slow_over_5ms": len(slow_syncs)},
        "phases": driver.phases.summary(),
        "gc_pauses_over_2ms": len(gc_lengths),
        "dashboard_refreshes": dashboard.feed.refreshes,
        "dashboard_gui_work": summarise(dash_lengths) if dash_lengths else {},
        "rss_mb": {"first_minute": minutes[0]["rss_mb"], "last_minute": minutes[-1]["rss_mb"],
                   "max": max(m["rss_mb"] for m in minutes)},
        "native_memory": {when: {k: v for k, v in minutes[i].items()
                                 if k.startswith(("c_heap", "sqlite"))}
                          for when, i in (("first_minute", 0), ("last_minute", -1))},
        "memory_trend": memory_trend(minutes),
        "memory_growth_top": memory.growth(),
        "qobjects_grown": memory.qobject_growth(),
        "spikes_over_ms": args.spike_ms,
        "spike_causes": dict(Counter(cause(s) for s in found)),
        "spikes_by_gui_thread": thread_split(found),
        "spikes": found[:200],
        "per_minute": minutes,
    }  # fmt: skip
    window.close()
    store.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=5000)
    parser.add_argument("--minutes", type=float, default=120)
    parser.add_argument("--spike-ms", type=float, default=20)
    parser.add_argument("--baseline-s", type=float, default=60,
                        help="seconds of scans into a bare Qt window before and after")
    parser.add_argument("--floor-every", type=float, default=0,
                        help="every so many minutes of the desk, --floor-s of the durable "
                             "floor (a bare window committing each scan as the store does)")
    parser.add_argument("--floor-s", type=float, default=60)
    parser.add_argument("--trace-memory", action="store_true",
                        help="tracemalloc on (slower): per-minute Python allocations and "
                             "the source lines that grew most")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = soak(args, Path(tmp))
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
