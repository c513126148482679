"""Exports after (or during) the event: attendance tables, the donors' report, and the
paper sign-in sheet kept ready in case a laptop dies.

* ``attendance_table`` — one row per delegate (arrival, how and where, and one column
  per attendance-taking session), read in one short session;
* ``write_csv`` / ``write_xlsx`` — that table as a file.  Every text cell starting with
  ``= + - @`` (or tab / carriage return) gets a leading ``'`` (OWASP "CSV injection"):
  names come from registration forms anyone could fill in, and a spreadsheet would
  otherwise run ``=HYPERLINK(...)`` typed as a last name;
* ``write_report_pdf`` — totals, per session, per organisation and country, with charts;
* ``write_sign_in_sheet`` — alphabetical, tick boxes, split per desk (A–K / L–Z);
* ``record_paper_arrivals`` — the ticks on that paper, entered afterwards through the
  normal check-in engine (source ``import``), idempotent.

Every file is written to a private temporary file next to the target and moved into
place when complete: 0600 on POSIX (personal data), never half-written.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import itertools
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.errors import UserError
from checkin.core.roster.countries import country_name
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo, Outcome, ScanSource
from checkin.core.wording import date_text, datetime_text, number, percent, time_text, words

KINDS = ("csv", "xlsx", "report", "sign-in")
_BY_SUFFIX = {".csv": "csv", ".xlsx": "xlsx", ".pdf": "report"}

# OWASP: cells a spreadsheet may read as a formula (or as a formula after a tab/CR).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ReportError(UserError, ValueError):
    """An export that cannot be made; the message says why."""


def neutralise(value: str) -> str:
    """``value`` made safe to open in a spreadsheet: a leading ``'`` before ``= + - @``,
    tab or carriage return, so it shows as the text it is instead of running."""
    if value and value[0] in FORMULA_START:
        return "'" + value
    return value


# ------------------------------------------------------------------ the table


@dataclass(frozen=True)
class AttendanceRow:
    delegate: DelegateInfo
    arrived_at: dt.datetime | None  # aware, event's time zone
    arrived_via: str
    arrival_station: str
    sessions: tuple[dt.datetime | None, ...]  # admission time per column, event's zone


@dataclass(frozen=True)
class AttendanceTable:
    event: EventInfo
    session_keys: tuple[str, ...]
    session_titles: tuple[str, ...]
    rows: tuple[AttendanceRow, ...]

    @property
    def header(self) -> tuple[str, ...]:
        return (
            "reference", "first_name", "last_name", "organisation", "country", "category",
            "email", "status", "arrived_at", "arrived_via", "arrival_station",
            *(f"session:{k}" for k in self.session_keys),
        )  # fmt: skip

    def headings(self) -> tuple[str, ...]:
        """The header for people (the workbook), in the event's language: the machine
        keys for an English event, so scripts reading either file see the same names;
        ``session:KEY`` columns keep their key everywhere."""
        tr = words(self.event.language)
        return tuple(h if h.startswith("session:") else tr(h) for h in self.header)

    def cells(self, *, localised: bool = False) -> Iterable[list[str]]:
        """Each row as text cells, neutralised (see ``neutralise``).  ``localised``: the
        status and arrival words in the event's language (the workbook); the CSV keeps
        the machine values."""
        tr = words(self.event.language) if localised else str
        for r in self.rows:
            d = r.delegate
            values = [
                d.reference or f"#{d.number}", d.first_name, d.last_name, d.organisation,
                d.country, d.category, d.email, tr(d.status), _iso(r.arrived_at),
                tr(r.arrived_via) if r.arrived_via else "", r.arrival_station,
                *(_iso(t) for t in r.sessions),
            ]  # fmt: skip
            yield [neutralise(v) for v in values]


def _iso(when: dt.datetime | None) -> str:
    return when.isoformat(timespec="seconds") if when else ""


def attendance_table(store: Store, event: EventInfo) -> AttendanceTable:
    """Every delegate of the event (cancelled included, with their status), by name."""
    sessions = [s for s in event.sessions if s.attendance]
    column = {s.id: i for i, s in enumerate(sessions)}
    d = m.Delegate
    venue = (
        select(m.Admission.delegate_id, m.Scan.station)
        .join(m.Scan, m.Scan.id == m.Admission.scan_id)
        .where(m.Admission.event_id == event.id, m.Admission.scope == journal.VENUE)
    )
    attended = select(m.Admission.delegate_id, m.Admission.scope, m.Admission.admitted_at).where(
        m.Admission.event_id == event.id, m.Admission.scope != journal.VENUE
    )
    query = (
        select(*DELEGATE_COLUMNS, d.arrived_at, d.arrived_via)
        .where(d.event_id == event.id)
        .order_by(func.lower(d.last_name), func.lower(d.first_name), d.number)
    )
    with store.read() as s:
        stations = dict(s.execute(venue).all())
        per_session: dict[int, list[dt.datetime | None]] = {}
        for delegate_id, scope, admitted_at in s.execute(attended):
            if scope in column:
                times = per_session.setdefault(delegate_id, [None] * len(sessions))
                times[column[scope]] = event.local(admitted_at)
        rows = s.execute(query).all()
    out = []
    for row in rows:
        delegate = delegate_from_row(row)
        out.append(
            AttendanceRow(
                delegate=delegate,
                arrived_at=event.local(row.arrived_at) if row.arrived_at else None,
                arrived_via=row.arrived_via or "",
                arrival_station=stations.get(delegate.id, ""),
                sessions=tuple(per_session.get(delegate.id, [None] * len(sessions))),
            )
        )
    return AttendanceTable(
        event=event,
        session_keys=tuple(s.key for s in sessions),
        session_titles=tuple(s.title for s in sessions),
        rows=tuple(out),
    )


# ------------------------------------------------------------------ files


def _write_private(out: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a 0600 temporary file next to ``out``, then move it there."""
    out = Path(out)
    if out.is_dir():
        raise ReportError("%1 is a folder: give a file name.", out)
    if not out.parent.exists():
        raise ReportError("%1 does not exist.", out.parent)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)  # mkstemp creates the file 0600
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


