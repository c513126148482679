"""Badge rendering speed: ours against the two usual ways of putting a QR in a PDF.

Renders N A6 badges (default 1,000, each with its own name and code) three ways in one
process and prints badges per second and ratios as JSON:

* ``ours`` — ``render.render_badges``: the QR as one vector path of module runs;
* ``pil_image`` — the common approach: ``qrcode`` -> PIL image -> ``canvas.drawImage``;
* ``qrcode_widget`` — reportlab's own ``QrCodeWidget`` drawn with ``renderPDF``.

The two others reuse our layout of the text and band, so only the QR differs.  Each
way runs ``--repeat`` times; the median is reported.  Targets on the 2-core reference
machine: ours >= 1,000 badges/s and >= 5x ``pil_image``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qrcode
from bench_core import report
from qrcode.constants import ERROR_CORRECT_M
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from checkin.core.badges import render, typeset
from checkin.core.badges.layout import BadgeContent, face_layout
from checkin.core.badges.templates import Template, load_template
from checkin.core.event import codes

MM = 72 / 25.4
FIRST = ["Łukasz", "Amélie", "Søren", "Ayşegül", "Đức Mạnh", "Zoë", "Jean-Baptiste", "محمد",
         "Νικόλαος", "Олександра", "Siobhán", "Maximiliano Alejandro"]
LAST = ["Wróblewski", "Fontaine", "Kjærgaard", "Doğanay", "Trần", "Lefèvre-Dubois",
        "العمري", "Αναστασόπουλος", "Левчук", "O'Connor-Ní Bhriain",
        "Fernández de Córdoba y Villalobos-Saavedra"]
ORGS = ["IOM", "ICVA", "Danish Refugee Council", "Norwegian Refugee Council", "Caritas",
        "Save the Children International", "Médecins Sans Frontières"]


def contents(n: int) -> list[BadgeContent]:
    secret = os.urandom(32)
    return [
        BadgeContent(
            key=str(i), first_name=FIRST[i % len(FIRST)], last_name=LAST[i % len(LAST)],
            organisation=ORGS[i % len(ORGS)], country="Switzerland",
            category_label="Participant", category_colour="#1F5FA8",
            code=codes.make_code(secret, i + 1, 1),
            event_name="IOM–NGO Humanitarian Consultation",
            event_date="Saturday 28 November 2026",
        )
        for i in range(n)
    ]


def draw_pil(canvas: Canvas, code: str, x: float, top: float, size: float) -> None:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(code)
    qr.make(fit=True)
    image = qr.make_image().get_image()
    canvas.drawImage(ImageReader(image), x, top - size, size, size)


def draw_widget(canvas: Canvas, code: str, x: float, top: float, size: float) -> None:
    widget = QrCodeWidget(code, barLevel="M", barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, top - size)


def render_other(path: Path, template: Template, items, draw_qr) -> None:
    """Our text and band, the QR drawn by ``draw_qr``: one badge per A6 page."""
    canvas = Canvas(str(path), pagesize=(template.page_width * MM, template.page_height * MM),
                    pageCompression=1, initialFontName=typeset.REGULAR)
    writer = render._Writer(canvas)
    for content in items:
        face = face_layout(template, content)
        x, top, module, n, _rows = face.qr
        face.qr = None
        canvas.saveState()
        canvas.translate(template.origin_x * MM,
                         (template.page_height - template.origin_y - template.face_height) * MM)
        canvas.addLiteral(writer.face(face))
        draw_qr(canvas, content.code, x, top, module * n)
        canvas.restoreState()
        canvas.showPage()
    canvas.save()


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    template = load_template("a6")
    items = contents(args.n)
    ways = {
        "ours": lambda p: render.render_badges(p, template, items),
        "pil_image": lambda p: render_other(p, template, items, draw_pil),
        "qrcode_widget": lambda p: render_other(p, template, items, draw_widget),
    }
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        render.render_badges(Path(tmp) / "warm.pdf", template, items[:20])  # fonts, tables
        for name, run in ways.items():
            path = Path(tmp) / f"{name}.pdf"
            seconds = [timed(lambda run=run, path=path: run(path)) for _ in range(args.repeat)]
            median = statistics.median(seconds)
            results[name] = {
                "seconds_median": round(median, 3),
                "badges_per_s": round(args.n / median),
                "pdf_kb": round(path.stat().st_size / 1024),
            }
    ours = results["ours"]["badges_per_s"]
    doc = {
        "badges": args.n,
        "template": template.key,
        "python": sys.version.split()[0],
        "results": results,
        "ours_vs_pil_image": round(ours / results["pil_image"]["badges_per_s"], 1),
        "ours_vs_qrcode_widget": round(ours / results["qrcode_widget"]["badges_per_s"], 1),
    }
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
