"""Brother QL labels: what the raster adds to a badge, at several sizes.

For N badges (default 1, 10, 50) on the ``brother-62mm`` template: the PDF alone
(``render_badges``), the PDF rendered at 300 dpi and converted to the printer's raster
(``raster.raster_for_pdf``), and the raster decoded back (``raster.decode``, what the
tests do).  Prints milliseconds per label and the ratio raster / PDF as JSON.  The
machine is shared with other work: read the ratios, not the absolute times.

    python benchmarks/bench_label_raster.py [--sizes 1,10,50] [--out results-label-raster.json]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_core import report

from checkin.core.badges import raster
from checkin.core.badges.label_printer import LabelPrinter
from checkin.core.badges.render import render_badges
from checkin.core.badges.templates import load_template
from tests.core.badges.samples import content


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(n: int, repeat: int) -> dict:
    template = load_template("brother-62mm")
    badges = [content(i) for i in range(n)]
    printer = LabelPrinter("file:///dev/null", "QL-700", "62")

    def pdf() -> bytes:
        out = io.BytesIO()
        render_badges(out, template, badges)
        return out.getvalue()

    document = pdf()
    job = raster.raster_for_pdf(document, printer)
    t_pdf = _median(pdf, repeat)
    t_raster = _median(lambda: raster.raster_for_pdf(document, printer), repeat)
    t_decode = _median(lambda: raster.decode(job), repeat)
    return {
        "labels": n,
        "pdf_ms_per_label": round(1000 * t_pdf / n, 2),
        "raster_ms_per_label": round(1000 * t_raster / n, 2),
        "decode_ms_per_label": round(1000 * t_decode / n, 2),
        "raster_bytes_per_label": len(job) // n,
        "raster_over_pdf": round(t_raster / t_pdf, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    doc = {
        "benchmark": "label_raster",
        "note": "2-core machine shared with other helpers' test runs: compare ratios",
        "runs": [measure(n, args.repeat) for n in sizes],
    }
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
