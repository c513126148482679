"""The kiosk window on a real demo SQLite file: scan, typed search with its confirming
detail, staff cases, idle, the locked exits, the staff PIN, printing, FR/EN."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select, update

from checkin.core.db import models as m
from checkin.core.db.store import open_store
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.ui.desk.settings import DeskSettings, hash_pin
from checkin.ui.kiosk.launch import KioskOptions, build_kiosk
from checkin.ui.kiosk.printer import KioskPrinter
from checkin.ui.widgets import translations

PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash():
    return hash_pin(PIN)


@pytest.fixture
def demo(tmp_path):
    store = open_store(str(tmp_path / "kiosk.sqlite"))
    event = create_demo(store).event
    yield store, event
    store.close()


class Kiosk:
    def __init__(self, qtbot, store, event, pin_hash, tmp_path, *, idle_ms=30_000, send=None):
        self.store, self.event = store, event
        self.sent: list[Path] = []
        printer = KioskPrinter(store, event)
        printer.printer_name = "Kiosk printer"
        printer.folder = tmp_path / "badges"
        printer.send = send or (lambda path, name: self.sent.append(path))
        printer.queue.delays = (50, 50, 50)
        options = KioskOptions(station="Kiosk A", pin_hash=pin_hash, printer="Kiosk printer",
                               language="en", idle_ms=idle_ms, full_screen=False)
        self.controller = build_kiosk(store, event, options, printer=printer)
        printer.setParent(self.controller.window)
        self.window = self.controller.window
        qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot = qtbot
        self.people = {e.delegate.first_name: e for e in list_delegates(store, event)}

    def journal(self) -> list[tuple]:
        with self.store.read() as s:
            return [tuple(r) for r in s.execute(
                select(m.Scan.delegate_id, m.Scan.outcome, m.Scan.source, m.Scan.station)
                .order_by(m.Scan.id))]

    def type_into(self, widget, text: str) -> None:
        for ch in text:  # QKeyEvents with text: keyClicks aborts on non-ASCII
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         ch))
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def kiosk(qtbot, demo, pin_hash, tmp_path):
    k = Kiosk(qtbot, *demo, pin_hash, tmp_path)
    yield k
    k.window.released = True
    k.window.uninstall()
    translations.install_english(QApplication.instance())


def test_a_scan_checks_in_and_prints_at_once(kiosk, qtbot):
    sigrid = kiosk.people["Sigrid"]
    with qtbot.waitSignal(kiosk.controller.shown, check_params_cb=lambda k: k == "badge-printed"):
        kiosk.controller.scan(sigrid.code)
    assert kiosk.window.current == "badge"
    assert "Take your badge" in kiosk.window.badge.status.text()
    assert kiosk.journal() == [(sigrid.delegate.id, "admitted", "kiosk", "Kiosk A")]
    assert len(kiosk.sent) == 1 and kiosk.sent[0].exists()


def test_a_typed_search_shows_nobody_until_the_detail_confirms(kiosk, qtbot):
    w = kiosk.window
    kiosk.window.welcome.search.emit("")
    assert w.current == "name"
    kiosk.type_into(w.name.field, "Nasra")
    assert w.current == "detail"
    every_text = " ".join(lbl.text() for lbl in w.findChildren(type(w.confirm.person)))
    assert "Abdikadir" not in every_text  # no name shown before the detail
    kiosk.type_into(w.detail.field, "Internat")
    assert w.current == "confirm"
    assert w.confirm.person.text() == "Nasra Abdikadir Hassan"
    qtbot.mouseClick(w.confirm.yes_button, Qt.MouseButton.LeftButton)
    assert w.current == "badge"
    nasra = kiosk.people["Nasra"].delegate
    assert kiosk.journal() == [(nasra.id, "admitted", "kiosk", "Kiosk A")]


def test_a_wrong_detail_three_times_sends_to_the_desk(kiosk):
    w = kiosk.window
    w.welcome.search.emit("Nas")
    kiosk.type_into(w.name.field, "ra")
    for _ in range(3):
        kiosk.type_into(w.detail.field, "Unicef")
    assert w.current == "desk" and kiosk.journal() == []


def test_a_cancelled_person_is_sent_to_the_desk_without_detail(kiosk):
    sigrid = kiosk.people["Sigrid"]
    with kiosk.store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == sigrid.delegate.id)
                  .values(status="cancelled"))
    kiosk.controller.scan(sigrid.code)
    assert kiosk.window.current == "desk"
    assert kiosk.window.desk.title.text() == "Please see the desk"
    assert "cancel" not in kiosk.window.desk.hint.text().lower()
    assert kiosk.journal() == [(sigrid.delegate.id, "cancelled", "kiosk", "Kiosk A")]
    assert kiosk.sent == []


def test_already_checked_in_goes_to_the_desk(kiosk, qtbot):
    code = kiosk.people["Sigrid"].code
    kiosk.controller.scan(code)
    kiosk.controller.reset()
    kiosk.controller.scan(code)
    assert kiosk.window.current == "desk"
    assert [r[1] for r in kiosk.journal()] == ["admitted", "already_admitted"]


def test_idle_goes_back_to_welcome_and_forgets(qtbot, demo, pin_hash, tmp_path):
    k = Kiosk(qtbot, *demo, pin_hash, tmp_path, idle_ms=100)
    try:
        k.window.welcome.search.emit("Nas")
        assert k.window.current == "name"
        qtbot.waitUntil(lambda: k.window.current == "welcome", timeout=5000)
        assert k.window.name.field.text() == ""
    finally:
        k.window.released = True
        k.window.uninstall()


def test_the_exits_are_locked_until_the_staff_pin(kiosk, qtbot):
    w = kiosk.window
    assert not w.close() and w.isVisible()
    handle = w.windowHandle()
    for key, mods in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)):
        event = QKeyEvent(QEvent.Type.KeyPress, key, mods)
        assert w.eventFilter(handle, event) is True  # eaten before any widget
    assert w.isVisible() and w.current == "welcome"
    staff = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K,
                      Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    w.eventFilter(handle, staff)
    assert w.current == "pin"
    kiosk.controller.try_pin("1111")
    assert w.isVisible() and "Wrong PIN" in w.pin.message.text()
    with qtbot.waitSignal(kiosk.controller.closed):
        kiosk.controller.try_pin(PIN)
    assert not w.isVisible()
    assert kiosk.journal() == []


def test_out_of_paper_queues_the_badge_and_tells_staff(qtbot, demo, pin_hash, tmp_path):
    def no_paper(path, name):
        raise OSError("no tape: load a roll")

    k = Kiosk(qtbot, *demo, pin_hash, tmp_path, send=no_paper)
    try:
        with qtbot.waitSignal(k.controller.shown, check_params_cb=lambda s: s == "desk"):
            k.controller.scan(k.people["Sigrid"].code)
        assert k.window.desk.title.text() == "Please see the desk for your badge"
        assert k.window.notice.isVisible() and "printer" in k.window.notice.text()
        assert "Sigrid" not in k.window.notice.text()
        assert k.controller.printer.queue.items[0].state in ("retrying", "queued", "printing")
        assert [r[1] for r in k.journal()] == ["admitted"]  # checked in all the same
    finally:
        k.window.released = True
        k.window.uninstall()


def test_french_on_screen_and_back_to_the_kiosk_language(kiosk, qtbot):
    w = kiosk.window
    qtbot.mouseClick(w.language_buttons["fr"], Qt.MouseButton.LeftButton)
    assert w.welcome.title.text() == "Bienvenue"
    assert w.language_buttons["fr"].isChecked()
    kiosk.controller.reset()
    assert w.welcome.title.text() == "Welcome"


def test_the_desk_opens_the_kiosk_and_gets_its_scanner_back(desk_app, qtbot, pin_hash):
    from checkin.ui.desk import settings as desk_settings
    from checkin.ui.organiser.menu import OrganiserMenu

    menu = desk_app.window.findChild(OrganiserMenu)
    menu.open_kiosk()  # no lock PIN on this machine: a message, no kiosk
    (box,) = desk_app.window.findChildren(QMessageBox)
    assert "lock PIN" in box.text()
    box.close()
    assert menu.kiosk is None and desk_app.window.isVisible()
    qsettings = desk_settings.default_qsettings()
    desk_settings.save(qsettings, DeskSettings(station="Desk 1", lock_pin_hash=pin_hash))
    menu.kiosk_action.trigger()
    kiosk = menu.kiosk
    assert kiosk is not None and kiosk.window.isVisible() and not desk_app.window.isVisible()
    scanned = []  # the kiosk's own scanner hears the keys, not the desk's
    desk_app.detector.scanned.connect(scanned.append)
    kiosk.scan(desk_app.codes["Sigrid"])
    with desk_app.store.read() as s:
        rows = s.execute(select(m.Scan.source, m.Scan.station)).all()
    assert [tuple(r) for r in rows] == [("kiosk", "Desk 1 kiosk")] and scanned == []
    kiosk.ask_pin()
    with qtbot.waitSignal(kiosk.closed):
        kiosk.try_pin(PIN)
    assert desk_app.window.isVisible()


def test_a_phone_held_up_to_the_webcam_checks_in(qtbot, demo, pin_hash, tmp_path):
    import qrcode
    from PySide6.QtGui import QImage

    from checkin.ui.kiosk.launch import _start_camera

    k = Kiosk(qtbot, *demo, pin_hash, tmp_path)
    try:
        camera = _start_camera(k.controller)  # no webcam here: the notice says so
        assert k.controller.camera is camera
        png = tmp_path / "phone.png"
        qrcode.make(k.people["Sigrid"].code, border=4, box_size=8).save(png)
        with qtbot.waitSignal(k.controller.shown, timeout=10_000,
                              check_params_cb=lambda s: s == "badge"):
            assert camera.feed(QImage(str(png)))
        assert [r[1:3] for r in k.journal()] == [("admitted", "kiosk")]
    finally:
        k.window.released = True
        k.window.uninstall()


def test_the_desk_hears_who_the_kiosk_sent_over(desk_app):
    from checkin.core.desk.kiosk import KioskDesk
    from checkin.core.desk.service import CheckinService
    from checkin.ui.kiosk.desk_watch import KioskCaseWatch

    watch = desk_app.controller.findChild(KioskCaseWatch)
    assert watch is not None and watch.timer.isActive()
    kiosk = KioskDesk(CheckinService(desk_app.store, desk_app.event, station="Kiosk 1"))
    code = desk_app.codes["Sigrid"]
    kiosk.scan(code)  # admitted: nothing for staff
    kiosk.scan(code)  # again: already checked in
    watch.look()
    notices = desk_app.desk.notices.notices
    assert len(notices) == 1
    texts = " ".join(w.text() for w in notices[0].findChildren(QLabel))
    assert "Kiosk 1 sent Sigrid" in texts and "already checked in" in texts
    watch.look()  # seen: not shown twice
    assert len(desk_app.desk.notices.notices) == 1


def test_a_look_due_during_a_scan_waits_for_its_result(desk_app, qtbot):
    from checkin.core.desk.kiosk import KioskDesk
    from checkin.core.desk.service import CheckinService
    from checkin.ui.kiosk.desk_watch import KioskCaseWatch
    from checkin.ui.widgets.foreground import foreground

    watch = desk_app.controller.findChild(KioskCaseWatch)
    kiosk = KioskDesk(CheckinService(desk_app.store, desk_app.event, station="Kiosk 1"))
    code = desk_app.codes["Sigrid"]
    kiosk.scan(code)
    kiosk.scan(code)  # a case for the desk
    foreground().busy_for(5.0)  # a scan goes on at this desk
    watch.look()
    assert desk_app.desk.notices.notices == []  # not read meanwhile
    foreground().release()  # its result is painted
    assert len(desk_app.desk.notices.notices) == 1


def test_touch_alone_types_a_name_and_a_long_press_asks_for_the_pin(kiosk, qtbot):
    w = kiosk.window
    qtbot.mouseClick(w.welcome.search_button, Qt.MouseButton.LeftButton)
    keys = {b.text(): b for b in w.name.keys.findChildren(type(w.name.next_button))}
    for letter in "nasr":
        qtbot.mouseClick(keys[letter], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keys["⌫"], Qt.MouseButton.LeftButton)
    assert w.name.field.text() == "nas" and w.name.field.hasFocus()
    with qtbot.waitSignal(w.staff_asked, timeout=5000):
        qtbot.mousePress(w.corner, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(w.corner, Qt.MouseButton.LeftButton)
    assert w.current == "pin"


def test_an_attention_note_checks_in_but_sends_to_the_desk_without_printing(kiosk):
    from checkin.core.accreditation.notes import set_note

    sigrid = kiosk.people["Sigrid"]
    set_note(kiosk.store, kiosk.event, sigrid.delegate.id, "Collect the visa letter")
    kiosk.controller.scan(sigrid.code)
    assert kiosk.window.current == "desk"
    assert "visa" not in kiosk.window.desk.hint.text() + kiosk.window.desk.title.text()
    assert [r[1] for r in kiosk.journal()] == ["admitted"] and kiosk.sent == []
