"""Roster import at several sizes against a plain read-and-insert baseline, as JSON.

    python benchmarks/bench_import.py [--sizes 1000,10000,50000] [--repeat 3] [--pg]
        [--label after] [--out benchmarks/results-import.json]

For each size N a synthetic N-row CSV (``bench_core.write_roster``: accents, Greek,
Cyrillic and Arabic names, countries by code and by name) goes through:

* ``baseline``: a plain ``csv.reader`` over the file, then one driver ``executemany``
  of the same rows into the delegates table of a fresh database (its indexes
  included; no validation, no matching): the floor for a file's rows to reach the table;
* ``import``: ``import_roster`` into a fresh event (every row new);
* ``reimport``: the same file again (every row matched, nothing changed);
* ``cli``: the whole command a user runs, ``python -m checkin --db X import FILE`` in a
  new process (start-up, imports, the import, closing the database), into a fresh
  database holding the event; its CPU time is the child process's.

Runs are interleaved (baseline, import, reimport) ``--repeat`` times and the medians
kept, in wall time and in this process's CPU time.  On a machine shared with other jobs
wall time swings with the load and CPU time far less, so the ratios to the baseline are
given on both.  ``--pg`` repeats it all on a throwaway PostgreSQL server
(``tests/pg.py``; CPU time is then this process's only, not the server's).

To compare with older code, run the same script with the older tree first on the path,
``PYTHONPATH=/tmp/old python benchmarks/bench_import.py --label before --out ...``: the
results are merged into ``--out`` under ``--label``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource as rusage
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))  # checkin, unless on PYTHONPATH

from bench_core import machine, write_roster

from checkin.core.db.store import Store
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.resources import resource
from checkin.core.roster.apply import import_roster

COLUMNS = ("event_id", "number", "reference", "first_name", "last_name", "organisation",
           "country", "email", "category", "note", "status", "badge_version", "search_text",
           "created_at", "updated_at")  # fmt: skip
NOW = dt.datetime(2026, 3, 2, 8, 0)


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall s, CPU s of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def fresh(url_maker: Callable[[], str]):
    store = Store(url_maker())
    return store, save_event(store, load_event_file(resource("demo", "event.toml")))


def baseline(store: Store, event_id: int, path: Path) -> None:
    """csv.reader, then one executemany of the same rows through the bare driver."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    sqlite = store.engine.dialect.name == "sqlite"
    now = NOW.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else NOW
    values = [
        (event_id, i, ref, first, last, org, country[:2], email, cat, "", "registered", 1, "",
         now, now)
        for i, (ref, first, last, org, country, email, cat) in enumerate(rows, 1)
    ]  # fmt: skip
    mark = "?" if sqlite else "%s"
    sql = (f"INSERT INTO delegates ({', '.join(COLUMNS)}) "
           f"VALUES ({', '.join(mark for _ in COLUMNS)})")  # fmt: skip
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if sqlite:
            cursor.execute("BEGIN IMMEDIATE")
        cursor.executemany(sql, values)
        raw.commit() if not sqlite else cursor.execute("COMMIT")
    finally:
        raw.close()


CHECKIN_ROOT = Path(__import__("checkin").__file__).resolve().parent.parent


def cli(url_maker: Callable[[], str], path: Path) -> tuple[float, float]:
    """(wall s, CPU s of the child) of ``python -m checkin --db URL import FILE``."""
    store, _event = fresh(url_maker)
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    env = {**os.environ, "PYTHONPATH": str(CHECKIN_ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules kept
    command = [sys.executable, "-m", "checkin", "--db", url, "import", str(path)]
    before = rusage.getrusage(rusage.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - wall
    after = rusage.getrusage(rusage.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def one_run(url_maker: Callable[[], str], path: Path, n: int) -> dict[str, tuple[float, float]]:
    """One baseline, one import and one re-import of ``path``, each in a fresh database,
    then the whole command in a new process."""
    store, event = fresh(url_maker)
    times = {"baseline": timed(lambda: baseline(store, event.id, path))}
    store.close()
    store, event = fresh(url_maker)
    reports: list = []
    for name in ("import", "reimport"):
        times[name] = timed(lambda: reports.append(import_roster(store, event, path)))
    store.close()
    first, again = reports
    assert len(first.new) == n, first.problems[:3]
    assert again.unchanged_count == n and not again.updated, again.problems[:3]
    times["cli"] = cli(url_maker, path)
    return times


def one_size(n: int, workdir: Path, url_maker: Callable[[], str], repeat: int) -> dict:
    path = workdir / f"roster-{n}.csv"
    if not path.exists():
        write_roster(path, n, random.Random(n))
    runs = [one_run(url_maker, path, n) for _ in range(repeat)]
    result: dict = {"rows": n}
    for name in ("baseline", "import", "reimport", "cli"):
        result[f"{name}_wall_s"] = round(statistics.median(r[name][0] for r in runs), 3)
        result[f"{name}_cpu_s"] = round(statistics.median(r[name][1] for r in runs), 3)
    for name in ("import", "reimport", "cli"):
        for kind in ("wall", "cpu"):
            result[f"{name}_vs_baseline_{kind}"] = round(
                result[f"{name}_{kind}_s"] / result[f"baseline_{kind}_s"], 2
            )
    return result


def run(sizes: list[int], repeat: int, pg: bool) -> dict:
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        counter = iter(range(10**6))

        def sqlite_url() -> str:
            return f"sqlite:///{folder / f'db-{next(counter)}.sqlite'}"

        # Warm-up, not timed: the country names table and the modules an import loads
        # once per process.
        one_size(50, folder, sqlite_url, 1)
        results["sqlite"] = [one_size(n, folder, sqlite_url, repeat) for n in sizes]
        if pg:
            from tests import pg as pg_server

            admin = stack.enter_context(pg_server.server())
            results["postgresql"] = [
                one_size(n, folder, lambda: pg_server.fresh_database(admin), repeat)
                for n in sizes
            ]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg", action="store_true", help="also on a PostgreSQL server")
    parser.add_argument("--label", default="after", help="the key the results go under")
    parser.add_argument("--out", type=Path, help="merge the JSON into this file")
    args = parser.parse_args()
    load_before = os.getloadavg()
    results = run([int(n) for n in args.sizes.split(",")], args.repeat, args.pg)
    doc = {
        "machine": machine(
            cpus=os.cpu_count(),
            load_average_before=load_before,
            load_average_after=os.getloadavg(),
        ),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "results": results,
    }
    print(json.dumps(doc, indent=2, ensure_ascii=False))
    if args.out:
        merged = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        merged[args.label] = doc
        args.out.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
