"""The dashboard's charts (QtCharts): arrivals over time, sessions, categories, top groups.

Each chart is built once and updated in place from a ``Dashboard`` snapshot: a line's
points replaced in one call, bar sets refilled, axes re-ranged.  Updates cost well
under a millisecond each, so they run on the GUI thread without a visible stall.
Every series has a legend or axis label in words; colours are never the only cue.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from checkin.core.dashboard.snapshot import Dashboard
from checkin.core.dashboard.stats import GroupCount
from checkin.core.roster.countries import country_name
from checkin.core.types import EventInfo

TOP_N = 6  # more rows than this and QtCharts elides the labels at the usual height
ARRIVED = QColor("#1B5E20")  # dark green
EXPECTED = QColor("#90A4AE")  # blue-grey
PRESENT = QColor("#0D47A1")  # dark blue


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSize(11)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # live data: no lag
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(220)
    return view


def _wall_ms(event: EventInfo, when: dt.datetime) -> int:
    """Milliseconds that ``QDateTimeAxis`` (which labels in the machine's own time zone)
    shows as the event's wall-clock time: a laptop left on UTC still reads 08:30."""
    local = event.local(when)
    stamp = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute, local.second))
    return stamp.toMSecsSinceEpoch()


class ArrivalsChart:
    """Cumulative arrivals against time, from registration opening, with the number
    expected as a flat line: the gap between the two is who is still to come."""

    def __init__(self, event: EventInfo) -> None:
        self.event = event
        self.chart = _chart(_tr("Arrivals over time"))
        self.arrived = QLineSeries()
        self.arrived.setName(_tr("Arrived (cumulative)"))
        self.arrived.setPen(QPen(ARRIVED, 3))
        self.expected = QLineSeries()
        self.expected.setName(_tr("Expected"))
        pen = QPen(EXPECTED, 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.expected.setPen(pen)
        for series in (self.expected, self.arrived):
            self.chart.addSeries(series)
        self.x = QDateTimeAxis()
        self.x.setFormat("HH:mm")
        self.x.setTitleText(_tr("Time (%1)").replace("%1", event.timezone))
        self.x.setTickCount(7)
        self.y = QValueAxis()
        self.y.setLabelFormat("%d")
        self.y.setTitleText(_tr("People"))
        self.chart.addAxis(self.x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y, Qt.AlignmentFlag.AlignLeft)
        for series in (self.expected, self.arrived):
            series.attachAxis(self.x)
            series.attachAxis(self.y)
        self.view = _view(self.chart, _tr("Chart: cumulative arrivals over time"))
        self._last: tuple | None = None

    def update(self, dash: Dashboard) -> None:
        stats = dash.stats
        minute = dash.now.replace(second=0, microsecond=0)
        key = (stats.arrivals, stats.registered, stats.arrived, minute)
        if key == self._last:
            return
        self._last = key
        opens = self.event.registration_opens
        sessions = [s for s in self.event.sessions if s.attendance]
        start = opens or (sessions[0].starts_at if sessions else None)
        points = []
        if stats.arrivals:
            first = stats.arrivals[0].start
            start = min(start, first) if start else first
            # The line steps from zero at the first bucket's start to each bucket's end.
            points.append(QPointF(_wall_ms(self.event, first), 0))
            step = (
                stats.arrivals[1].start - first if len(stats.arrivals) > 1
                else dt.timedelta(minutes=15)
            )
            points += [
                QPointF(_wall_ms(self.event, b.start + step), b.cumulative)
                for b in stats.arrivals
            ]
        if start is None:
            start = dash.now
        end = max(dash.now, start + dt.timedelta(hours=1))
        if sessions:
            end = min(end, sessions[-1].ends_at) if dash.now < sessions[-1].ends_at else end
        if stats.arrivals:
            end = max(end, stats.arrivals[-1].start + dt.timedelta(minutes=15))
        end = max(end, start + dt.timedelta(minutes=30))
        self.arrived.replace(points)
        x0, x1 = _wall_ms(self.event, start), _wall_ms(self.event, end)
        self.expected.replace([QPointF(x0, stats.registered), QPointF(x1, stats.registered)])
        self.x.setRange(QDateTime.fromMSecsSinceEpoch(x0), QDateTime.fromMSecsSinceEpoch(x1))
        self.y.setRange(0, max(1, stats.registered, stats.arrived) * 1.05)
        self.y.applyNiceNumbers()


class BarChart:
    """Horizontal bars for a handful of labelled groups, two sets side by side."""

    def __init__(self, title: str, name: str, first: str, second: str,
                 colours: tuple[QColor, QColor]) -> None:
        self.chart = _chart(title)
        self.series = QHorizontalBarSeries()
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.sets = (QBarSet(first), QBarSet(second))
        for bar_set, colour in zip(self.sets, colours, strict=True):
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.setLabelColor(QColor("#1A1A1A"))
            self.series.append(bar_set)
        self.chart.addSeries(self.series)
        self.y = QBarCategoryAxis()
        small = QFont()
        small.setPointSize(8)
        self.y.setLabelsFont(small)  # labels taller than a row are elided to "…"
        self.x = QValueAxis()
        self.x.setLabelFormat("%d")
        self.chart.addAxis(self.y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.x, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.y)
        self.series.attachAxis(self.x)
        self.view = _view(self.chart, name)
        self._labels: list[str] = []
        self._rows: list[tuple[str, int, int]] | None = None

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        """``(label, first, second)`` from top to bottom; nothing redrawn if unchanged."""
        if rows == self._rows:
            return
        self._rows = list(rows)
        rows = list(reversed(rows))  # horizontal bars are drawn bottom-up
        labels = _unique([label for label, _a, _b in rows])
        for k, bar_set in enumerate(self.sets):
            values = [float(r[1 + k]) for r in rows]
            if bar_set.count() != len(values):
                bar_set.remove(0, bar_set.count())
                bar_set.append(values)
            else:
                for i, v in enumerate(values):
                    if bar_set.at(i) != v:
                        bar_set.replace(i, v)
        if labels != self._labels:
            self.y.clear()
            self.y.append(labels)
            self._labels = labels
        top = max([1, *(max(r[1], r[2]) for r in rows)])
        self.x.setRange(0, top * 1.15)
        self.x.applyNiceNumbers()


def _unique(labels: list[str]) -> list[str]:
    """QBarCategoryAxis needs distinct, non-empty labels (two organisations may share
    a shortened name)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        label = label or "—"
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class DashboardCharts:
    """The four charts of the overview, updated together."""

    def __init__(self, event: EventInfo) -> None:
        self.event = event
        self.arrivals = ArrivalsChart(event)
        self.sessions = BarChart(
            _tr("Attendance per session"), _tr("Chart: attendance per session"),
            _tr("Attended"), _tr("In the room now"), (ARRIVED, PRESENT),
        )
        self.categories = BarChart(
            _tr("Arrivals by category"), _tr("Chart: arrivals by category"),
            _tr("Arrived"), _tr("Registered"), (ARRIVED, EXPECTED),
        )
        self.organisations = BarChart(
            _tr("Top organisations"), _tr("Chart: top organisations"),
            _tr("Arrived"), _tr("Registered"), (ARRIVED, EXPECTED),
        )
        self.countries = BarChart(
            _tr("Top countries"), _tr("Chart: top countries"),
            _tr("Arrived"), _tr("Registered"), (ARRIVED, EXPECTED),
        )

    def views(self):
        return [c.view for c in (self.arrivals, self.sessions, self.categories,
                                 self.organisations, self.countries)]

    def update(self, dash: Dashboard) -> None:
        for step in self.steps(dash):
            step()

    def steps(self, dash: Dashboard) -> list:
        """The update as one callable per chart, to spread over event-loop turns."""

        def label(key: str) -> str:
            c = self.event.category(key)
            return c.label if c else key

        def country(key: str) -> str:
            return country_name(key, self.event.language) if key else ""

        sessions = [(_short(s.title), s.attended, s.present) for s in dash.sessions]
        stats = dash.stats
        return [
            lambda: self.arrivals.update(dash),
            lambda: self.sessions.set_rows(sessions),
            lambda: self.categories.set_rows(_groups(stats.by_category, label)),
            lambda: self.organisations.set_rows(_groups(stats.by_organisation, _short, TOP_N)),
            lambda: self.countries.set_rows(_groups(stats.by_country, country, TOP_N)),
        ]


def _groups(groups: tuple[GroupCount, ...], label, top: int | None = None):
    rows = [(label(g.key), g.arrived, g.registered) for g in groups]
    return rows[:top] if top else rows
