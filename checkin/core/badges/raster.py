"""A badge PDF as a Brother QL raster job, and a raster job back as images.

The label printer gets the very PDF the office printer would (same renderer, same
checks): each page is rendered at the printer's 300 dpi with pypdfium2, cut to the
tape's printable area (62 mm tape prints 58.9 mm: 696 dots, centred) and converted
by ``brother_ql.conversion.convert`` — black and white with a fixed threshold, or a
black and a red layer on DK-22251 tape.  ``decode`` runs ``brother_ql``'s own reader
on a job, so tests (and ``checkin badges --printer file:///…``) can look at exactly
what the printer would print.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkin.core.badges.label_printer import LabelPrinter, PrinterError, PrinterSetupError
from checkin.core.badges.templates import Template

if TYPE_CHECKING:
    from PIL import Image

DPI = 300
THRESHOLD = 55  # percent of black below which a pixel stays white (anti-aliased edges)


def label_spec(label: str) -> Any:
    from brother_ql.labels import LabelsManager

    try:
        return LabelsManager()[label]
    except KeyError:
        raise PrinterSetupError("Unknown tape %1.", label) from None


def check_fits(template: Template, printer: LabelPrinter) -> None:
    """The template must be made for the tape: same width, and the die-cut length."""
    spec = label_spec(printer.label)
    width, length = spec.tape_size
    if abs(template.face_width - width) > 0.5 or template.per_page != 1 or template.fold:
        raise PrinterSetupError(
            "The template %1 is not for %2 mm tape: use a %2 mm label template "
            "(brother-62mm).", template.key, width,
        )
    if length and abs(template.face_height - length) > 0.5:
        raise PrinterSetupError(
            "The template %1 makes %2 mm long labels; the %3 labels are %4 mm long.",
            template.key, f"{template.face_height:g}", printer.label, length,
        )


def page_images(pdf: str | Path | bytes, printer: LabelPrinter) -> list[Image.Image]:
    """Each page at 300 dpi, cut to the tape's printable area (what the head can reach)."""
    import pypdfium2 as pdfium

    spec = label_spec(printer.label)
    dots_w, dots_h = spec.dots_printable
    doc = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                bitmap = page.render(scale=DPI / 72, fill_color=(255, 255, 255, 255))
                image = bitmap.to_pil().convert("RGB")
            finally:
                page.close()
            left = max(0, (image.width - dots_w) // 2)
            height = dots_h or image.height
            top = max(0, (image.height - height) // 2)
            image = image.crop((left, top, left + dots_w, top + height))
            images.append(image)
    finally:
        doc.close()
    return images


def to_raster(images: list[Image.Image], printer: LabelPrinter) -> bytes:
    """The printer's instructions for these labels: one cut after each."""
    from brother_ql.conversion import convert
    from brother_ql.raster import BrotherQLRaster

    qlr = BrotherQLRaster(printer.model)
    qlr.exception_on_warning = True
    try:
        with warnings.catch_warnings():
            # brother_ql's red layer uses Image.getdata, deprecated in Pillow 12: theirs
            warnings.simplefilter("ignore", DeprecationWarning)
            return bytes(convert(
                qlr, images, printer.label, cut=True, dither=False, compress=True,
                red=printer.red, rotate=0, dpi_600=False, hq=True, threshold=THRESHOLD,
            ))
    except Exception as exc:  # the library raises plain exceptions for a bad size
        raise PrinterError("The labels cannot be made for the %1: %2.", printer.model,
                           str(exc) or type(exc).__name__) from None


def raster_for_pdf(pdf: str | Path | bytes, printer: LabelPrinter) -> bytes:
    return to_raster(page_images(pdf, printer), printer)


def decode(raster: bytes) -> list[Image.Image]:
    """The labels a raster job prints, as images (``brother_ql``'s reader: black on
    white, red where the job has a red layer), in the printer's orientation flipped
    back so they read as on the badge."""
    from brother_ql.reader import BrotherQLReader
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="checkin-raster-") as folder:
        reader = BrotherQLReader(io.BufferedReader(io.BytesIO(raster)))
        reader.filename_fmt = str(Path(folder) / "label{counter:04d}.png")
        with contextlib.redirect_stdout(io.StringIO()):
            reader.analyse()
        images, seen = [], 0
        for path in sorted(Path(folder).glob("label*.png")):
            with Image.open(path) as im:
                # the reader keeps the rows of earlier labels of the same job: cut them
                images.append(im.convert("RGB").crop((0, seen, im.width, im.height)))
                seen = im.height
    return images
