"""What ``soak_keys.py`` lines its latency spikes up against, and how it traces memory.

Every probe records ``(start, end, what)`` spans on ``time.perf_counter`` (Linux:
``CLOCK_MONOTONIC``, the same clock in every process), so a slow scan can be matched
with what overlapped it:

* ``watch_gc``: Python's garbage collections (``gc.callbacks``) of generation 2 or
  longer than 2 ms;
* ``watch_commits``: commits slower than 5 ms (``dialect.do_commit``: the WAL's fsync,
  ``synchronous=FULL``);
* ``time_dashboard``: the Dashboard page's work on the GUI thread, measured — applying
  a snapshot (``_apply``) and each chart step (``_next_chart``) — and its refresh job on
  a worker thread ("dashboard thread": the check, the answer unpickled, the lists
  sorted; Python there holds the GIL the GUI thread needs);
* ``StallProbe``: a separate process that sleeps 1 ms in a loop and records every
  wake-up later than 4 ms — the machine not giving a process the CPU (two cores shared
  with other jobs), whatever the app does;
* ``DiskProbe``: a separate process that writes 4 KB and ``fdatasync``s it in the
  soak's folder every 20 ms and records every sync slower than 5 ms — the disk (a
  virtual disk whose flushes the host serves) slow for any process, whatever the app
  does; a slow commit it overlaps is the disk's, not the app's;
* ``fsync_baseline``: the disk's own fsync latency, a plain ``os.fdatasync`` after a
  4 KB write in the soak's folder: the floor under any commit;
* ``ThreadClock``: the GUI thread's own account of a round trip, from the kernel —
  on a CPU, runnable but waiting for one, and neither (blocked on the disk or the GIL,
  or its virtual CPU taken by the host: ``steal``, counted machine-wide).

``MemoryTrace`` samples, each minute, Python's traced allocations (``tracemalloc``), the
live ``QObject``s under the window and the top-level widgets, and at the end lists the
source lines whose allocations grew most between the second minute and the last.  It
also splits the rest of the RSS (``native_memory``, always on: two cheap calls): what
the C heap holds in use (``mallinfo2``: Qt, SQLite, the extension modules) and what it
keeps free, and SQLite's own share (``sqlite3_memory_used``, its page caches), and
(``resident_split``) the RSS's anonymous and file-backed parts and the blocks Python's
own allocator holds — so a growing RSS can be told apart: Python objects, SQLite's
caches, the rest of the C heap, memory the allocator keeps but no one uses, or pages of
files read in.  ``memory_trend`` turns the minutes into a slope per hour.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from array import array
from collections import Counter
from pathlib import Path

from bench_core import pct
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class Spans:
    """(start, end, what) on the perf_counter clock, for lining spikes up against."""

    def __init__(self) -> None:
        self.items: list[tuple[float, float, str]] = []

    def add(self, start: float, end: float, what: str) -> None:
        self.items.append((start, end, what))

    def overlapping(self, start: float, end: float) -> list[tuple[float, float, str]]:
        """Those overlapping [start, end], the longest overlap first."""
        found = [s for s in self.items if s[1] >= start and s[0] <= end]
        return sorted(found, key=lambda s: min(s[1], end) - max(s[0], start), reverse=True)


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


def watch_commits(store, spans: Spans, lengths: list[float]) -> None:
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


def time_dashboard(page, spans: Spans, lengths: list[float]) -> None:
    """Time the page's GUI-thread work per refresh: the snapshot applied, each chart."""
    apply, next_chart = page._apply, page._next_chart

    def timed(name: str, slot):
        def run(*args) -> None:
            t = time.perf_counter()
            try:
                slot(*args)
            finally:
                end = time.perf_counter()
                lengths.append(end - t)
                spans.add(t, end, f"dashboard {name}")

        return run

    page.feed.updated.disconnect(apply)
    page.feed.updated.connect(timed("apply", apply))
    page._next_chart = timed("chart", next_chart)
    work = page.feed._work

    def on_thread(*args):  # the refresh's job thread: holds the GIL while in Python
        t = time.perf_counter()
        try:
            return work(*args)
        finally:
            end = time.perf_counter()
            if end - t > 0.002:  # (a check that found nothing new: well under that)
                spans.add(t, end, "dashboard thread")

    page.feed._work = on_thread


