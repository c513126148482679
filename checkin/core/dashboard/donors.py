"""The attendance report for donors: totals, per session, per category, country and
organisation, with charts — counts only, no names.

Built on ``stats.compute_stats`` (the dashboard's own headcounts), in the event's
language and number format (12'345 in Geneva).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from checkin.core.dashboard import pdf
from checkin.core.dashboard.files import write_private
from checkin.core.dashboard.stats import Stats, compute_stats
from checkin.core.db.store import Store
from checkin.core.roster.countries import country_name
from checkin.core.types import EventInfo
from checkin.core.wording import date_text, datetime_text, number, percent, time_text, words


def write_report_pdf(
    store: Store, event: EventInfo, out: str | Path, *, now: dt.datetime | None = None
) -> Path:
    """The attendance report for donors: counts only, no names; ``now`` is the time
    the report says it was made (default: the clock)."""
    st = compute_stats(store, event, now=now)
    report = _Report(event, pdf.styles())
    story = [*report.heading(st), *report.totals(st), *report.sessions(st), *report.groups(st)]
    tr = words(event.language)

    def write(path: Path) -> None:
        doc = pdf.document(path, f"{tr('Attendance report')} - {event.name}")
        footer = pdf.footer(f"{event.name} — {tr('attendance report')}")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)

    return write_private(out, write)


class _Report:
    """The report's parts, each a list of flowables, in the event's language."""

    def __init__(self, event: EventInfo, styles: dict) -> None:
        self.event = event
        self.styles = styles
        self.lang = event.language
        self.tr = words(event.language)

    def figure(self, value) -> str:
        """A count in the event's locale (12'345 in Geneva); text cells as they are."""
        return number(value, self.lang) if isinstance(value, int) else str(value)

    def table(self, header: Sequence[str], rows: Sequence[Sequence], widths):
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Table, TableStyle

        from checkin.core.badges import typeset

        cell = self.styles["cell"]
        data: list[list] = [[Paragraph(escape(h), cell) for h in header]]
        for r in rows:
            # The first column is text that may wrap; the others are figures.
            data.append([Paragraph(pdf.text(str(r[0])), cell), *map(self.figure, r[1:])])
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

    def h2(self, title: str):
        """A section title, ``title`` already in the event's language."""
        from reportlab.platypus import Paragraph

        return Paragraph(escape(title), self.styles["h2"])

    def heading(self, st: Stats) -> list:
        from reportlab.platypus import Paragraph

        event, lang, tr = self.event, self.lang, self.tr
        where = ", ".join(x for x in (event.venue, event.address) if x)
        generated = datetime_text(event.local(st.generated_at), lang)
        return [
            Paragraph(pdf.text(event.name), self.styles["title"]),
            Paragraph(pdf.text(f"{where} — {date_text(event.date, lang)}"), self.styles["body"]),
            Paragraph(
                escape(tr("Attendance report generated {when} ({timezone}).").format(
                    when=generated, timezone=event.timezone)),
                self.styles["small"],
            ),
        ]

    def totals(self, st: Stats) -> list:
        from reportlab.lib.units import mm

        tr = self.tr
        share = percent(st.arrived, st.registered, self.lang)
        return [
            self.h2(tr("Totals")),
            self.table(
                ["", tr("count")],
                [
                    [tr("Registered"), st.registered],
                    [tr("Arrived"), f"{self.figure(st.arrived)} ({share})"],
                    [tr("Did not come"), st.not_arrived],
                    [tr("Registered on the day (walk-ins)"), st.walk_ins],
                    [tr("Cancelled registrations"), st.cancelled],
                ],
                [110 * mm, 60 * mm],
            ),
        ]

    def sessions(self, st: Stats) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer

        event, lang, tr = self.event, self.lang, self.tr
        story: list = []
        if st.sessions:
            story.append(self.h2(tr("Sessions")))
            story.append(self.table(
                [tr("Session"), tr("Start"), tr("Attended"), tr("Capacity")],
                [[s.title, time_text(event.local(s.starts_at), lang), s.attended,
                  s.capacity or "—"] for s in st.sessions],
                [100 * mm, 20 * mm, 25 * mm, 25 * mm],
            ))
            story.append(Spacer(1, 4 * mm))
            story.append(_bar_chart(
                [s.title for s in st.sessions], [s.attended for s in st.sessions],
                width=180 * mm, height=max(60 * mm, 12 * mm * len(st.sessions)),
                horizontal=True, caption=tr("Attendance per session"), language=lang,
            ))
        if st.arrivals:
            story.append(_bar_chart(
                [f"{b.start:%H:%M}" for b in st.arrivals], [b.arrivals for b in st.arrivals],
                width=180 * mm, height=65 * mm, horizontal=False,
                caption=tr("Arrivals per quarter hour"), language=lang,
            ))
        return story

    def groups(self, st: Stats) -> list:
        from reportlab.lib.units import mm

        event, tr = self.event, self.tr
        labels = {c.key: c.label for c in event.categories}
        parts = (
            (tr("Categories"), tr("Category"), st.by_category,
             lambda key: labels.get(key, key)),
            (tr("Countries"), tr("Country"), st.by_country,
             lambda key: country_name(key, event.language) if key else ""),
            (tr("Organisations"), tr("Organisation"), st.by_organisation, lambda key: key),
        )  # fmt: skip
        story: list = []
        for title, column, counts, name in parts:
            if counts:
                story.append(self.h2(title))
                story.append(self.table(
                    [column, tr("Registered"), tr("Arrived")],
                    [[name(g.key) or "—", g.registered, g.arrived] for g in counts],
                    [110 * mm, 30 * mm, 30 * mm],
                ))
        return story


def _bar_chart(labels: Sequence[str], values: Sequence[int], *, width: float, height: float,
              horizontal: bool, caption: str, language: str = "en"):
    """A captioned bar chart in the bundled font, its figures in the event's locale."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from checkin.core.badges import typeset

    # renderPDF starts a drawing in its initial font: Helvetica (unembedded, no Ł)
    # unless told otherwise.
    drawing = Drawing(width, height, initialFontName=typeset.REGULAR)
    # Any: reportlab's stubs type the geometry as int; the charts take points as floats.
    chart: Any = HorizontalBarChart() if horizontal else VerticalBarChart()
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
    chart.categoryAxis.categoryNames = [pdf.plain(x)[:34] for x in labels]
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
