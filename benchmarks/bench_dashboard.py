"""The coordinators' dashboard at several sizes, printed as JSON (and saved with --out).

For each size N (default 1k, 10k, 50k delegates) on a fresh SQLite file, with the demo
event's agenda and a journal of 4 rows per delegate (200k at 50k): most delegates
arrived at the venue, most of those scanned into the running session, some went out
and came back through the door (exit rows), some duplicates and refusals:

* query: ``compute_dashboard`` — a full refresh with the overview open: headcounts,
  per-session presence, the charts' data, recent arrivals, watch list — median and p95;
  with the call-list tab open (read whole; updated after three arrivals, as live;
  reused when the same people are missing); with the "Session attendance" tab open
  (every attendee of the session);
* check: ``ChangeWatcher.changed()`` — the cheap check that runs 4 times a second;
* round trip: the same refreshes asked of the dashboard's worker process
  (``DashboardProcess``, as the live feed does): request, compute in the child,
  unpickle here — median;
* GUI: the real ``DashboardPage`` (offscreen, shown, 1440 x 960) refreshed over and
  over while scans are written by another connection; a 1 ms ``QTimer`` heartbeat on
  the GUI thread records the longest gap between two beats (the longest the GUI
  thread was blocked: applying results, painting the charts and tables, waiting for
  the GIL), with the same heartbeat on an idle page as the baseline.  The feed's
  worker process is started and ready before measuring (``gui_*_in_process`` counts
  the refreshes it computed); ``--in-thread`` measures the former path (the refresh on
  a thread of the GUI process) for comparison.

Targets on the 2-core reference machine at 50k delegates and 200k scans: query under
100 ms, the GUI thread never blocked more than 16 ms by the dashboard.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_core import machine, ms, pct, report
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from checkin.core.dashboard.process import DashboardProcess, Request
from checkin.core.dashboard.snapshot import compute_dashboard
from checkin.core.db import models as m
from checkin.core.db.changes import ChangeWatcher
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.resources import resource
from checkin.core.text import fold

DAY = dt.date(2026, 11, 28)
FIRST = ["Łukasz", "Amélie", "Søren", "Ayşegül", "Nguyễn", "Zoë", "Jean-Baptiste", "María",
         "Olexandra", "Mohammed", "Siobhán", "Björn", "Chiara", "Fatou", "Ingrid", "Tariq"]
LAST = ["Wróblewski", "Fontaine", "Kjærgaard", "Doğan", "Trần", "Lefèvre-Dubois", "Okafor",
        "García Márquez", "Levchuk", "Al-Rawashdeh", "O'Connor", "Strauß", "Bernasconi"]
COUNTRIES = ["CH", "FR", "US", "GB", "KE", "JO", "LB", "TR", "BD", "PH", "CO", "SN", "DE",
             "IT", "ES", "NG", "ET", "SD", "UA", "PL", "BR", "MX", "IN", "PK", "ID"]
# 300 organisations, each with a home country most of its delegates come from.
ORGS = [(f"Organisation {i:03d}", COUNTRIES[i % len(COUNTRIES)]) for i in range(300)]
CATEGORIES = ["participant"] * 80 + ["iom"] * 10 + ["press"] * 5 + ["organiser"] * 4 + [
    "speaker"]  # 1%: the watch list


def build(db: Path | str, n: int, rng: random.Random, scans_per_delegate: int = 4):
    """A roster of n and a journal of scans_per_delegate * n rows, written directly;
    ``db`` a SQLite file or a database URL (PostgreSQL)."""
    store = Store(db if isinstance(db, str) else "sqlite:///" + str(db))
    event = save_event(store, load_event_file(resource("demo", "event.toml"), today=DAY))
    created = dt.datetime(2026, 11, 1)
    with store.write() as s:
        rows = []
        for i in range(1, n + 1):
            first, last = rng.choice(FIRST), f"{rng.choice(LAST)} {i}"
            org, home = rng.choice(ORGS)
            country = home if rng.random() < 0.9 else rng.choice(COUNTRIES)
            rows.append({
                "event_id": event.id, "number": i, "reference": f"R{i:06d}",
                "first_name": first, "last_name": last, "organisation": org,
                "country": country, "email": f"d{i}@example.org",
                "category": rng.choice(CATEGORIES),
                "status": "cancelled" if rng.random() < 0.02 else "registered",
                "badge_version": 1, "search_text": fold(f"{first} {last} {org}"),
                "print_count": 0, "created_at": created, "updated_at": created,
            })
        s.execute(insert(m.Delegate), rows)
    with store.read() as s:
        ids = [r[0] for r in s.query(m.Delegate.id).all()]
    opening, financing = event.session("opening"), event.session("financing")
    local = event.tz
    t0 = dt.datetime.combine(DAY, dt.time(8, 30), tzinfo=local).astimezone(dt.UTC)
    t_session = dt.datetime.combine(DAY, dt.time(10, 0), tzinfo=local).astimezone(dt.UTC)

    def at(base: dt.datetime, minutes: float) -> dt.datetime:
        return (base + dt.timedelta(minutes=minutes)).replace(tzinfo=None)

    scans = []

    def row(delegate, when, *, session=None, action="entry", outcome="admitted"):
        scans.append({
            "uuid": str(uuid.uuid4()), "event_id": event.id, "delegate_id": delegate,
            "session_id": session, "action": action, "source": "scanner",
            "outcome": outcome, "code": "", "station": "bench", "operator": "",
            "created_at": when, "undoes_id": None,
        })

    target = scans_per_delegate * n
    arrived = rng.sample(ids, int(0.85 * n))
    for d in arrived:
        row(d, at(t0, rng.uniform(0, 85)))
    for d in rng.sample(arrived, int(0.8 * len(arrived))):
        row(d, at(t0, rng.uniform(60, 90)), session=opening.id)
        row(d, at(t_session, rng.uniform(0, 20)), session=financing.id)
    door = rng.sample(arrived, int(0.15 * len(arrived)))
    for d in door:  # out and (mostly) back in: exit rows and re-entries
        row(d, at(t_session, 21), session=financing.id, action="exit", outcome="exited")
        if rng.random() < 0.6:
            row(d, at(t_session, 25), session=financing.id)
    while len(scans) < target:
        kind = rng.random()
        if kind < 0.7:
            row(rng.choice(arrived), at(t0, rng.uniform(0, 85)), outcome="already_admitted")
        else:
            row(None, at(t0, rng.uniform(0, 85)), outcome="invalid")
    with store.write() as s:
        for i in range(0, len(scans), 20_000):
            s.execute(insert(m.Scan), scans[i : i + 20_000])
        journal.rebuild(s, event.id)
    return store, event, len(scans)


def spin(app: QApplication, until, timeout_s: float = 60.0) -> None:
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(lambda: until() and loop.quit())
    poll.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    poll.stop()


class Heartbeat:
    """A 1 ms timer on the GUI thread; the longest gap between beats is the longest
    the GUI thread could not run its event loop."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[float] = []
        self._last = None

    def _beat(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        if self._last is not None:
            self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps, self._last = [], None
        self.clock.start()
        self.timer.start()

    def stop(self) -> dict:
        self.timer.stop()
        gaps = self.gaps or [0.0]
        return {"max_gap_ms": round(max(gaps), 2), "p99_gap_ms": round(pct(gaps, 0.99), 2),
                "beats": len(gaps)}


def waiting_ids(conn: sqlite3.Connection, event_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT id FROM delegates WHERE event_id = ? AND arrived_at IS NULL "
        "AND status = 'registered'", (event_id,))]


