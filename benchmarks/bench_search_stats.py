"""Time delegate search and headcount statistics on a large synthetic event.

    python benchmarks/bench_search_stats.py [--delegates 50000] [--scans 100000]
                                            [--what all|search|stats]

Fills a real SQLite file in a temporary directory, then prints JSON: the search index's
build time and search latency percentiles over a mix of desk queries (full names, a last
name typed letter by letter, "mar sch" prefixes, typos, references, e-mails, junk), and
compute_stats times on copies of the file: as created, after ANALYZE, and with the
covering index suggested for the scans table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select

from checkin.core.dashboard.stats import compute_stats
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.search import SearchIndex
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import current_event


def words(text: str) -> list[str]:
    return text.split()


FIRST = words(
    "Maria Łukasz Jürgen Amélie Nguyễn Thị José Ana Anna Hannah Ahmed محمد Fatima فاطمة "
    "Olga Søren Zoë Chloé François Björn Ingrid Kwame Amina Chen Wei Hiroshi Priya Rahul "
    "Jean-Pierre Marie-Claire Seán Siobhán Ewa Małgorzata Dragan Milica Ayşe Mehmet Emre "
    "Leila Omar Yusuf Aisha Grace John Peter Paul Sarah Laura Elena Sofia Lucía Diego "
    "Mateo Camille Léa Noé Tomás João Gonçalo Inês Bongani Thandiwe Chidi Ngozi Alejandro"
)
LAST = words(
    "Schmidt Müller González Nguyễn Kowalski Wiśniewski Dubois Lefèvre García Fernández "
    "Rossi Bianchi Jensen Sørensen O'Brien Ó Súilleabháin Papadopoulos Yılmaz Öztürk "
    "Novák Dvořák Horváth Nagy Ivanović Petrović Haddad الحسن Khan Patel Singh Okafor "
    "Mensah Dlamini Tanaka Suzuki Kim Park Li Wang Zhang Silva Santos Pereira Costa Weiß "
    "Straße Núñez Ibáñez Martínez López Rodríguez Hernández Smith Johnson Brown Taylor"
)
ORG_WORDS = words(
    "Red Cross Crescent Refugee Council Relief Action Aid Mission Health Rights Watch "
    "Foundation Alliance Network Humanitarian Médecins Sans Frontières Caritas Save Children "
    "Migration Solidarité Entraide Hilfswerk Initiative Forum Women Youth Development"
)
COUNTRIES = words("CH FR DE IT ES PT GB IE NL BE PL CZ HU RS GR TR EG JO LB SN NG GH KE ZA IN PK")
CATEGORIES = ("participant", "speaker", "press", "staff")

EVENT = {
    "event": {
        "name": "Benchmark",
        "date": "2026-11-28",
        "timezone": "Europe/Zurich",
        "registration_opens": "08:30",
    },
    "categories": [{"key": k} for k in CATEGORIES],
    "sessions": [
        {"key": "opening", "title": "Opening", "start": "09:30", "end": "10:00"},
        {"key": "panel", "title": "Panel", "start": "10:00", "end": "11:15"},
        {"key": "lunch", "title": "Lunch", "start": "12:45", "end": "14:00", "attendance": False},
        {"key": "closing", "title": "Closing", "start": "16:30", "end": "17:30"},
    ],
}


def populate(store: Store, n_delegates: int, n_scans: int, rng: random.Random):
    event = save_event(store, parse_event(EVENT, source="bench"))
    now = dt.datetime(2026, 11, 1)
    # Organisations with a home country most of their delegates come from.
    orgs = [
        (" ".join(rng.sample(ORG_WORDS, rng.randint(2, 4))), rng.choice(COUNTRIES))
        for _ in range(max(50, n_delegates // 100))
    ]
    delegates = []
    for i in range(1, n_delegates + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if rng.random() < 0.3:
            last = f"{last}-{rng.choice(LAST)}"
        org, home = rng.choice(orgs)
        delegates.append(
            {
                "event_id": event.id,
                "number": i,
                "reference": f"REF-{i:06d}",
                "first_name": first,
                "last_name": last,
                "organisation": org,
                "country": home if rng.random() < 0.85 else rng.choice(COUNTRIES),
                "email": f"d{i}@example.org",
                "category": rng.choice(CATEGORIES),
                "status": "cancelled" if rng.random() < 0.04 else "registered",
                "search_text": "",
                "created_at": now,
                "updated_at": now,
            }
        )
    with store.write() as s:
        s.execute(insert(m.Delegate), delegates)
    with store.read() as s:
        ids = list(s.scalars(select(m.Delegate.id).order_by(m.Delegate.id)))
    sessions = [x.id for x in event.sessions if x.attendance]
    day = dt.datetime(2026, 11, 28, 7, 15)
    scans: list[dict] = []
    next_id = 1

    def add(
        delegate_id,
        outcome,
        *,
        session=None,
        action="entry",
        source="scanner",
        undoes=None,
        at=None,
    ):
        nonlocal next_id
        scans.append(
            {
                "id": next_id,
                "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "event_id": event.id,
                "delegate_id": delegate_id,
                "session_id": session,
                "action": action,
                "source": source,
                "outcome": outcome,
                "code": "",
                "station": "desk-1",
                "operator": "bench",
                "created_at": at or day + dt.timedelta(seconds=rng.uniform(0, 8 * 3600)),
                "undoes_id": undoes,
            }
        )
        next_id += 1
        return next_id - 1

    arrived = rng.sample(ids, int(len(ids) * 0.9))
    for did in arrived:
        source = "walk-in" if rng.random() < 0.02 else "scanner"
        sid = add(did, "admitted", source=source)
        if rng.random() < 0.03:
            add(did, "undone", action="undo", undoes=sid)
            if rng.random() < 0.7:
                add(did, "admitted")
    while len(scans) < n_scans:
        r = rng.random()
        did = rng.choice(arrived)
        if r < 0.85:
            add(did, "admitted", session=rng.choice(sessions))
        elif r < 0.95:
            add(did, "already_admitted")
        else:
            add(
                rng.choice([*ids, None]),
                rng.choice(["revoked", "cancelled", "wrong_event", "invalid"]),
            )
    with store.write() as s:
        s.execute(insert(m.Scan), scans)
    return event, delegates


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + rng.choice("aeiouklmnrst") + word[i + 1 :]


def queries(delegates: list[dict], rng: random.Random, n: int) -> list[str]:
    out = []
    while len(out) < n:
        d = rng.choice(delegates)
        first, last = d["first_name"], d["last_name"]
        kind = rng.randrange(9)
        if kind == 0:
            out.append(f"{first} {last}")
        elif kind == 1:
            out.extend(last[:k] for k in range(1, min(len(last), 6) + 1))  # typing
        elif kind == 2:
            out.append(f"{first[:3]} {last[:3]}")
        elif kind == 3:
            out.append(typo(last, rng))
        elif kind == 4:
            out.append(f"{typo(first, rng)} {typo(last, rng)}")
        elif kind == 5:
            out.append(d["reference"].lower())
        elif kind == 6:
            out.append(d["email"])
        elif kind == 7:
            out.append(
                "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randint(3, 9)))
            )
        else:
            out.append(d["organisation"].split()[0][:4] + " " + first[:2])
    return out[:n]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


# The index suggested for compute_stats (not in models.py): the admitted rows of an event,
# grouped by delegate, read from the index alone.
COVERING_INDEX = (
    "CREATE INDEX ix_scans_event_outcome ON scans "
    "(event_id, outcome, action, delegate_id, created_at, session_id, source)"
)
STATS_VARIANTS = {
    "schema_as_is": [],
    "analyze": ["ANALYZE"],
    "covering_index_analyze": [COVERING_INDEX, "ANALYZE"],
}


def bench_search(store: Store, event_id: int, delegates: list[dict], n: int, rng) -> dict:
    t0 = time.perf_counter()
    index = SearchIndex.build(store, event_id)
    build_s = time.perf_counter() - t0
    qs = queries(delegates, rng, n)
    for q in qs[:50]:  # warm-up
        index.search(q)
    times, empty = [], 0
    for q in qs:
        t0 = time.perf_counter()
        hits = index.search(q)
        times.append((time.perf_counter() - t0) * 1000)
        empty += not hits
    slowest = sorted(zip(times, qs, strict=True), reverse=True)[:5]
    return {
        "index_build_s": round(build_s, 3),
        "queries": len(qs),
        "no_hit_queries": empty,
        "p50_ms": round(pct(times, 50), 2),
        "p90_ms": round(pct(times, 90), 2),
        "p99_ms": round(pct(times, 99), 2),
        "max_ms": round(max(times), 2),
        "slowest": [[round(t, 2), q] for t, q in slowest],
    }


def bench_stats(base: Path, workdir: Path, runs: int) -> dict:
    """compute_stats on copies of the database: as created, after ANALYZE, with the
    suggested covering index (a cold first call, then ``runs`` warm ones)."""
    out = {}
    for name, statements in STATS_VARIANTS.items():
        copy = workdir / f"{name}.sqlite"
        shutil.copyfile(base, copy)
        with sqlite3.connect(copy) as conn:
            for sql in statements:
                conn.execute(sql)
        with Store("sqlite:///" + str(copy)) as store:
            event = current_event(store)
            t0 = time.perf_counter()
            stats = compute_stats(store, event)
            first_ms = (time.perf_counter() - t0) * 1000
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                compute_stats(store, event)
                times.append((time.perf_counter() - t0) * 1000)
        out[name] = {
            "first_ms": round(first_ms, 1),
            "median_ms": round(statistics.median(times), 1),
            "max_ms": round(max(times), 1),
        }
    out["figures"] = {
        "registered": stats.registered,
        "arrived": stats.arrived,
        "cancelled": stats.cancelled,
        "walk_ins": stats.walk_ins,
        "refused_scans": stats.refused_scans,
        "duplicate_scans": stats.duplicate_scans,
        "buckets": len(stats.arrivals),
        "organisations": len(stats.by_organisation),
    }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delegates", type=int, default=50_000)
    ap.add_argument("--scans", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=2_000)
    ap.add_argument("--runs", type=int, default=10, help="compute_stats calls per variant")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--what", choices=("all", "search", "stats"), default="all")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    result: dict = {"delegates": args.delegates, "scans": args.scans}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "bench.sqlite"
        with Store("sqlite:///" + str(base)) as store:
            t0 = time.perf_counter()
            event, delegates = populate(store, args.delegates, args.scans, rng)
            result["populate_s"] = round(time.perf_counter() - t0, 2)
            if args.what in ("all", "search"):
                result["search"] = bench_search(store, event.id, delegates, args.queries, rng)
            with store.engine.connect() as conn:  # everything into the main file, to copy it
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        if args.what in ("all", "stats"):
            result["stats"] = bench_stats(base, Path(tmp), args.runs)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
