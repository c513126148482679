"""The dry run of paper arrivals: what the app's dialog shows before anything is
written, from the same lookup as ``record_paper_arrivals``."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from checkin.core.dashboard.files import ReportError
from checkin.core.dashboard.paper import (
    ALREADY,
    CANCELLED,
    NEW,
    UNKNOWN,
    preview_paper_arrivals,
    record_paper_arrivals,
)
from checkin.core.db import models as m
from checkin.core.desk.service import CheckinError, CheckinService
from tests.conftest import insert_delegates


def at(hh: int, mm: int) -> dt.datetime:
    """A time on the test event's day (Europe/Zurich, UTC+1 in November), as UTC."""
    return dt.datetime(2026, 11, 28, hh - 1, mm, tzinfo=dt.UTC)


@pytest.fixture
def ids(store, event):
    return dict(zip("ALC", insert_delegates(store, event, [
        {"first_name": "Ana", "last_name": "Aubert", "reference": "REF-A"},
        {"first_name": "Łukasz", "last_name": "Łoziński", "reference": "REF-L"},
        {"first_name": "Zoë", "last_name": "Lefèvre", "status": "cancelled",
         "reference": "REF-C"},
    ]), strict=True))  # fmt: skip


def _journal_rows(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Scan))


def test_the_preview_tells_each_reference_and_writes_nothing(store, event, ids):
    CheckinService(store, event, station="Desk").check_in(ids["L"], now=at(8, 45))
    rows = _journal_rows(store)
    preview = preview_paper_arrivals(
        store, event, ["REF-A", " REF-L ", "NOPE", "REF-C", "REF-A", ""], at=at(9, 10)
    )
    assert [(line.ref, line.state) for line in preview.lines] == [
        ("REF-A", NEW), ("REF-L", ALREADY), ("NOPE", UNKNOWN), ("REF-C", CANCELLED),
    ]
    assert preview.lines[0].name == "Ana Aubert" and preview.lines[2].name == ""
    assert preview.lines[1].admitted_at == at(8, 45).astimezone(event.tz)
    assert preview.known == ("REF-A", "REF-L") and preview.session is None
    assert _journal_rows(store) == rows


def test_numbers_and_references_match_as_the_command_does(store, event, ids):
    preview = preview_paper_arrivals(store, event, ["#2", "#99", "2"], at=at(9, 10))
    assert [(line.ref, line.state, line.name) for line in preview.lines] == [
        ("#2", NEW, "Łukasz Łoziński"), ("#99", UNKNOWN, ""), ("2", UNKNOWN, ""),
    ]


def test_recording_does_what_the_preview_said(store, event, ids):
    refs = ["REF-A", "REF-L"]
    CheckinService(store, event, station="Desk").check_in(
        ids["L"], session="financing", now=at(10, 1)
    )
    preview = preview_paper_arrivals(store, event, refs, at=at(10, 5), session="financing")
    result = record_paper_arrivals(
        store, event, refs, at=at(10, 5), station="Paper", session="financing"
    )
    assert result.admitted == preview.refs(NEW) == ("REF-A",)
    assert result.already == preview.refs(ALREADY) == ("REF-L",)
    assert result.session == preview.session == "financing"
    again = preview_paper_arrivals(store, event, refs, at=at(10, 5), session="financing")
    assert again.refs(NEW) == ()


def test_the_preview_resolves_the_session_as_recording_does(store, event, ids):
    running = preview_paper_arrivals(store, event, ["REF-A"], at=at(9, 40), session="auto")
    assert running.session == "opening"
    with pytest.raises(ReportError, match="No session was running at 12:00"):
        preview_paper_arrivals(store, event, ["REF-A"], at=at(12, 0), session="auto")
    with pytest.raises(CheckinError, match="Unknown session 'nope'"):
        preview_paper_arrivals(store, event, ["REF-A"], at=at(9, 0), session="nope")
    with pytest.raises(CheckinError, match="takes no attendance"):
        preview_paper_arrivals(store, event, ["REF-A"], at=at(13, 0), session="lunch")


def test_a_duplicate_tick_of_one_person_is_recorded_once(store, event, ids):
    result = record_paper_arrivals(store, event, ["REF-L", "#2"], at=at(9, 10), station="P")
    assert result.admitted == ("REF-L",) and result.already == ("#2",)
