"""Four desks on one PostgreSQL database, scanning overlapping badge sets at once."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event import codes
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import event_secret
from tests.conftest import SMALL_EVENT, insert_delegates

ROOT = Path(__file__).resolve().parents[3]
DESKS, SCANS, PEOPLE = 4, 1000, 1500


@pytest.fixture
def shared(pg_admin):
    from tests import pg

    url = pg.fresh_database(pg_admin)
    store = Store(url)
    event = save_event(store, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(store, event, [{} for _ in range(PEOPLE)])
    yield url, store, event
    store.close()


@pytest.mark.parametrize(
    "feed",
    [
        "pipe",  # codes arrive as a desk sends them: small batches
        "file",  # a scanner log replayed: big batches, locked in id order up front
    ],
)
def test_four_desks_admit_each_person_exactly_once(shared, tmp_path, feed):
    url, store, event = shared
    secret = event_secret(store, event.id)
    rng = random.Random(20261128)
    # Each desk scans 1,000 badges drawn from an overlapping window of the roster, in its
    # own order, a few twice (a second beep): the same person at several desks at once.
    lists = []
    for desk in range(DESKS):
        window = list(range(1 + desk * 150, 1 + desk * 150 + 900))
        picks = window + rng.sample(window, SCANS - len(window))
        rng.shuffle(picks)
        lists.append([codes.make_code(secret, n, 1) for n in picks])
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    files = []
    for desk, lines in enumerate(lists):
        files.append(tmp_path / f"desk{desk}.txt")
        files[-1].write_text("\n".join(lines) + "\n")
    handles = [path.open() for path in files]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "checkin", "--db", url, "scan", "-", "--station",
             f"D{desk + 1}", "--json"],
            stdin=subprocess.PIPE if feed == "pipe" else handles[desk],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", env=env, cwd=ROOT,
        )
        for desk in range(DESKS)
    ]
    results = [
        p.communicate(path.read_text() if feed == "pipe" else None, timeout=300)
        for p, path in zip(procs, files, strict=True)
    ]
    for handle in handles:
        handle.close()

    outcomes = []
    for proc, (out, err) in zip(procs, results, strict=True):
        assert err == "", err  # no error surfaced to staff
        assert proc.returncode == 0
        outcomes.append([json.loads(line) for line in out.splitlines()])
    assert [len(o) for o in outcomes] == [SCANS] * DESKS
    statuses = [o["status"] for desk in outcomes for o in desk]
    assert set(statuses) == {"admitted", "already_admitted"}
    scanned = {n for desk in range(DESKS) for n in range(1 + desk * 150, 1 + desk * 150 + 900)}
    assert statuses.count("admitted") == len(scanned)

    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Scan)) == DESKS * SCANS
        per_person = dict(
            s.execute(
                select(m.Delegate.number, func.count(m.Admission.id))
                .outerjoin(m.Admission, m.Admission.delegate_id == m.Delegate.id)
                .group_by(m.Delegate.number)
            ).all()
        )
        journal_ids = set(s.scalars(select(m.Scan.uuid)))
    assert {n for n, c in per_person.items() if c == 1} == scanned
    assert all(c == 0 for n, c in per_person.items() if n not in scanned)
    assert journal_ids == {o["scan_id"] for desk in outcomes for o in desk}
