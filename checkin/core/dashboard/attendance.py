"""The attendance table — one row per delegate: arrival, how and where, and one column
per attendance-taking session — read in one short session, and written as CSV or XLSX
(``xlsx_writer``).

Every text cell goes through ``text.spreadsheet_safe`` (OWASP "CSV injection"): names
come from registration forms anyone could fill in, and a spreadsheet would otherwise run
``=HYPERLINK(...)`` typed as a last name.  Files are written whole and private
(``files.write_private``).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from checkin.core.dashboard.files import ExportCancelled, Progress, write_private
from checkin.core.dashboard.xlsx_writer import write_text_workbook
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.roster.delegates import DELEGATE_COLUMNS
from checkin.core.text import FORMULA_START, spreadsheet_safe
from checkin.core.types import DelegateInfo, EventInfo
from checkin.core.wording import words

# ------------------------------------------------------------------ the table


@dataclass(frozen=True)
class AttendanceRow:
    """One delegate's line.  Times are kept as stored (UTC) and given in the event's
    zone when asked (``arrived_at``, ``sessions``): an export writes them as text
    straight from UTC, once per minute (``_IsoTimes``), not as 100,000 conversions."""

    delegate: DelegateInfo
    arrived_utc: dt.datetime | None
    arrived_via: str
    arrival_station: str
    sessions_utc: tuple[dt.datetime | None, ...]  # admission time per column
    zone: dt.tzinfo  # the event's

    @property
    def arrived_at(self) -> dt.datetime | None:
        """Aware, in the event's time zone."""
        return _local(self.arrived_utc, self.zone)

    @property
    def sessions(self) -> tuple[dt.datetime | None, ...]:
        """The admission time per session column, aware, in the event's time zone."""
        return tuple(_local(t, self.zone) for t in self.sessions_utc)


def _local(when: dt.datetime | None, zone: dt.tzinfo) -> dt.datetime | None:
    if when is None:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).astimezone(zone)


@dataclass(frozen=True)
class AttendanceTable:
    event: EventInfo
    session_keys: tuple[str, ...]
    session_titles: tuple[str, ...]
    rows: tuple[AttendanceRow, ...]

    @property
    def header(self) -> tuple[str, ...]:
        # ``arrived_source``: the source of the admission that counts (scanner, kiosk…)
        # as its machine key in both files, where ``arrived_via`` is worded in the
        # workbook: what ``checkin list --json`` calls it (the kiosk's contract).
        return (
            "reference", "first_name", "last_name", "organisation", "country", "category",
            "email", "status", "arrived_at", "arrived_via", "arrival_station",
            "arrived_source", *(f"session:{k}" for k in self.session_keys),
        )  # fmt: skip

    def headings(self) -> tuple[str, ...]:
        """The header for people (the workbook), in the event's language: the machine
        keys for an English event, so scripts reading either file see the same names;
        ``session:KEY`` columns keep their key everywhere."""
        tr = words(self.event.language)
        return tuple(h if h.startswith("session:") else tr(h) for h in self.header)

    def cells(self, *, localised: bool = False) -> Iterable[list[str]]:
        """Each row as text cells, spreadsheet-safe (see ``spreadsheet_safe``).  ``localised``: the
        status and arrival words in the event's language (the workbook); the CSV keeps
        the machine values.

        Made column by column for 50,000 rows: a column whose values repeat
        (organisation, country, category, status, how and where) through a table of its
        distinct values, the names and e-mails guarded in one comprehension each, times
        formatted once per minute (``_IsoTimes``; they start with a digit: no guard)."""
        tr = words(self.event.language) if localised else str
        rows = self.rows
        delegates = [r.delegate for r in rows]
        via = [r.arrived_via for r in rows]
        iso = _IsoTimes(self.event.tz)
        columns = [
            _guarded([d.reference or f"#{d.number}" for d in delegates]),
            _guarded([d.first_name for d in delegates]),
            _guarded([d.last_name for d in delegates]),
            _repeating([d.organisation for d in delegates]),
            _repeating([d.country for d in delegates]),
            _repeating([d.category for d in delegates]),
            _guarded([d.email for d in delegates]),
            _repeating([d.status for d in delegates], tr),
            list(map(iso, [r.arrived_utc for r in rows])),
            _repeating(via, lambda v: tr(v) if v else ""),
            _repeating([r.arrival_station for r in rows]),
            _repeating(via),
        ]
        for i in range(len(self.session_keys)):
            columns.append(list(map(iso, [r.sessions_utc[i] for r in rows])))
        return map(list, zip(*columns, strict=True))


