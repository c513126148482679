"""The paper sign-in sheet, kept ready in case a laptop dies: alphabetical, a tick box
and a time column per delegate, split per desk (``A-K,L-Z``) so two queues can each
have their own list.

What is written on it — the reference, or ``#number`` — is what the organiser types
back afterwards (``paper.record_paper_arrivals``).  Drawn straight on a canvas (see
``write_sign_in_sheet``): 50,000 names in seconds.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from checkin.core.dashboard import pdf
from checkin.core.dashboard.files import ExportCancelled, Progress, ReportError, write_private
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
    folded: dict[str, str] = {}  # first names repeat: each folded once

    def key(d: DelegateInfo) -> tuple[str, str, int]:
        first = folded.get(d.first_name)
        if first is None:
            first = folded[d.first_name] = fold(d.first_name)
        return fold(d.last_name), first, d.number

    ordered = sorted(delegates, key=key)
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


_SHEET_COLUMNS = (("✓", 9), ("Ref", 28), ("Name", 62), ("Organisation", 62), ("Time", 19))
_SHEET_TOP_MM = 24
_BOTTOM_MM = 18
_PAD = 6.0  # points either side of a cell's text
_SIZE, _LEADING = 9.0, 11.0


def write_sign_in_sheet(
    store: Store,
    event: EventInfo,
    out: str | Path,
    *,
    split: Sequence[DeskRange] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Paper lists for the desks, for when a laptop dies: tick, note the time.

    Drawn on a reportlab canvas, not laid out as flowables: every row is the same few
    strings at computed positions, and the parts of a page that never change (column
    titles, rules, the footer's words) are one form drawn once and placed on each page.
    50,000 rows lay out in seconds, where a table per page took tens of seconds.
    ``progress(rows done, rows)`` and ``cancelled()`` are asked after each page."""
    query = select(*DELEGATE_COLUMNS).where(
        m.Delegate.event_id == event.id,
        m.Delegate.status == DelegateStatus.REGISTERED.value,
    )
    with store.read() as s:
        # Core rows (no ORM bookkeeping per row): 50,000 of them.
        delegates = [delegate_from_row(r) for r in s.connection().execute(query)]
    if not delegates:
        raise ReportError("No registered delegate: nothing to put on a sign-in sheet.")
    groups = sign_in_groups(delegates, split, language=event.language)

    def write(path: Path) -> None:
        from reportlab import rl_config

        # Binary streams, not ASCII85 (pure Python in reportlab: seconds at 50,000 rows).
        a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            _Sheet(path, event, len(delegates), progress, cancelled).draw(groups)
        finally:
            rl_config.useA85 = a85

    return write_private(out, write)


class _Text:
    """Strings at given places, written as PDF text operators into one text object per
    page.  ``canvas.drawString`` builds a text object per string and formats each
    number in Python (reportlab's accelerator is gone from its wheels): most of the
    time of a 50,000-row sheet.  This is the recipe ``reportlab.pdfbase.ttfonts`` gives
    for its fonts: ``splitString`` into subsets, ``getSubsetInternalName``, ``Tf``/``Tj``.

    ``splitString`` walks each string character by character in Python and the escape
    of a literal string does so again: once a character has its code in the font's
    first subset (codes never change once given), a string made only of such
    characters is written straight as a hex string (``<...>``, nothing to escape) by
    one ``str.translate``; any other string goes through ``splitString``, which gives
    its new characters their codes."""

    def __init__(self, canvas, font_name: str) -> None:
        from reportlab.pdfbase.pdfmetrics import getFont

        self.canvas: Any = canvas
        self.doc: Any = canvas._doc
        self.font: Any = getFont(font_name)  # a TTFont: splitString, subsets
        self.code: list[str] = []
        self.state: tuple[int, float] | None = None
        self.hex: dict[int, str] = {}  # character -> its code in subset 0, as hex
        self.known: set[str] = set()  # the characters in ``hex``
        self.names: dict[int, str] = {}  # subset -> its font's name in the PDF
        self.numbers: dict[float, str] = {}  # a position as written: rows repeat per page

    def add(self, x: float, y: float, text: str, size: float) -> None:
        if not text:
            return
        code, numbers = self.code, self.numbers
        at_x = numbers.get(x)
        if at_x is None:
            at_x = numbers[x] = f"{x:.2f}"
        at_y = numbers.get(y)
        if at_y is None:
            at_y = numbers[y] = f"{y:.2f}"
        code.append(f"1 0 0 1 {at_x} {at_y} Tm")
        if self.known.issuperset(text):
            self._font(0, size)
            code.append(f"<{text.translate(self.hex)}> Tj")
            return
        for subset, chunk in self.font.splitString(text, self.doc):
            self._font(subset, size)
            code.append(f"<{chunk.hex()}> Tj")
        assigned = self.font.state[self.doc].assignments
        for char in set(text):
            n = assigned.get(ord(char))
            if n is not None and n < 256:
                self.hex[ord(char)] = f"{n:02x}"
                self.known.add(char)

    def _font(self, subset: int, size: float) -> None:
        if (subset, size) != self.state:
            name = self.names.get(subset)
            if name is None:
                name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
            self.code.append(f"{name} {size} Tf")
            self.state = (subset, size)

    def flush(self) -> None:
        if self.code:
            self.canvas._code.append("BT\n" + "\n".join(self.code) + "\nET")
        self.code.clear()
        self.state = None


