"""The change token: moves on a commit by another connection or process, not otherwise."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checkin.core.db.changes import ChangeWatcher
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from tests.conftest import SMALL_EVENT, insert_delegates


def _event(store):
    from checkin.core.event.definition import parse_event, save_event

    return save_event(store, parse_event(SMALL_EVENT, source="test"))


@pytest.fixture
def both(any_store):
    return any_store


def test_first_call_is_a_change_then_quiet_until_a_scan(both):
    store, event = both, _event(both)
    insert_delegates(store, event, [{}])
    watcher = ChangeWatcher(store)
    try:
        assert watcher.changed() is True
        assert watcher.changed() is False
        assert watcher.changed() is False
        CheckinService(store, event).scan("garbage")  # even a refused scan is journaled
        assert watcher.changed() is True
        assert watcher.changed() is False
        insert_delegates(store, event, [{"number": 99}])  # a walk-in or an import
        assert watcher.changed() is True
    finally:
        watcher.close()


def test_sqlite_sees_a_commit_by_another_process(db_path, event, store):
    watcher = ChangeWatcher(store)
    try:
        watcher.changed()
        assert watcher.changed() is False
        run = subprocess.run(
            [sys.executable, "-m", "checkin", "--db", str(db_path), "scan", "NOPE"],
            capture_output=True, text=True, timeout=60,
        )
        assert run.returncode != 0 and "INVALID" in run.stdout  # refused, but journaled
        assert watcher.changed() is True
    finally:
        watcher.close()


def test_reads_do_not_count_as_changes(db_path, event, store):
    watcher = ChangeWatcher(store)
    other = Store("sqlite:///" + str(db_path))
    try:
        watcher.changed()
        other.table_names()
        with other.read() as s:
            s.connection().exec_driver_sql("SELECT count(*) FROM scans").scalar_one()
        assert watcher.changed() is False
    finally:
        other.close()
        watcher.close()