_FORMULA_FIRST = frozenset(FORMULA_START)


def _guarded(values: list[str]) -> list[str]:
    """``spreadsheet_safe`` of each value (text), inlined: the names of 50,000 people."""
    first = _FORMULA_FIRST
    return [v if v[:1] not in first else "'" + v for v in values]


def _repeating(values: list[str], word: Callable[[str], str] = str) -> list[str]:
    """``spreadsheet_safe(word(v))`` for each value, computed once per distinct value."""
    cell = {v: spreadsheet_safe(word(v)) for v in set(values)}
    return list(map(cell.__getitem__, values))


class _IsoTimes:
    """A stored (UTC) time as ``isoformat(timespec="seconds")`` in ``zone`` ('' for None),
    each minute converted and formatted once: a 50,000-row table has 100,000 times or
    more in a few hundred minutes.  The seconds are the UTC time's own: true of every
    offset in whole minutes (any zone since 1972); another offset is converted whole."""

    def __init__(self, zone: dt.tzinfo) -> None:
        self.zone = zone
        self.minutes: dict[tuple[int, ...], tuple[str, ...]] = {}

    def __call__(self, when: dt.datetime | None) -> str:
        if when is None:
            return ""
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        key = (when.year, when.month, when.day, when.hour, when.minute)
        parts = self.minutes.get(key)
        if parts is None:
            parts = self.minutes[key] = self._minute(when)
        if parts:
            return f"{parts[0]}{when.second:02d}{parts[1]}"
        return when.replace(tzinfo=dt.UTC).astimezone(self.zone).isoformat(timespec="seconds")

    def _minute(self, when: dt.datetime) -> tuple[str, ...]:
        """("2026-11-28T09:05:", "+01:00") for the minute of ``when``; () when the offset
        has seconds."""
        local = when.replace(second=0, microsecond=0, tzinfo=dt.UTC).astimezone(self.zone)
        offset = local.utcoffset()
        if offset is None or offset.seconds % 60:
            return ()
        text = local.isoformat(timespec="seconds")
        return (text[:17], text[19:])


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
    zone = event.tz
    with store.read() as s:
        conn = s.connection()  # Core rows: no ORM bookkeeping per row
        stations = dict(conn.execute(venue).all())
        per_session: dict[int, list[dt.datetime | None]] = {}
        for delegate_id, scope, admitted_at in conn.execute(attended):
            if scope in column:
                times = per_session.setdefault(delegate_id, [None] * len(sessions))
                times[column[scope]] = admitted_at
        rows: list[Any] = list(conn.execute(query).all())  # by index below
    # Positional and by index: this runs 50,000 times.  A delegate's id is column 0.
    width = len(DELEGATE_COLUMNS)
    nobody: tuple[dt.datetime | None, ...] = (None,) * len(sessions)
    attended_at = {key: tuple(times) for key, times in per_session.items()}
    out = [
        AttendanceRow(
            DelegateInfo(*row[:width]),
            row[width],
            row[width + 1] or "",
            stations.get(row[0], ""),
            attended_at.get(row[0], nobody),
            zone,
        )
        for row in rows
    ]
    return AttendanceTable(
        event=event,
        session_keys=tuple(s.key for s in sessions),
        session_titles=tuple(s.title for s in sessions),
        rows=tuple(out),
    )


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

    return write_private(out, write)


def write_xlsx(
    table: AttendanceTable,
    out: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Streamed (``xlsx_writer``: the sheet's XML straight into the zip): 50,000 rows in
    a couple of seconds and constant memory.  A cancel leaves nothing (``write_private``
    removes the partial file)."""

    def write(path: Path) -> None:
        widths = [14, 16, 20, 36, 8, 14, 30, 11, 26, 10, 14] + [26] * len(table.session_keys)
        rows = itertools.chain(
            [list(table.headings())], _rows(table, progress, cancelled, localised=True)
        )
        write_text_workbook(path, words(table.event.language)("Attendance"), rows, widths)

    return write_private(out, write)
