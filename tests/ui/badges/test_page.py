from __future__ import annotations

import math
import os
import stat

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select, update

from checkin.core.db import models as m
from checkin.core.desk.service import CheckinService
from checkin.core.event import codes
from checkin.core.event.stored import event_secret, require_event
from checkin.core.types import Outcome
from checkin.ui.badges.page import BadgesPage
from checkin.ui.widgets.printer import make_printer
from tests.qr import read_qr

JOB_TIMEOUT = 30_000
REF_A, REF_B = "IOMNGO-0080", "IOMNGO-0036"  # Sigrid Aasland-Øverby, Emmanuel Adjei Boateng


@pytest.fixture
def page(qtbot, demo_store):
    page = BadgesPage(demo_store, require_event(demo_store), station="Badges desk")
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.people_model.rowCount() == 86, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: page._check_job is None, timeout=JOB_TIMEOUT)
    return page


class PdfPrinters:
    """Stands in for the print dialog: each 'printer' writes a PDF file in tmp_path."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.files = []

    def __call__(self, points, parent):
        printer = make_printer(points, "test")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.tmp_path / f"printed-{len(self.files)}.pdf"
        printer.setOutputFileName(str(path))
        self.files.append(path)
        return printer


def decode_all(path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        found = []
        for i in range(len(pdf)):
            image = pdf[i].render(scale=2).to_pil()
            found += read_qr(image)
        return found
    finally:
        pdf.close()


def delegate(store, ref):
    with store.read() as s:
        return s.execute(select(m.Delegate).where(m.Delegate.reference == ref)).scalar_one()


def code_for(store, ref, version=None):
    row = delegate(store, ref)
    secret = event_secret(store, row.event_id)
    return codes.make_code(secret, row.number, version or row.badge_version)


def test_preview_shows_the_real_pdf_and_records_nothing(qtbot, page, demo_store):
    template = page.template()
    assert template.key == "a4-herma-4412" and template.per_page == 10
    with qtbot.waitSignal(page.preview_ready, timeout=JOB_TIMEOUT) as ready:
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.preview_pane.document.pageCount() == math.ceil(86 / template.per_page) == 9
    assert "86 badges on 9 pages" in page.preview_pane.label.text()
    path = ready.args[0]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600  # personal data
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    with demo_store.read() as s:
        assert s.scalar(select(m.BadgePrint.id).limit(1)) is None
    # One badge a page: the preview follows the template.
    page.template_box.setCurrentIndex(page.template_box.findData("a6"))
    page.set_chosen([REF_A, REF_B])
    with qtbot.waitSignal(page.preview_ready, timeout=JOB_TIMEOUT):
        page.preview_button.click()
    assert page.preview_pane.document.pageCount() == 2


def test_print_to_a_pdf_printer_carries_decodable_codes_and_is_recorded(
    qtbot, page, demo_store, tmp_path
):
    printers = PdfPrinters(tmp_path)
    page.ask_printer = printers
    page.set_chosen([REF_A, REF_B])
    assert page.who.chosen_label.text() == "2 people ticked."
    with qtbot.waitSignal(page.printed, timeout=JOB_TIMEOUT) as done:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    outcome = done.args[0]
    assert outcome.report.badges == 2 and outcome.pages_sent == 1
    (printed,) = printers.files
    assert sorted(decode_all(printed)) == sorted(
        [code_for(demo_store, REF_A), code_for(demo_store, REF_B)]
    )
    row = delegate(demo_store, REF_A)
    assert row.print_count == 1 and row.badge_version == 1
    assert "Sent 2 badges on 1 page to the printer." in page.status_label.text()
    with demo_store.read() as s:
        stations = set(s.scalars(select(m.BadgePrint.station)))
    assert stations == {"Badges desk"}
    # The list reloads: both now say printed, and "not yet printed" leaves them out.
    qtbot.waitUntil(lambda: "Printed: 2. Not yet printed: 84." in page.who.counts_label.text(),
                    timeout=JOB_TIMEOUT)


def test_reprint_with_a_reason_revokes_the_old_badge(qtbot, page, demo_store, tmp_path):
    old_code = code_for(demo_store, REF_A)
    printers = PdfPrinters(tmp_path)
    page.ask_printer = printers
    asked = []
    page.ask_reason = lambda names, parent: asked.append(list(names)) or "lost badge"
    assert not page.reprint_button.isEnabled()  # only for chosen people
    page.set_chosen([REF_A])
    assert page.reprint_button.isEnabled()
    with qtbot.waitSignal(page.printed, timeout=JOB_TIMEOUT) as done:
        page.reprint_button.click()
    assert asked == [["Sigrid Aasland-Øverby"]]
    assert done.args[0].report.reprinted == 1
    assert "1 old badge revoked." in page.status_label.text()
    row = delegate(demo_store, REF_A)
    assert row.badge_version == 2
    with demo_store.read() as s:
        bp = s.execute(select(m.BadgePrint).where(m.BadgePrint.delegate_id == row.id)).scalar_one()
    assert bp.reprint and bp.reason == "lost badge" and bp.badge_version == 2
    (new_code,) = decode_all(printers.files[0])
    assert new_code != old_code and new_code == code_for(demo_store, REF_A, 2)
    desk = CheckinService(demo_store, require_event(demo_store), station="Door")
    assert desk.scan(old_code).status is Outcome.REVOKED
    assert desk.scan(new_code).status is Outcome.ADMITTED


def test_reprint_cancelled_at_the_reason_changes_nothing(qtbot, page, demo_store):
    page.ask_reason = lambda names, parent: None
    page.ask_printer = lambda points, parent: pytest.fail("no printer without a reason")
    page.set_chosen([REF_A])
    page.reprint_button.click()
    assert delegate(demo_store, REF_A).badge_version == 1


def test_preflight_lists_a_demo_delegate_with_a_problem_and_enter_asks_to_fix(
    qtbot, page, demo_store
):
    with demo_store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.reference == REF_B).values(organisation=""))
    target = delegate(demo_store, REF_B).id
    # A6: the demo's longest first names fit it at 32 pt (on 80 x 50 mm they are flagged)
    page.template_box.setCurrentIndex(page.template_box.findData("a6"))
    with qtbot.waitSignal(page.preflight_ready, timeout=JOB_TIMEOUT):
        page.refresh()
    # The check the template change started may answer first; the reload then checks
    # again: wait until nothing is left running, then read what is shown.
    qtbot.waitUntil(lambda: page._load_job is None and page._check_job is None,
                    timeout=JOB_TIMEOUT)
    problems = page.problems
    assert [(p.reference, p.kind) for p in problems] == [(REF_B, "no_organisation")]
    assert page.problems_list.count() == 1
    text = page.problems_list.item(0).text()
    assert "Emmanuel Adjei Boateng (IOMNGO-0036): no organisation on the badge" in text
    assert not page.problems_list.item(0).icon().isNull()  # an icon, not colour alone
    assert page.problems_box.summary.text().startswith("1 badge with a problem")
    page.problems_list.setFocus()
    with qtbot.waitSignal(page.fix_requested, timeout=2_000) as fix:
        qtbot.keyClick(page.problems_list, Qt.Key.Key_Return)
    assert fix.args == [target]


def test_save_pdf_writes_a_private_file_and_records_the_prints(
    qtbot, page, demo_store, tmp_path
):
    target = tmp_path / "out" / "badges"
    target.parent.mkdir()
    page.ask_save_path = lambda parent: str(target)
    page.all_radio.setChecked(True)
    with qtbot.waitSignal(page.printed, timeout=JOB_TIMEOUT):
        page.save_button.click()
    saved = target.with_name("badges.pdf")
    assert saved.exists() and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert len(pdfium.PdfDocument(str(saved))) == 9
    assert str(saved) in page.status_label.text()
    with demo_store.read() as s:
        assert s.scalar(select(m.BadgePrint.id).order_by(m.BadgePrint.id.desc()).limit(1)) == 86


def test_cancel_during_preview_leaves_nothing(qtbot, page):
    page.template_box.setCurrentIndex(page.template_box.findData("a6"))  # 86 pages
    page.all_radio.setChecked(True)
    with qtbot.waitSignal(page.failed, timeout=JOB_TIMEOUT) as failed:
        page.preview_button.click()
        assert page.job_bar.cancel_button.isVisible() and page.job_bar.progress.isVisible()
        page.job_bar.cancel_button.click()
    assert failed.args[0] == "Cancelled: nothing was printed or recorded."
    qtbot.waitUntil(lambda: not page.job_bar.cancel_button.isVisible())
    assert page.preview_pane.document.pageCount() == 0
    assert page.preview_button.isEnabled()


def test_chosen_mode_with_nobody_ticked_says_so(qtbot, page):
    page.chosen_radio.setChecked(True)
    page.preview_button.click()
    assert page.status_label.text() == "Tick at least one person first."
    page.who.filter_edit.setText("caritas")
    assert 0 < page.who.proxy.rowCount() < 86


def test_reprint_dialog_needs_a_reason_and_warns_in_words(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from checkin.ui.badges.reprint_dialog import ReprintDialog

    dialog = ReprintDialog(["Sigrid Aasland-Øverby"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "revokes the badge" in texts and "Sigrid Aasland-Øverby" in texts
    qtbot.keyClicks(dialog.reason, "lost")
    assert ok.isEnabled()


def test_ticking_a_person_with_the_keyboard_chooses_them(qtbot, page, qtmodeltester):
    qtmodeltester.check(page.people_model)
    page.who.filter_edit.setText("Sigrid")
    assert page.who.proxy.rowCount() == 1
    view = page.who.view
    view.setFocus()
    view.setCurrentIndex(page.who.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert page.chosen_radio.isChecked()
    assert page.chosen_refs() == (REF_A,)
    assert page.who.chosen_label.text() == "1 person ticked."
    assert page.reprint_button.isEnabled()


def test_paint_pdf_stops_and_aborts_the_printer_on_cancel(tmp_path, demo_store):
    from checkin.core.badges import printing
    from checkin.core.badges.templates import load_template
    from checkin.ui.widgets.printer import PrintCancelled, paint_pdf, pdf_page_points

    event = require_event(demo_store)
    pdf = tmp_path / "two.pdf"
    printing.print_badges(demo_store, event, pdf, template=load_template("a6"),
                          refs=[REF_A, REF_B])
    printer = PdfPrinters(tmp_path)(pdf_page_points(pdf), None)
    asked = []
    with pytest.raises(PrintCancelled):
        paint_pdf(printer, pdf, cancelled=lambda: asked.append(1) or len(asked) > 1)
    assert len(asked) == 2  # page 1 sent, stopped before page 2
    steps = []
    printer = PdfPrinters(tmp_path / "again")  # a fresh printer prints both pages
    (tmp_path / "again").mkdir()
    target = printer(pdf_page_points(pdf), None)
    assert paint_pdf(target, pdf, progress=lambda d, t: steps.append((d, t))) == 2
    assert steps == [(1, 2), (2, 2)]
    assert len(decode_all(printer.files[0])) == 2
