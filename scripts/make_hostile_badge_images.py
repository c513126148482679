"""Badges under stress, as they would come out: every template with the demo's longest
first name and a hostile roster, a 62 mm label decoded back from its printer raster,
and the preflight report of the hostile roster.

    python scripts/make_hostile_badge_images.py [--dpi 150]

Writes docs/images/badge-<template>-hostile.png, docs/images/brother-62mm-raster.png
and docs/examples/hostile-preflight.txt, from a throwaway database (the demo plus
docs/examples/hostile-roster.csv).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

from checkin.core.badges import raster
from checkin.core.badges.label_printer import LabelPrinter
from checkin.core.badges.label_printing import print_to_label_printer
from checkin.core.badges.legibility import fix_for
from checkin.core.badges.printing import preflight, preview_badges, select_delegates
from checkin.core.badges.templates import MM, Template, list_templates, load_template
from checkin.core.db.store import Store
from checkin.core.roster.apply import import_roster
from checkin.core.roster.demo import create_demo

ROOT = Path(__file__).resolve().parents[1]
IMAGES, EXAMPLES = ROOT / "docs" / "images", ROOT / "docs" / "examples"
HOSTILE = EXAMPLES / "hostile-roster.csv"
SHOWN = ["HOSTILE-01", "HOSTILE-02", "HOSTILE-04", "HOSTILE-05"]
TABLE = (214, 208, 198)  # a light desk top


def _faces(pdf_path: Path, t: Template, count: int, dpi: int) -> list[Image.Image]:
    """The first ``count`` badges of the PDF, each cut out of its page."""
    faces, scale = [], dpi / 72
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        for index in range(len(pdf)):
            page = pdf[index].render(scale=scale).to_pil().convert("RGB")
            for n in range(t.per_page):
                col, row = n % t.columns, n // t.columns
                x, y = (t.origin_x + col * t.pitch_x) * MM, (t.origin_y + row * t.pitch_y) * MM
                box = (x, y, x + t.face_width * MM, y + t.badge_height * MM)
                faces.append(page.crop(tuple(round(v * scale) for v in box)))
                if len(faces) == count:
                    return faces
    finally:
        pdf.close()
    return faces


def _photo(faces: list[Image.Image], target: Path) -> None:
    """The badges side by side on a desk top, each with a soft shadow."""
    gap = 40
    width = sum(f.width for f in faces) + gap * (len(faces) + 1)
    height = max(f.height for f in faces) + 2 * gap
    out = Image.new("RGB", (width, height), TABLE)
    shadow = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(shadow)
    x = gap
    for f in faces:
        draw.rectangle((x + 8, gap + 10, x + f.width + 8, gap + f.height + 10), fill=120)
        x += f.width + gap
    out.paste((120, 112, 100), (0, 0), shadow.filter(ImageFilter.GaussianBlur(9)))
    x = gap
    for f in faces:
        out.paste(f, (x, gap))
        ImageDraw.Draw(out).rectangle((x, gap, x + f.width - 1, gap + f.height - 1),
                                      outline=(190, 186, 178))
        x += f.width + gap
    out.save(target, optimize=True)
    print(target)


def _longest_demo_ref(store: Store, event) -> str:
    demo = [d for d in select_delegates(store, event) if d.reference.startswith("IOMNGO")]
    return max(demo, key=lambda d: len(d.first_name)).reference


def _raster_image(store: Store, event, refs: list[str], folder: Path) -> None:
    target = folder / "ql700.bin"
    printer = LabelPrinter(f"file://{target}", "QL-700", "62")
    print_to_label_printer(store, event, printer, template=load_template("brother-62mm"),
                           refs=refs, station="docs")
    labels = raster.decode(target.read_bytes())
    _photo(labels, IMAGES / "brother-62mm-raster.png")


def _preflight_report(store: Store, event) -> None:
    delegates = select_delegates(store, event, refs=[f"HOSTILE-0{i}" for i in range(1, 7)])
    lines = []
    for t in list_templates():
        problems = preflight(store, event, t, delegates)
        lines.append(f"== {t.key}: {len(delegates)} badges, {len(problems)} problems")
        for p in problems:
            lines.append(f"{p.kind:<16} {p} [{p.field}]")
            lines.append(f"{'':16} fix: {fix_for(p.field, p.kind)}")
    (EXAMPLES / "hostile-preflight.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(EXAMPLES / "hostile-preflight.txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "demo.sqlite"))
        event = create_demo(store, today=dt.date(2026, 11, 28)).event
        import_roster(store, event, HOSTILE)
        refs = [_longest_demo_ref(store, event), *SHOWN]
        for t in list_templates():
            pdf_path = Path(tmp) / f"{t.key}.pdf"
            preview_badges(store, event, pdf_path, template=t, refs=refs)
            order = {d.reference: i for i, d in enumerate(select_delegates(store, event,
                                                                           refs=refs))}
            faces = _faces(pdf_path, t, len(refs), args.dpi)
            ordered = [faces[order[r]] for r in refs]
            _photo(ordered, IMAGES / f"badge-{t.key}-hostile.png")
        _raster_image(store, event, refs[:3], Path(tmp))
        _preflight_report(store, event)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