_PROBE = """
import json, signal, sys, time
def stop(*_):
    raise SystemExit
signal.signal(signal.SIGTERM, stop)
until = time.perf_counter() + float(sys.argv[1])
stalls = []
try:
    while (t := time.perf_counter()) < until:
        time.sleep(0.001)
        d = time.perf_counter() - t
        if d > 0.004:
            stalls.append((t, t + d))
finally:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print(json.dumps(stalls))
"""


class ThreadClock:
    """Where the calling thread's wall time went, by the kernel's own counters.

    ``/proc/thread-self/schedstat`` gives the thread's time on a CPU and its time
    runnable but waiting for one (ns).  This machine is a virtual machine whose host
    takes its CPUs at times; with paravirtual steal accounting (on here) the stolen
    time is left out of the time on a CPU, and ``/proc/stat``'s ``steal`` column counts
    it for the whole machine (in 10 ms ticks, both CPUs summed).  So a slow scan is
    split into: ``on_cpu`` (the app's own work), ``waiting_for_cpu`` (another thread or
    process had the CPUs), ``off_cpu`` (the rest: blocked on the disk's fsync or on the
    GIL, or running while the host took the CPU), with ``steal`` beside it.  Of the time
    on a CPU, ``of_which_kernel`` is the part in the kernel (``getrusage``'s system time:
    its split from user time is sampled at the scheduler's tick, 4 ms here, so it is
    approximate for one scan): on this virtual machine an ``fsync`` is mostly time on a
    CPU in the kernel, not time off it."""

    def __init__(self) -> None:
        self._tick_s = 1 / os.sysconf("SC_CLK_TCK")
        self._at: tuple[float, int, int, float, float] | None = None

    def _thread(self) -> tuple[int, int, float]:
        with open("/proc/thread-self/schedstat") as f:
            on, wait, _ = f.read().split()
        return int(on), int(wait), resource.getrusage(resource.RUSAGE_THREAD).ru_stime

    def steal_s(self) -> float:
        """The machine's stolen time so far, all CPUs (from ``/proc/stat``)."""
        with open("/proc/stat") as f:
            return int(f.readline().split()[8]) * self._tick_s

    def start(self) -> None:
        on, wait, kernel = self._thread()
        self._at = (time.perf_counter(), on, wait, kernel, self.steal_s())

    def stop(self) -> dict:
        """Seconds of each since ``start`` (called on the same thread)."""
        assert self._at is not None
        t, (on, wait, kernel) = time.perf_counter(), self._thread()
        t0, on0, wait0, kernel0, steal0 = self._at
        on_s, wait_s = (on - on0) / 1e9, (wait - wait0) / 1e9
        return {"on_cpu": on_s, "of_which_kernel": min(on_s, max(0.0, kernel - kernel0)),
                "waiting_for_cpu": wait_s,
                "off_cpu": max(0.0, t - t0 - on_s - wait_s),
                "steal": self.steal_s() - steal0}  # fmt: skip


class _ProbeProcess:
    """A probe script run in a process of its own, printing JSON when it ends.

    It is stopped rather than waited for: its length is only the soak's estimate, and a
    2-hour run whose floors took less than foreseen once waited past ``communicate``'s
    timeout and lost its result (the scripts print what they saw on SIGTERM)."""

    def __init__(self, script: str, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
        )

    def _read(self, empty: str):
        if self.process.poll() is None:
            self.process.terminate()
        out, _ = self.process.communicate(timeout=120)
        return json.loads(out or empty)


class StallProbe(_ProbeProcess):
    """A process of its own, waking every millisecond: how late the machine lets it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(_PROBE, str(seconds))

    def spans(self) -> list[tuple[float, float]]:
        """The stalls seen so far (the probe stopped)."""
        return [tuple(s) for s in self._read("[]")]


_DISK_PROBE = r"""
import json, os, signal, sys, time
def stop(*_):
    raise SystemExit
