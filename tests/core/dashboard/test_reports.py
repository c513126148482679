"""Exports: attendance CSV/XLSX (read back), the donors' PDF, the sign-in sheet and paper
arrivals entered afterwards."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat

import openpyxl
import pypdf
import pytest
from sqlalchemy import func, select

from checkin.core.dashboard.attendance import attendance_table, write_csv, write_xlsx
from checkin.core.dashboard.donors import write_report_pdf
from checkin.core.dashboard.export import guess_kind
from checkin.core.dashboard.files import ExportCancelled, ReportError
from checkin.core.dashboard.paper import paper_time, read_refs, record_paper_arrivals
from checkin.core.dashboard.sign_in import parse_split, write_sign_in_sheet
from checkin.core.db import models as m
from checkin.core.desk.service import CheckinService
from checkin.core.text import FORMULA_START
from checkin.core.types import ScanSource
from tests.conftest import insert_delegates

POSIX = os.name == "posix"


def at(hh: int, mm: int) -> dt.datetime:
    """A time on the test event's day (Europe/Zurich, UTC+1 in November), as UTC."""
    return dt.datetime(2026, 11, 28, hh - 1, mm, tzinfo=dt.UTC)


@pytest.fixture
def crowd(store, event):
    """Five delegates across the alphabet, one hostile to spreadsheets, one cancelled."""
    ids = insert_delegates(store, event, [
        {"first_name": "Sébastien", "last_name": "Aubert", "organisation": "CARE",
         "reference": "REF-A"},
        {"first_name": "Łukasz", "last_name": "Łoziński", "organisation": "Caritas Polska",
         "country": "PL", "reference": "REF-L"},
        {"first_name": "أميرة", "last_name": "الحسيني", "organisation": "IOM", "country": "JO",
         "category": "speaker", "reference": "REF-AR"},
        {"first_name": "-2+3", "last_name": '=HYPERLINK("http://evil.example","x")',
         "organisation": "+cmd|' /C calc'!A0", "email": "@SUM(1+1)", "reference": "REF-X",
         "country": "CH"},
        {"first_name": "<b>Bold</b>", "last_name": "Zürcher", "organisation": "HEKS",
         "reference": "REF-Z"},
        {"first_name": "Zoë", "last_name": "Lefèvre", "status": "cancelled",
         "reference": "REF-C"},
    ])  # fmt: skip
    return dict(zip(["A", "L", "AR", "X", "Z", "C"], ids, strict=True))


def _checkins(store, event, crowd):
    desk = CheckinService(store, event, station="Desk 2")
    desk.check_in(crowd["L"], source=ScanSource.SCANNER, now=at(9, 5))
    desk.check_in(crowd["L"], session="financing", now=at(10, 7))
    desk.check_in(crowd["AR"], source=ScanSource.WALK_IN, now=at(9, 40))


# ------------------------------------------------------------------ the table


def test_table_has_arrival_station_and_one_column_per_attendance_session(store, event, crowd):
    _checkins(store, event, crowd)
    table = attendance_table(store, event)
    assert table.session_keys == ("opening", "financing")  # lunch takes no attendance
    by_ref = {r.delegate.reference: r for r in table.rows}
    assert len(by_ref) == 6  # cancelled listed too, with its status
    lukasz = by_ref["REF-L"]
    assert lukasz.arrived_at.isoformat() == "2026-11-28T09:05:00+01:00"
    assert (lukasz.arrived_via, lukasz.arrival_station) == ("scanner", "Desk 2")
    assert lukasz.sessions[0] is None
    assert lukasz.sessions[1].isoformat() == "2026-11-28T10:07:00+01:00"
    assert by_ref["REF-AR"].arrived_via == "walk-in"
    assert by_ref["REF-A"].arrived_at is None and by_ref["REF-A"].arrival_station == ""
    assert by_ref["REF-C"].delegate.status == "cancelled"


