"""Printing the badge at first check-in: who gets one, once, and what staff see."""

from __future__ import annotations

from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.ui.desk import settings as desk_settings
from tests.qr import read_qr
from tests.ui.conftest import KEY_CLICK_GAP


@pytest.fixture
def arrival(desk_app, tmp_path):
    """The desk with printing on arrival on, to a recorded "printer"."""
    controller = desk_app.controller
    sent: list[tuple] = []
    controller.arrival_printer.folder = tmp_path / "badges"
    controller.arrival_printer.send = lambda path, name: sent.append((path, name))
    controller.apply_settings(
        replace(controller.settings, print_on_arrival=True, printer="Desk printer")
    )
    desk_app.sent = sent
    return desk_app


def print_count(store, delegate_id) -> int:
    with store.read() as s:
        return s.scalar(select(m.Delegate.print_count).where(m.Delegate.id == delegate_id))


def test_first_admission_prints_the_badge_on_the_chosen_printer(arrival, qtbot):
    printer = arrival.controller.arrival_printer
    with qtbot.waitSignal(printer.printed, timeout=20000) as done:
        arrival.scan(arrival.codes["Sigrid"])
    path = done.args[0]
    assert arrival.sent == [(path, "Desk printer")]
    assert arrival.desk.panel.heading.text() == "Welcome"  # the desk answered first
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(pdf) == 1
        image = pdf[0].render(scale=2).to_pil()
    finally:
        pdf.close()
    assert read_qr(image) == [arrival.codes["Sigrid"]]
    assert print_count(arrival.store, arrival.ids["Sigrid"]) == 1


def test_never_twice_already_undone_or_printed_before(arrival, qtbot):
    controller, printer = arrival.controller, arrival.controller.arrival_printer
    with qtbot.waitSignal(printer.printed, timeout=20000):
        arrival.scan(arrival.codes["Sigrid"])
    arrival.clock.now += 5000
    arrival.scan(arrival.codes["Sigrid"], start=1000 + KEY_CLICK_GAP)  # already checked in
    assert printer.jobs == {}
    controller.undo(arrival.desk.recent.scans[-1].scan_id)
    arrival.clock.now += 5000
    arrival.scan(arrival.codes["Sigrid"], start=1000 + 2 * KEY_CLICK_GAP)  # admitted again
    assert arrival.desk.panel.heading.text() == "Welcome"
    assert printer.jobs == {}  # printed once already
    assert len(arrival.sent) == 1


def test_setting_off_prints_nothing(desk_app):
    controller = desk_app.controller
    assert controller.settings.print_on_arrival is False  # the default
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk_app.desk.panel.heading.text() == "Welcome"
    assert controller.arrival_printer.jobs == {}
    assert print_count(desk_app.store, desk_app.ids["Sigrid"]) == 0


def test_no_printer_chosen_offers_the_pdf(arrival, qtbot):
    controller = arrival.controller
    controller.apply_settings(replace(controller.settings, printer=""))
    with qtbot.waitSignal(controller.arrival_printer.ready, timeout=20000):
        arrival.scan(arrival.codes["Sigrid"])
    assert arrival.sent == []
    qtbot.waitUntil(lambda: controller.badge_notice is not None)
    assert controller.badge_notice.text.text().endswith(".pdf")


def test_a_missing_printer_is_said_and_the_person_stays_checked_in(desk_app, qtbot, tmp_path):
    controller = desk_app.controller
    controller.arrival_printer.folder = tmp_path / "badges"
    controller.apply_settings(
        replace(controller.settings, print_on_arrival=True, printer="No such printer 42")
    )
    with qtbot.waitSignal(controller.arrival_printer.failed, timeout=20000) as failed:
        desk_app.scan(desk_app.codes["Sigrid"])
    text = failed.args[0]
    assert "No such printer 42" in text and "checked in" in text
    assert desk_app.desk.panel.heading.text() == "Welcome"


def test_settings_dialog_turns_it_on_and_remembers(desk_app, qtbot):
    controller = desk_app.controller
    dialog = controller.open_settings()
    assert dialog is not None
    assert not dialog.print_on_arrival.isChecked() and not dialog.printer.isEnabled()
    dialog.print_on_arrival.setChecked(True)
    assert dialog.printer.isEnabled() and dialog.template.isEnabled()
    dialog.template.setCurrentIndex(dialog.template.findData("cr80"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    saved = desk_settings.load(desk_app.qsettings())
    assert (saved.print_on_arrival, saved.printer, saved.arrival_template) == (True, "", "cr80")
    assert controller.arrival_printer.enabled
    assert controller.arrival_printer.template_key == "cr80"
