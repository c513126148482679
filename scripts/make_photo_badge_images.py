"""A photo badge for the docs, and a demo database with photos for screenshots.

    python scripts/make_photo_badge_images.py [--db demo-photos.sqlite] [--dpi 110]

The demo roster gets drawn portraits (a head and shoulders on a plain background — no
real faces) for all but every fourth delegate, so the Badges page's check lists
people without a photo.  Writes docs/images/badge-photo.png: one delegate with a photo
and one without, side by side, on the ``a6-photo`` template.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from checkin.core.accreditation.photos import store_photo
from checkin.core.badges.printing import preview_badges, select_delegates
from checkin.core.badges.templates import load_template
from checkin.core.db.store import Store
from checkin.core.roster.demo import create_demo

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
BACKGROUNDS = [(196, 214, 230), (222, 214, 198), (205, 225, 210), (230, 205, 205)]
SKIN = [(241, 203, 168), (198, 146, 104), (141, 95, 63), (224, 172, 130)]
HAIR = [(60, 40, 30), (20, 20, 20), (150, 110, 60), (110, 110, 110)]
SHIRT = [(40, 70, 120), (120, 40, 50), (60, 90, 60), (70, 70, 70)]


def portrait(n: int) -> bytes:
    """A drawn head-and-shoulders portrait, 360 x 480, varied by ``n``."""
    img = Image.new("RGB", (360, 480), BACKGROUNDS[n % 4])
    d = ImageDraw.Draw(img)
    d.ellipse((40, 330, 320, 620), fill=SHIRT[(n // 4) % 4])  # shoulders
    d.rectangle((150, 260, 210, 350), fill=SKIN[(n // 2) % 4])  # neck
    d.ellipse((95, 70, 265, 290), fill=HAIR[(n // 3) % 4])  # hair
    d.ellipse((110, 100, 250, 300), fill=SKIN[(n // 2) % 4])  # face
    for x in (150, 210):
        d.ellipse((x - 9, 185, x + 9, 199), fill=(40, 40, 40))  # eyes
    d.arc((145, 225, 215, 265), 20, 160, fill=(120, 50, 50), width=4)  # smile
    out = io.BytesIO()
    img.save(out, "JPEG", quality=88)
    return out.getvalue()


def demo_with_photos(path: Path) -> Store:
    store = Store("sqlite:///" + str(path))
    event = create_demo(store, today=dt.date(2026, 11, 28)).event
    for n, d in enumerate(select_delegates(store, event)):
        if n % 4 != 3:
            store_photo(store, event, d.id, portrait(n), source="import")
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="keep the demo database with photos here")
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = demo_with_photos(Path(args.db or Path(tmp) / "demo.sqlite"))
        event = create_demo(store, today=dt.date(2026, 11, 28)).event
        people = select_delegates(store, event)
        refs = [people[0].reference, people[3].reference]  # with a photo, without
        pdf_path = Path(tmp) / "photo.pdf"
        preview_badges(store, event, pdf_path, template=load_template("a6-photo"), refs=refs)
        pdf = pdfium.PdfDocument(str(pdf_path))
        pages = [pdf[i].render(scale=args.dpi / 72).to_pil() for i in range(len(pdf))]
        pdf.close()
        sheet = Image.new("RGB", (sum(p.width for p in pages) + 30, pages[0].height + 20),
                          (235, 235, 235))
        x = 10
        for page in pages:
            sheet.paste(page, (x, 10))
            x += page.width + 10
        OUT.mkdir(parents=True, exist_ok=True)
        sheet.save(OUT / "badge-photo.png", optimize=True)
        print(OUT / "badge-photo.png")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
