"""Desks on a PostgreSQL server that stops mid-run: offline on the local mirror, then
replayed on restart with nothing lost and the duplicates flagged."""

from __future__ import annotations

import datetime as dt
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
from checkin.core.roster.edits import update_delegate
from checkin.core.roster.person import FORM_FIELDS, PersonForm
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


# ------------------------------------------------------------------ the copy stays current


def in_copy(desk: DeskCheckin, scan_id: str) -> bool:
    with desk.mirror.read() as s:
        return s.scalar(select(m.Scan.id).where(m.Scan.uuid == scan_id)) is not None


def test_own_admissions_are_in_the_copy_before_the_call_returns(server, shared, tmp_path):
    url, code = shared
    desk = DeskCheckin(url, tmp_path / "d.sqlite", station="D1")
    try:
        admitted = desk.scan(code(7))
        manual = desk.check_in(8)
        walk_in = desk.register_walk_in(PersonForm("Ana", "Silva", "KRCS", "KE"))
        assert all(in_copy(desk, o.scan_id) for o in (admitted, manual, walk_in.outcome))
        undone = desk.undo(manual.scan_id)
        assert in_copy(desk, undone.scan_id)

        server.stop()  # seconds later, the network drops: no pull in between
        again = desk.scan(code(7))
        assert not desk.online
        assert again.status is Outcome.ALREADY_ADMITTED and again.first_station == "D1"
        badge = codes.make_code(event_secret(desk.mirror, desk.event.id),
                                walk_in.delegate.number, 1)
        assert desk.scan(badge).status is Outcome.ALREADY_ADMITTED  # the walk-in too
        assert desk.check_in(8).status is Outcome.ADMITTED  # the undo stood
    finally:
        server.start()
        desk.close()


def test_another_desks_rows_reach_the_copy_by_pull(server, shared, tmp_path):
    url, code = shared
    desk1 = DeskCheckin(url, tmp_path / "d1.sqlite", station="D1")
    desk2 = DeskCheckin(url, tmp_path / "d2.sqlite", station="D2")
    store = Store(url)
    try:
        event = require_event(store)
        quiet = desk1.pull()
        assert quiet is not None and not quiet.changed  # nothing new: nothing written
        seen = desk2.scan(code(9))
        # A transaction that took a lower id commits after a later one was pulled.
        late = {"uuid": "late-0000", "action": "entry", "source": "manual",
                "outcome": "admitted", "code": "", "station": "D3", "operator": "",
                "created_at": dt.datetime(2026, 11, 28, 8, 30), "delegate_number": 10,
                "session_key": None, "undoes_uuid": None}
        with store.write() as s:
            merge.merge_rows(s, event, [late])
            s.flush()
            after = desk2.scan(code(11))
            assert desk1.pull().scans == 2
        renamed = update_delegate(store, event, 12, PersonForm("Zed", "Renamed", "IOM",
                                                               email="p12@example.org",
                                                               reference="R0012"))
        report = desk1.pull()
        assert report.scans == 1 and report.delegates == 1
        assert all(in_copy(desk1, u) for u in (seen.scan_id, after.scan_id, "late-0000"))
        with desk1.mirror.read() as s:
            assert s.get(m.Delegate, renamed.delegate.id).last_name == "Renamed"

        server.stop()
        for number in (9, 10, 11):
            assert desk1.scan(code(number)).status is Outcome.ALREADY_ADMITTED
    finally:
        server.start()
        store.close()
        desk1.close()
        desk2.close()


def test_a_copy_that_exists_is_pulled_not_copied_again_at_start(server, shared, tmp_path):
    url, code = shared
    DeskCheckin(url, tmp_path / "d.sqlite", station="D").close()
    other = DeskCheckin(url, tmp_path / "o.sqlite", station="O")
    try:
        other.scan(code(3))
    finally:
        other.close()
    desk = DeskCheckin(url, tmp_path / "d.sqlite", station="D")
    try:
        assert desk.last_replay.merge.new == 0
        server.stop()
        assert desk.scan(code(3)).status is Outcome.ALREADY_ADMITTED
    finally:
        server.start()
        desk.close()


# ------------------------------------------------------------------ walk-ins and edits offline


