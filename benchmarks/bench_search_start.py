"""How soon the desk's search answers after start-up, at 1k/10k/50k delegates.

    python benchmarks/bench_search_start.py [--sizes 1000,10000,50000] [--queries 500]
                                            [--out benchmarks/results-search-start.json]

Before: the desk's search answered nothing until ``SearchIndex.build`` had read and
folded the whole roster (``index_build_s``: the wait from start-up to the first answer).
Now the database answers while the index builds (``checkin.core.desk.sql_search``):
``first_answer_ms`` is the first query on a freshly opened store (cold caches), and
``sql_ms`` the latency over a mix of desk queries (``bench_search_stats.queries``:
names typed letter by letter, prefixes, typos, references, e-mails, junk).
``agrees_with_index`` is the share of queries whose first hit is the index's first hit
(typos excepted: the fallback does not look for them, and says so).

Baseline in the same run: one full scan of the delegates with ``LIKE`` (``count(*)``), the
floor of what a query finding nobody costs in SQL.  Each size is a fresh SQLite file
filled by ``bench_search_stats.populate``, with ``search_text`` filled as imports do.

When the index is ready (``index_ready``, ``checkin.core.desk.search_store.open_index``,
best of a few runs): ``cold_s`` with no kept file (read, fold, build), ``warm_s`` from
the file kept by the previous start (the roster unchanged), ``patched_s`` from that file
with ``PATCHED`` delegates edited since; ``save_s`` writes the file (in the background,
after the index is ready).  Baseline in the same run: ``read_rows_s``, the plain read of
the roster's rows with the same select, the floor of any index built from the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select, update

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_search_stats import pct, populate, queries  # noqa: E402

from checkin.core.db import models as m  # noqa: E402
from checkin.core.db.store import Store  # noqa: E402
from checkin.core.desk.search import SearchIndex  # noqa: E402
from checkin.core.desk.search_store import open_index, save  # noqa: E402
from checkin.core.desk.sql_search import search_sql  # noqa: E402
from checkin.core.roster.delegates import search_text  # noqa: E402

LIMIT = 30  # as the desk (controller.SEARCH_LIMIT)
PATCHED = 20  # delegates edited between two starts, for ``patched_s``


def fill_search_text(store: Store) -> None:
    """What the import pipeline stores for each delegate (populate leaves it empty)."""
    cols = (m.Delegate.id, m.Delegate.first_name, m.Delegate.last_name,
            m.Delegate.organisation, m.Delegate.email, m.Delegate.reference)
    with store.read() as s:
        rows = s.execute(select(*cols)).all()
    values = [(search_text(*r[1:]), r[0]) for r in rows]
    with store.write_conn() as conn:
        conn.exec_driver_sql("UPDATE delegates SET search_text = ? WHERE id = ?", values)


def full_scan_ms(store: Store, word: str) -> float:
    """One LIKE over every delegate's search_text (a word nobody has)."""
    with store.engine.connect() as conn:
        t0 = time.perf_counter()
        conn.exec_driver_sql(
            "SELECT count(*) FROM delegates WHERE search_text LIKE ?", (f"%{word}%",)
        ).scalar()
        return (time.perf_counter() - t0) * 1000


def timed(fn, *args) -> tuple[float, object]:
    t0 = time.perf_counter()
    value = fn(*args)
    return (time.perf_counter() - t0) * 1000, value


def best_s(repeat: int, fn, *args) -> tuple[float, object]:
    """The fastest of ``repeat`` calls (the machine is shared), in seconds."""
    runs = [timed(fn, *args) for _ in range(repeat)]
    return min(ms for ms, _ in runs) / 1000, runs[-1][1]


