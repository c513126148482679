"""The dashboard fits a small laptop: integer axes, round time ticks, readable labels,
sensible columns, and a page (and projector mode) that use the screen they get."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication

from checkin.ui.dashboard.charts import BarChart, clock_label, count_range, time_ticks
from checkin.ui.dashboard.page import DashboardPage
from tests.conftest import T0, insert_delegates


@pytest.mark.parametrize(("top", "expected"), [
    (0, (1, 1)), (1, (1, 1)), (2, (2, 1)), (3, (3, 1)), (7, (8, 2)), (12, (15, 5)),
    (89, (100, 20)), (1234, (1500, 500)),
])
def test_count_axes_are_whole_numbers(top, expected):
    maximum, step = count_range(top)
    assert (maximum, step) == expected
    assert maximum % step == 0 and maximum >= top and maximum // step <= 5


def test_time_ticks_fall_on_quarters_and_hours():
    assert time_ticks(8 * 60 + 30, 10 * 60) == [510, 525, 540, 555, 570, 585, 600]
    assert [clock_label(t) for t in time_ticks(8 * 60 + 37, 9 * 60 + 2)] == [
        "08:30", "08:45", "09:00", "09:15"]
    hours = time_ticks(8 * 60 + 10, 17 * 60 + 40)
    assert all(t % 60 == 0 for t in hours) and len(hours) <= 9
    assert hours[0] <= 8 * 60 + 10 and hours[-1] >= 17 * 60 + 40


def test_bar_labels_are_shortened_by_us_and_told_in_full(qtbot):
    chart = BarChart("Top organisations", "Chart", "Arrived", "Registered",
                     (QApplication.palette().text().color(),) * 2)
    qtbot.addWidget(chart.view)
    chart.view.resize(400, 230)
    chart.view.show()
    long = "International Organization for Migration"
    chart.set_rows([(long, 9, 12), ("ICVA", 3, 3), ("ICVA", 1, 2)])
    shown = chart.y.categories()
    assert shown[-1].startswith("International") and shown[-1].endswith("…")
    assert len(set(shown)) == 3  # the two ICVA rows stay apart
    assert long in chart.view.accessibleDescription()
    top = chart.chart.mapToPosition(chart.chart.mapToValue(chart.chart.plotArea().center()))
    row = chart.row_at(chart.view.mapToScene(QPoint(5, round(top.y()))))
    assert row is not None and "\n" in row
    assert chart.x.labelFormat() == "%d" and chart.x.max() == 15 and chart.x.tickCount() == 4


def test_page_fits_1280_by_650_and_columns_are_sized(qtbot, store, event):
    insert_delegates(store, event, [{"organisation": "Norwegian Refugee Council"}] * 3)
    page = DashboardPage(store, event, clock=lambda: T0 + dt.timedelta(hours=1))
    qtbot.addWidget(page)
    assert page.minimumSizeHint().height() <= 650 - 60  # room for the window's own bars
    page.resize(1280, 560)
    page.show()
    page.start()
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(page):
            corner = button.mapTo(page, QPoint(button.width(), button.height()))
            assert page.rect().contains(corner - QPoint(1, 1)), button.text()
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.recent_table))
    header = page.recent_table.horizontalHeader()
    last = header.count() - 1
    assert header.sectionSize(last) <= 300  # the last column no longer takes the rest
    assert not page.status.wordWrap()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_projector_figures_fill_the_screen(qtbot, store, event, size):
    page = DashboardPage(store, event, clock=lambda: T0 + dt.timedelta(hours=1))
    qtbot.addWidget(page)
    page.start()
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    page.set_projector(True)
    projector = page.projector
    projector.showNormal()
    projector.resize(*size)
    qtbot.waitUntil(lambda: projector.size().toTuple() == size, timeout=2_000)
    QApplication.processEvents()
    value = projector.arrived.value
    assert value.font().pixelSize() >= size[1] // 10  # large figures
    bottom = projector.session.mapTo(projector, QPoint(0, projector.session.height())).y()
    assert bottom >= size[1] * 0.6  # no empty half below the figures
    page.set_projector(False)


def test_columns_fit_their_contents_within_limits(qtbot, event):
    from checkin.core.dashboard.snapshot import Person
    from checkin.ui.dashboard.lists import COLUMN_WIDTHS, RowsModel, make_table, watch_columns

    model = RowsModel(watch_columns(event))
    view = make_table(model, "Watch list")
    qtbot.addWidget(view)
    long_name = "Dela Cruz-Villanueva"
    model.set_rows([Person(1, 1, "Maria", long_name, "Migrant Forum in Asia", "PH",
                           "", "speaker", None, None), Person(2, 2, "Li", "Wu", "X" * 120,
                                                              "CH", "", "speaker", None, None)])
    titles = [c.title for c in model.columns]
    last = titles.index("Last name")
    assert view.columnWidth(last) >= view.fontMetrics().horizontalAdvance(long_name)
    assert all(COLUMN_WIDTHS[0] <= view.columnWidth(i) <= COLUMN_WIDTHS[1]
               for i in range(len(titles)) if titles[i] != "Organisation")
    view.resize(1200, 300)
    view.show()
    organisation = titles.index("Organisation")
    qtbot.waitUntil(lambda: view.columnWidth(organisation) > 300)  # it takes the spare room
    assert view.columnWidth(len(titles) - 1) <= COLUMN_WIDTHS[1]
