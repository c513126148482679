"""LISTEN/NOTIFY: every commit to the journal or the roster on PostgreSQL reaches a
listener (migration 0008's trigger), whoever wrote it; SQLite has nothing to listen to."""

from __future__ import annotations

import queue

import pytest

from checkin.core.db.notify import Listener, can_listen
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import parse_event, save_event
from checkin.core.roster.edits import cancel_delegate
from checkin.core.types import ScanSource
from tests.conftest import SMALL_EVENT, insert_delegates


def test_only_a_psycopg_postgresql_url_can_listen():
    assert can_listen("postgresql+psycopg://u@/db?host=/tmp")
    assert not can_listen("sqlite:///x.sqlite")
    assert not can_listen("postgresql+psycopg2://u@h/db")
    with pytest.raises(ValueError):
        Listener("sqlite:///x.sqlite", print)


@pytest.fixture
def pg_url(pg_admin):
    from tests import pg

    return pg.fresh_database(pg_admin)


def test_a_scan_and_a_roster_edit_by_another_connection_are_heard(pg_url):
    heard: queue.Queue[str] = queue.Queue()
    store = Store(pg_url)
    event = save_event(store, parse_event(SMALL_EVENT, source="test"))
    (person,) = insert_delegates(store, event, [{}])
    listener = Listener(pg_url, heard.put)
    other = Store(pg_url)  # another desk: its own engine and connections
    try:
        assert listener.listening.wait(10)
        CheckinService(other, event, station="B").check_in(person, source=ScanSource.SCANNER)
        assert heard.get(timeout=10) == "scans"
        cancel_delegate(other, event, person)
        assert heard.get(timeout=10) == "delegates"
    finally:
        listener.stop()
        other.close()
        store.close()
    assert not listener.listening.is_set()
