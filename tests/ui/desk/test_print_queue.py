"""The desk's print queue: badges go one at a time off the GUI thread, straight to a
Brother QL (read back from its raster), failures are retried and shown, and the print
log lists what was printed."""

from __future__ import annotations

import threading
from dataclasses import replace

from sqlalchemy import select

from checkin.core.badges import raster
from checkin.core.db import models as m
from checkin.ui.desk import settings as desk_settings
from tests.qr import read_qr


def _count(store, delegate_id) -> int:
    with store.read() as s:
        return s.scalar(select(m.Delegate.print_count).where(m.Delegate.id == delegate_id))


def _label_desk(desk_app, uri: str, template: str = "brother-62mm"):
    controller = desk_app.controller
    controller.apply_settings(replace(
        controller.settings, print_on_arrival=True, printer=uri, printer_model="QL-700",
        printer_label="62", arrival_template=template,
    ))
    printer = controller.arrival_printer
    printer.queue.delays = (20, 20, 20)  # retries in milliseconds, not seconds
    return printer


def test_an_arrival_goes_straight_to_the_label_printer(desk_app, qtbot, tmp_path):
    target = tmp_path / "ql700.bin"
    printer = _label_desk(desk_app, f"file://{target}")
    with qtbot.waitSignal(printer.printed, timeout=30000):
        desk_app.controller.scan(desk_app.codes["Sigrid"])
    labels = raster.decode(target.read_bytes())
    assert read_qr(labels[0]) == [desk_app.codes["Sigrid"]]
    assert _count(desk_app.store, desk_app.ids["Sigrid"]) == 1
    assert printer.jobs == {} and printer.queue.items[0].state == "printed"


def test_a_failure_is_shown_retried_and_then_printed(desk_app, qtbot, tmp_path):
    folder = tmp_path / "later"  # missing at first: the printer "is not there"
    printer = _label_desk(desk_app, f"file://{folder}/job.bin")
    with qtbot.waitSignal(printer.failed, timeout=30000) as failed:
        desk_app.controller.scan(desk_app.codes["Sigrid"])
    assert "could not be printed; they are checked in" in failed.args[0]
    item = printer.queue.items[0]
    notices = desk_app.desk.notices
    qtbot.waitUntil(lambda: any("Sigrid" in n.words() for n in notices.notices))
    assert [b.text() for b in item.notice.buttons] == ["Retry", "Print log"]
    assert _count(desk_app.store, desk_app.ids["Sigrid"]) == 0  # nothing recorded
    folder.mkdir()  # the printer is back
    qtbot.waitUntil(lambda: item.state == "printed", timeout=30000)
    assert item.attempts >= 2 and (folder / "job.bin").stat().st_size > 0
    assert _count(desk_app.store, desk_app.ids["Sigrid"]) == 1
    qtbot.waitUntil(lambda: not any("Sigrid" in n.words() for n in notices.notices))


def test_a_setup_problem_is_not_retried(desk_app, qtbot, tmp_path):
    printer = _label_desk(desk_app, f"file://{tmp_path}/job.bin", template="a6")
    with qtbot.waitSignal(printer.failed, timeout=30000) as failed:
        desk_app.controller.scan(desk_app.codes["Sigrid"])
    assert "not for 62 mm tape" in failed.args[0]
    item = printer.queue.items[0]
    assert item.state == "failed" and item.attempts == 1
    assert printer.jobs == {}  # a later admission may try again once the setting is fixed


def test_badges_print_one_at_a_time_and_never_block_a_scan(desk_app, qtbot, tmp_path):
    controller = desk_app.controller
    printer = controller.arrival_printer
    printer.folder = tmp_path / "badges"
    gate, sent = threading.Event(), []

    def slow_send(path, name):
        gate.wait(20)
        sent.append(path.name)

    printer.send = slow_send
    controller.apply_settings(replace(controller.settings, print_on_arrival=True,
                                      printer="Desk printer"))
    first, second = list(desk_app.codes)[:2]
    controller.scan(desk_app.codes[first])
    controller.scan(desk_app.codes[second])  # answered while the first badge prints
    assert desk_app.desk.panel.heading.text() == "Welcome"
    assert printer.queue.current is not None and len(printer.queue.pending) == 1
    gate.set()
    qtbot.waitUntil(lambda: len(sent) == 2 and printer.jobs == {}, timeout=30000)
    assert [i.state for i in printer.queue.items] == ["printed", "printed"]


def test_the_print_log_lists_the_queue_and_the_prints(desk_app, qtbot, tmp_path):
    printer = _label_desk(desk_app, f"file://{tmp_path}/job.bin")
    with qtbot.waitSignal(printer.printed, timeout=30000):
        desk_app.controller.scan(desk_app.codes["Sigrid"])
    dialog = printer.open_log()
    qtbot.waitUntil(lambda: dialog.printed_list.topLevelItemCount() >= 1, timeout=20000)
    row = dialog.printed_list.topLevelItem(0)
    assert "Sigrid" in row.text(1) and row.text(3) == "first print"
    assert row.text(4) == "brother-62mm"
    assert dialog.queue_list.topLevelItem(0).text(2) == "printed"
    dialog.close()


def test_settings_choose_a_brother_printer_and_remember_it(desk_app, qtbot):
    dialog = desk_app.controller.open_settings()
    dialog.print_on_arrival.setChecked(True)
    dialog.printer.setCurrentIndex(dialog.printer.findData("@label"))
    assert dialog.label_row.isEnabled()
    dialog.label_address.setCurrentText("tcp://192.0.2.10")
    dialog.label_model.setCurrentText("QL-820NWB")
    dialog.label_tape.setCurrentIndex(dialog.label_tape.findData("62red"))
    dialog.try_accept()
    saved = desk_settings.load(desk_app.qsettings())
    assert (saved.printer, saved.printer_model, saved.printer_label) == (
        "tcp://192.0.2.10", "QL-820NWB", "62red")
    again = desk_app.controller.open_settings()
    assert again.printer.currentData() == "@label"
    assert again.label_address.currentText() == "tcp://192.0.2.10"
    again.reject()


def test_a_bad_label_address_is_refused(desk_app):
    dialog = desk_app.controller.open_settings()
    dialog.print_on_arrival.setChecked(True)
    dialog.printer.setCurrentIndex(dialog.printer.findData("@label"))
    dialog.label_address.setCurrentText("192.0.2.10")
    dialog.try_accept()
    assert dialog.result() == 0 and "usb://, tcp:// or file://" in dialog.problem.text()
    dialog.reject()


def test_check_says_how_the_label_printer_is(desk_app, qtbot, tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog = desk_app.controller.open_settings()
    dialog.print_on_arrival.setChecked(True)
    dialog.printer.setCurrentIndex(dialog.printer.findData("@label"))
    dialog.label_address.setCurrentText(f"tcp://127.0.0.1:{port}")
    dialog.label_check.click()
    qtbot.waitUntil(lambda: "is offline" in dialog.label_status.text(), timeout=20000)
    dialog.label_address.setCurrentText(f"file://{tmp_path}/job.bin")
    dialog.label_check.click()
    qtbot.waitUntil(lambda: dialog.label_status.text() == "Ready.", timeout=20000)
    dialog.reject()
