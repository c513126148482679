"""The attendance table's cells, made column by column (distinct values once, times
once per minute), are byte for byte what the row-by-row definition gives: every value
through ``spreadsheet_safe``, every time ``event.local(t).isoformat(timespec="seconds")``.
"""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest

from checkin.core.dashboard.attendance import AttendanceTable, _IsoTimes, attendance_table
from checkin.core.dashboard.attendance import write_csv as write_attendance_csv
from checkin.core.desk.service import CheckinService
from checkin.core.text import spreadsheet_safe
from checkin.core.types import ScanSource
from checkin.core.wording import words
from tests.conftest import insert_delegates


def _row_by_row(table: AttendanceTable, *, localised: bool = False) -> list[list[str]]:
    """The cells as the export made them before it went column-wise."""
    tr = words(table.event.language) if localised else str

    def iso(when: dt.datetime | None) -> str:
        return when.isoformat(timespec="seconds") if when else ""

    out = []
    for r in table.rows:
        d = r.delegate
        values = [
            d.reference or f"#{d.number}", d.first_name, d.last_name, d.organisation,
            d.country, d.category, d.email, tr(d.status), iso(r.arrived_at),
            tr(r.arrived_via) if r.arrived_via else "", r.arrival_station,
            r.arrived_via, *(iso(t) for t in r.sessions),
        ]  # fmt: skip
        out.append([spreadsheet_safe(v) for v in values])
    return out


@pytest.fixture
def busy(store, event):
    """Hostile and repeated values, arrivals at odd seconds and microseconds, sessions."""
    hostile = ["=1+1", "+41 22", "-x", "@me", "\tTab", "\rCR", "'quoted", "Łukasz", "أميرة"]
    people = [
        {"first_name": hostile[i % len(hostile)], "last_name": hostile[(i * 7) % len(hostile)],
         "organisation": hostile[(i * 3) % len(hostile)] if i % 4 else "IOM",
         "country": "=CH" if i % 5 == 0 else "CH", "category": "participant",
         "email": f"@p{i}@example.org" if i % 6 == 0 else f"p{i}@example.org",
         "reference": "" if i % 9 == 0 else f"-R{i}" if i % 2 else f"R{i}",
         "status": "cancelled" if i % 11 == 0 else "registered"}
        for i in range(60)
    ]  # fmt: skip
    ids = insert_delegates(store, event, people)
    desk = CheckinService(store, event, station="=Desk 2")
    base = dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.UTC)
    for n, delegate in enumerate(ids):
        if n % 11 == 0:
            continue  # cancelled: not admitted
        when = base + dt.timedelta(seconds=n * 37, microseconds=n * 12345)
        source = ScanSource.WALK_IN if n % 3 == 0 else ScanSource.SCANNER
        desk.check_in(delegate, source=source, now=when)
        if n % 2:
            later = base + dt.timedelta(hours=1, seconds=n * 53, microseconds=999_999)
            desk.check_in(delegate, session="financing", now=later)
    return ids


@pytest.mark.parametrize("localised", [False, True])
def test_cells_are_the_row_by_row_cells(store, event, busy, localised):
    table = attendance_table(store, event)
    assert len(table.rows) == 60
    cells = list(table.cells(localised=localised))
    assert cells == _row_by_row(table, localised=localised)
    assert any(row[8] for row in cells) and any(row[-1] for row in cells)  # times made
    assert any(c.startswith("'=") for row in cells for c in row)  # guards made


def test_csv_bytes_are_the_row_by_row_csv(store, event, busy, tmp_path):
    import csv

    table = attendance_table(store, event)
    expected = io.StringIO(newline="")
    writer = csv.writer(expected)
    writer.writerow(table.header)
    writer.writerows(_row_by_row(table))
    out = write_attendance_csv(table, tmp_path / "a.csv")
    assert out.read_bytes() == expected.getvalue().encode("utf-8-sig")


@pytest.mark.parametrize("zone,start", [
    ("Europe/Zurich", dt.datetime(2026, 10, 25, 0, 0)),  # clocks go back: 02:xx twice
    ("Europe/Zurich", dt.datetime(2026, 3, 29, 0, 0)),  # clocks go forward
    ("Asia/Kathmandu", dt.datetime(2026, 11, 28, 3, 0)),  # +05:45
    ("Africa/Monrovia", dt.datetime(1971, 12, 31, 22, 0)),  # -00:44:30 until 1972
    ("UTC", dt.datetime(2026, 11, 28, 23, 30)),
])  # fmt: skip
def test_iso_times_match_isoformat_in_the_zone(zone, start):
    tz = ZoneInfo(zone)
    iso = _IsoTimes(tz)
    for minutes in range(0, 180, 7):
        for second, micro in ((0, 0), (59, 999_999), (30, 500_000)):
            when = start + dt.timedelta(minutes=minutes, seconds=second, microseconds=micro)
            expected = when.replace(tzinfo=dt.UTC).astimezone(tz).isoformat(timespec="seconds")
            assert iso(when) == expected
            assert iso(when.replace(tzinfo=dt.UTC)) == expected  # an aware time too
    assert iso(None) == ""
