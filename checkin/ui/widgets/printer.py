"""Sending a rendered badge PDF to a printer, shared by the desk (walk-ins) and the Badges page.

Qt cannot print a PDF as such: each page is rasterised at 300 dpi with pypdfium2 and
painted onto a ``QPrinter`` whose paper is the PDF's page size, so a badge prints at
100 % (shrunk only if the chosen paper is smaller).

Choosing the printer (``choose_printer``, Qt's print dialog) happens on the GUI thread;
``paint_pdf`` may run in a background job (Qt allows painting on a ``QPrinter`` from
another thread), one page at a time, with progress and cancel, so a sheet of 100 badges
never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

PRINT_DPI = 300


class PrintCancelled(Exception):
    """The operator cancelled while pages were being sent; the printer job was aborted."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("BadgePrinter", text)


def _page_image(pdf, index: int, dpi: int) -> QImage:
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    try:
        bitmap = page.render(
            scale=dpi / 72,
            force_bitmap_format=pdfium_c.FPDFBitmap_BGRA,
            rev_byteorder=True,
            fill_color=(255, 255, 255, 255),
        )
        try:
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBA8888,
            ).copy()  # own the pixels: the bitmap is freed below
        finally:
            bitmap.close()
    finally:
        page.close()
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image


def render_pdf_pages(path: str | Path, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of the PDF at ``path`` as an image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_page_image(pdf, i, dpi) for i in range(len(pdf))]
    finally:
        pdf.close()


def pdf_page_points(path: str | Path) -> tuple[float, float]:
    """The first page's size in points (all our badge PDFs have one page size)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    return width, height


def make_printer(page_points: tuple[float, float], doc_name: str = "badges"):
    """A high-resolution ``QPrinter`` whose paper is the badge sheet's size."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setDocName(doc_name)
    printer.setFullPage(True)
    width, height = page_points
    printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point))
    return printer


def choose_printer(
    page_points: tuple[float, float],
    parent: QWidget | None = None,
    *,
    title: str | None = None,
    doc_name: str = "badges",
):
    """Qt's print dialog for a sheet of ``page_points``; the chosen printer or None."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = make_printer(page_points, doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title or _tr("Print the badges"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def paint_pdf(
    printer,
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paint every page of the PDF onto ``printer``; the number of pages sent.

    Pages are rasterised one at a time (a 300 dpi A4 page is 35 MB).  ``cancelled()``
    is asked before each page: if true the printer job is aborted and
    ``PrintCancelled`` raised.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    painter = QPainter()
    try:
        total = len(pdf)
        if not painter.begin(printer):
            raise OSError(_tr("The printer could not be started."))
        for number in range(total):
            if cancelled is not None and cancelled():
                printer.abort()
                raise PrintCancelled()
            image = _page_image(pdf, number, PRINT_DPI)
            if number:
                printer.newPage()
            area = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            factor = printer.resolution() / PRINT_DPI
            size = image.size().toSizeF() * factor
            if size.width() > area.width() or size.height() > area.height():
                size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.topLeft(), size), image)
            if progress is not None:
                progress(number + 1, total)
        return total
    finally:
        if painter.isActive():
            painter.end()
        pdf.close()


def print_pdf(path: Path, parent: QWidget | None = None) -> bool:
    """Ask for a printer (Qt's print dialog) and print the PDF on it; False if cancelled.

    For one badge (a walk-in): painted on the GUI thread, which takes well under a second.
    """
    printer = choose_printer(
        pdf_page_points(path), parent, title=_tr("Print the badge"), doc_name=path.name
    )
    if printer is None:
        return False
    paint_pdf(printer, path)
    return True
