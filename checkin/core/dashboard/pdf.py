"""What the PDF exports (the donors' report, the sign-in sheet) share: paragraph
styles in the bundled fonts, user text made drawable and safe, a page footer, an A4
document.

reportlab is imported inside the functions: the command line and the app start without
paying for it until a PDF is asked for.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape


def styles():
    from reportlab.lib.styles import ParagraphStyle

    from checkin.core.badges import typeset

    typeset.register_fonts()
    base = ParagraphStyle("body", fontName=typeset.REGULAR, fontSize=9.5, leading=12)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=base, fontName=typeset.BOLD, fontSize=18,
                                leading=22, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=typeset.BOLD, fontSize=12,
                             leading=15, spaceBefore=10, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
    }


def text(value: str) -> str:
    """User text for a Paragraph: drawable in the shipped font, shaped (Arabic), and
    escaped — a name typed as ``<b>`` must print as typed, not as markup."""
    return escape(plain(value))


def plain(value: str) -> str:
    """User text for a chart label or a canvas string (not parsed as markup)."""
    if value.isprintable() and "  " not in value and value.strip() == value and (
        value.isascii()
        or (_as_is().issuperset(value) and unicodedata.is_normalized("NFC", value))
    ):
        return value  # what clean and shape give back for it, at a fraction of the cost
    from checkin.core.badges import typeset

    return typeset.shape(typeset.clean(value, typeset.REGULAR))


@functools.cache
def _as_is() -> frozenset[str]:
    """The characters ``typeset.clean`` and ``shape`` leave as they are: printable, in
    the regular font, not right-to-left.  A printable NFC name made of these alone comes
    back unchanged, so 50,000 names of a sign-in sheet skip the per-character work (an
    accent makes a name non-ASCII, and names rarely repeat: caches do not help)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    from checkin.core.badges import typeset

    typeset.register_fonts()
    font: Any = getFont(typeset.REGULAR)  # a TTFont: its face has the character map
    chars = map(chr, font.face.charToGlyph)
    return frozenset(c for c in chars if c.isprintable() and not typeset._RTL.match(c))


def footer(title: str):
    """Draws ``title`` and the page number at the foot of each page."""
    from checkin.core.badges import typeset

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(typeset.REGULAR, 7.5)
        canvas.drawString(doc.leftMargin, 10 * 2.8346, plain(title))
        canvas.drawRightString(
            doc.pagesize[0] - doc.rightMargin, 10 * 2.8346, f"{doc.page}"
        )
        canvas.restoreState()

    return draw


def document(path: Path, title: str):
    """An A4 document in the bundled fonts (Helvetica, reportlab's default, has no Ł)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from checkin.core.badges import typeset

    typeset.register_fonts()
    return SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=18 * mm, title=title, creator="checkin", initialFontName=typeset.REGULAR,
    )
