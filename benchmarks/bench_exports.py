"""Exports, import and the dashboard's two long lists at several sizes, as JSON.

    python benchmarks/bench_exports.py [--sizes 1000,10000,50000] [--out FILE]
    CHECKIN_ROOT=/tmp/base18 python benchmarks/bench_exports.py   # an older checkout

For each size N, on a SQLite file built as ``bench_dashboard`` builds it (N delegates, a
journal of 4N scans written directly, projections rebuilt):

* exports, each a whole ``checkin.core.dashboard.export.export`` call as ``checkin
  export`` makes it (read, format, write): ``csv``, ``xlsx``, ``report`` (the donors'
  PDF) and ``sign-in`` (the paper sheet PDF);
* baselines in the same process: the same cells written by a plain ``csv.writer`` and
  by a plain ``openpyxl`` write-only workbook, and one reportlab canvas string per
  delegate (the floor of any sheet that prints every name); ``*_vs_plain`` ratios;
* import: ``import_roster`` of a CSV of N people into an empty event (read, map,
  validate, plan, apply), against a baseline reading the same file with ``csv`` and
  inserting its rows with ``sqlite3.executemany`` into a table of the same columns;
* queries: a session's attendees (``presence.session_attendees``, the dashboard's
  attendance tab) and the call list (``snapshot`` reading who has not arrived, the
  call-list tab), median of 5 after a warm-up.

Timings are wall-clock on a 2-core machine shared with other jobs: compare the ratios.
Each export's and the import's CPU time in this process (``*_cpu_s``) swings far less
with the load than wall time; the load average is recorded before each size
(``load_1m``).  ``--label``/``--merge`` keep several runs in one file (``before`` from an
older checkout via ``CHECKIN_ROOT``, ``after`` from this one).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("CHECKIN_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from bench_core import machine, report, write_roster  # noqa: E402
from bench_dashboard import build  # noqa: E402

from checkin.core.dashboard import snapshot  # noqa: E402
from checkin.core.dashboard.attendance import attendance_table  # noqa: E402
from checkin.core.dashboard.export import export  # noqa: E402
from checkin.core.db.store import Store  # noqa: E402
from checkin.core.desk import presence  # noqa: E402
from checkin.core.event.definition import load_event_file, save_event  # noqa: E402
from checkin.core.resources import resource  # noqa: E402
from checkin.core.roster.apply import import_roster  # noqa: E402


def timed(fn, *args, **kwargs) -> float:
    t = time.perf_counter()
    fn(*args, **kwargs)
    return round(time.perf_counter() - t, 3)


def timed_cpu(fn, *args, **kwargs) -> tuple[float, float]:
    """(wall s, CPU s of this process) of one call."""
    t, cpu = time.perf_counter(), time.process_time()
    fn(*args, **kwargs)
    return round(time.perf_counter() - t, 3), round(time.process_time() - cpu, 3)


def median_ms(fn, runs: int = 5) -> float:
    fn()
    return round(statistics.median(timed(fn) for _ in range(runs)) * 1000, 1)


def plain_csv(cells: list[list[str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(cells)


def plain_xlsx(cells: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet")
    for row in cells:
        ws.append(row)
    wb.save(path)


def plain_canvas(cells: list[list[str]], path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4)
    y = 800
    for row in cells:
        c.drawString(40, y, f"{row[2]}, {row[1]} - {row[3]}")
        y -= 16
        if y < 60:
            c.showPage()
            y = 800
    c.save()


def bench_exports(store: Store, event, tmp: Path) -> dict:
    out: dict = {}
    cells = list(attendance_table(store, event).cells())
    for name, fn, suffix in (("plain_csv", plain_csv, "csv"), ("plain_xlsx", plain_xlsx, "xlsx"),
                             ("plain_canvas", plain_canvas, "pdf")):
        out[f"{name}_s"], out[f"{name}_cpu_s"] = timed_cpu(fn, cells, tmp / f"{name}.{suffix}")
    for kind, suffix in (("csv", "csv"), ("xlsx", "xlsx"), ("report", "pdf"),
                         ("sign-in", "pdf")):
        out[f"export_{kind}_s"], out[f"export_{kind}_cpu_s"] = timed_cpu(
            export, store, event, tmp / f"e-{kind}.{suffix}", kind=kind
        )
    out["csv_vs_plain"] = round(out["export_csv_s"] / max(out["plain_csv_s"], 1e-3), 2)
    out["xlsx_vs_plain"] = round(out["export_xlsx_s"] / max(out["plain_xlsx_s"], 1e-3), 2)
    out["sign_in_vs_plain_canvas"] = round(
        out["export_sign-in_s"] / max(out["plain_canvas_s"], 1e-3), 2
    )
    for kind, plain in (("csv", "plain_csv"), ("sign-in", "plain_canvas")):
        out[f"{kind}_vs_plain_cpu"] = round(
            out[f"export_{kind}_cpu_s"] / max(out[f"{plain}_cpu_s"], 1e-3), 2
        )
    return out


def plain_import(roster: Path, db: Path) -> None:
    with roster.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    conn = sqlite3.connect(db)
    width = len(rows[0])
    conn.execute(f"CREATE TABLE people ({', '.join(f'c{i} TEXT' for i in range(width))})")
    with conn:
        conn.executemany(f"INSERT INTO people VALUES ({', '.join('?' * width)})", rows[1:])
    conn.close()


def bench_import(n: int, tmp: Path) -> dict:
    roster = tmp / f"roster-{n}.csv"
    write_roster(roster, n, random.Random(f"bench_desk-{n}"))
    store = Store("sqlite:///" + str(tmp / f"import-{n}.sqlite"))
    event = save_event(store, load_event_file(resource("demo", "event.toml")))
    t, cpu = time.perf_counter(), time.process_time()
    result = import_roster(store, event, roster)
    took, took_cpu = round(time.perf_counter() - t, 3), round(time.process_time() - cpu, 3)
    store.close()
    assert len(result.new) == n, result.problems[:3]
    plain, plain_cpu = timed_cpu(plain_import, roster, tmp / f"plain-{n}.sqlite")
    return {"import_s": took, "plain_import_s": plain,
            "import_vs_plain": round(took / max(plain, 1e-3), 2),
            "import_cpu_s": took_cpu, "plain_import_cpu_s": plain_cpu,
            "import_vs_plain_cpu": round(took_cpu / max(plain_cpu, 1e-3), 2)}


def call_list(store: Store, event) -> None:
    """The call-list tab's read: everyone registered and not arrived, as its rows."""
    sql = snapshot._dashboard_statements()
    params = {"event_id": event.id}
    with store.read() as s:
        rows = s.connection().execute(sql.missing, params).all()
    assert len([snapshot._person(r) for r in rows]) > 0


