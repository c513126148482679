"""How far a desk's copy has read the server's journal: the watermark and its gaps (ids
of transactions still running when the copy looked, asked for again until they fill or
can no longer be in flight).  The copy itself, on PostgreSQL: test_offline.py."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from checkin.core.db import models as m
from checkin.core.desk.mirror import GAP_IDS, GAP_SECONDS, GAPS_LISTED, ScanCursor


def sql(cursor: ScanCursor) -> str:
    query = select(m.Scan.id).where(cursor.where())
    return str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def test_rows_in_order_leave_no_gap():
    cursor = ScanCursor().advance([1, 2, 3], now=100.0)
    assert (cursor.watermark, cursor.gaps) == (3, {})
    assert sql(cursor).endswith("WHERE scans.id > 3")
    assert ScanCursor().advance([], now=1.0) == ScanCursor()


def test_a_row_committed_late_is_asked_for_until_it_comes():
    cursor = ScanCursor(3).advance([4, 6, 7], now=100.0)  # 5 still running
    assert (cursor.watermark, cursor.gaps) == (7, {5: 100.0})
    assert "scans.id > 7 OR scans.id IN (5)" in sql(cursor)
    later = cursor.advance([5, 8], now=101.0)
    assert (later.watermark, later.gaps) == (8, {})


def test_gaps_that_can_no_longer_fill_are_forgotten():
    cursor = ScanCursor(0).advance([2], now=100.0)
    assert cursor.gaps == {1: 100.0}
    assert cursor.advance([], now=100.0 + GAP_SECONDS).gaps == {}  # a rolled-back id
    far = cursor.advance([GAP_IDS + 5], now=101.0)
    assert 1 not in far.gaps and max(far.gaps) == GAP_IDS + 4


def test_many_gaps_are_asked_for_as_one_range():
    cursor = ScanCursor(0).advance([2 * GAPS_LISTED + 2], now=100.0)
    assert len(cursor.gaps) > GAPS_LISTED
    assert sql(cursor).endswith("WHERE scans.id >= 1")


def test_the_cursor_survives_a_restart():
    cursor = ScanCursor(10).advance([12, 13], now=100.0)
    assert ScanCursor.from_json(cursor.to_json()) == cursor
    assert ScanCursor.from_json(None) == ScanCursor()