signal.signal(signal.SIGTERM, stop)
path, until = sys.argv[1], time.perf_counter() + float(sys.argv[2])
fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
os.write(fd, b"\0" * (4096 * 64))
os.fsync(fd)
slow, lengths, i = [], [], 0
try:
    while (t := time.perf_counter()) < until:
        os.pwrite(fd, b"\1" * 4096, 4096 * (i % 64))
        os.fdatasync(fd)
        d = time.perf_counter() - t
        lengths.append(d)
        if d > 0.005:
            slow.append((t, t + d))
        i += 1
        time.sleep(0.02)
finally:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    os.close(fd)
    os.unlink(path)
    lengths.sort()
    at = lambda q: round(lengths[min(len(lengths) - 1, int(q * len(lengths)))] * 1000, 2)
    print(json.dumps({"slow": slow, "n": len(lengths), **({"p50_ms": at(0.5),
        "p99_ms": at(0.99), "p999_ms": at(0.999), "max_ms": at(1.0)} if lengths else {})}))
"""


class DiskProbe(_ProbeProcess):
    """A process of its own, syncing 4 KB to the soak's disk every 20 ms: when the
    disk itself is slow, for anyone.  The desk's commit and this sync share nothing
    but the disk (and the virtual machine's host behind it)."""

    def __init__(self, folder: Path, seconds: float) -> None:
        super().__init__(_DISK_PROBE, str(folder / "disk-probe.bin"), str(seconds))

    def result(self) -> tuple[list[tuple[float, float]], dict]:
        """The slow syncs seen so far, and the summary of all of them (the probe
        stopped)."""
        found = self._read("{}")
        slow = [tuple(s) for s in found.pop("slow", [])]
        return slow, found


def fsync_baseline(folder: Path, n: int = 500) -> dict:
    """p50/p99/p99.9/max of a 4 KB write + fdatasync in ``folder``, in ms (a file
    overwritten in place, as SQLite reuses its WAL after a checkpoint)."""
    path = folder / "fsync-baseline.bin"
    lengths = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        block = b"\0" * 4096
        os.write(fd, block * 256)  # 1 MB written once, then overwritten: as a reused WAL
        os.fsync(fd)
        for i in range(n):
            t = time.perf_counter()
            os.pwrite(fd, block, 4096 * (i % 256))
            os.fdatasync(fd)
            lengths.append(time.perf_counter() - t)
    finally:
        os.close(fd)
        path.unlink()
    ordered = sorted(lengths)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)

    return {"n": n, "p50_ms": at(0.5), "p99_ms": at(0.99), "p999_ms": at(0.999),
            "max_ms": round(ordered[-1] * 1000, 2)}


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]  # fmt: skip


def _native_libraries():
    try:
        libc, sqlite = ctypes.CDLL("libc.so.6"), ctypes.CDLL("libsqlite3.so.0")
    except OSError:  # not glibc, or SQLite linked into Python itself
        return None
    libc.mallinfo2.restype = _MallInfo2
    sqlite.sqlite3_memory_used.restype = ctypes.c_int64
    return libc, sqlite


_NATIVE = _native_libraries()


def native_memory() -> dict:
    """MB: the C heap in use (small blocks and mmapped ones, every arena) and kept free,
    and SQLite's share of it (the library Python's ``sqlite3`` module loaded); {} where
    these calls do not exist."""
    if _NATIVE is None:
        return {}
    libc, sqlite = _NATIVE
    info = libc.mallinfo2()
    mb = 2**20
    return {"c_heap_in_use_mb": round((info.uordblks + info.hblkhd) / mb, 1),
            "c_heap_free_mb": round(info.fordblks / mb, 1),
            "sqlite_mb": round(sqlite.sqlite3_memory_used() / mb, 1)}


def resident_split() -> dict:
    """MB of the RSS that is anonymous memory (heaps, Python's arenas: what a leak would
    grow) and file-backed (libraries, fonts, mapped files: pages read in, given back by
    the kernel when needed), and the blocks Python's own allocator holds (its objects:
    a count that grows if Python objects pile up); {} off Linux."""
    try:
        with open("/proc/self/status") as f:
            fields = dict(line.split(":", 1) for line in f if line.startswith("Rss"))
    except OSError:
        return {}
    mb = {k: round(int(v.split()[0]) / 1024, 1) for k, v in fields.items()}
    return {"rss_anon_mb": mb.get("RssAnon"), "rss_file_mb": mb.get("RssFile"),
            "python_blocks": sys.getallocatedblocks()}