def bench_size(n: int, tmp: Path) -> dict:
    store, event, scans = build(tmp / f"exports-{n}.sqlite", n, random.Random(n))
    result: dict = {"delegates": n, "scans": scans, "load_1m": round(os.getloadavg()[0], 2)}
    result["attendees_ms"] = median_ms(
        lambda: presence.session_attendees(store, event, "financing")
    )
    result["call_list_ms"] = median_ms(lambda: call_list(store, event))
    result.update(bench_exports(store, event, tmp))
    store.close()
    result.update(bench_import(n, tmp))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--label", help="keep the results under this key of --out")
    args = parser.parse_args()
    import openpyxl  # noqa: F401  (imports outside the timings)
    import reportlab.pdfgen.canvas  # noqa: F401

    with tempfile.TemporaryDirectory() as tmp:
        results = [bench_size(int(n), Path(tmp)) for n in args.sizes.split(",")]
    t = time.perf_counter()
    sum(range(10**7))  # the machine's load: about 0.15 s on an idle core
    doc = {
        "machine": machine(cpu_calibration_sum_1e7_s=round(time.perf_counter() - t, 3)),
        "code": str(ROOT),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "results": results,
    }
    if args.label and args.out:  # merged into the file under its label
        merged = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        merged[args.label] = doc
        args.out.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
        return report(doc, None)
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
