"""Time the real app from process start to its first painted window, under Xvfb.

    python benchmarks/bench_startup.py [--sizes demo,1000,10000,50000] [--runs 7]
                                       [--tree [LABEL=]PATH]... [--out FILE] [--key NAME]
                                       [--instructions]

Starts one Xvfb, then for each database (the demo event, and synthetic events of 1k,
10k and 50k delegates with two scans each, filled by ``bench_search_stats.populate``)
launches ``python -m checkin --db FILE`` with ``CHECKIN_REPORT_FIRST_PAINT=exit``: the app
writes the monotonic time of its first painted frame to stderr and quits
(``checkin/ui/first_paint.py``).  The figure is that time minus the monotonic time read
just before the process was started: interpreter start, imports, building the window,
the first frame.  The usual start paints the Desk from the event kept at the previous
start and opens the database after the frame (``checkin/ui/launch.py``; the warm-up
launch keeps it); "(database first)" is the same app with ``CHECKIN_QUICK_START=0``,
opening the database before painting, as every start did before and as the first
start on a new database still does.

The baseline, in the same run and alternating with the app so both see the same load:
a bare PySide6 window (a ``QMainWindow`` with a label) timed the same way.  The ratio
app/bare is the figure to compare across machines.  Each run also records the CPU time
(user + system) of the whole process, to its exit right after the first paint: on a
loaded machine the wall clock mostly measures the wait for a core, the CPU time what
the start-up itself costs (``cpu_ratio_to_bare_median``).  ``ratio_to_bare_paired_median``
divides each run by the bare window's run just before it.  ``--instructions`` also runs
each start once under valgrind's callgrind and records the instructions executed up to
the exit after the first paint (``instructions``): a count that no load changes.

``--tree`` (repeatable) runs other checkouts too, e.g. ``--tree before=/tmp/base
--tree after=.`` after ``git worktree add /tmp/base <commit>`` (the older tree needs
``checkin/ui/first_paint.py`` and a ``watch(window)`` before ``window.show()`` in
``app.main``).  The trees' runs are interleaved with the bare window's, so all see the
same load.  Results are merged into ``--out`` by label (other labels are kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKER = "checkin-first-paint-ms"

BARE = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.done)
        return False

    def done(self):
        sys.stderr.write("{MARKER} %.3f\\n" % (time.monotonic() * 1000))
        sys.stderr.flush()
        QApplication.exit(0)

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 740)
window.setCentralWidget(QLabel("bare"))
watch = Watch()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""

POPULATE = """
import random, sys
sys.path.insert(0, "benchmarks")
from bench_search_stats import populate
from checkin.core.db.store import Store
with Store("sqlite:///" + sys.argv[1]) as store:
    populate(store, int(sys.argv[2]), 2 * int(sys.argv[2]), random.Random(7))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
"""


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number.isdigit():
        server.kill()
        raise SystemExit("Xvfb did not report its display")
    return server, f":{number}"


def make_db(tree: Path, folder: Path, size: str) -> Path:
    """The demo event, or ``size`` synthetic delegates, in a fresh SQLite file."""
    path = folder / f"{size}.sqlite"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if size == "demo":
        command = [sys.executable, "-m", "checkin", "--db", str(path), "demo"]
    else:
        command = [sys.executable, "-c", POPULATE, str(path), size]
    subprocess.run(command, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
    return path


def first_paint_ms(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """Milliseconds from starting ``command`` to the first-paint line it writes, and the
    CPU time (user + system) the whole process used, to its exit just after."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    painted = None
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith(MARKER):
                painted = float(line.split()[1])
                break
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if painted is None:
        raise SystemExit(f"no first-paint line from {command}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    return painted - t0 * 1000, cpu * 1000


def summary(values: list[float], cpu: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(values), 1),
        "min_ms": round(min(values), 1),
        "max_ms": round(max(values), 1),
        "runs_ms": [round(v, 1) for v in values],
        "cpu_median_ms": round(statistics.median(cpu), 1),
    }


