"""Time the Roster page's data path at several sizes: is an in-memory model smooth?

    python benchmarks/bench_roster.py [--sizes 1000,10000,50000]

For each size, fills a SQLite file (the delegates of bench_search_stats), then prints
JSON: the background load (``roster_rows`` and the ``SearchIndex`` over the same rows),
the GUI-thread work on a ``RosterTableModel`` (set_rows with the default sort, sorting
by each column, a filter-box search over every delegate, a combo filter), the time to
paint the first screen of a ``QTableView`` (offscreen), and the memory the rows take.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search_stats import populate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from checkin.core.db.store import Store
from checkin.core.desk.search import SearchIndex
from checkin.core.event.stored import current_event
from checkin.core.roster.edits import roster_rows
from checkin.ui.widgets.table_models import RosterFilter, RosterTableModel, name_sort_keys


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(n: int, folder: Path) -> dict:
    store = Store(f"sqlite:///{folder / f'roster-{n}.sqlite'}")
    populate(store, n, 0, random.Random(n))
    event = current_event(store)
    result: dict = {"delegates": n}
    result["load_rows_ms"] = ms(timed(lambda: roster_rows(store, event)))
    rows = roster_rows(store, event)
    result["build_index_ms"] = ms(timed(lambda: SearchIndex(rows)))
    tracemalloc.start()
    copy = roster_rows(store, event)
    result["rows_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
    tracemalloc.stop()
    del copy
    index = SearchIndex(rows)

    result["name_keys_ms"] = ms(timed(lambda: name_sort_keys(rows)))  # background, too
    keys = name_sort_keys(rows)
    model = RosterTableModel(event)
    # As the page does: rows and name keys from the background job, sorted by name.
    result["set_rows_ms"] = ms(timed(lambda: model.set_rows(rows, list(keys))))
    result["set_rows_without_keys_ms"] = ms(timed(lambda: model.set_rows(rows)))
    first_sorts = {}
    for col in range(model.COLUMN_COUNT):
        model.set_rows(rows, list(keys))
        start = time.perf_counter()
        model.sort(col, Qt.SortOrder.AscendingOrder)
        first_sorts[model.headerData(col, Qt.Orientation.Horizontal)] = ms(
            time.perf_counter() - start
        )
    result["first_sort_ms"] = first_sorts
    sorts = {}
    for col in range(model.COLUMN_COUNT):
        sorts[model.headerData(col, Qt.Orientation.Horizontal)] = ms(
            timed(lambda c=col: model.sort(c, Qt.SortOrder.AscendingOrder))
        )
    result["sort_again_ms"] = sorts
    model.sort(model.NAME_COL)
    searches = {}
    for query in ("maria", "mar sch", "gonzales", "REF-000042", "red cross"):

        def search(q=query):
            matches = [h.delegate.id for h in index.search(q, limit=len(index))]
            model.set_filter(RosterFilter(), matches)

        searches[query] = ms(timed(search))
    result["filter_text_ms"] = searches
    result["filter_combo_ms"] = ms(
        timed(lambda: model.set_filter(RosterFilter(status="registered", category="speaker")))
    )
    model.set_filter(RosterFilter())
    view = QTableView()
    view.resize(1200, 700)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(24)
    start = time.perf_counter()
    view.grab()
    result["first_paint_ms"] = ms(time.perf_counter() - start)
    result["repaint_ms"] = ms(timed(view.grab))
    store.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    args = parser.parse_args(argv)
    QApplication.instance() or QApplication([])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            results.append(measure(n, Path(tmp)))
    print(json.dumps({"python": sys.version.split()[0], "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