def memory_trend(minutes: list[dict], skip: int = 5) -> dict:
    """Whether memory is flat: for each per-minute measure, its least-squares slope
    (per hour) and its mean over the first and the last 10 minutes, from minute
    ``skip`` on (before it the app is still warming: the search index, the dashboard's
    first snapshots, the panel's measurements).  ``app_*``: the same with the
    benchmark's own records (``benchmark_records_mb``) taken off, what the app holds."""
    rows = [m for m in minutes[skip:] if m.get("c_heap_in_use_mb") is not None]
    if len(rows) < 20:
        return {}
    records = [m.get("benchmark_records_mb", 0.0) for m in rows]
    series = {key: [m[key] for m in rows]
              for key in ("rss_mb", "rss_anon_mb", "c_heap_in_use_mb", "python_blocks")
              if all(m.get(key) is not None for m in rows)}
    for key, app in (("c_heap_in_use_mb", "app_c_heap_mb"), ("rss_anon_mb", "app_anon_mb")):
        if key in series:
            series[app] = [m[key] - r for m, r in zip(rows, records, strict=True)]
    x = [m["minute"] / 60 for m in rows]
    trend = {"from_minute": rows[0]["minute"], "to_minute": rows[-1]["minute"]}
    for key, y in series.items():
        slope = statistics.linear_regression(x, y).slope
        trend[key] = {"per_hour": round(slope, 2 if key != "python_blocks" else 0),
                      "first_10_min": round(sum(y[:10]) / 10, 1),
                      "last_10_min": round(sum(y[-10:]) / 10, 1)}
    return trend


class MemoryTrace:
    """Per-minute counts (Python allocations, Qt objects) and what grew most."""

    def __init__(self, window, enabled: bool) -> None:
        self.window, self.enabled = window, enabled
        self.snapshots: list[tracemalloc.Snapshot] = []
        self.kinds: list[Counter] = []
        if enabled:
            tracemalloc.start(1)

    def sample(self) -> dict:
        app = QApplication.instance()
        objects = Counter(type(o).__name__ for o in self.window.findChildren(QObject))
        self.kinds = [*self.kinds[:1], objects][-2:]  # the first minute's, the latest
        counts = {
            "qobjects": objects.total(),
            "top_level_widgets": len(app.topLevelWidgets()) if app is not None else 0,
            **native_memory(),
            **resident_split(),
        }
        if self.enabled:
            current, _peak = tracemalloc.get_traced_memory()
            counts["python_traced_mb"] = round(current / 2**20, 2)
            snap = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)]
            )
            self.snapshots = [*self.snapshots[:2], snap][-3:]  # minutes 1, 2, latest
        return counts

    def qobject_growth(self, top: int = 10) -> dict[str, int]:
        """The QObject classes under the window that grew most, first minute to last."""
        if len(self.kinds) < 2:
            return {}
        grown = self.kinds[-1] - self.kinds[0]
        return dict(grown.most_common(top))

    def growth(self, top: int = 15) -> list[dict]:
        """Source lines whose live allocations grew most, minute 2 to the last."""
        if len(self.snapshots) < 3:
            return []
        stats = self.snapshots[-1].compare_to(self.snapshots[1], "lineno")
        return [
            {"where": str(s.traceback[0]), "grew_kb": round(s.size_diff / 1024, 1),
             "blocks": s.count_diff}
            for s in stats[:top] if s.size_diff > 0
        ]  # fmt: skip


