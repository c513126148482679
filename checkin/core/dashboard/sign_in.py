"""The paper sign-in sheet, kept ready in case a laptop dies: alphabetical, a tick box
and a time column per delegate, split per desk (``A-K,L-Z``) so two queues can each
have their own list.

What is written on it — the reference, or ``#number`` — is what the organiser types
back afterwards (``paper.record_paper_arrivals``).  The list is many short tables, each
about a page: one 50,000-row table would cost reportlab time quadratic in its length.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import select

from checkin.core.dashboard import pdf
from checkin.core.dashboard.files import ReportError, write_private
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo
from checkin.core.wording import date_text, words

_RANGE = re.compile(r"^\s*([A-Za-z])\s*(?:[-–—]\s*([A-Za-z]))?\s*$")


@dataclass(frozen=True)
class DeskRange:
    first: str  # upper-case letter
    last: str

    @property
    def label(self) -> str:
        return self.first if self.first == self.last else f"{self.first}–{self.last}"

    def __contains__(self, letter: str) -> bool:
        return self.first <= letter <= self.last


def parse_split(text: str | None) -> tuple[DeskRange, ...]:
    """``"A-K,L-Z"`` -> two desks.  Empty: one list for everyone."""
    if not text or not text.strip():
        return ()
    ranges = []
    for part in text.split(","):
        match = _RANGE.match(part)
        if not match:
            raise ReportError(
                '--split: %1 is not a letter range like A-K (e.g. "A-K,L-Z").', repr(part.strip())
            )
        first = match.group(1).upper()
        last = (match.group(2) or first).upper()
        if last < first:
            raise ReportError("--split: %1 runs backwards.", repr(part.strip()))
        ranges.append(DeskRange(first, last))
    for a, b in itertools.pairwise(ranges):
        if b.first <= a.last:
            raise ReportError("--split: %1 and %2 overlap; list them in order.", a.label, b.label)
    return tuple(ranges)


def short_ref(delegate: DelegateInfo) -> str:
    """What is written on the sheet and typed back into ``paper-arrivals``."""
    return delegate.reference or f"#{delegate.number}"


def _initial(delegate: DelegateInfo) -> str:
    key = fold(delegate.last_name or delegate.first_name)
    return key[:1].upper()


def sign_in_groups(
    delegates: Sequence[DelegateInfo], split: Sequence[DeskRange], *, language: str = "en"
) -> list[tuple[str, list[DelegateInfo]]]:
    """Delegates per desk, each list alphabetical (accents folded, so Łukasz is under L).

    Names whose first letter is outside every range (another script, a digit) go to the
    last desk, which says so in its title.
    """
    ordered = sorted(
        delegates, key=lambda d: (fold(d.last_name), fold(d.first_name), d.number)
    )
    if not split:
        return [("", ordered)]
    groups: list[list[DelegateInfo]] = [[] for _ in split]
    others = False
    for d in ordered:
        letter = _initial(d)
        index = next((i for i, r in enumerate(split) if letter in r), None)
        if index is None:
            others = True
            index = len(split) - 1
        groups[index].append(d)
    titles = [r.label for r in split]
    if others:
        titles[-1] += words(language)(" and other names")
    return list(zip(titles, groups, strict=True))


_SHEET_CHUNK = 40
_SHEET_COLUMNS = (("✓", 9), ("Ref", 28), ("Name", 62), ("Organisation", 62), ("Time", 19))
_SHEET_TOP_MM = 24
_DESK = "_checkin_desk"  # the canvas attribute naming the desk of the page being drawn


def _desk_marker(title: str):
    """A flowable that takes no room and tells the page header which desk follows."""
    from reportlab.platypus import Flowable

    class _Desk(Flowable):
        def wrap(self, *_args):
            return 0, 0

        def draw(self) -> None:
            setattr(self.canv, _DESK, title)  # read by the page header at the page's end

    return _Desk()


def _sheet_page(event_name: str, language: str = "en"):
    """Draws each page's heading and column titles: the list is many short tables (fast
    to lay out), so a header row inside them would repeat in mid-page."""
    from reportlab.lib.units import mm

    from checkin.core.badges import typeset

    tr = words(language)

    def draw(canvas, doc) -> None:
        canvas.saveState()
        width, height = doc.pagesize
        title = f"{tr('Sign-in sheet')} — {event_name}"
        desk = getattr(canvas, _DESK, "")
        if desk:
            title += " — " + tr("desk {desk}").format(desk=desk)
        title = pdf.plain(title)
        size = 12.0
        while size > 7 and canvas.stringWidth(title, typeset.BOLD, size) > doc.width:
            size -= 0.5
        canvas.setFont(typeset.BOLD, size)
        canvas.drawString(doc.leftMargin, height - 13 * mm, title)
        canvas.setFont(typeset.BOLD, 9)
        x, y = doc.leftMargin, height - (_SHEET_TOP_MM - 2) * mm
        for label, w in _SHEET_COLUMNS:
            canvas.drawString(x + 6, y + 3, tr(label))
            x += w * mm
        canvas.setLineWidth(0.8)
        canvas.line(doc.leftMargin, y, x, y)
        canvas.setFont(typeset.REGULAR, 7.5)
        canvas.drawString(doc.leftMargin, 10 * mm,
                          pdf.plain(f"{event_name} — {tr('sign-in sheet (fallback)')}"))
        canvas.drawRightString(width - doc.rightMargin, 10 * mm, f"{doc.page}")
        canvas.restoreState()

    return draw


def _sheet_table(data: list[list]):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from checkin.core.badges import typeset

    t = Table(data, colWidths=[w * mm for _label, w in _SHEET_COLUMNS])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), typeset.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        # The tick box: a ballot box glyph, large (DejaVu Sans has U+2610).
        ("FONTSIZE", (0, 0), (0, -1), 14),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ]))  # fmt: skip
    return t


def write_sign_in_sheet(
    store: Store, event: EventInfo, out: str | Path, *, split: Sequence[DeskRange] = ()
) -> Path:
    """Paper lists for the desks, for when a laptop dies: tick, note the time."""
    query = select(*DELEGATE_COLUMNS).where(
        m.Delegate.event_id == event.id,
        m.Delegate.status == DelegateStatus.REGISTERED.value,
    )
    with store.read() as s:
        delegates = [delegate_from_row(r) for r in s.execute(query)]
    if not delegates:
        raise ReportError("No registered delegate: nothing to put on a sign-in sheet.")
    story = _sheet_story(sign_in_groups(delegates, split, language=event.language), event)

    def write(path: Path) -> None:
        _sheet_document(path, event).build(story)

    return write_private(out, write)


def _sheet_story(groups: list[tuple[str, list[DelegateInfo]]], event: EventInfo) -> list:
    """Each desk's list on pages of its own, headed by the instruction."""
    from reportlab.platypus import PageBreak, Paragraph

    styles = pdf.styles()
    tr = words(event.language)
    # The command stays as typed: it is what the organiser enters afterwards.
    instruction = escape(
        f"{date_text(event.date, event.language)}. {tr('Tick the box and write the time.')} "
        f"{tr('Enter the ticks afterwards with:')} checkin paper-arrivals REF... --at HH:MM"
    )
    story: list = []
    for i, (title, group) in enumerate(groups):
        if i:
            story.append(PageBreak())
        story.append(_desk_marker(title))
        story.append(Paragraph(instruction, styles["small"]))
        rows = []
        for d in group:
            name = ", ".join(x for x in (d.last_name, d.first_name) if x)
            rows.append([
                "☐", short_ref(d), Paragraph(pdf.text(name), styles["cell"]),
                Paragraph(pdf.text(d.organisation), styles["cell"]), "",
            ])
        if not rows:
            rows.append(["", "", Paragraph(escape(tr("(nobody)")), styles["cell"]), "", ""])
        # Tables of a page or so each: splitting one 50,000-row table page by page costs
        # time quadratic in its length.
        for start in range(0, len(rows), _SHEET_CHUNK):
            story.append(_sheet_table(rows[start : start + _SHEET_CHUNK]))
    return story


def _sheet_document(path: Path, event: EventInfo):
    """A4, the rows' frame below the heading that ``_sheet_page`` draws on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from checkin.core.badges import typeset

    tr = words(event.language)
    doc = BaseDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
        topMargin=_SHEET_TOP_MM * mm, bottomMargin=18 * mm,
        title=f"{tr('Sign-in sheet')} - {event.name}", creator="checkin",
        initialFontName=typeset.REGULAR,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="rows",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("sheet", [frame],
                                       onPageEnd=_sheet_page(event.name, event.language))])
    return doc
