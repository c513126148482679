"""How current a desk's offline copy is on PostgreSQL, printed as JSON (--out saves it).

    python benchmarks/bench_offline_copy.py [--delegates 50000] [--polls 30] [--out FILE]

A throwaway PostgreSQL server (``tests/pg.py``; or ``CHECKIN_TEST_PG_URL``) holds the demo
event and N synthetic delegates (default 50,000).  Two desks (``DeskCheckin``, each with
its own SQLite copy in a temporary folder) work on it:

* **own**: 300 scans at desk A.  After each call returns, the scan is looked up in A's
  copy (``present_when_returned``: how many were there — all, by design), and the call's
  time is compared with the same scans through a bare ``CheckinService`` on the server
  (``overhead_ms``: what keeping the copy current costs a scan).
* **other**: desk A pulls every ``--interval`` seconds on a thread, as the app's
  ``DeskConnection`` does (2 s; here the wait starts when a pull ends); desk B scans at
  random moments, and the main thread watches A's copy (every 2 ms) until the scan is
  there.  ``lag_s``: from B's call returning to the scan being in A's copy; ``pull_ms``:
  how long A's pulls took meanwhile.
* **pull**: one pull when nothing changed, with 1 new scan, with 100 new scans.
* **start**: opening a desk (as ``checkin scan`` does for each call) with a copy that
  exists (pulled) and with none (full copy); and the full check ``refresh_mirror``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.pg
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_core import machine, ms, pct, report

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.offline import DeskCheckin
from checkin.core.desk.service import CheckinService
from checkin.core.event import codes
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.event.stored import event_secret
from checkin.core.resources import resource
from checkin.core.text import fold


def populate(url: str, n: int) -> tuple[str, list[str]]:
    """The demo event and ``n`` delegates on the server; their badge codes."""
    store = Store(url)
    try:
        event = save_event(store, load_event_file(resource("demo", "event.toml")))
        now = dt.datetime(2026, 11, 1)
        rows = [
            {"event_id": event.id, "number": i, "reference": f"REF-{i:06d}",
             "first_name": f"First{i}", "last_name": f"Last{i}", "organisation": "IOM",
             "country": "CH", "email": f"d{i}@example.org", "category": "participant",
             "status": "registered", "badge_version": 1,
             "search_text": fold(f"first{i} last{i} iom"), "created_at": now,
             "updated_at": now}
            for i in range(1, n + 1)
        ]  # fmt: skip
        with store.write() as s:
            for i in range(0, n, 5000):
                s.execute(insert(m.Delegate), rows[i : i + 5000])
        secret = event_secret(store, event.id)
        return event.uuid, [codes.make_code(secret, i, 1) for i in range(1, n + 1)]
    finally:
        store.close()


def in_copy(desk: DeskCheckin, scan_id: str) -> bool:
    with desk.mirror.read() as s:
        return s.scalar(select(m.Scan.id).where(m.Scan.uuid == scan_id)) is not None


def own(url: str, desk: DeskCheckin, badges: list[str], rng: random.Random) -> dict:
    picks = rng.sample(badges, 600)
    took, present = [], 0
    for code in picks[:300]:
        t = time.perf_counter()
        outcome = desk.scan(code)
        took.append(time.perf_counter() - t)
        present += in_copy(desk, outcome.scan_id)
    store = Store(url)
    try:
        bare = CheckinService(store, station="bare")
        base = []
        for code in picks[300:]:
            t = time.perf_counter()
            bare.scan(code)
            base.append(time.perf_counter() - t)
    finally:
        store.close()
    return {
        "scans": len(took),
        "present_when_returned": present,
        "scan_ms": {"median": ms(statistics.median(took)), "p95": ms(pct(took, 95))},
        "bare_server_scan_ms": {"median": ms(statistics.median(base)), "p95": ms(pct(base, 95))},
        "overhead_ms": ms(statistics.median(took) - statistics.median(base)),
    }


def other(a: DeskCheckin, b: DeskCheckin, badges: list[str], rng: random.Random,
          polls: int, interval: float) -> dict:
    stop = threading.Event()
    took: list[float] = []
    a.pull()  # what the other phases left behind: not this phase's lag

    def puller() -> None:
        while not stop.wait(interval):
            t = time.perf_counter()
            a.pull()
            took.append(time.perf_counter() - t)

    thread = threading.Thread(target=puller, daemon=True)
    thread.start()
    lags = []
    try:
        for code in rng.sample(badges, polls):
            time.sleep(rng.uniform(0, interval))  # any moment of the poll's cycle
            outcome = b.scan(code)
            start = time.perf_counter()
            while not in_copy(a, outcome.scan_id):
                time.sleep(0.002)
            lags.append(time.perf_counter() - start)
    finally:
        stop.set()
        thread.join()
    return {
        "interval_s": interval,
        "samples": len(lags),
        "lag_s": {"median": round(statistics.median(lags), 3), "p95": round(pct(lags, 95), 3),
                  "max": round(max(lags), 3)},
        "pull_ms": {"median": ms(statistics.median(took)), "max": ms(max(took))},
    }


def pulls(a: DeskCheckin, b: DeskCheckin, badges: list[str], rng: random.Random) -> dict:
    def timed(k: int) -> float:
        for code in rng.sample(badges, k):
            b.scan(code)
        t = time.perf_counter()
        a.pull()
        return ms(time.perf_counter() - t)

    a.pull()
    quiet = [timed(0) for _ in range(20)]
    return {
        "nothing_changed_ms": statistics.median(quiet),
        "one_new_scan_ms": statistics.median([timed(1) for _ in range(10)]),
        "hundred_new_scans_ms": statistics.median([timed(100) for _ in range(3)]),
    }


def starts(url: str, folder: Path) -> dict:
    def opened(path: Path, station: str) -> float:
        t = time.perf_counter()
        desk = DeskCheckin(url, path, station=station)
        took = time.perf_counter() - t
        desk.close()
        return ms(took)

    fresh = opened(folder / "fresh.sqlite", "C")
    again = [opened(folder / "fresh.sqlite", "C") for _ in range(5)]
    desk = DeskCheckin(url, folder / "fresh.sqlite", station="C")
    try:
        t = time.perf_counter()
        desk.refresh_mirror()
        full = ms(time.perf_counter() - t)
    finally:
        desk.close()
    return {"new_copy_ms": fresh, "existing_copy_ms": statistics.median(again),
            "full_refresh_ms": full}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=50_000)
    parser.add_argument("--polls", type=int, default=30)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rng = random.Random(16)
    from tests import pg

    with pg.server() as admin, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = pg.fresh_database(admin)
        _uuid, badges = populate(url, args.delegates)
        a = DeskCheckin(url, folder / "a.sqlite", station="A")
        b = DeskCheckin(url, folder / "b.sqlite", station="B")
        try:
            doc = {
                "benchmark": "offline copy lag (PostgreSQL)",
                "machine": machine(postgresql=os.environ.get(pg.ENV, "throwaway server")),
                "delegates": args.delegates,
                "own": own(url, a, badges, rng),
                "other": other(a, b, badges, rng, args.polls, args.interval),
                "pull": pulls(a, b, badges, rng),
                "start": starts(url, folder),
            }
        finally:
            a.close()
            b.close()
    return report(doc, args.out)


if __name__ == "__main__":
    sys.exit(main())