def test_offline_walk_ins_and_edits_are_replayed_with_clashes_listed(server, shared, tmp_path):
    url, _code = shared
    desk1 = DeskCheckin(url, tmp_path / "d1.sqlite", station="D1")
    desk2 = None
    try:
        server.stop()
        bo = desk1.register_walk_in(PersonForm("Bo", "Li", "UN", "CH", email="bo@un.org"))
        ana = desk1.register_walk_in(PersonForm("Ana", "Silva", "KRCS", "KE"))
        assert not desk1.online and bo.outcome.status is Outcome.ADMITTED
        badge = codes.make_code(event_secret(desk1.mirror, desk1.event.id), bo.delegate.number, 1)
        assert desk1.scan(badge).status is Outcome.ALREADY_ADMITTED  # printed and scanned
        renamed = desk1.edit_delegate(4, form_of(desk1, 4, last_name="Okafor"))
        clashing = desk1.edit_delegate(5, form_of(desk1, 5, first_name="Carla"))
        assert renamed.changed == ("last_name",) and clashing.changed == ("first_name",)
        assert desk1.pending == 3 and desk1.pending_changes == 4

        server.start()
        desk2 = DeskCheckin(url, tmp_path / "d2.sqlite", station="D2")
        meanwhile = desk2.register_walk_in(PersonForm("Ana", "Silva", "KRCS Kenya", "KE"))
        assert meanwhile.delegate.number not in range(81, 131)  # both desks' blocks
        desk2.edit_delegate(5, form_of(desk2, 5, first_name="Karla"))
        desk2.edit_delegate(meanwhile.delegate.id, form_of(
            desk2, meanwhile.delegate.id, organisation="KRCS"))  # now the same person

        report = desk1.reconnect()
        assert (report.changes.walk_ins, report.changes.edits) == (2, 1)
        walk_in, edit = sorted(report.clashes, key=lambda c: c.kind, reverse=True)
        assert (walk_in.reason, walk_in.number, walk_in.other) == (
            "same_person", ana.delegate.number, meanwhile.delegate.number)
        assert (edit.reason, edit.number) == ("changed_meanwhile", 5)
        assert report.merge.new == 3 and desk1.pending == desk1.pending_changes == 0
        assert [c.change for c in desk1.clashes()] == [c.change for c in report.clashes]

        # Both walk-ins are on the server with the numbers their badges carry.
        assert desk2.scan(badge).status is Outcome.ALREADY_ADMITTED
        assert desk2.scan(badge).delegate.full_name == "Bo Li"
        # The desk's search results still hold the offline id: it still works.
        assert desk1.check_in(bo.delegate.id).status is Outcome.ALREADY_ADMITTED
        assert (get(url, 4).last_name, get(url, 5).first_name) == ("Okafor", "Karla")
        assert desk1.replay().changes.walk_ins == 0  # idempotent
        assert desk1.dismiss(walk_in.change) and len(desk1.clashes()) == 1
    finally:
        if not server.running:
            server.start()
        desk1.close()
        if desk2 is not None:
            desk2.close()


def test_number_blocks_are_never_shared_between_desks(server, shared, tmp_path):
    url, _code = shared
    desks = [DeskCheckin(url, tmp_path / f"d{n}.sqlite", station=f"D{n}") for n in range(3)]
    try:
        store = Store(url)
        try:
            with store.read() as s:
                blocks = s.execute(select(m.NumberBlock.first, m.NumberBlock.last,
                                          m.NumberBlock.holder)).all()
        finally:
            store.close()
        numbers = [n for first, last, _ in blocks for n in range(first, last + 1)]
        assert len(blocks) == 3 and len({h for *_, h in blocks}) == 3
        assert len(numbers) == len(set(numbers)) and min(numbers) == 81
        # A restart keeps the desk's block; one used up is followed by a new one.
        desks[0].close()
        desks[0] = DeskCheckin(url, tmp_path / "d0.sqlite", station="D0")
        with Store(url) as store, store.read() as s:
            assert s.scalar(select(func.count()).select_from(m.NumberBlock)) == 3
    finally:
        for desk in desks:
            desk.close()


def form_of(desk: DeskCheckin, delegate_id: int, **changes) -> PersonForm:
    with desk.mirror.read() as s:
        row = s.get(m.Delegate, delegate_id)
        values = {f: getattr(row, f) for f in FORM_FIELDS}
    return PersonForm(**{**values, **changes})


def get(url: str, number: int):
    with Store(url) as store, store.read() as s:
        return s.scalars(select(m.Delegate).where(m.Delegate.number == number)).one()


def test_a_copy_shared_with_another_program_loses_no_offline_scan(server, shared, tmp_path):
    """The app and ``checkin scan`` of one station share its copy: rows made offline by
    one are replayed even when the other, online, writes and pulls meanwhile."""
    from sqlalchemy.engine import make_url

    url, code = shared
    copy = tmp_path / "station.sqlite"
    DeskCheckin(url, copy, station="D").close()  # made once, online
    nowhere = make_url(url).update_query_dict({"host": str(tmp_path / "no-server")})
    cut_off = DeskCheckin(nowhere.render_as_string(hide_password=False), copy, station="D")
    online = DeskCheckin(url, copy, station="D")
    try:
        assert not cut_off.online and online.online
        made_offline = cut_off.scan(code(20))
        online.scan(code(21))
        online.pull()
    finally:
        cut_off.close()
        online.close()
    desk = DeskCheckin(url, copy, station="D")
    try:
        assert desk.last_replay.merge.new == 1
        with Store(url) as store, store.read() as s:
            assert s.scalar(select(m.Scan.id).where(m.Scan.uuid == made_offline.scan_id))
    finally:
        desk.close()
