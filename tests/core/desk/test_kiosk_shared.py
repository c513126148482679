"""Kiosks and desks at once on a PostgreSQL server, and a kiosk offline like a desk."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.kiosk import BADGE, SEE_DESK, KioskDesk
from checkin.core.desk.kiosk_search import KioskSearch
from checkin.core.desk.offline import DeskCheckin
from checkin.core.desk.service import CheckinService
from checkin.core.event.definition import parse_event, save_event
from checkin.core.types import Outcome
from tests.conftest import SMALL_EVENT, badge_code, insert_delegates
from tests.core.desk.test_offline import shared  # noqa: F401  (a fixture)

pytestmark = pytest.mark.slow


def test_two_kiosks_and_a_desk_scanning_one_badge_admit_once(any_store):
    event = save_event(any_store, parse_event(SMALL_EVENT, source="test"))
    insert_delegates(any_store, event, [{} for _ in range(5)])
    code = badge_code(any_store, 3)
    stations = [KioskDesk(CheckinService(any_store, event, station=f"Kiosk {i}"))
                for i in (1, 2)]
    desk = CheckinService(any_store, event, station="Desk")
    results: list = []
    start = threading.Barrier(3)

    def kiosk(k: KioskDesk) -> None:
        start.wait()
        results.append(k.scan(code).result.status)

    def at_desk() -> None:
        start.wait()
        results.append(desk.scan(code).status)

    threads = [threading.Thread(target=kiosk, args=(k,)) for k in stations]
    threads.append(threading.Thread(target=at_desk))
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results) == sorted([Outcome.ADMITTED] + [Outcome.ALREADY_ADMITTED] * 2)


def test_a_kiosk_keeps_checking_in_offline_and_replays(server, shared, tmp_path):  # noqa: F811
    url, code = shared
    kiosk_desk = DeskCheckin(url, tmp_path / "kiosk.sqlite", station="Kiosk 1")
    kiosk = KioskDesk(kiosk_desk)
    search = KioskSearch(lambda: kiosk_desk.mirror, kiosk_desk.event.id)  # offline: the copy
    try:
        assert kiosk.scan(code(1)).screen == BADGE
        assert kiosk_desk.refresh_mirror()
        server.stop()
        offline = kiosk.scan(code(2))  # fails over inside the scan
        assert offline.screen == BADGE and not kiosk_desk.online
        assert kiosk.scan(code(1)).screen == SEE_DESK  # the copy knows: already in
        token = search.find("First7").token  # First7, First70…79: all of IOM
        assert search.confirm(token, "IOM") is None  # eleven people: not one
        person = search.confirm(token, "p7@ex")  # the start of the e-mail picks one
        assert person is not None and person.number == 7
        assert kiosk.check_in(person.id).screen == BADGE
        server.start()
        report = kiosk_desk.reconnect()
        assert report is not None and kiosk_desk.online
    finally:
        kiosk_desk.close()
        if not server.running:
            server.start()
    store = Store(url)
    try:
        with store.read() as s:
            rows = s.execute(
                select(m.Delegate.number, m.Scan.outcome, m.Scan.source)
                .join(m.Delegate, m.Delegate.id == m.Scan.delegate_id).order_by(m.Scan.created_at)
            ).all()
    finally:
        store.close()
    assert [tuple(r) for r in rows] == [
        (1, "admitted", "kiosk"), (2, "admitted", "kiosk"), (1, "already_admitted", "kiosk"),
        (7, "admitted", "kiosk"),
    ]
