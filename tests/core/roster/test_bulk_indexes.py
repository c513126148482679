"""A big import into a small table goes in without the table's indexes on SQLite
(``bulk.indexes_deferred``): the same indexes are there afterwards, and a cancel or a
crash while they are dropped leaves the table as it was, indexes included."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import func, select, text

from checkin.core.db import models as m
from checkin.core.roster import bulk
from checkin.core.roster.apply import import_roster
from checkin.core.roster.report import ImportCancelled
from tests.core.roster.test_import import people, write_csv

HEADER = ["Reference", "First name", "Last name", "Organisation", "Country", "Email"]


def _indexes(store) -> dict[str, str]:
    with store.read() as s:
        rows = s.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                 "AND tbl_name = 'delegates'")
        ).all()
    return {name: sql for name, sql in rows}


def _count(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Delegate)) or 0


@pytest.fixture
def small_threshold(monkeypatch):
    """Rebuild from 50 rows, so a test needs only a few thousand."""
    monkeypatch.setattr(bulk, "REBUILD_FROM", 50)


def test_big_import_keeps_every_index_as_it_was(tmp_path, store, event, small_threshold):
    before = _indexes(store)
    assert any(sql for sql in before.values())  # named indexes to drop and make again
    path = write_csv(tmp_path / "r.csv", [HEADER, *people(2500)])
    result = import_roster(store, event, path)
    assert len(result.new) == 2500 and _count(store) == 2500
    assert _indexes(store) == before
    with store.read() as s:
        plan = s.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM delegates WHERE event_id = 1 "
                 "AND email = 'p7@example.org'")
        ).all()
    assert "ix_delegates_event_email" in str(plan)


def test_cancel_while_the_indexes_are_dropped_leaves_them(tmp_path, store, event,
                                                          small_threshold):
    before = _indexes(store)
    path = write_csv(tmp_path / "r.csv", [HEADER, *people(2500)])
    asked = []

    def cancel_after_first_chunk() -> bool:
        asked.append(1)
        return len(asked) > 2  # before the import, before chunk 1, then: stop

    with pytest.raises(ImportCancelled):
        import_roster(store, event, path, cancelled=cancel_after_first_chunk)
    assert _count(store) == 0
    assert _indexes(store) == before


def test_small_or_added_to_a_bigger_table_keeps_its_indexes(tmp_path, store, event,
                                                            monkeypatch):
    dropped: list[str] = []
    real = bulk.indexes_deferred

    def spy(session, table, adding):
        held = _indexes_now(session)
        with real(session, table, adding):
            dropped.extend(sorted(set(held) - set(_indexes_now(session))))
            yield

    monkeypatch.setattr("checkin.core.roster.apply.indexes_deferred",
                        contextmanager(spy))
    monkeypatch.setattr(bulk, "REBUILD_FROM", 100)
    import_roster(store, event, write_csv(tmp_path / "a.csv", [HEADER, *people(60)]))
    assert dropped == []  # fewer than REBUILD_FROM
    import_roster(store, event, write_csv(tmp_path / "b.csv", [HEADER, *people(150, start=61)]))
    assert "ix_delegates_event_email" in dropped  # 150 added to 60: rebuilt
    dropped.clear()
    import_roster(store, event, write_csv(tmp_path / "c.csv", [HEADER, *people(120, start=211)]))
    assert dropped == []  # 120 added to 210: inserted with the indexes in place


def _indexes_now(session) -> list[str]:
    return [name for (name,) in session.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'delegates' "
             "AND sql IS NOT NULL")
    )]


def test_the_page_cache_is_larger_only_inside_the_block(store, event):
    def cache_size(s) -> int:
        return s.connection().exec_driver_sql("PRAGMA cache_size").scalar()

    with store.write() as s:
        before = cache_size(s)
        with bulk.larger_page_cache(s, 10 * 2**20):
            assert cache_size(s) == -bulk.CACHE_KIB_MAX
        assert cache_size(s) == before
        with bulk.larger_page_cache(s, 1):  # never smaller than it was
            assert cache_size(s) == before
        with pytest.raises(LookupError), bulk.larger_page_cache(s, 4096):
            raise LookupError("an error inside the block")
        assert cache_size(s) == before