class ExportCancelled(Exception):
    """The export was cancelled; nothing was written at the target."""


Progress = Callable[[int, int], None]
_EVERY = 1000


def _rows(
    table: AttendanceTable, progress: Progress | None, cancelled, *, localised: bool = False
) -> Iterable[list[str]]:
    """The table's cells, reporting progress and checking cancel every 1,000 rows."""
    total = len(table.rows)
    for i, cells in enumerate(table.cells(localised=localised), start=1):
        if i % _EVERY == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(i, total)
        yield cells
    if progress is not None:
        progress(total, total)


def write_csv(
    table: AttendanceTable,
    out: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """UTF-8 with a BOM, so Excel opens "Łukasz" as such."""

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(table.header)
            w.writerows(_rows(table, progress, cancelled))

    return _write_private(out, write)


def write_xlsx(
    table: AttendanceTable,
    out: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Streamed (openpyxl write-only): 50,000 rows in constant memory."""
    from openpyxl import Workbook

    def write(path: Path) -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(words(table.event.language)("Attendance"))
        ws.freeze_panes = "A2"
        widths = [14, 16, 20, 36, 8, 14, 30, 11, 26, 10, 14] + [26] * len(table.session_keys)
        for i, width in enumerate(widths, start=1):
            from openpyxl.utils import get_column_letter

            ws.column_dimensions[get_column_letter(i)].width = width
        ws.append(list(table.headings()))
        try:
            for cells in _rows(table, progress, cancelled, localised=True):
                ws.append(cells)
        except BaseException:
            # openpyxl streams the sheet into a temporary file of its own (personal
            # data): finish and remove it rather than leave it to the garbage collector.
            with contextlib.suppress(Exception):
                ws.close()
                ws._writer.cleanup()
            raise
        wb.save(path)

    return _write_private(out, write)


def guess_kind(out: str | Path, kind: str | None = None) -> str:
    if kind:
        if kind not in KINDS:
            raise ReportError("Unknown export kind %1; one of: %2.", repr(kind), ", ".join(KINDS))
        return kind
    suffix = Path(out).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise ReportError(
            "Cannot tell the kind of export from %1: name it .csv, .xlsx or .pdf, or give "
            "--kind (%2).",
            repr(Path(out).name), ", ".join(KINDS),
        )
    return _BY_SUFFIX[suffix]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    rows: int | None  # delegates in a CSV/XLSX; None for the PDFs


def export(
    store: Store,
    event: EventInfo,
    out: str | Path,
    *,
    kind: str | None = None,
    split: Sequence[DeskRange] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Any export by kind (guessed from ``out``'s extension when not given): the one
    entry point for the command line and for ``run_in_background`` in the app."""
    kind = guess_kind(out, kind)
    if split and kind != "sign-in":
        raise ReportError("A split per desk is for the sign-in sheet only.")
    if kind in ("csv", "xlsx"):
        table = attendance_table(store, event)
        write = write_csv if kind == "csv" else write_xlsx
        path = write(table, out, progress=progress, cancelled=cancelled)
        return ExportResult(path, kind, len(table.rows))
    if kind == "report":
        return ExportResult(write_report_pdf(store, event, out), kind, None)
    return ExportResult(write_sign_in_sheet(store, event, out, split=split), kind, None)


# ------------------------------------------------------------------ PDF helpers


def _pdf_styles():
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


def _text(value: str) -> str:
    """User text for a Paragraph: drawable in the shipped font, shaped (Arabic), and
    escaped — a name typed as ``<b>`` must print as typed, not as markup."""
    from checkin.core.badges import typeset

    return escape(typeset.shape(typeset.clean(value, typeset.REGULAR)))


def _plain(value: str) -> str:
    """User text for a chart label (not parsed as markup)."""
    from checkin.core.badges import typeset

    return typeset.shape(typeset.clean(value, typeset.REGULAR))


def _footer(title: str):
    from checkin.core.badges import typeset

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(typeset.REGULAR, 7.5)
        canvas.drawString(doc.leftMargin, 10 * 2.8346, _plain(title))
        canvas.drawRightString(
            doc.pagesize[0] - doc.rightMargin, 10 * 2.8346, f"{doc.page}"
        )
        canvas.restoreState()

    return draw


def _doc(path: Path, title: str):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from checkin.core.badges import typeset

    typeset.register_fonts()
    return SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=18 * mm, title=title, creator="checkin", initialFontName=typeset.REGULAR,
    )


# ------------------------------------------------------------------ donors' report


def _bar_chart(labels: Sequence[str], values: Sequence[int], *, width: float, height: float,
               horizontal: bool, caption: str, language: str = "en"):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from checkin.core.badges import typeset

    # renderPDF starts a drawing in its initial font: Helvetica (unembedded, no Ł)
    # unless told otherwise.
    drawing = Drawing(width, height, initialFontName=typeset.REGULAR)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 170 if horizontal else 35
    chart.x, chart.y = left, 30 if not horizontal else 20
    chart.width = width - left - 15
    chart.height = height - (50 if not horizontal else 40)
    chart.data = [list(values)]
    chart.bars[0].fillColor = colors.HexColor("#1F5FA8")
    chart.valueAxis.valueMin = 0
    top = max(values) if values else 1
    chart.valueAxis.valueMax = max(top, 1) * 1.15
    chart.valueAxis.valueStep = max(1, round(max(top, 1) / 5))
    chart.valueAxis.labelTextFormat = lambda v: number(v, language)
    chart.valueAxis.labels.fontName = typeset.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [_plain(x)[:34] for x in labels]
    chart.categoryAxis.labels.fontName = typeset.REGULAR
    chart.categoryAxis.labels.fontSize = 7
    if not horizontal and len(labels) > 8:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barLabelFormat = lambda v: number(v, language)
    chart.barLabels.fontName = typeset.REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(String(0, height - 10, caption, fontName=typeset.BOLD, fontSize=9))
    return drawing


def write_report_pdf(store: Store, event: EventInfo, out: str | Path) -> Path:
    """The attendance report for donors: counts only, no names."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from checkin.core.badges import typeset
    from checkin.core.dashboard.stats import compute_stats

    st = compute_stats(store, event)
    styles = _pdf_styles()
    lang = event.language
    tr = words(lang)
    labels = {c.key: c.label for c in event.categories}

    def table(header: Sequence[str], rows: Sequence[Sequence], widths) -> Table:
        data = [[Paragraph(escape(h), styles["cell"]) for h in header]]
        for r in rows:
            # The first column is text that may wrap; the others are figures.
            data.append([Paragraph(_text(str(r[0])), styles["cell"]), *map(figure, r[1:])])
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), typeset.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F6F6")]),
        ]))  # fmt: skip
        return t

    def figure(value) -> str:
        """A count in the event's locale (12'345 in Geneva); text cells as they are."""
        return number(value, lang) if isinstance(value, int) else str(value)

    where = ", ".join(x for x in (event.venue, event.address) if x)
    generated = datetime_text(event.local(st.generated_at), lang)
    share = percent(st.arrived, st.registered, lang)
    story = [
        Paragraph(_text(event.name), styles["title"]),
        Paragraph(_text(f"{where} — {date_text(event.date, lang)}"), styles["body"]),
        Paragraph(
            escape(tr("Attendance report generated {when} ({timezone}).").format(
                when=generated, timezone=event.timezone)),
            styles["small"],
        ),
        Paragraph(escape(tr("Totals")), styles["h2"]),
        table(
            ["", tr("count")],
            [
                [tr("Registered"), st.registered],
                [tr("Arrived"), f"{figure(st.arrived)} ({share})"],
                [tr("Did not come"), st.not_arrived],
                [tr("Registered on the day (walk-ins)"), st.walk_ins],
                [tr("Cancelled registrations"), st.cancelled],
            ],
            [110 * mm, 60 * mm],
        ),
    ]
    if st.sessions:
        story.append(Paragraph(escape(tr("Sessions")), styles["h2"]))
        story.append(table(
            [tr("Session"), tr("Start"), tr("Attended"), tr("Capacity")],
            [[s.title, time_text(event.local(s.starts_at), lang), s.attended,
              s.capacity or "—"] for s in st.sessions],
            [100 * mm, 20 * mm, 25 * mm, 25 * mm],
        ))
        story.append(Spacer(1, 4 * mm))
        story.append(_bar_chart(
            [s.title for s in st.sessions], [s.attended for s in st.sessions],
            width=180 * mm, height=max(60 * mm, 12 * mm * len(st.sessions)), horizontal=True,
            caption=tr("Attendance per session"), language=lang,
        ))
    if st.arrivals:
        story.append(_bar_chart(
            [f"{b.start:%H:%M}" for b in st.arrivals], [b.arrivals for b in st.arrivals],
            width=180 * mm, height=65 * mm, horizontal=False,
            caption=tr("Arrivals per quarter hour"), language=lang,
        ))
    if st.by_category:
        story.append(Paragraph(escape(tr("Categories")), styles["h2"]))
        story.append(table(
            [tr("Category"), tr("Registered"), tr("Arrived")],
            [[labels.get(g.key, g.key) or "—", g.registered, g.arrived] for g in st.by_category],
            [110 * mm, 30 * mm, 30 * mm],
        ))
    if st.by_country:
        story.append(Paragraph(escape(tr("Countries")), styles["h2"]))
        story.append(table(
            [tr("Country"), tr("Registered"), tr("Arrived")],
            [[(country_name(g.key, event.language) if g.key else "") or "—", g.registered,
              g.arrived] for g in st.by_country],
            [110 * mm, 30 * mm, 30 * mm],
        ))
    if st.by_organisation:
        story.append(Paragraph(escape(tr("Organisations")), styles["h2"]))
        story.append(table(
            [tr("Organisation"), tr("Registered"), tr("Arrived")],
            [[g.key or "—", g.registered, g.arrived] for g in st.by_organisation],
            [110 * mm, 30 * mm, 30 * mm],
        ))

    def write(path: Path) -> None:
        doc = _doc(path, f"{tr('Attendance report')} - {event.name}")
        footer = _footer(f"{event.name} — {tr('attendance report')}")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)

    return _write_private(out, write)


# ------------------------------------------------------------------ sign-in sheet

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


def _desk_marker(title: str):
    """A flowable that takes no room and tells the page header which desk follows."""
    from reportlab.platypus import Flowable

    class _Desk(Flowable):
        def wrap(self, *_args):
            return 0, 0

        def draw(self) -> None:
            self.canv._checkin_desk = title  # read by the page header at the page's end

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
        desk = getattr(canvas, "_checkin_desk", "")
        if desk:
            title += " — " + tr("desk {desk}").format(desk=desk)
        title = _plain(title)
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
                          _plain(f"{event_name} — {tr('sign-in sheet (fallback)')}"))
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
    from reportlab.platypus import PageBreak, Paragraph

    query = select(*DELEGATE_COLUMNS).where(
        m.Delegate.event_id == event.id,
        m.Delegate.status == DelegateStatus.REGISTERED.value,
    )
    with store.read() as s:
        delegates = [delegate_from_row(r) for r in s.execute(query)]
    if not delegates:
        raise ReportError("No registered delegate: nothing to put on a sign-in sheet.")
    styles = _pdf_styles()
    tr = words(event.language)
    # The command stays as typed: it is what the organiser enters afterwards.
    instruction = escape(
        f"{date_text(event.date, event.language)}. {tr('Tick the box and write the time.')} "
        f"{tr('Enter the ticks afterwards with:')} checkin paper-arrivals REF... --at HH:MM"
    )
    story: list = []
    groups = sign_in_groups(delegates, split, language=event.language)
    for i, (title, group) in enumerate(groups):
        if i:
            story.append(PageBreak())
        story.append(_desk_marker(title))
        story.append(Paragraph(instruction, styles["small"]))
        rows = []
        for d in group:
            name = ", ".join(x for x in (d.last_name, d.first_name) if x)
            rows.append([
                "☐", short_ref(d), Paragraph(_text(name), styles["cell"]),
                Paragraph(_text(d.organisation), styles["cell"]), "",
            ])
        if not rows:
            rows.append(["", "", Paragraph(escape(tr("(nobody)")), styles["cell"]), "", ""])
        # Tables of a page or so each: splitting one 50,000-row table page by page costs
        # time quadratic in its length.
        for start in range(0, len(rows), _SHEET_CHUNK):
            story.append(_sheet_table(rows[start : start + _SHEET_CHUNK]))

    def write(path: Path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        from checkin.core.badges import typeset

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
        doc.build(story)

    return _write_private(out, write)


# ------------------------------------------------------------------ paper arrivals


@dataclass(frozen=True)
class PaperResult:
    admitted: tuple[str, ...]  # references newly recorded
    already: tuple[str, ...]  # references already checked in (nothing written)
    session: str | None


def read_refs(items: Sequence[str]) -> list[str]:
    """References from the command line: a name of an existing file is read (one per
    line, first comma/space-separated field, ``#`` lines are comments); anything else
    is a reference itself."""
    refs: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise ReportError("%1: cannot read the file (%2).", path, exc) from exc
            for line in text.splitlines():
                field = re.split(r"[,;\s]", line.strip(), maxsplit=1)[0]
                comment = field.startswith("#") and not re.fullmatch(r"#\d+", field)
                if field and not comment:
                    refs.append(field)
        elif item.strip():
            refs.append(item.strip())
    return refs


def paper_time(event: EventInfo, text: str) -> dt.datetime:
    """``09:10`` on the event day in its time zone, or an ISO date-time; aware UTC."""
    text = text.strip()
    match = re.fullmatch(r"([01]?\d|2[0-3])[:h.]([0-5]\d)", text)
    if match:
        local = dt.datetime.combine(
            event.date, dt.time(int(match.group(1)), int(match.group(2))), tzinfo=event.tz
        )
        return local.astimezone(dt.UTC)
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ReportError(
            "--at %1: give a time like 09:10 (on the event day) or an ISO date-time.", repr(text)
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=event.tz)
    return when.astimezone(dt.UTC)


def record_paper_arrivals(
    store: Store,
    event: EventInfo,
    refs: Sequence[str],
    *,
    at: dt.datetime,
    station: str,
    session: str | None = None,
    operator: str = "",
) -> PaperResult:
    """Record the ticks of a paper sheet as admissions at ``at`` (aware).

    Every reference is checked first: if one is unknown or cancelled nothing is
    written.  People already admitted (by a scan, or by an earlier run) are left alone
    — no journal row — so entering the same sheet twice changes nothing.
    """
    from checkin.core.desk.service import CheckinService

    wanted = list(dict.fromkeys(r.strip() for r in refs if r.strip()))
    if not wanted:
        raise ReportError("No reference given: list the ticked references (or a file of them).")
    service = CheckinService(store, event, station=station, operator=operator)
    sess = service.resolve_session(session, at)
    if session == "auto" and sess is None:
        raise ReportError("No session was running at %1.", f"{event.local(at):%H:%M}")
    scope = sess.id if sess else journal.VENUE
    numbers = {r: int(r[1:]) for r in wanted if re.fullmatch(r"#\d+", r)}
    d = m.Delegate
    with store.read() as s:
        rows = s.execute(
            select(d.id, d.reference, d.number, d.status).where(
                d.event_id == event.id,
                d.reference.in_([r for r in wanted if r not in numbers])
                | d.number.in_(list(numbers.values())),
            )
        ).all()
        found: dict[str, tuple[int, str]] = {}
        for row in rows:
            for r in wanted:
                if (r in numbers and numbers[r] == row.number) or r == row.reference:
                    found.setdefault(r, (row.id, row.status))
        admitted_ids = set(
            s.scalars(
                select(m.Admission.delegate_id).where(
                    m.Admission.event_id == event.id,
                    m.Admission.scope == scope,
                    m.Admission.delegate_id.in_([v[0] for v in found.values()]),
                )
            )
        )
    unknown = [r for r in wanted if r not in found]
    cancelled = [r for r in wanted if r in found and found[r][1] != "registered"]
    if unknown or cancelled:
        if not cancelled:
            raise ReportError(
                "Nothing recorded; check these references (unknown: %1).", ", ".join(unknown)
            )
        if not unknown:
            raise ReportError(
                "Nothing recorded; check these references (registration cancelled: %1).",
                ", ".join(cancelled),
            )
        raise ReportError(
            "Nothing recorded; check these references (unknown: %1; registration cancelled: %2).",
            ", ".join(unknown), ", ".join(cancelled),
        )
    new, already = [], []
    for r in wanted:
        delegate_id = found[r][0]
        if delegate_id in admitted_ids:
            already.append(r)
            continue
        admitted_ids.add(delegate_id)
        outcome = service.check_in(
            delegate_id, session=sess.key if sess else None, source=ScanSource.IMPORT, now=at
        )
        (new if outcome.status is Outcome.ADMITTED else already).append(r)
    return PaperResult(tuple(new), tuple(already), sess.key if sess else None)
