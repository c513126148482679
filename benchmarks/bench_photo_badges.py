"""Photo badges against the same badges without photos: render time and PDF size.

    python benchmarks/bench_photo_badges.py [--sizes 50,200]

Prints JSON: for each size, seconds and bytes for ``a6`` (no photo box), ``a6-photo``
with nobody's photo (empty frames) and ``a6-photo`` with everyone's (360 x 480 JPEG),
and the ratios against ``a6`` measured in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from checkin.core.badges.layout import BadgePhoto
from checkin.core.badges.render import render_badges
from checkin.core.badges.templates import load_template
from tests.core.badges.samples import content


def photo(n: int) -> BadgePhoto:
    out = io.BytesIO()
    Image.new("RGB", (360, 480), (n * 37 % 256, n * 91 % 256, 120)).save(out, "JPEG")
    return BadgePhoto(out.getvalue(), 360, 480)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200")
    args = parser.parse_args()
    plain, framed = load_template("a6"), load_template("a6-photo")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        render_badges(Path(tmp) / "warm.pdf", framed, [content(0)])
        for n in map(int, args.sizes.split(",")):
            items = [content(i) for i in range(n)]
            with_photos = [dataclasses.replace(c, photo=photo(i)) for i, c in enumerate(items)]
            row: dict = {"badges": n}
            for name, template, batch in (("a6", plain, items), ("frames", framed, items),
                                          ("photos", framed, with_photos)):
                out = Path(tmp) / f"{name}-{n}.pdf"
                started = time.perf_counter()
                render_badges(out, template, batch)
                row[name] = {"s": round(time.perf_counter() - started, 3),
                             "bytes": out.stat().st_size}
            for name in ("frames", "photos"):
                row[f"{name}_time_ratio"] = round(row[name]["s"] / row["a6"]["s"], 2)
            results.append(row)
    print(json.dumps({"note": "machine shared with other jobs: compare the ratios",
                      "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
