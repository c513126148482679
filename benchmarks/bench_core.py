"""Core figures at several roster sizes, printed as JSON (and saved with --out).

For each size N (default 1k, 10k, 50k delegates) on a fresh SQLite file:

* import: a synthetic N-row CSV (accents, several scripts) into an empty event;
* scan: per-scan latency through ``CheckinService.scan`` — one transaction and one
  fsync per scan, as at a desk — and throughput of ``checkin scan -`` (a child process
  replaying a log through the real entry point);
* search: per-query latency with the index built, over names with typos;
* stats: ``compute_stats`` with 2 scans per delegate in the journal (100k at 50k).

Baselines, run in the same process, so ratios survive a slower or faster machine:
``csv_parse`` (csv.reader over the same file), ``sqlite_commit`` (a bare sqlite3
INSERT + COMMIT with the same pragmas: the fsync floor of a scan), ``count_scans``
(SELECT count(*) over the journal).

Targets on the 2-core reference machine, at 50k delegates and 100k scans: import under
3 s, scan p99 under 5 ms, search p99 under 30 ms, stats under 100 ms.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from checkin.core.dashboard.stats import compute_stats
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.desk.search import SearchIndex
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.resources import resource
from checkin.core.roster.apply import import_roster
from checkin.core.roster.delegates import list_delegates
from checkin.core.text import fold

FIRST = ["Łukasz", "Amélie", "Søren", "Ayşegül", "Nguyễn", "Zoë", "Jean-Baptiste", "María",
         "Olexandra", "Mohammed", "Siobhán", "Björn", "Chiara", "Fatou", "Ingrid", "Tariq",
         "Νικόλαος", "Олександра", "محمد", "Kwame", "Priya", "Hiroshi", "Ana", "Yiğit"]
LAST = ["Wróblewski", "Fontaine", "Kjærgaard", "Doğan", "Trần", "Lefèvre-Dubois", "Okafor",
        "García Márquez", "Levchuk", "Al-Rawashdeh", "O'Connor", "Strauß", "Bernasconi",
        "Diop", "Ødegård", "Mahmood", "Παπαδόπουλος", "Коваленко", "العمري", "Mensah",
        "Raman", "Tanaka", "Silva", "Kılıç", "van den Heuvel", "de la Cruz"]
ORGS = ["IOM", "ICVA", "Danish Refugee Council", "Norwegian Refugee Council", "Caritas",
        "Save the Children", "Jesuit Refugee Service", "World Vision International",
        "Médecins Sans Frontières", "Première Urgence Internationale", "HIAS", "Oxfam"]
COUNTRIES = ["CH", "FR", "US", "GB", "KE", "JO", "LB", "TR", "BD", "PH", "CO", "SN", "DE",
             "Suisse", "Liban", "Kenya", "Philippines"]
CATEGORIES = ["participant"] * 8 + ["speaker", "iom", "press", "organiser"]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def machine(**extra: object) -> dict:
    """What the figures were measured on (the benchmarks' JSON ``machine``)."""
    return {"python": sys.version.split()[0], "platform": sys.platform, **extra}


def report(doc: dict, out: Path | None) -> int:
    """Print the figures as JSON, and save them to ``out`` when given; the exit status."""
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    print(text)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
    return 0


SYLLABLES = ["ka", "lo", "mé", "ri", "san", "to", "vo", "ber", "dan", "el", "fa", "gü",
             "ha", "ja", "ko", "lin", "mar", "ne", "ø", "pa", "qu", "ros", "ši", "tan", "u",
             "va", "wi", "xa", "yé", "zu", "ł", "ng", "al-", "de ", "van "]


def surname(rng: random.Random) -> str:
    """A plausible, varied family name: a vocabulary as large as a real 50k roster's."""
    if rng.random() < 0.3:
        return rng.choice(LAST)
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).strip()
    return word[:1].upper() + word[1:]


def write_roster(path: Path, n: int, rng: random.Random) -> list[tuple[str, str]]:
    names, seen = [], set()
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["reference", "first_name", "last_name", "organisation", "country",
                    "email", "category"])
        for i in range(1, n + 1):
            first, last = rng.choice(FIRST), surname(rng)
            # The importer rightly refuses duplicate people (names compared folded).
            while (fold(first), fold(last)) in seen:
                first, last = rng.choice(FIRST), surname(rng)
            seen.add((fold(first), fold(last)))
            names.append((first, last))
            w.writerow([f"REF-{i:06d}", first, last, rng.choice(ORGS), rng.choice(COUNTRIES),
                        f"delegate{i}@example.org", rng.choice(CATEGORIES)])
    return names


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def bare_commit_ms(path: Path, n: int = 500) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (a TEXT)")
    times = []
    for i in range(n):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (str(i),))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t)
    conn.close()
    return ms(statistics.median(times))


