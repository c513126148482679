"""The dashboard's two long lists at several sizes, SQLite and PostgreSQL, as JSON.

For each size N (default 1k, 10k, 50k delegates; 4 journal rows per delegate, 200k
scans at 50k: ``bench_dashboard.build``) and each database:

* before (the baseline, run in the same process): the whole session attendance read
  (``presence.session_attendees``: every attendee, 12 columns, with presence), and
  the whole call list read (the snapshot's former ``missing`` statement: every person
  not arrived, sorted by name);
* after: what the dashboard now reads — a page (``pages.PAGE_ROWS`` rows) of each list
  in each order the table offers, a page deep in the list (the coordinator scrolled),
  and the live refresh of two loaded pages; plus ``out_counts`` (who is out of each
  room now), which every refresh reads;
* ratios after/before, and the query plans at the largest size.

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
from bench_core import machine, ms, pct, report
from bench_dashboard import build
from sqlalchemy import bindparam, text

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


def bench_db(store, event, runs: int) -> dict:
    out: dict = {}
    n_att = len(presence.session_attendees(store, event, SESSION))
    n_missing = len(old_call_list(store, event))
    out["attendees_rows"], out["not_arrived_rows"] = n_att, n_missing
    before_att = timed(lambda: presence.session_attendees(store, event, SESSION), runs)
    before_call = timed(lambda: old_call_list(store, event), runs)
    out["before"] = {"attendees_all": before_att, "call_list_all": before_call}
    after: dict = {}
    for key in ATTENDEE_SORTS:
        order = Order(key)
        after[f"attendees_page_{key}"] = timed(
            lambda o=order: pages.attendee_page(store, event, SESSION, o, 0), runs)
    deep = max(0, n_att - pages.PAGE_ROWS)
    after["attendees_page_last_name_deep"] = timed(
        lambda: pages.attendee_page(store, event, SESSION, Order("last_name"), deep), runs)
    after["attendees_refresh_2_pages"] = timed(
        lambda: pages.attendee_page(store, event, SESSION, Order("entered"), 0,
                                    2 * pages.PAGE_ROWS), runs)
    for key in MISSING_SORTS:
        order = Order(key)
        after[f"call_list_page_{key}"] = timed(
            lambda o=order: pages.missing_page(store, event, o, 0), runs)
    deep = max(0, n_missing - pages.PAGE_ROWS)
    after["call_list_page_last_name_deep"] = timed(
        lambda: pages.missing_page(store, event, Order("last_name"), deep), runs)
    after["call_list_refresh_2_pages"] = timed(
        lambda: pages.missing_page(store, event, Order("last_name"), 0,
                                   2 * pages.PAGE_ROWS), runs)
    after["out_counts"] = timed(lambda: out_now(store, event), runs)
    out["after"] = after
    worst_att = max(v["median_ms"] for k, v in after.items() if k.startswith("attendees"))
    worst_call = max(v["median_ms"] for k, v in after.items() if k.startswith("call_list"))
    out["worst_attendees_ms"], out["worst_call_list_ms"] = worst_att, worst_call
    out["ratio_attendees_worst_to_before"] = round(worst_att / before_att["median_ms"], 3)
    out["ratio_call_list_worst_to_before"] = round(worst_call / before_call["median_ms"], 3)
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
        mode = pages._text_mode(store, conn)
        for name, statement in (
            ("attendees_page_entered", pages._attendee_statements(Order("entered"), mode).page),
            ("attendees_page_last_name",
             pages._attendee_statements(Order("last_name"), mode).page),
            ("call_list_page_last_name", pages._missing_statement(Order("last_name"), mode)
             .offset(bindparam("offset")).limit(bindparam("limit"))),
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
                      file=sys.stderr)
    doc = {
        "benchmark": "dashboard long lists: whole reads (before) against pages (after)",
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