def measure(trees: dict[str, tuple[Path, Path]], runs: int, env: dict) -> dict:
    """``runs`` starts of each tree's app on its database, interleaved with a bare
    window's (one warm-up each, not counted); per tree: times and ratios to the bare."""
    bare_cmd = [sys.executable, "-c", BARE]
    commands = {}
    for label, (tree, db) in trees.items():
        app_env = {**env, "PYTHONPATH": str(tree), "CHECKIN_REPORT_FIRST_PAINT": "exit"}
        command = [sys.executable, "-m", "checkin", "--db", str(db)]
        commands[label] = (command, tree, app_env)
        # The same app told to open the database before painting (``launch.QUICK_ENV``):
        # what every start cost before the Desk was painted from the kept event, and
        # what the very first start on a database still costs.
        commands[f"{label} (database first)"] = (
            command, tree, {**app_env, "CHECKIN_QUICK_START": "0"})
    first_paint_ms(bare_cmd, HERE, env)  # warm the file cache
    for command, cwd, app_env in commands.values():
        first_paint_ms(command, cwd, app_env)
    # (wall-clock ms, CPU ms) per run: the CPU time is the steadier figure on a loaded
    # machine, where waiting for a core counts in the wall clock.
    bare: list[tuple[float, float]] = []
    apps: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(runs):
        bare.append(first_paint_ms(bare_cmd, HERE, env))
        for label, (command, cwd, app_env) in commands.items():
            apps[label].append(first_paint_ms(command, cwd, app_env))
    bare_ms, bare_cpu = [b for b, _ in bare], [c for _, c in bare]
    out: dict = {"bare_window": summary(bare_ms, bare_cpu)}
    for label, pairs in apps.items():
        times, cpu = [t for t, _ in pairs], [c for _, c in pairs]
        median_cpu = statistics.median(cpu)
        ratios = [a / b for a, b in zip(times, bare_ms, strict=True)]
        out[label] = {
            **summary(times, cpu),
            "ratio_to_bare_median": round(statistics.median(times) / statistics.median(bare_ms), 2),
            # Each run over the bare window's run just before it (the same load): steadier
            # than the ratio of the medians when the load changes during the run.
            "ratio_to_bare_paired_median": round(statistics.median(ratios), 2),
            "cpu_ratio_to_bare_paired_median": round(statistics.median(
                [a / b for a, b in zip(cpu, bare_cpu, strict=True)]), 2),
            "ratio_to_bare_per_run_max": round(max(ratios), 2),
            "cpu_ratio_to_bare_median": round(median_cpu / statistics.median(bare_cpu), 2),
        }
    return out


def instructions(command: list[str], cwd: Path, env: dict) -> int:
    """Machine instructions the process ran, to its exit just after the first paint,
    counted by valgrind's callgrind: the same count whatever the load (a start takes
    20-60 s under it).  The process's own count: a child it forks (D-Bus's autolaunch)
    reports one too, which includes the parent's until the fork."""
    proc = subprocess.Popen(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    _, err = proc.communicate(timeout=900)
    for line in err.splitlines():
        if line.startswith(f"=={proc.pid}== Collected :"):
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"no instruction count from {command}")


def count_instructions(trees: dict[str, tuple[Path, Path]], env: dict) -> dict:
    """One start of the bare window and of each tree's app under callgrind (the usual
    start only): instructions and their ratio to the bare window's."""
    bare = instructions([sys.executable, "-c", BARE], HERE, env)
    out: dict = {"bare_window": bare}
    for label, (tree, db) in trees.items():
        app_env = {**env, "PYTHONPATH": str(tree), "CHECKIN_REPORT_FIRST_PAINT": "exit"}
        count = instructions([sys.executable, "-m", "checkin", "--db", str(db)], tree, app_env)
        out[label] = {"instructions": count, "ratio_to_bare": round(count / bare, 3)}
    return out


def load_avg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="demo,1000,10000,50000")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--tree", action="append", default=[], metavar="[LABEL=]PATH")
    ap.add_argument("--out", type=Path, default=HERE / "results-startup.json")
    ap.add_argument("--key", help="this run's name in --out (default: the trees' labels)")
    ap.add_argument("--instructions", action="store_true",
                    help="also count each start's instructions under valgrind (load-free)")
    args = ap.parse_args(argv)
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed (Debian: apt-get install xvfb)")
    trees = {}
    for spec in args.tree or [f"this={HERE.parent}"]:
        label, _, path = spec.rpartition("=")
        trees[label or Path(path).name] = Path(path).resolve()
    server, display = start_xvfb()
    results = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            home = folder / "home"  # the app's settings, away from the machine's
            home.mkdir()
            env = {
                **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                # Compiled once by the warm-up launch, as an installed app's are by pip
                # or PyInstaller: a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise
                # time the compiling of every module at every start.
                "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
                "HOME": str(home),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_DATA_HOME": str(home / ".local/share"),
            }
            for size in args.sizes.split(","):
                dbs = {}
                for label, tree in trees.items():
                    (folder / label).mkdir(exist_ok=True)
                    dbs[label] = (tree, make_db(tree, folder / label, size))
                loads = load_avg()
                row = {"delegates": size, **measure(dbs, args.runs, env)}
                if args.instructions:
                    row["instructions"] = count_instructions(dbs, env)
                row["load_average_before"] = loads
                row["load_average_after"] = load_avg()
                results.append(row)
                print(json.dumps(row), file=sys.stderr)
    finally:
        server.terminate()
        server.wait(10)
    out = json.loads(args.out.read_text()) if args.out.exists() else {}
    out.setdefault("about", __doc__.split("\n\n")[2].replace("\n", " "))
    out["note"] = (
        "2 shared cores, loaded by other work during the runs (see load_average_before): "
        "compare ratios against the bare PySide6 window of the same run."
    )
    key = args.key or "+".join(trees)
    out.setdefault("runs", {})[key] = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "trees": {label: str(tree) for label, tree in trees.items()},
        "python": platform.python_version(),
        "runs_per_size": args.runs,
        "results": results,
    }
    args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(out["runs"][key], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