def test_csv_reads_back_with_neutralised_cells_and_is_private(store, event, crowd, tmp_path):
    _checkins(store, event, crowd)
    out = write_csv(attendance_table(store, event), tmp_path / "a.csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_ref = {r["reference"]: r for r in rows}
    assert rows[0].keys() >= {"first_name", "arrived_at", "arrival_station",
                              "session:opening", "session:financing"}
    assert by_ref["REF-L"]["first_name"] == "Łukasz"
    assert by_ref["REF-L"]["arrived_at"] == "2026-11-28T09:05:00+01:00"
    assert by_ref["REF-L"]["session:financing"] == "2026-11-28T10:07:00+01:00"
    assert by_ref["REF-L"]["session:opening"] == ""
    hostile = by_ref["REF-X"]
    assert hostile["last_name"] == "'" + '=HYPERLINK("http://evil.example","x")'
    assert hostile["first_name"] == "'-2+3"
    assert hostile["organisation"].startswith("'+")
    assert hostile["email"] == "'@SUM(1+1)"
    for row in rows:
        assert not any(v.startswith(FORMULA_START) for v in row.values())
    if POSIX:
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*part"))


def test_xlsx_reads_back_as_text_never_formulas(store, event, crowd, tmp_path):
    _checkins(store, event, crowd)
    out = write_xlsx(attendance_table(store, event), tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Attendance"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["reference", "first_name", "last_name"]
    assert header[-2:] == ["session:opening", "session:financing"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == 6
    hostile = rows["REF-X"]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert hostile[2].value.startswith("'=HYPERLINK")
    assert rows["REF-AR"][1].value == "أميرة"
    if POSIX:
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_kind_is_guessed_from_the_extension_or_refused(tmp_path):
    assert guess_kind("x.CSV") == "csv"
    assert guess_kind("x.xlsx") == "xlsx"
    assert guess_kind("x.pdf") == "report"
    assert guess_kind("x.pdf", "sign-in") == "sign-in"
    with pytest.raises(ReportError, match=r"\.csv, \.xlsx or \.pdf"):
        guess_kind("x.txt")
    with pytest.raises(ReportError, match="Unknown export kind"):
        guess_kind("x.pdf", "word")


# ------------------------------------------------------------------ PDFs


def _pages(path) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(path).pages]


def _fonts(path) -> set[str]:
    fonts = set()
    for page in pypdf.PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


def test_donor_report_has_totals_sessions_and_groups_but_no_names(store, event, crowd,
                                                                  tmp_path):
    _checkins(store, event, crowd)
    out = write_report_pdf(store, event, tmp_path / "report.pdf")
    text = "\n".join(_pages(out))
    assert "Test consultation" in text
    assert "New financing approaches" in text and "Attendance per session" in text
    assert "Caritas Polska" in text and "Poland" in text
    assert "Registered" in text and "Arrived" in text
    assert "Łoziński" not in text and "Aubert" not in text  # counts, not people
    assert all("DejaVu" in f for f in _fonts(out)), _fonts(out)


def test_sign_in_sheet_split_per_desk_alphabetical_with_refs(store, event, crowd, tmp_path):
    split = parse_split("A-K, L-Z")
    out = write_sign_in_sheet(store, event, tmp_path / "sheet.pdf", split=split)
    pages = _pages(out)
    assert len(pages) == 2
    first, second = pages
    assert "desk A–K" in first and "REF-A" in first and "Aubert" in first
    assert "REF-X" not in first  # '=' is not a letter: with the other names
    assert "desk L–Z and other names" in second
    # accents folded: Łoziński files under L, before Zürcher
    assert second.index("Łoziński") < second.index("Zürcher")
    assert "REF-AR" in second and "REF-X" in second
    assert "<b>Bold</b>" in second  # printed as typed, not as markup
    assert "Ref" in first and "Organisation" in second  # column titles on every page
    assert "Lefèvre" not in first + second  # cancelled


def test_sign_in_sheet_without_split_is_one_list(store, event, crowd, tmp_path):
    out = write_sign_in_sheet(store, event, tmp_path / "sheet.pdf")
    text = "\n".join(_pages(out))
    assert " — desk" not in text
    assert "Sign-in sheet — Test consultation" in text
    assert text.index("Aubert") < text.index("Łoziński") < text.index("Zürcher")


@pytest.mark.parametrize("bad,match", [
    ("A-K,J-Z", "overlap"), ("K-A", "backwards"), ("A-K,foo", "letter range"),
])  # fmt: skip
def test_bad_splits_are_refused_with_the_part(bad, match):
    with pytest.raises(ReportError, match=match):
        parse_split(bad)


# ------------------------------------------------------------------ paper arrivals


def _journal_rows(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Scan))


def test_paper_ticks_are_recorded_once_through_the_engine(store, event, crowd):
    when = paper_time(event, "09:10")
    assert when == at(9, 10)
    result = record_paper_arrivals(
        store, event, ["REF-A", "REF-L", "REF-A"], at=when, station="Paper A–K"
    )
    assert result.admitted == ("REF-A", "REF-L") and result.already == ()
    with store.read() as s:
        row = s.execute(
            select(m.Scan.source, m.Scan.station, m.Scan.created_at, m.Scan.outcome)
            .where(m.Scan.delegate_id == crowd["A"])
        ).one()
    assert row == ("import", "Paper A–K", at(9, 10).replace(tzinfo=None), "admitted")
    rows = _journal_rows(store)
    again = record_paper_arrivals(store, event, ["REF-A", "REF-L"], at=when,
                                          station="Paper A–K")
    assert again.admitted == () and again.already == ("REF-A", "REF-L")
    assert _journal_rows(store) == rows  # idempotent: nothing journaled


def test_paper_arrivals_refuse_unknown_or_cancelled_and_write_nothing(store, event, crowd):
    with pytest.raises(ReportError, match=r"unknown: NOPE.*cancelled: REF-C"):
        record_paper_arrivals(
            store, event, ["REF-A", "NOPE", "REF-C"], at=at(9, 0), station="Paper"
        )
    assert _journal_rows(store) == 0


def test_paper_arrivals_by_number_and_for_a_session(store, event, crowd, tmp_path):
    number = 2  # REF-L is the second inserted
    ticks = tmp_path / "ticks.txt"
    ticks.write_text(f"# desk L-Z\n#{number}, Łoziński\n", encoding="utf-8")
    refs = read_refs([str(ticks)])
    assert refs == [f"#{number}"]
    result = record_paper_arrivals(
        store, event, refs, at=at(10, 5), station="Paper", session="financing"
    )
    assert result.admitted == (f"#{number}",) and result.session == "financing"
    table = attendance_table(store, event)
    lukasz = next(r for r in table.rows if r.delegate.reference == "REF-L")
    assert lukasz.sessions[1] == event.local(at(10, 5))


def test_paper_time_accepts_hhmm_or_iso_and_refuses_nonsense(event):
    assert paper_time(event, "9h10") == at(9, 10)
    assert paper_time(event, "2026-11-28T09:10") == at(9, 10)
    with pytest.raises(ReportError, match="--at '25:00'"):
        paper_time(event, "25:00")


def test_csv_export_reports_progress_and_cancel_leaves_nothing(store, event, tmp_path):
    insert_delegates(store, event, [{} for _ in range(2500)])
    table = attendance_table(store, event)
    seen = []
    out = tmp_path / "out"
    out.mkdir()
    write_csv(table, out / "all.csv", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1000, 2500), (2000, 2500), (2500, 2500)]
    with pytest.raises(ExportCancelled):
        write_xlsx(table, out / "no.xlsx", cancelled=lambda: True)
    assert sorted(p.name for p in out.iterdir()) == ["all.csv"]
