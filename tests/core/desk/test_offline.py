"""Desks on a PostgreSQL server that stops mid-run: offline on the local mirror, then
replayed on restart with nothing lost and the duplicates flagged."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store, StoreError
from checkin.core.desk import merge
from checkin.core.desk.offline import DeskCheckin, OfflineError, is_unreachable, primary_url
from checkin.core.event import codes
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import event_secret, require_event
from checkin.core.types import Outcome
from tests.conftest import SMALL_EVENT, insert_delegates


@pytest.fixture
def shared(server):
    from tests import pg

    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    event = save_event(store, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(store, event, [{} for _ in range(80)])
    secret = event_secret(store, event.id)
    store.close()
    return url, lambda n: codes.make_code(secret, n, 1)


def test_desks_keep_admitting_offline_and_replay_on_restart(server, shared, tmp_path):
    url, code = shared
    status1: list[bool] = []
    desk1 = DeskCheckin(url, tmp_path / "d1.sqlite", station="D1", on_status=status1.append)
    desk2 = DeskCheckin(url, tmp_path / "d2.sqlite", station="D2")
    shown = []  # every outcome staff saw
    try:
        assert desk1.online and desk2.online
        shown += [desk1.scan(code(n)) for n in range(1, 21)]
        shown += [desk2.scan(code(n)) for n in range(15, 31)]
        # Immediate and correct across desks while online.
        assert [o.status.value for o in shown[20:26]] == ["already_admitted"] * 6
        assert desk1.refresh_mirror() and desk2.refresh_mirror()

        server.stop()
        first = desk1.scan(code(31))  # fails over inside the scan: shown as admitted
        assert first.status is Outcome.ADMITTED and not desk1.online
        assert status1 == [False]
        shown.append(first)
        shown += [desk1.scan(code(n)) for n in range(32, 61)]
        again = desk1.scan(code(1))  # admitted online before the drop: the mirror knows
        assert again.status is Outcome.ALREADY_ADMITTED
        shown.append(again)
        shown += [desk2.scan(code(n)) for n in range(50, 71)]  # 50..60 at both desks
        manual = desk2.check_in(75)
        shown.append(manual)
        shown.append(desk2.undo(manual.scan_id))
        assert not desk2.online
        assert desk1.pending == 31 and desk2.pending == 23
        assert not desk1.probe() and desk1.reconnect() is None

        server.start()
        assert desk1.probe()
        # The desk's worker reconnects while staff keep scanning at that desk.
        replays = []
        worker = threading.Thread(target=lambda: replays.append(desk1.reconnect()))
        worker.start()
        during = [desk1.scan(code(n)) for n in range(71, 76)]
        worker.join(timeout=60)
        shown += during
        assert [o.status for o in during] == [Outcome.ADMITTED] * 5
        (r1,) = replays
        r2 = desk2.reconnect()
        assert desk1.online and desk2.online and status1 == [False, True]
        assert 31 <= r1.merge.new <= 36 and r1.duplicates == ()
        assert r2.merge.new == 23
        assert sorted(d.delegate.number for d in r2.duplicates) == list(range(50, 61))
        assert {(d.first_station, d.second_station) for d in r2.duplicates} == {("D1", "D2")}
        assert desk1.pending == desk2.pending == 0
        # Idempotent: nothing more to replay.
        assert desk1.replay().merge.new == 0
        # Online again: new scans go to the server and see everything.
        back = desk2.scan(code(45))
        assert back.status is Outcome.ALREADY_ADMITTED and back.first_station == "D1"
        shown.append(back)
    finally:
        desk1.close()
        desk2.close()

    store = Store(url)
    try:
        event = require_event(store)
        with store.read() as s:
            journal = set(s.scalars(select(m.Scan.uuid)))
            per_person = dict(
                s.execute(
                    select(m.Delegate.number, func.count(m.Admission.id))
                    .join(m.Admission, m.Admission.delegate_id == m.Delegate.id)
                    .group_by(m.Delegate.number)
                ).all()
            )
        assert journal == {o.scan_id for o in shown}  # nothing lost, nothing invented
        assert per_person == {n: 1 for n in range(1, 76)}
        flagged = merge.offline_duplicates(store, event)
        assert sorted(d.delegate.number for d in flagged) == list(range(50, 61))
    finally:
        store.close()


def test_a_desk_started_while_the_server_is_down(server, shared, tmp_path):
    url, code = shared
    desk = DeskCheckin(url, tmp_path / "d.sqlite", station="D")  # first start: mirror made
    desk.close()
    server.stop()
    try:
        with pytest.raises(OfflineError, match="no local copy"):
            DeskCheckin(url, tmp_path / "fresh.sqlite", station="E")
        desk = DeskCheckin(url, tmp_path / "d.sqlite", station="D")
        try:
            assert not desk.online
            assert desk.scan(code(5)).status is Outcome.ADMITTED
        finally:
            desk.close()
    finally:
        server.start()
    desk = DeskCheckin(url, tmp_path / "d.sqlite", station="D")  # restarted, server back
    try:
        assert desk.online
        assert desk.last_replay.merge.new == 1  # the offline scan went first
        assert desk.replay().merge.new == 0
    finally:
        desk.close()


def test_primary_url_adds_timeouts_and_keeps_given_ones():
    url = primary_url("postgresql+psycopg://u@db.example/ev?connect_timeout=9")
    assert "connect_timeout=9" in url and "keepalives=1" in url
    assert primary_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"
    assert not is_unreachable(ValueError("x"))
    assert not is_unreachable(StoreError("the database is newer than this checkin"))
