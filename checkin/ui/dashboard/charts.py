"""The dashboard's charts (QtCharts): arrivals over time, sessions, categories, top groups.

Each chart is built once and updated in place from a ``Dashboard`` snapshot: a line's
points replaced in one call, bar sets refilled, axes re-ranged.  Updates cost well
under a millisecond each, so they run on the GUI thread without a visible stall.
Every series has a legend or axis label in words; colours are never the only cue.

Counts are whole numbers, so their axes are too: 0 to a round maximum, a tick on every
step of 1, 2 or 5 × 10ⁿ (``count_axis``), never "0, 0, 1, 1".  Time runs on a
``QCategoryAxis`` in minutes of the event's wall clock with a label on each round
quarter, half hour or hour (``time_ticks``): ``QDateTimeAxis`` can only split its range
evenly.  Bar labels too long for the room QtCharts gives them are shortened by us to
the width that room allows (so QtCharts never cuts them), and the full text is a
tooltip on the row and in the chart's accessible description.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from checkin.core.dashboard.snapshot import Dashboard
from checkin.core.dashboard.stats import GroupCount
from checkin.core.roster.countries import country_name
from checkin.core.types import EventInfo
from checkin.ui.widgets.translations import language as ui_language

TOP_N = 6  # more rows than this and the labels no longer fit the usual height
ARRIVED = QColor("#1B5E20")  # dark green
EXPECTED = QColor("#90A4AE")  # blue-grey
PRESENT = QColor("#0D47A1")  # dark blue
LABEL_SHARE = 0.28  # of a bar chart's width for its row labels (QtCharts cuts past ~0.3)
LABEL_PX = (8, 13)  # least and most pixel size of a bar chart's row labels
TIME_STEPS = (15, 30, 60, 120, 180, 240)  # minutes between two time labels


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


MIN_CHART_HEIGHT = 250
"""Title, legend and axes take about 120 px: below this the plot is too short for its
labels (Qt cuts them to "…").  A short window scrolls the overview instead."""


def _view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(MIN_CHART_HEIGHT)
    return view


def nice_step(span: float, most: int) -> int:
    """The smallest whole step of 1, 2 or 5 × 10ⁿ that cuts ``span`` in at most
    ``most`` parts."""
    step = 1
    while True:
        for k in (1, 2, 5):
            if span / (k * step) <= most:
                return k * step
        step *= 10


def count_range(top: float, *, headroom: float = 1.0, most: int = 5) -> tuple[int, int]:
    """(maximum, step) of a count axis showing ``top`` (times ``headroom``: room for
    the bars' value labels): both whole, the maximum a multiple of the step."""
    target = max(1.0, top * headroom)
    step = nice_step(target, most)
    return math.ceil(target / step) * step, step


def count_axis(axis: QValueAxis, top: float, *, headroom: float = 1.0) -> None:
    """Whole numbers from 0, a tick and a label on every step."""
    maximum, step = count_range(top, headroom=headroom)
    axis.setTickType(QValueAxis.TickType.TicksFixed)
    axis.setRange(0, maximum)
    axis.setTickCount(maximum // step + 1)
    axis.setMinorTickCount(0)
    axis.setLabelFormat("%d")


def time_ticks(start: float, end: float, most: int = 8) -> list[int]:
    """Round times (minutes of the day) covering ``start``..``end``: every quarter,
    half hour, hour… whichever gives at most ``most`` + 1 labels."""
    for step in TIME_STEPS:
        first, last = math.floor(start / step) * step, math.ceil(end / step) * step
        if last == first:
            last += step
        if (last - first) // step <= most:
            return list(range(first, last + 1, step))
    step = TIME_STEPS[-1]
    first = math.floor(start / step) * step
    return list(range(first, max(first + step, math.ceil(end / step) * step) + 1, step))


def clock_label(minutes: int) -> str:
    return f"{(minutes // 60) % 24:02d}:{minutes % 60:02d}"


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
        self.x = QCategoryAxis()
        self.x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.x.setTitleText(_tr("Time (%1)").replace("%1", event.timezone))
        self.y = QValueAxis()
        self.y.setTitleText(_tr("People"))
        self.chart.addAxis(self.x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y, Qt.AlignmentFlag.AlignLeft)
        for series in (self.expected, self.arrived):
            series.attachAxis(self.x)
            series.attachAxis(self.y)
        self.chart.setMargins(QMargins(4, 4, 18, 4))  # the last time label is centred on the edge
        self.view = _view(self.chart, _tr("Chart: cumulative arrivals over time"))
        self._last: tuple | None = None
        self._midnight = dt.datetime.combine(event.date, dt.time())

    def minutes(self, when: dt.datetime) -> float:
        """Minutes since midnight of the event day, on the event's wall clock (a laptop
        left on UTC still reads 08:30)."""
        local = self.event.local(when).replace(tzinfo=None)
        return (local - self._midnight).total_seconds() / 60

    def update(self, dash: Dashboard) -> None:
        stats = dash.stats
        minute = dash.now.replace(second=0, microsecond=0)
        key = (stats.arrivals, stats.registered, stats.arrived, minute)
        if key == self._last:
            return
        self._last = key
        start, end, points = self._line(dash)
        self.arrived.replace(points)
        ticks = time_ticks(self.minutes(start), self.minutes(end))
        self._set_ticks(ticks)
        x0, x1 = ticks[0], ticks[-1]
        self.expected.replace([QPointF(x0, stats.registered), QPointF(x1, stats.registered)])
        count_axis(self.y, max(stats.registered, stats.arrived), headroom=1.05)
        self.view.setAccessibleDescription(
            _tr("%1 of %2 arrived by %3").replace("%1", str(stats.arrived))
            .replace("%2", str(stats.registered))
            .replace("%3", self.event.local(dash.now).strftime("%H:%M"))
        )

    def _line(self, dash: Dashboard) -> tuple[dt.datetime, dt.datetime, list[QPointF]]:
        """The time range to show and the cumulative line's points."""
        stats = dash.stats
        opens = self.event.registration_opens
        sessions = [s for s in self.event.sessions if s.attendance]
        start = opens or (sessions[0].starts_at if sessions else None)
        points = []
        if stats.arrivals:
            first = stats.arrivals[0].start
            start = min(start, first) if start else first
            # The line steps from zero at the first bucket's start to each bucket's end.
            points.append(QPointF(self.minutes(first), 0))
            step = (
                stats.arrivals[1].start - first if len(stats.arrivals) > 1
                else dt.timedelta(minutes=15)
            )
            points += [QPointF(self.minutes(b.start + step), b.cumulative)
                       for b in stats.arrivals]
        if start is None:
            start = dash.now
        end = max(dash.now, start + dt.timedelta(hours=1))
        if sessions:
            end = min(end, sessions[-1].ends_at) if dash.now < sessions[-1].ends_at else end
        if stats.arrivals:
            end = max(end, stats.arrivals[-1].start + dt.timedelta(minutes=15))
        end = max(end, start + dt.timedelta(minutes=30))
        return start, end, points

    def _set_ticks(self, ticks: list[int]) -> None:
        if [round(self.x.endValue(label)) for label in self.x.categoriesLabels()] == ticks:
            return
        for label in self.x.categoriesLabels():
            self.x.remove(label)
        # Labels sit on category ends: a sliver of a first category puts one on ticks[0].
        self.x.setStartValue(ticks[0] - 0.001)
        for t in ticks:
            self.x.append(clock_label(t), t)
        self.x.setRange(ticks[0], ticks[-1])


class _BarView(QChartView):
    """A bar chart's view that tells, on hover, the full label and figures of the row
    under the pointer (labels may be shortened to fit)."""

    def __init__(self, chart: QChart, owner: BarChart) -> None:
        super().__init__(chart)
        self._owner = owner

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            row = self._owner.row_at(self.mapToScene(event.pos()))
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), row, self)
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._owner.fit_labels()


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
        self._font = QFont()
        self._font.setPixelSize(LABEL_PX[1])
        self.y.setLabelsFont(self._font)
        self.x = QValueAxis()
        self.chart.addAxis(self.y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.x, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.y)
        self.series.attachAxis(self.x)
        self.view = _BarView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(name)
        self.view.setMinimumHeight(MIN_CHART_HEIGHT)
        self.chart.plotAreaChanged.connect(lambda _rect: self.fit_labels())
        self._names = (first, second)
        self._labels: list[str] = []
        self._rows: list[tuple[str, int, int]] | None = None
        self._shown: list[tuple[str, int, int]] = []  # bottom-up, as drawn

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        """``(label, first, second)`` from top to bottom; nothing redrawn if unchanged."""
        if rows == self._rows:
            return
        self._rows = list(rows)
        rows = list(reversed(rows))  # horizontal bars are drawn bottom-up
        self._shown = rows
        for k, bar_set in enumerate(self.sets):
            values = [float(r[1 + k]) for r in rows]
            if bar_set.count() != len(values):
                bar_set.remove(0, bar_set.count())
                bar_set.append(values)
            else:
                for i, v in enumerate(values):
                    if bar_set.at(i) != v:
                        bar_set.replace(i, v)
        self.fit_labels()
        top = max([1, *(max(r[1], r[2]) for r in rows)])
        count_axis(self.x, top, headroom=1.12)
        self.view.setAccessibleDescription("; ".join(
            f"{label}: {self._names[0]} {a}, {self._names[1]} {b}"
            for label, a, b in self._rows
        ))

    def fit_labels(self) -> None:
        """Row labels sized to their rows and shortened to the room they have (QtCharts
        would cut them itself, to "...", when wider than a third of the chart or taller
        than a row: a label item has 4 px of margin above and below its line)."""
        plot = self.chart.plotArea().height() or self.view.height() * 0.55
        row = plot / max(1, len(self._shown))
        px = max(LABEL_PX[0], min(LABEL_PX[1], int((row - 9) / 1.25)))
        if px != self._font.pixelSize():
            self._font.setPixelSize(px)
            self.y.setLabelsFont(self._font)
        metrics = QFontMetrics(self._font)
        room = max(60, int(self.view.width() * LABEL_SHARE))
        labels = _unique([
            metrics.elidedText(label or "—", Qt.TextElideMode.ElideRight, room)
            for label, _a, _b in self._shown
        ])
        if labels != self._labels:
            self.y.clear()
            self.y.append(labels)
            self._labels = labels

    def row_at(self, scene_pos: QPointF) -> str | None:
        """The full label and figures of the row at a point of the view, if any."""
        if not self._shown:
            return None
        plot = self.chart.plotArea()
        if not plot.top() <= scene_pos.y() <= plot.bottom():
            return None
        value = self.chart.mapToValue(self.chart.mapFromScene(scene_pos), self.series)
        i = round(value.y())
        if not 0 <= i < len(self._shown):
            return None
        label, a, b = self._shown[i]
        return f"{label}\n{self._names[0]}: {a}\n{self._names[1]}: {b}"


def _unique(labels: list[str]) -> list[str]:
    """QBarCategoryAxis needs distinct, non-empty labels (two organisations may be
    shortened alike): repeats get invisible zero-width spaces."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        label = label or "—"
        seen[label] = seen.get(label, 0) + 1
        out.append(label + "\u200b" * (seen[label] - 1))
    return out


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
            return country_name(key, ui_language()) if key else ""

        sessions = [(s.title, s.attended, s.present) for s in dash.sessions]
        stats = dash.stats
        return [
            lambda: self.arrivals.update(dash),
            lambda: self.sessions.set_rows(sessions),
            lambda: self.categories.set_rows(_groups(stats.by_category, label)),
            lambda: self.organisations.set_rows(_groups(stats.by_organisation, str, TOP_N)),
            lambda: self.countries.set_rows(_groups(stats.by_country, country, TOP_N)),
        ]


def _groups(groups: tuple[GroupCount, ...], label, top: int | None = None):
    rows = [(label(g.key), g.arrived, g.registered) for g in groups]
    return rows[:top] if top else rows
