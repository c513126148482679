"""Crash durability: a scanning process killed with SIGKILL at random moments, 50 times.

The real CLI (`checkin scan -`) reads codes on stdin and prints each outcome only after
its transaction committed.  Whatever it printed before dying must be in the database
afterwards, the file must pass `PRAGMA integrity_check`, the projections must agree with
the journal, and the next process must open it normally.  SIGKILL gives the process no
chance to clean up, which is what a crash or a closed laptop lid at the wrong moment
does to it; a power cut additionally loses what the OS had not written, which
`synchronous=FULL` (tested in test_store.py) is there for.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from checkin.core.db.store import Store
from checkin.core.event.stored import require_event
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo

KILLS = 50

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _feed(proc: subprocess.Popen, codes: list[str], stop: threading.Event) -> None:
    """Type codes into the scanner process until it dies: a busy desk, never idle."""
    rng = random.Random(7)
    try:
        while not stop.is_set():
            batch = "".join(rng.choice(codes) + "\n" for _ in range(rng.randint(1, 20)))
            proc.stdin.write(batch)
            proc.stdin.flush()
    except (BrokenPipeError, OSError, ValueError):
        pass  # killed: the pipe is gone


def _run_and_kill(db: str, codes: list[str], rng: random.Random) -> list[str]:
    """One process, killed at a random moment after it started answering."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "checkin", "--db", db, "scan", "-", "--json",
         "--station", "Crash desk"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    stop = threading.Event()
    feeder = threading.Thread(target=_feed, args=(proc, codes, stop), daemon=True)
    feeder.start()
    acknowledged: list[str] = []
    first = proc.stdout.readline()  # started and answering
    assert first, "the scanner process died before answering"
    acknowledged.append(json.loads(first)["scan_id"])
    reader_done = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            try:
                acknowledged.append(json.loads(line)["scan_id"])
            except ValueError:
                break  # a line cut by the kill was never an acknowledgement
        reader_done.set()

    threading.Thread(target=read, daemon=True).start()
    # Mostly mid-stream, sometimes right away: commit, print and write all get hit.
    time.sleep(rng.choice((0.0, rng.uniform(0.0, 0.05), rng.uniform(0.05, 0.4))))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    stop.set()
    reader_done.wait(10)
    for stream in (proc.stdin, proc.stdout):
        with contextlib.suppress(OSError):  # the feeder's last write, into a dead pipe
            stream.close()
    return acknowledged


def test_sigkill_at_random_points_loses_no_acknowledged_scan(tmp_path):
    db = str(tmp_path / "crash.sqlite")
    store = Store("sqlite:///" + db)
    create_demo(store)
    event = require_event(store)
    codes = [e.code for e in list_delegates(store, event)] + ["NOTABADGE123", "91002X01"]
    store.close()
    rng = random.Random(2026)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        acknowledged += _run_and_kill(db, codes, rng)

    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in c.execute("SELECT uuid FROM scans")}
        admitted_twice = c.execute(
            "SELECT count(*) FROM (SELECT delegate_id FROM admissions GROUP BY delegate_id, "
            "scope HAVING count(*) > 1)"
        ).fetchone()[0]
    missing = [a for a in acknowledged if a not in stored]
    assert len(acknowledged) > KILLS * 2  # the kills really landed mid-stream
    assert missing == []
    assert admitted_twice == 0
    # The next start opens it normally, and the projections match the journal.
    store = Store("sqlite:///" + db)
    try:
        assert store.integrity_ok()
        from checkin.core.dashboard.stats import compute_stats

        stats = compute_stats(store, event)
        with store.read() as s:
            from sqlalchemy import text

            arrived = s.execute(
                text(
                    "SELECT count(DISTINCT delegate_id) FROM scans WHERE outcome = 'admitted' "
                    "AND action = 'entry' AND session_id IS NULL"
                )
            ).scalar()
        assert stats.arrived == arrived > 0
    finally:
        store.close()
    print(f"{KILLS} kills, {len(acknowledged)} acknowledged scans, all stored")
