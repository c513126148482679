"""The desk on a shared PostgreSQL server that goes away: the banner, scans kept on the
laptop, the replay when the server is back, and the duplicates shown to staff; the
desk's copy kept current by its own scans and by other desks' within seconds; walk-ins
and edits made offline, replayed."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.offline import DeskCheckin
from checkin.core.desk.service import CheckinService
from checkin.core.event import codes
from checkin.core.event.stored import event_secret
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.ui.app import build_window
from checkin.ui.desk.connection import DeskConnection
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.page import DeskPage
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.main_window import MainWindow
from tests.ui.conftest import DEMO_DAY, Clock, burst, type_text


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


@dataclass
class SharedDesk:
    window: MainWindow
    desk: DeskPage
    controller: DeskController
    connection: DeskConnection
    url: str
    code: dict[str, str]  # first name -> badge code
    ids: dict[str, int]  # first name -> delegate id


@pytest.fixture
def shared_desk(qtbot, server, tmp_path, settings_path, monkeypatch):
    """The app on a fresh demo database of a server the test may stop, its desk online
    through ``DeskCheckin`` (reconnect and pull every 100 ms: the test need not wait)."""
    from tests import pg

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the desk's local copy
    if not server.running:
        server.start()
    url = pg.fresh_database(server.url)
    store = Store(url)
    entries = list_delegates(store, create_demo(store, today=DEMO_DAY).event)
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
    connection._reconnect.setInterval(100)
    connection._pull.setInterval(100)
    qtbot.waitUntil(lambda: isinstance(controller.service, DeskCheckin), timeout=20_000)
    try:
        yield SharedDesk(
            window, controller.view, controller, connection, url,
            {e.delegate.first_name: e.code for e in entries},
            {e.delegate.first_name: e.delegate.id for e in entries},
        )  # fmt: skip
    finally:
        if not server.running:
            server.start()
        connection.close()
        detector.uninstall()
        store.close()


def test_desk_keeps_admitting_through_a_server_drop(qtbot, server, shared_desk):
    app = shared_desk
    desk, connection, handle = app.desk, app.connection, app.window.windowHandle()
    burst(handle, app.code["Sigrid"] + "\r", 1000)
    assert desk.panel.heading.text() == "Welcome"
    assert not desk.offline_banner.isVisible()

    server.stop()  # the Wi-Fi drops
    burst(handle, app.code["Łukasz"] + "\r", 5000)
    assert desk.panel.heading.text() == "Welcome"  # admitted all the same
    assert desk.offline_banner.isVisible()
    assert "Offline" in desk.offline_banner.text()
    assert "1 check-in waiting" in desk.offline_banner.text()
    # Sigrid was admitted here seconds before the drop: the copy knows it already.
    burst(handle, app.code["Sigrid"] + "\r", 9000)
    assert desk.panel.heading.text() != "Welcome"

    # Meanwhile, with the server back, another desk admits Łukasz too: the replay
    # must show it, not hide it.
    connection._reconnect.stop()
    server.start()
    other = Store(app.url)
    try:
        CheckinService(other, station="Desk 2").check_in(app.ids["Łukasz"])
    finally:
        other.close()
    with qtbot.waitSignal(connection.replayed, timeout=20_000) as replayed:
        connection._reconnect.start()
    qtbot.waitUntil(lambda: not desk.offline_banner.isVisible(), timeout=20_000)
    (duplicate,) = replayed.args[0].duplicates
    assert duplicate.delegate.id == app.ids["Łukasz"] and not duplicate.same_station
    told = [t for t in desk.notices.texts() if "two desks" in t]
    assert told and "Łukasz" in told[0]
    # Nothing typed at the desk was lost: its scans are on the server, Sigrid's
    # second one as "already".
    assert ("admitted", "Desk 1") in journal(app.url, app.ids["Łukasz"])
    assert journal(app.url, app.ids["Sigrid"]) == [
        ("admitted", "Desk 1"), ("already_admitted", "Desk 1"),
    ]


def test_another_desks_admission_reaches_this_desks_copy_within_seconds(qtbot, shared_desk):
    app = shared_desk
    desk = app.controller.service
    assert isinstance(desk, DeskCheckin)
    other = Store(app.url)
    try:
        elsewhere = CheckinService(other, station="Desk 2").check_in(app.ids["Ingrid"])
    finally:
        other.close()

    def in_copy() -> bool:
        with desk.mirror.read() as s:
            return s.scalar(select(m.Scan.id).where(m.Scan.uuid == elsewhere.scan_id)) is not None

    qtbot.waitUntil(in_copy, timeout=10_000)  # the connection pulls it on its worker


def test_offline_walk_in_and_edit_at_the_desk_reach_the_server(qtbot, server, shared_desk):
    app = shared_desk
    desk, controller = app.desk, app.controller
    server.stop()
    qtbot.keyClick(desk.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = controller.walk_in_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_text(dialog.first_name, "Nadia")
    type_text(dialog.last_name, "Haddad")
    type_text(dialog.organisation, "Caritas Lebanon")
    dialog.print_box.setChecked(False)
    result = controller.register(dialog)
    assert result is not None and result.delegate.id < 0  # only in the desk's copy
    assert desk.panel.heading.text() == "Welcome"
    number = result.delegate.number
    # Found by name in the copy (the index is rebuilt from it while offline), corrected.
    qtbot.waitUntil(lambda: controller.index is not None and bool(
        controller.index.search("Nadia", 5)), timeout=10_000)
    desk.search_box.setText("Nadia Haddad")
    qtbot.waitUntil(lambda: desk.results.rowCount() == 1, timeout=10_000)
    app.window.activateWindow()  # (the offscreen platform does not, after a dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.search_box)
    qtbot.keyClick(desk.search_box, Qt.Key.Key_F2)
    editor = controller.details.dialog
    assert editor is not None and editor.delegate.number == number
    editor.organisation.clear()
    type_text(editor.organisation, "Caritas Liban")
    editor.save_button.click()
    assert controller.details.dialog is None or not editor.isVisible()

    with qtbot.waitSignal(app.connection.replayed, timeout=20_000) as replayed:
        server.start()
    report = replayed.args[0]
    assert (report.changes.walk_ins, report.changes.edits, report.clashes) == (1, 1, ())
    store = Store(app.url)
    try:
        with store.read() as s:
            row = s.scalars(select(m.Delegate).where(m.Delegate.number == number)).one()
        assert (row.reference, row.organisation) == (f"WALKIN-{number}", "Caritas Liban")
        assert journal(app.url, row.id) == [("admitted", "Desk 1")]
        badge = codes.make_code(event_secret(store, row.event_id), number, 1)
        again = CheckinService(store, station="Desk 2").scan(badge)
        assert again.status.value == "already_admitted" and again.delegate.id == row.id
    finally:
        store.close()


def test_the_agenda_built_while_the_server_is_down_says_so(qtbot, server, shared_desk):
    """The pages beside the Desk are built after it, whenever that comes: with the shared
    server out of reach the Agenda page is built all the same and says why nothing can be
    removed (it read the database in its constructor and raised into the event loop)."""
    from checkin.ui.organiser.agenda import AgendaPage

    controller = shared_desk.controller
    server.stop()
    page = AgendaPage(controller.store, controller.event_info)
    qtbot.addWidget(page)
    assert page.status_label.text() == (
        "⚠ The database cannot be reached: no session or category can be removed now."
    )
    assert page.name_edit.text() == controller.event_info.name  # the event is shown
