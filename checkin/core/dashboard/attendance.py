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

from sqlalchemy import func, select

from checkin.core.dashboard.files import ExportCancelled, Progress, write_private
from checkin.core.dashboard.xlsx_writer import write_text_workbook
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.text import spreadsheet_safe
from checkin.core.types import DelegateInfo, EventInfo
from checkin.core.wording import words

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
        the machine values."""
        tr = words(self.event.language) if localised else str
        for r in self.rows:
            d = r.delegate
            values = [
                d.reference or f"#{d.number}", d.first_name, d.last_name, d.organisation,
                d.country, d.category, d.email, tr(d.status), _iso(r.arrived_at),
                tr(r.arrived_via) if r.arrived_via else "", r.arrival_station,
                r.arrived_via, *(_iso(t) for t in r.sessions),
            ]  # fmt: skip
            yield [spreadsheet_safe(v) for v in values]


def _iso(when: dt.datetime | None) -> str:
    return when.isoformat(timespec="seconds") if when else ""


def _local_in(event: EventInfo) -> Callable[[dt.datetime], dt.datetime]:
    """``event.local`` with the zone looked up once: it runs for every time of a
    50,000-row table."""
    tz, utc = event.tz, dt.UTC

    def local(when: dt.datetime) -> dt.datetime:
        return (when if when.tzinfo else when.replace(tzinfo=utc)).astimezone(tz)

    return local


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
    local = _local_in(event)
    with store.read() as s:
        conn = s.connection()  # Core rows: no ORM bookkeeping per row
        stations = dict(conn.execute(venue).all())
        per_session: dict[int, list[dt.datetime | None]] = {}
        for delegate_id, scope, admitted_at in conn.execute(attended):
            if scope in column:
                times = per_session.setdefault(delegate_id, [None] * len(sessions))
                times[column[scope]] = local(admitted_at)
        rows = conn.execute(query).all()
    out = []
    for row in rows:
        delegate = delegate_from_row(row)
        out.append(
            AttendanceRow(
                delegate=delegate,
                arrived_at=local(row.arrived_at) if row.arrived_at else None,
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