def index_ready(path: Path, event_id: int, folder: Path) -> dict:
    """How long until the index is ready: cold, warm (kept file), patched (a few edits)."""
    from checkin.core.desk.search import COLUMNS

    kept = folder / f"{path.stem}.idx"
    stmt = select(*COLUMNS).where(m.Delegate.event_id == event_id).order_by(m.Delegate.id)
    with Store("sqlite:///" + str(path)) as store:
        def read() -> list:
            with store.read() as s:
                return s.execute(stmt).all()

        read_s, rows = best_s(3, read)

        def cold():
            kept.unlink(missing_ok=True)
            return open_index(store, event_id, kept)

        cold_s, index = best_s(2, cold)
        save_s, _ = best_s(1, save, index)
        warm_s, warm = best_s(5, open_index, store, event_id, kept)
        assert warm.source == "disk", warm.source
        edited = [row[0] for row in rows[:: max(1, len(rows) // PATCHED)]][:PATCHED]
        with store.write() as s:
            s.execute(update(m.Delegate).where(m.Delegate.id.in_(edited))
                      .values(last_name="Edited", updated_at=dt.datetime(2030, 1, 1)))
        patched_s, patched = best_s(3, open_index, store, event_id, kept)
        assert patched.source == "patched", patched.source
    return {
        "read_rows_s": round(read_s, 3),
        "cold_s": round(cold_s, 3),
        "warm_s": round(warm_s, 3),
        "patched_s": round(patched_s, 3),
        "save_s": round(save_s, 3),
        "file_mb": round(kept.stat().st_size / 1e6, 1),
        "warm_vs_cold": round(warm_s / cold_s, 3),
        "warm_vs_read_rows": round(warm_s / read_s, 2),
        "cold_vs_read_rows": round(cold_s / read_s, 2),
    }


def one_size(n: int, n_queries: int, folder: Path) -> dict:
    rng = random.Random(7)
    path = folder / f"search-{n}.sqlite"
    with Store("sqlite:///" + str(path)) as store:
        event, delegates = populate(store, n, n, rng)
        fill_search_text(store)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    qs = queries(delegates, rng, n_queries)
    with Store("sqlite:///" + str(path)) as store:  # opened afresh, as at start-up
        first_ms, _ = timed(search_sql, store, event.id, qs[0], LIMIT)
        build_ms, index = timed(SearchIndex.build, store, event.id)
        scan_ms = [full_scan_ms(store, w) for w in ("zzzq", "xqj", "qqq", "jjjx", "wvq")]
        times, agree, comparable = [], 0, 0
        for q in qs:
            ms, hits = timed(search_sql, store, event.id, q, LIMIT)
            times.append(ms)
            best = index.search(q, LIMIT)
            if best and best[0].score >= 60:  # typos (below 60) wait for the index
                comparable += 1
                agree += bool(hits) and hits[0].delegate.id == best[0].delegate.id
    baseline = statistics.median(scan_ms)
    ready = index_ready(path, event.id, folder)
    return {
        "delegates": n,
        "index_ready": ready,
        "index_build_s": round(build_ms / 1000, 3),
        "first_answer_ms": round(first_ms, 1),
        "sql_p50_ms": round(pct(times, 50), 2),
        "sql_p99_ms": round(pct(times, 99), 2),
        "sql_max_ms": round(max(times), 2),
        "baseline_full_like_scan_ms": round(baseline, 2),
        "sql_p99_vs_full_scan": round(pct(times, 99) / baseline, 2),
        "queries": len(qs),
        "agrees_with_index": round(agree / max(comparable, 1), 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--out", type=Path, default=HERE / "results-search-start.json")
    args = ap.parse_args(argv)
    results = []
    load_start = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            row = one_size(int(size), args.queries, Path(tmp))
            results.append(row)
            print(json.dumps(row), file=sys.stderr)
    out = {
        "about": " ".join(__doc__.split("\n\n")[2:5]).replace("\n", " "),
        "note": "2 shared cores, loaded by other work during the run: compare ratios.",
        "load_average_1min": [load_start, round(os.getloadavg()[0], 2)],
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "results": results,
    }
    args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