def admit(conn: sqlite3.Connection, event_id: int, delegate_id: int) -> None:
    """One arrival as a desk writes it: the scan, the admission, the delegate's mark."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    conn.execute("BEGIN IMMEDIATE")
    cur = conn.execute(
        "INSERT INTO scans (uuid, event_id, delegate_id, session_id, action, source, "
        "outcome, code, station, operator, created_at) VALUES "
        "(?, ?, ?, NULL, 'entry', 'scanner', 'admitted', '', 'desk', '', ?)",
        (str(uuid.uuid4()), event_id, delegate_id, now))
    conn.execute(
        "INSERT INTO admissions (event_id, delegate_id, scope, scan_id, admitted_at, "
        "source) VALUES (?, ?, 0, ?, ?, 'scanner')",
        (event_id, delegate_id, cur.lastrowid, now))
    conn.execute("UPDATE delegates SET arrived_at = ?, arrived_via = 'scanner' "
                 "WHERE id = ?", (now, delegate_id))
    conn.execute("COMMIT")


def desk(db: str, event_id: int, stop) -> None:
    """A desk in another process: admissions of not-yet-arrived people, 10 a second
    (each changes the figures, the charts and the call list)."""
    conn = sqlite3.connect(db, timeout=10, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    waiting = waiting_ids(conn, event_id)
    while waiting and not stop.is_set():
        admit(conn, event_id, waiting.pop())
        stop.wait(0.1)
    conn.close()


def bench_gui(
    app, store, event, refreshes: int, tab: str = "overview", in_thread: bool = False
) -> dict:
    from checkin.ui.dashboard.page import DashboardPage
    from checkin.ui.widgets import collector

    collector.install(app)  # as checkin.ui.app.main() does once the window is built
    now = dt.datetime.combine(DAY, dt.time(10, 30), tzinfo=event.tz).astimezone(dt.UTC)
    page = DashboardPage(store, event, clock=lambda: now, interval_ms=250)
    page.resize(1440, 960)
    page.show()
    applied: list[float] = []
    original = page._apply

    def timed_apply(dash, prepared):
        t = time.perf_counter()
        original(dash, prepared)
        applied.append(time.perf_counter() - t)

    page.feed.updated.disconnect(page._apply)
    page.feed.updated.connect(timed_apply)
    page.feed.use_process = not in_thread
    page.start()
    spin(app, lambda: page.feed.refreshes >= 1 and not page.feed.busy)
    if not in_thread:  # the worker process started with the feed: wait until it answers
        while page.feed.process_refreshes == 0:
            page.refresh()
            spin(app, lambda: not page.feed.busy)
    # Sort the call list by organisation, as a coordinator would: sorted off-thread.
    page.call_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    for index in range(page.tabs.count()):  # paint every tab once
        page.tabs.setCurrentIndex(index)
        app.processEvents()
    page.tabs.setCurrentIndex(page.call_tab if tab == "call_list" else 0)
    spin(app, lambda: not page.feed.busy and not page.charts_pending)

    beat = Heartbeat()
    beat.start()
    spin(app, lambda: False, timeout_s=1.0)
    idle = beat.stop()

    # Another desk (another process, as in real life) checks people in 10 times a
    # second; the feed picks the changes up every 250 ms.
    ctx = multiprocessing.get_context("spawn")
    stop = ctx.Event()
    writer = ctx.Process(target=desk, args=(str(store.path), event.id, stop), daemon=True)
    applied.clear()
    start = page.feed.refreshes
    writer.start()
    spin(app, lambda: page.feed.refreshes > start, timeout_s=60)  # the desk is writing
    start, in_process = page.feed.refreshes, page.feed.process_refreshes
    beat.start()
    spin(app, lambda: page.feed.refreshes - start >= refreshes and not page.charts_pending,
         timeout_s=120)
    busy = beat.stop()
    stop.set()
    writer.join()
    page.stop()
    page.close()
    page.deleteLater()
    app.processEvents()
    g = "gui" if tab == "overview" else f"gui_{tab}"
    return {
        f"{g}_refreshes": page.feed.refreshes - start,
        f"{g}_in_process": page.feed.process_refreshes - in_process,
        f"{g}_apply_ms_median": ms(statistics.median(applied)) if applied else None,
        f"{g}_apply_ms_max": ms(max(applied)) if applied else None,
        f"{g}_max_block_ms": busy["max_gap_ms"],
        f"{g}_p99_gap_ms": busy["p99_gap_ms"],
        f"{g}_idle_max_gap_ms": idle["max_gap_ms"],
        f"{g}_idle_p99_gap_ms": idle["p99_gap_ms"],
    }


def bench_round_trip(store, event, now: dt.datetime, runs: int) -> dict:
    """The worker process's answers as the feed gets them (request to unpickled).

    (Spawned from this script, the child also imports the script's own imports, Qt
    included: a longer start and a bigger child than the app's, same answers.)"""
    worker = DashboardProcess(store, event, ("speaker", "vip"))
    result = {}
    try:
        while not worker.poll_ready():
            time.sleep(0.01)
        held = None
        conn = sqlite3.connect(str(store.path), timeout=10, isolation_level=None)
        waiting = waiting_ids(conn, event.id)
        for name, call_list, force, arrivals in (
            ("round_trip", False, True, 0),
            ("round_trip_call_list", True, True, 0),  # the list read again and sent
            # Three arrived since: the list updated, sent as ids and new people.
            ("round_trip_call_list_updated", True, False, 3),
            ("round_trip_call_list_reused", True, False, 0),  # same people: not sent
        ):
            times, child = [], []
            for _ in range(runs):
                for _ in range(arrivals):
                    admit(conn, event.id, waiting.pop())
                mark = held.call_list_mark if held is not None and held.call_list else None
                request = Request(now=now, force=force, attendees_session=None,
                                  call_list=call_list, held_mark=mark)
                t = time.perf_counter()
                held = worker.refresh(request, held)
                times.append(time.perf_counter() - t)
                child.append(held.query_ms / 1000)
            result[f"{name}_ms_median"] = ms(statistics.median(times))
            # Of which compute_dashboard in the child; the rest is pickling both ways.
            result[f"{name}_child_query_ms_median"] = ms(statistics.median(child))
        conn.close()
    finally:
        worker.close()
    return result


def bench_size(
    app, n: int, workdir: Path, rng: random.Random, runs: int, in_thread: bool = False
) -> dict:
    store, event, journal_rows = build(workdir / f"dash-{n}.sqlite", n, rng)
    result: dict = {"delegates": n, "journal_rows": journal_rows}
    now = dt.datetime.combine(DAY, dt.time(10, 30), tzinfo=event.tz).astimezone(dt.UTC)
    compute_dashboard(store, event, now=now, attendees_session="financing")  # warm

    def timed(runs: int, **kw) -> tuple[list[float], object]:
        times, dash = [], None
        for _ in range(runs):
            t = time.perf_counter()
            dash = compute_dashboard(store, event, now=now, **kw)
            times.append(time.perf_counter() - t)
        return times, dash

    def put(name: str, times: list[float]) -> None:
        result[f"{name}_ms_median"] = ms(statistics.median(times))
        result[f"{name}_ms_p95"] = ms(pct(times, 0.95))

    # The refresh that runs on every change with the overview open: figures, presence,
    # the charts' data, recent arrivals, watch list.
    times, dash = timed(runs, call_list=False)
    put("query", times)
    # With the call list tab open, read whole (the tab opened, or a forced refresh).
    times, listed = timed(runs, call_list=True)
    put("query_call_list", times)
    # ... and live: three more people arrived since the last refresh, whose list is
    # updated (only the people new to it read in full).
    conn = sqlite3.connect(str(store.path), timeout=10, isolation_level=None)
    waiting = waiting_ids(conn, event.id)
    times, held = [], listed
    for _ in range(runs):
        for _ in range(3):
            admit(conn, event.id, waiting.pop())
        t = time.perf_counter()
        held = compute_dashboard(store, event, now=now, call_list=True, reuse=held)
        times.append(time.perf_counter() - t)
    conn.close()
    put("query_call_list_updated", times)
    # ... and after a change that leaves the same people missing (list reused).
    times, _ = timed(runs, call_list=True, reuse=held)
    put("query_call_list_reused", times)
    # With the "Session attendance" tab open: every attendee of the session too.
    times, full = timed(runs, call_list=False, attendees_session="financing")
    put("query_attendees", times)
    result["not_arrived_rows"] = len(listed.not_arrived)
    result["attendees_rows"] = len(full.attendees)
    result["arrived"] = dash.stats.arrived
    result["current_session"] = dash.current.key if dash.current else None
    result["present_now"] = dash.current.present if dash.current else None
    result["attended"] = dash.current.attended if dash.current else None

    watcher = ChangeWatcher(store)
    checks = []
    for _ in range(200):
        t = time.perf_counter()
        watcher.changed()
        checks.append(time.perf_counter() - t)
    watcher.close()
    result["check_us_median"] = round(statistics.median(checks) * 1e6, 1)
    result.update(bench_round_trip(store, event, now, runs))
    result.update(bench_gui(app, store, event, refreshes=10, in_thread=in_thread))
    result.update(bench_gui(app, store, event, refreshes=10, tab="call_list",
                            in_thread=in_thread))
    store.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    parser.add_argument("--in-thread", action="store_true",
                        help="refresh on a thread of the GUI process (the former path)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    rng = random.Random(20261128)
    with tempfile.TemporaryDirectory() as tmp:
        results = [bench_size(app, int(n), Path(tmp), rng, args.runs, args.in_thread)
                   for n in args.sizes.split(",")]
    doc = {
        "machine": machine(cpus=os.cpu_count()),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "targets": {"query_ms_at_50k_200k_scans": 100, "gui_max_block_ms": 16},
        "dashboard_refresh": "on a thread of the GUI process" if args.in_thread
        else "in the feed's worker process",
        "results": results,
    }
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
