"""What the accreditation desk adds to a scan, printed as JSON (and saved with --out).

A scan result now carries the person's note, photo, hand-outs and ID check: a few
indexed lookups inside the scan's transaction.  For each roster size N (default 1k and
10k) on a fresh SQLite file with an event with two hand-out items and a note for one
person in ten, this times ``CheckinService.scan_many`` (one transaction, as ``checkin
scan -`` replays a log) over N scans twice in the same process: with the extras, and
with ``_with_extras`` replaced by the identity (the baseline: the scan path as before).
The ratio is the figure to read; absolute times depend on the machine, which other
processes share.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkin.core.accreditation import notes
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.event import codes
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import event_secret
from tests.conftest import SMALL_EVENT, insert_delegates

EVENT = copy.deepcopy(SMALL_EVENT)
EVENT["handouts"] = [{"key": "headset", "label": "Headset", "returnable": True},
                     {"key": "kit", "label": "Kit", "categories": ["speaker"]}]


def run(n: int, with_extras: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "b.sqlite"))
        event = save_event(store, parse_event(EVENT, source="bench"))
        insert_delegates(store, event, [{} for _ in range(n)])
        for i in range(1, n + 1, 10):
            notes.set_note(store, event, i, "Collect visa letter")
        secret = event_secret(store, event.id)
        raws = [codes.make_code(secret, i, 1) for i in range(1, n + 1)]
        desk = CheckinService(store, event)
        if not with_extras:
            desk._with_extras = lambda _s, result: result  # type: ignore[method-assign]
        start = time.perf_counter()
        for i in range(0, n, 500):
            desk.scan_many(raws[i:i + 500])
        took = time.perf_counter() - start
        store.close()
        return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--out")
    args = parser.parse_args()
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        base = run(n, False)
        extra = run(n, True)
        rows.append({"scans": n, "baseline_s": round(base, 3), "with_extras_s": round(extra, 3),
                     "scans_per_s": round(n / extra), "ratio": round(extra / base, 2)})
    out = {"benchmark": "accreditation extras on the scan path", "sizes": rows,
           "note": "2-core machine shared with other helpers' test runs: read the ratio"}
    text = json.dumps(out, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