class ScanPhases(QObject):
    """Where each scan's round trip went, on the GUI thread (k5, issue 18 item 7).

    The round trip is cut at: the service's scan called and returned (``service``: the
    SQL and its commit), the rest of the Return press's handling (``panel``: the result
    put on the outcome panel, the recent list, the sound), the wait from there to the
    panel's paint event (``queued``: whatever the event loop delivered first) and the
    paint itself (``paint``: the panel and the window's backing store).  While a scan
    waits for its paint, an application-wide event filter notes what was delivered
    (receiver class and event type, a ``QTimer``'s parent class) and how long each took
    up to the next delivery: the ``queued`` phase's culprits.  The filter only records
    in that window, so it costs nothing between scans."""

    def __init__(self, controller, driver, limit_s: float = 0.003) -> None:
        super().__init__()
        self.driver, self.limit_s = driver, limit_s
        # One value per scan in each column, in seconds: packed doubles, so that hours of
        # records add a few MB to the process, not the tens a dict per scan would (the
        # soak's RSS is the app's, not the benchmark's).
        self.columns: dict[str, array] = {
            name: array("d") for name in ("service", "panel", "queued", "paint", "on_cpu",
                                          "of_which_kernel", "waiting_for_cpu", "off_cpu",
                                          "steal")
        }  # fmt: skip
        self.queued_by: dict[int, list[str]] = {}  # scan index -> the slow deliveries
        self._service = 0.0
        self._open: tuple[float, str] | None = None
        self._queued: list[tuple[float, str]] = []
        self._armed = False
        self.clock = ThreadClock()
        self._watch_service(controller)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def _watch_service(self, controller) -> None:
        service = controller.service
        plain = service.scan

        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return plain(*args, **kwargs)
            finally:
                self._service = time.perf_counter() - t

        service.scan = timed

    def pressed(self) -> None:
        """Return is about to be pressed: the GUI thread's clocks start."""
        self.clock.start()

    def handled(self) -> None:
        """The Return press has been handled: note what comes until the paint."""
        self._armed = True

    def eventFilter(self, watched: QObject, event) -> bool:
        if self._armed:
            now = time.perf_counter()
            self._close(now)
            self._open = (now, _label(watched, event))
        return False

    def _close(self, now: float) -> None:
        if self._open is not None:
            t, label = self._open
            if now - t > self.limit_s:
                self._queued.append((now - t, label))
            self._open = None

    def scanned(self, t0: float, t_handled: float, t_paint: float, t1: float) -> None:
        """Note the phases of the scan just painted (called by the driver)."""
        self._close(t_paint)
        self._armed = False
        handler = t_handled - t0
        row = {
            "service": self._service,
            "panel": max(0.0, handler - self._service),
            "queued": t_paint - t_handled,
            "paint": t1 - t_paint,
            **self.clock.stop(),
        }
        for name, value in row.items():
            self.columns[name].append(value)
        if self._queued:
            self.queued_by[len(self) - 1] = [
                f"{label} {1000 * s:.1f} ms" for s, label in sorted(self._queued, reverse=True)[:3]
            ]
        self._queued, self._service = [], 0.0

    def __len__(self) -> int:
        return len(self.columns["service"])

    def row(self, i: int) -> dict:
        """The ``i``-th scan's phases and GUI-thread split, in seconds."""
        return {name: column[i] for name, column in self.columns.items()}

    def summary(self) -> dict:
        out = {}
        for name in ("service", "panel", "queued", "paint"):
            out[name] = _percentiles(self.columns[name])
        culprits = Counter(
            label.rsplit(" ", 2)[0] for labels in self.queued_by.values() for label in labels
        )
        out["queued_by_top"] = dict(culprits.most_common(10))
        for name in ("on_cpu", "of_which_kernel", "waiting_for_cpu", "off_cpu"):
            out["gui_thread_" + name] = _percentiles(self.columns[name])
        return out


def _percentiles(column: array) -> dict:
    if not column:
        return {}
    return {f"{name}_ms": round(pct(column, q) * 1000, 2)
            for name, q in (("p50", 0.5), ("p99", 0.99), ("max", 1.0))}  # fmt: skip


def _label(watched: QObject, event) -> str:
    kind = event.type().name if hasattr(event.type(), "name") else str(event.type())
    name = type(watched).__name__
    if name in ("QTimer", "QSingleShotTimer", "QObject", "QWidget") and watched.parent():
        name = f"{name}<{type(watched.parent()).__name__}>"
    return f"{name}:{kind}"