class _Sheet:
    """One sign-in sheet PDF, drawn row by row on a canvas."""

    def __init__(self, path: Path, event: EventInfo, total: int, progress, cancelled) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.pdfgen.canvas import Canvas

        from checkin.core.badges import typeset

        typeset.register_fonts()
        self.font, self.bold = typeset.REGULAR, typeset.BOLD
        self.event, self.tr = event, words(event.language)
        self.total, self.done = total, 0
        self.progress, self.cancelled = progress, cancelled
        self.width, self.height = A4
        self.left, self.right = 15 * mm, self.width - 15 * mm
        self.top, self.bottom = self.height - _SHEET_TOP_MM * mm, _BOTTOM_MM * mm
        self.mm = mm
        self.x = [self.left]
        for _label, w in _SHEET_COLUMNS:
            self.x.append(self.x[-1] + w * mm)
        self.canvas: Any = Canvas(str(path), pagesize=A4, pageCompression=1)
        self.canvas.setTitle(f"{self.tr('Sign-in sheet')} - {event.name}")
        self.canvas.setCreator("checkin")
        self.page, self.desk, self.y = 0, "", self.top
        self.rules: list[str] = []
        self.text = _Text(self.canvas, self.font)
        self._wrapped: dict[tuple[str, int], list[str]] = {}
        self._titles: dict[str, str] = {}  # desk -> its title's form
        face = self.text.font.face
        self._advances = [face.charWidths.get(i, face.defaultWidth) for i in range(0x3000)]
        self._template()

    def _template(self) -> None:
        """What every page has in the same place: drawn once, as a form."""
        c, mm = self.canvas, self.mm
        c.beginForm("sheet")
        c.setFont(self.bold, 9)
        y = self.height - (_SHEET_TOP_MM - 2) * mm
        for (label, _w), x in zip(_SHEET_COLUMNS, self.x, strict=False):
            c.drawString(x + _PAD, y + 3, self.tr(label))
        c.setLineWidth(0.8)
        c.line(self.left, y, self.right, y)
        c.setFont(self.font, 7.5)
        c.drawString(self.left, 10 * mm, pdf.plain(
            f"{self.event.name} — {self.tr('sign-in sheet (fallback)')}"))
        c.endForm()

    def draw(self, groups: list[tuple[str, list[DelegateInfo]]]) -> None:
        for i, (title, group) in enumerate(groups):
            if i:
                self._end_page()
            self.desk = title
            self._instruction()
            for d in group:
                self._row(short_ref(d), ", ".join(x for x in (d.last_name, d.first_name) if x),
                          d.organisation)
            if not group:
                self._row("", self.tr("(nobody)"), "", tick=False)
        self._end_page()
        self.canvas.save()

    def _instruction(self) -> None:
        from reportlab.lib.utils import simpleSplit

        # The command stays as typed: it is what the organiser enters afterwards.
        text = pdf.plain(
            f"{date_text(self.event.date, self.event.language)}. "
            f"{self.tr('Tick the box and write the time.')} "
            f"{self.tr('Enter the ticks afterwards with:')} "
            "checkin paper-arrivals REF... --at HH:MM"
        )
        self._start_page()
        self.canvas.setFont(self.font, 8)
        for line in simpleSplit(text, self.font, 8, self.right - self.left):
            self.y -= 10
            self.canvas.drawString(self.left, self.y + 2, line)
        self.y -= 4

    def _lines(self, text: str, column: int) -> list[str]:
        """``text`` as the lines it takes in its column (organisations repeat: cached)."""
        key = (text, column)
        lines = self._wrapped.get(key)
        if lines is None:
            from reportlab.lib.utils import simpleSplit

            width = self.x[column + 1] - self.x[column] - 2 * _PAD
            drawn = pdf.plain(text)
            if self._width(drawn) <= width:
                lines = [drawn]
            else:
                lines = simpleSplit(drawn, self.font, _SIZE, width) or [drawn]
            if column == 3:
                self._wrapped[key] = lines
        return lines

    def _width(self, text: str, size: float = _SIZE) -> float:
        """The text's width at ``size``, by a table of the font's advances (reportlab's
        own ``stringWidth`` sums them in a Python generator per call)."""
        table = self._advances
        if text and max(text) < "\u3000":
            return sum(map(table.__getitem__, map(ord, text))) * size / 1000
        return self.canvas.stringWidth(text, self.font, size)

    def _row(self, ref: str, name: str, organisation: str, *, tick: bool = True) -> None:
        names, orgs = self._lines(name, 2), self._lines(organisation, 3)
        height = max(len(names), len(orgs), 1) * _LEADING + 8
        if self.y - height < self.bottom:
            self._end_page()
            self._start_page()
        top = self.y
        middle = top - height / 2
        text = self.text
        if tick:  # a ballot box glyph, large (DejaVu Sans has U+2610)
            text.add(self.x[0] + 6.5, middle - 5, "☐", 14)
        text.add(self.x[1] + _PAD, middle - 3, pdf.plain(ref), _SIZE)
        for column, lines in ((2, names), (3, orgs)):
            y = middle + (len(lines) - 1) * _LEADING / 2 - 3
            for line in lines:
                text.add(self.x[column] + _PAD, y, line, _SIZE)
                y -= _LEADING
        self.y = top - height
        self.rules.append(f"{self.left:.2f} {self.y:.2f} m {self.right:.2f} {self.y:.2f} l")
        self.done += tick

    def _start_page(self) -> None:
        if self.y != self.top:
            return
        c, mm = self.canvas, self.mm
        self.page += 1
        c.doForm("sheet")
        c.doForm(self._title_form())
        number = f"{self.page}"  # right-aligned, as drawRightString places it
        self.text.add(self.right - self._width(number, 7.5), 10 * mm, number, 7.5)

    def _title_form(self) -> str:
        """The desk's page title, as a form made the first time a page needs it."""
        name = self._titles.get(self.desk)
        if name is not None:
            return name
        name = self._titles[self.desk] = f"title{len(self._titles)}"  # a plain PDF name
        c = self.canvas
        title = f"{self.tr('Sign-in sheet')} — {self.event.name}"
        if self.desk:
            title += " — " + self.tr("desk {desk}").format(desk=self.desk)
        title = pdf.plain(title)
        size = 12.0
        while size > 7 and c.stringWidth(title, self.bold, size) > self.right - self.left:
            size -= 0.5
        c.beginForm(name)
        c.setFont(self.bold, size)
        c.drawString(self.left, self.height - 13 * self.mm, title)
        c.endForm()
        return name

    def _end_page(self) -> None:
        if self.y == self.top:
            return
        # The rows' rules in one path, their strings in one text object.
        c = self.canvas
        c.saveState()
        c.setLineWidth(0.25)
        c.setStrokeGray(0.5)
        c._code.append(" ".join(self.rules) + " S")
        c.restoreState()
        self.rules.clear()
        self.text.flush()
        c.showPage()
        self.y = self.top
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()
        if self.progress is not None:
            self.progress(self.done, self.total)
