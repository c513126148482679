"""Render page 1 of every badge template with the demo roster to docs/images/*.png.

    python scripts/make_badge_images.py [--dpi 110]

Uses a throwaway database; the images are what the README shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from checkin.core.badges.printing import print_badges
from checkin.core.badges.templates import list_templates, load_template
from checkin.core.db.store import Store
from checkin.core.roster.demo import create_demo

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
# Names that stress the typesetting: Greek, Vietnamese, Cyrillic, Arabic, Polish, long.
STRESS = ["IOMNGO-0002", "IOMNGO-0003", "IOMNGO-0010", "IOMNGO-0015", "IOMNGO-0020",
          "IOMNGO-0022", "IOMNGO-0073", "IOMNGO-0075", "IOMNGO-0083", "IOMNGO-0084"]


def render_first_page(pdf_path: Path, target: Path, dpi: int) -> None:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pdf[0].render(scale=dpi / 72).to_pil().save(target, optimize=True)
    finally:
        pdf.close()
    print(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store("sqlite:///" + str(Path(tmp) / "demo.sqlite"))
        event = create_demo(store, today=dt.date(2026, 11, 28)).event
        for template in list_templates():
            pdf_path = Path(tmp) / f"{template.key}.pdf"
            print_badges(store, event, pdf_path, template=template)
            render_first_page(pdf_path, OUT / f"badges-{template.key}.png", args.dpi)
        stress = Path(tmp) / "stress.pdf"
        print_badges(store, event, stress, template=load_template("a4-herma-4412"), refs=STRESS)
        render_first_page(stress, OUT / "badges-names.png", args.dpi)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
