"""The desk on a shared PostgreSQL server that goes away: the banner, scans kept on the
laptop, the replay when the server is back, and the duplicates shown to staff."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.offline import DeskCheckin
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.ui.app import build_window
from checkin.ui.desk.connection import DeskConnection
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.scanner import ScanDetector
from tests.ui.conftest import DEMO_DAY, Clock, burst


def journal(url: str, delegate_id: int) -> list[tuple]:
    store = Store(url)
    try:
        with store.read() as s:
            return list(
                s.execute(
                    select(m.Scan.outcome, m.Scan.station)
                    .where(m.Scan.delegate_id == delegate_id)
                    .order_by(m.Scan.created_at)
                )
            )
    finally:
        store.close()


def test_desk_keeps_admitting_through_a_server_drop(
    qtbot, server, tmp_path, settings_path, monkeypatch
):
    from tests import pg

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the desk's local copy
    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    create_demo(store, today=DEMO_DAY)
    entries = list_delegates(store, create_demo(store, today=DEMO_DAY).event)
    code = {e.delegate.first_name: e.code for e in entries}
    ids = {e.delegate.first_name: e.delegate.id for e in entries}
    detector = ScanDetector(clock=Clock(10_000))
    window = build_window(
        store, detector=detector, settings=QSettings(settings_path, QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = window.findChild(DeskController)
    connection = window.findChild(DeskConnection)
    assert controller is not None and connection is not None
    connection._reconnect.setInterval(100)  # the test need not wait 3 s a try
    qtbot.waitUntil(lambda: isinstance(controller.service, DeskCheckin), timeout=20_000)
    desk, handle = controller.view, window.windowHandle()
    try:
        burst(handle, code["Sigrid"] + "\r", 1000)
        assert desk.panel.heading.text() == "Welcome"
        assert not desk.offline_banner.isVisible()

        server.stop()  # the Wi-Fi drops
        burst(handle, code["Łukasz"] + "\r", 5000)
        assert desk.panel.heading.text() == "Welcome"  # admitted all the same
        assert desk.offline_banner.isVisible()
        assert "Offline" in desk.offline_banner.text()
        assert "1 check-in(s) waiting" in desk.offline_banner.text()

        # Meanwhile, with the server back, another desk admits Łukasz too: the replay
        # must show it, not hide it.
        connection._reconnect.stop()
        server.start()
        other = Store(url)
        try:
            CheckinService(other, station="Desk 2").check_in(ids["Łukasz"])
        finally:
            other.close()
        with qtbot.waitSignal(connection.replayed, timeout=20_000) as replayed:
            connection._reconnect.start()
        qtbot.waitUntil(lambda: not desk.offline_banner.isVisible(), timeout=20_000)
        (duplicate,) = replayed.args[0].duplicates
        assert duplicate.delegate.id == ids["Łukasz"]
        boxes = [b for b in desk.findChildren(QMessageBox) if "two desks" in b.text()]
        assert boxes and "Łukasz" in boxes[-1].text()
        # Nothing typed at the desk was lost: both its scans are on the server.
        assert ("admitted", "Desk 1") in journal(url, ids["Łukasz"])
        assert journal(url, ids["Sigrid"]) == [("admitted", "Desk 1")]
    finally:
        if not server.running:
            server.start()
        connection.close()
        detector.uninstall()
        store.close()
