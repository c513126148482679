"""The dashboard's two long lists at several sizes, SQLite and PostgreSQL, as JSON.

For each size N (default 1k, 10k, 50k delegates; 4 journal rows per delegate, 200k
scans at 50k: ``bench_dashboard.build``) and each database:

* whole-list reads (the first baseline): every attendee of the session with
  presence (``presence.session_attendees``), and the whole call list sorted by name;
* before (the baseline run in the same process): the dashboard's pages as they were
  before the stored sort keys (``pages_before.py``: names folded by a function at
  each read, later pages by OFFSET): a page (``pages.PAGE_ROWS`` rows) in each order
  the table offers, the last page, the live re-read of two loaded pages;
* after: the same reads with ``checkin.core.dashboard.pages`` now (the sort keys'
  indexes; the last page also as the rows after the one before it, keyset), plus
  ``out_counts`` (who is out of each room now), which every refresh reads;
* whether both give the same rows in the same order; ratios after/before, and the
  query plans at the largest size.

Targets at 50k delegates / 200k scans: session attendance <= 100 ms, call list
<= 30 ms.  The machine (2 cores) is shared with other jobs: compare ratios and plans.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import pages_before
from bench_core import machine, ms, pct, report
from bench_dashboard import build
from sqlalchemy import text

from checkin.core.dashboard import pages, snapshot
from checkin.core.dashboard.pages import ATTENDEE_SORTS, MISSING_SORTS, Order
from checkin.core.desk import presence

SESSION = "financing"


def timed(fn, runs: int) -> dict:
    fn()  # warm (statement caches, the page cache)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return {"median_ms": ms(statistics.median(times)), "p95_ms": ms(pct(times, 0.95))}


def old_call_list(store, event):
    sql = snapshot._dashboard_statements()
    with store.read() as s:
        rows = s.connection().execute(sql.missing, {"event_id": event.id}).all()
    return tuple(snapshot._person(r) for r in rows)


def out_now(store, event):
    with store.read() as s:
        return presence.out_counts(s.connection(), event.id)


def cases(impl, store, event, n_att: int, n_missing: int, keyset: bool) -> dict:
    """Each read the dashboard makes, with the pages module ``impl``: the first page
    in each order, the last page (by OFFSET; and, with ``keyset``, after the row
    before it, as a table scrolled to the end asks), the live re-read of two pages."""
    out: dict = {}
    for key in ATTENDEE_SORTS:
        out[f"attendees_page_{key}"] = lambda k=key: impl.attendee_page(
            store, event, SESSION, Order(k), 0)
    deep = max(0, n_att - pages.PAGE_ROWS)
    for key in ("last_name", "first_name"):
        out[f"attendees_last_page_{key}"] = lambda k=key: impl.attendee_page(
            store, event, SESSION, Order(k), deep)
        if keyset and deep > 0:
            before = impl.attendee_page(store, event, SESSION, Order(key), deep - 1, 1)[0]
            out[f"attendees_last_page_{key}_keyset"] = (
                lambda k=key, b=before: impl.attendee_page(
                    store, event, SESSION, Order(k), deep, after=b))
    out["attendees_refresh_2_pages"] = lambda: impl.attendee_page(
        store, event, SESSION, Order("entered"), 0, 2 * pages.PAGE_ROWS)
    out["attendees_refresh_2_pages_last_name"] = lambda: impl.attendee_page(
        store, event, SESSION, Order("last_name"), 0, 2 * pages.PAGE_ROWS)
    for key in MISSING_SORTS:
        out[f"call_list_page_{key}"] = lambda k=key: impl.missing_page(
            store, event, Order(k), 0)
    deep = max(0, n_missing - pages.PAGE_ROWS)
    out["call_list_last_page_last_name"] = lambda: impl.missing_page(
        store, event, Order("last_name"), deep)
    if keyset and deep > 0:
        before = impl.missing_page(store, event, Order("last_name"), deep - 1, 1)[0]
        out["call_list_last_page_last_name_keyset"] = lambda: impl.missing_page(
            store, event, Order("last_name"), deep, after=before)
    out["call_list_refresh_2_pages"] = lambda: impl.missing_page(
        store, event, Order("last_name"), 0, 2 * pages.PAGE_ROWS)
    return out


def same_rows(store, event, n_att: int, n_missing: int) -> list[str]:
    """Where the new pages do not give the rows the old ones gave, in the same order
    (first and last page of each order); empty when they all do."""
    deep_att, deep_missing = max(0, n_att - 200), max(0, n_missing - 200)
    differ = []
    for key in ATTENDEE_SORTS:
        for offset in (0, deep_att):
            new = pages.attendee_page(store, event, SESSION, Order(key), offset)
            old = pages_before.attendee_page(store, event, SESSION, Order(key), offset)
            if [r.id for r in new] != [r.id for r in old]:
                differ.append(f"attendees {key} at {offset}: {_first_change(new, old)}")
    for key in MISSING_SORTS:
        for offset in (0, deep_missing):
            new = pages.missing_page(store, event, Order(key), offset)
            old = pages_before.missing_page(store, event, Order(key), offset)
            if [r.id for r in new] != [r.id for r in old]:
                differ.append(f"call list {key} at {offset}: {_first_change(new, old)}")
    return differ


def _first_change(new, old) -> str:
    i = next(i for i, (a, b) in enumerate(zip(new, old, strict=False)) if a.id != b.id)
    return (f"row {i}: now {new[i].last_name!r}, {new[i].first_name!r}, "
            f"{new[i].organisation!r}; was {old[i].last_name!r}, {old[i].first_name!r}, "
            f"{old[i].organisation!r}")


def bench_db(store, event, runs: int) -> dict:
    out: dict = {}
    n_att = len(presence.session_attendees(store, event, SESSION))
    n_missing = len(old_call_list(store, event))
    out["attendees_rows"], out["not_arrived_rows"] = n_att, n_missing
    out["whole_list_reads"] = {
        "attendees_all": timed(lambda: presence.session_attendees(store, event, SESSION),
                               runs),
        "call_list_all": timed(lambda: old_call_list(store, event), runs),
    }
    before = {k: timed(f, runs) for k, f in cases(
        pages_before, store, event, n_att, n_missing, keyset=False).items()}
    after = {k: timed(f, runs) for k, f in cases(
        pages, store, event, n_att, n_missing, keyset=True).items()}
    after["out_counts"] = timed(lambda: out_now(store, event), runs)
    out["before"], out["after"] = before, after
    out["same_rows_as_before"] = same_rows(store, event, n_att, n_missing)
    for kind in ("attendees", "call_list"):
        worst_before = max(v["median_ms"] for k, v in before.items() if k.startswith(kind))
        worst = max(v["median_ms"] for k, v in after.items() if k.startswith(kind))
        out[f"worst_{kind}_before_ms"], out[f"worst_{kind}_ms"] = worst_before, worst
        out[f"ratio_{kind}_worst_after_to_before"] = round(worst / worst_before, 3)
    return out


def plans(store, event) -> dict:
    """The plans of the default-order pages at this size (SQLite: EXPLAIN QUERY PLAN;
    PostgreSQL: EXPLAIN ANALYZE)."""
    sess = event.session(SESSION)
    params = {"event_id": event.id, "scope": sess.id, "offset": 0,
              "limit": pages.PAGE_ROWS}
    lines = {}
    with store.read() as s:
        conn = s.connection()
        for name, statement in (
            ("attendees_page_entered", pages._attendee_statements(Order("entered")).page),
            ("attendees_page_last_name", pages._attendee_statements(Order("last_name")).page),
            ("attendees_page_first_name",
             pages._attendee_statements(Order("first_name")).page),
            ("call_list_page_last_name", pages._missing_statements(Order("last_name")).page),
        ):
            compiled = statement.compile(dialect=conn.dialect)
            sql = str(compiled)
            values = compiled.construct_params(params)
            if store.is_sqlite:
                args = tuple(values[k] for k in compiled.positiontup)
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, args).all()
                lines[name] = [r[-1] for r in rows]
            else:
                rows = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + sql,
                                            values).all()
                lines[name] = [r[0] for r in rows]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-postgresql", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    from tests import pg

    sizes = [int(n) for n in args.sizes.split(",")]
    results: dict = {"sqlite": [], "postgresql": []}
    plan_doc: dict = {}
    with tempfile.TemporaryDirectory() as tmp, pg.server() as admin:
        for n in sizes:
            for backend in ("sqlite", "postgresql"):
                if backend == "postgresql" and args.no_postgresql:
                    continue
                rng = random.Random(20261128)
                db = (Path(tmp) / f"q-{n}.sqlite" if backend == "sqlite"
                      else pg.fresh_database(admin))
                store, event, journal_rows = build(db, n, rng)
                if not store.is_sqlite:
                    with store.write() as s:
                        s.execute(text("ANALYZE"))
                row = {"delegates": n, "journal_rows": journal_rows}
                row.update(bench_db(store, event, args.runs))
                if n == max(sizes):
                    plan_doc[backend] = plans(store, event)
                results[backend].append(row)
                store.close()
                print(backend, n, row["worst_attendees_ms"], row["worst_call_list_ms"],
                      row["same_rows_as_before"], file=sys.stderr)
    doc = {
        "benchmark": "dashboard long lists: pages before the stored sort keys (before, "
                     "benchmarks/pages_before.py) against pages now (after)",
        "machine": machine(cpus=os.cpu_count(), load_average=os.getloadavg()),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "targets": {"attendees_ms_at_50k": 100, "call_list_ms_at_50k": 30},
        "page_rows": pages.PAGE_ROWS,
        "results": results,
        "plans_at_largest": plan_doc,
    }
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