def bench_size(n: int, workdir: Path, rng: random.Random, scans_per_delegate: int = 2) -> dict:
    db = workdir / f"bench-{n}.sqlite"
    csv_path = workdir / f"roster-{n}.csv"
    names = write_roster(csv_path, n, rng)
    result: dict = {"delegates": n}

    t = time.perf_counter()
    with csv_path.open(encoding="utf-8", newline="") as f:
        rows = sum(1 for _ in csv.reader(f))
    result["baseline_csv_parse_s"] = round(time.perf_counter() - t, 4)
    assert rows == n + 1

    store = Store("sqlite:///" + str(db))
    event = save_event(store, load_event_file(resource("demo", "event.toml")))
    t = time.perf_counter()
    report = import_roster(store, event, csv_path)
    result["import_s"] = round(time.perf_counter() - t, 3)
    assert len(report.new) == n, report.problems[:3]
    t = time.perf_counter()
    again = import_roster(store, event, csv_path)
    result["reimport_unchanged_s"] = round(time.perf_counter() - t, 3)
    assert again.unchanged_count == n

    codes = [e.code for e in list_delegates(store, event)]
    desk = CheckinService(store, event, station="bench")
    sample = rng.sample(codes, min(2000, n))
    lat = []
    for code in sample:
        t = time.perf_counter()
        desk.scan(code)
        lat.append(time.perf_counter() - t)
    result["scan_ms_median"] = ms(statistics.median(lat))
    result["scan_ms_p99"] = ms(pct(lat, 0.99))
    result["baseline_sqlite_commit_ms"] = bare_commit_ms(workdir / f"bare-{n}.sqlite")
    result["scan_vs_bare_commit"] = round(
        result["scan_ms_median"] / result["baseline_sqlite_commit_ms"], 2
    )

    replay = [rng.choice(codes) for _ in range(min(5000, 2 * n))]
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "checkin", "--db", str(db), "scan", "-", "--json"],
        input="\n".join(replay) + "\n", capture_output=True, text=True, encoding="utf-8",
    )
    elapsed = time.perf_counter() - t
    assert proc.stdout.count("\n") == len(replay), proc.stderr[-500:]
    result["scan_stdin_per_s_incl_startup"] = round(len(replay) / elapsed)

    # Fill the journal to scans_per_delegate * n rows (fast, direct), then time stats.
    with store.write() as s:
        have = s.query(m.Scan).count()
        ids = [row[0] for row in s.query(m.Delegate.id).all()]
        start = dt.datetime.combine(event.date, dt.time(7, 30))
        batch = []
        for _ in range(max(0, scans_per_delegate * n - have)):
            batch.append({
                "uuid": str(uuid.uuid4()), "event_id": event.id,
                "delegate_id": rng.choice(ids),
                "session_id": rng.choice([None, event.sessions[1].id, event.sessions[2].id]),
                "action": "entry", "source": "scanner",
                "outcome": rng.choice(["admitted", "admitted", "already_admitted"]),
                "code": "", "station": "bench", "operator": "",
                "created_at": start + dt.timedelta(seconds=rng.randrange(9 * 3600)),
                "undoes_id": None,
            })
        if batch:
            s.execute(insert(m.Scan), batch)
            journal.rebuild(s, event.id)  # the projections the engine would have kept
    with store.read() as s:
        result["journal_rows"] = s.query(m.Scan).count()

    st_times = []
    for _ in range(7):
        t = time.perf_counter()
        stats = compute_stats(store, event)
        st_times.append(time.perf_counter() - t)
    assert stats.registered == n
    result["stats_ms_median"] = ms(statistics.median(st_times))
    with store.engine.connect() as conn:
        t = time.perf_counter()
        conn.exec_driver_sql("SELECT count(*) FROM scans").scalar()
        result["baseline_count_scans_ms"] = ms(time.perf_counter() - t)

    t = time.perf_counter()
    index = SearchIndex.build(store, event.id)
    result["search_index_build_ms"] = ms(time.perf_counter() - t)
    queries = []
    for first, last in rng.sample(names, min(300, n)):
        word = last.split()[0]
        queries += [first.lower()[:3], typo(word, rng), f"{first} {word}"]
    q_times = []
    for q in queries:
        t = time.perf_counter()
        index.search(q, limit=20)
        q_times.append(time.perf_counter() - t)
    result["search_ms_median"] = ms(statistics.median(q_times))
    result["search_ms_p99"] = ms(pct(q_times, 0.99))
    store.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    rng = random.Random(20261128)
    with tempfile.TemporaryDirectory() as tmp:
        results = [bench_size(int(n), Path(tmp), rng) for n in args.sizes.split(",")]
    doc = {
        "machine": machine(),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "results": results,
    }
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
