"""Brother QL printing read back: the raster the library writes, decoded by its own
reader, carries a QR that scans; a missing or failing printer is a clear PrinterError."""

from __future__ import annotations

import io
import socket

import pytest

from checkin.core.badges import label_printer, raster
from checkin.core.badges.label_printer import LabelPrinter, PrinterError, describe_response
from checkin.core.badges.label_printing import for_printer
from checkin.core.badges.render import render_badges
from checkin.core.badges.templates import load_template
from tests.core.badges.samples import content
from tests.qr import read_qr

BADGES = [content(8), content(6)]  # Jean-Christophe (a speaker), Maximiliano Alejandro


def _job(tmp_path, label: str, model: str = "QL-820NWB") -> tuple[bytes, LabelPrinter]:
    target = tmp_path / f"job-{label}.bin"
    printer = LabelPrinter(f"file://{target}", model, label)
    pdf = io.BytesIO()
    render_badges(pdf, for_printer(load_template("brother-62mm"), printer), BADGES)
    sent = label_printer.send(raster.raster_for_pdf(pdf.getvalue(), printer), printer)
    assert sent.bytes_sent == target.stat().st_size > 0
    return target.read_bytes(), printer


@pytest.mark.parametrize(("label", "length"), [("62", 1181), ("62x100", 1109)])
def test_the_raster_decodes_to_labels_whose_qr_scans(tmp_path, label, length):
    job, _printer = _job(tmp_path, label, "QL-700")
    labels = raster.decode(job)
    assert len(labels) == len(BADGES)
    for image, badge in zip(labels, BADGES, strict=True):
        assert abs(image.height - length) <= 2  # 100 mm at 300 dpi, or the die-cut area
        assert read_qr(image) == [badge.code]
        colours = {c for _n, c in image.getcolors(1 << 20)}
        assert colours <= {(0, 0, 0), (255, 255, 255)}  # black-only tape: no red, no grey


def test_red_is_printed_only_on_black_red_tape(tmp_path):
    job, printer = _job(tmp_path, "62red")
    assert printer.red
    image = raster.decode(job)[0]
    red = sum(n for n, c in image.getcolors(1 << 20) if c == (255, 0, 0))
    assert red > 10_000  # the category band
    assert read_qr(image) == [BADGES[0].code]


def test_black_only_media_get_a_framed_band_not_a_colour():
    from checkin.core.badges.layout import face_layout

    face = face_layout(load_template("brother-62mm"), BADGES[0])
    assert face.band_outline and face.band[4] == (0, 0, 0)
    assert all(t.colour == (0, 0, 0) for t in face.texts)
    assert not face_layout(load_template("a6"), BADGES[0]).band_outline


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_network_printer_that_is_off_is_offline():
    printer = LabelPrinter(f"tcp://127.0.0.1:{_closed_port()}", "QL-820NWB")
    with pytest.raises(PrinterError, match=r"is offline .*check it is on"):
        label_printer.send(b"\0" * 400, printer)


def test_usb_without_a_printer_says_no_printer():
    with pytest.raises(PrinterError, match=r"No printer at usb://0x04f9:0x2042"):
        label_printer.send(b"\0" * 400, LabelPrinter("usb://0x04f9:0x2042", "QL-700"))


def test_a_missing_device_node_says_so():
    with pytest.raises(PrinterError, match="the device is not there"):
        label_printer.send(b"\0", LabelPrinter("file:///dev/usb/lp97", "QL-700"))


@pytest.mark.parametrize(
    ("printer", "words"),
    [
        (LabelPrinter("lpr://x", "QL-700"), "use usb://"),
        (LabelPrinter("file:///tmp/x", "QL-9999"), "Unknown printer model QL-9999"),
        (LabelPrinter("file:///tmp/x", "QL-700", "62red"), "cannot print red"),
        (LabelPrinter("file:///tmp/x", "QL-700", "63"), "Unknown tape 63"),
    ],
)
def test_bad_printer_settings_are_refused_before_rendering(printer, words):
    with pytest.raises(PrinterError, match=words):
        label_printer.check(printer)


def test_a_template_for_other_paper_is_refused():
    printer = LabelPrinter("file:///tmp/x", "QL-700", "62")
    with pytest.raises(PrinterError, match="not for 62 mm tape"):
        raster.check_fits(load_template("a6"), printer)
    with pytest.raises(PrinterError, match="29 mm long"):
        raster.check_fits(load_template("brother-62mm"), LabelPrinter("file:///x", "QL-700",
                                                                      "62x29"))


def _reply(**changes):
    reply = {"status_type": "Reply to status request", "phase_type": "Waiting to receive",
             "model_name": "QL-700", "media_type": "Continuous length tape",
             "media_width": 62, "media_length": 0, "identified_media": None, "errors": []}
    reply.update(changes)
    return reply


@pytest.mark.parametrize(
    ("reply", "ready", "words"),
    [
        (_reply(), True, "ready"),
        (_reply(media_type="No media", media_width=0), False, "has no tape"),
        (_reply(media_width=29), False, "wrong tape: 29 mm loaded, the badge needs 62 mm"),
        (_reply(errors=["Cover opened while printing (Except QL-500)"]), False,
         "The cover of the printer at usb://0x04f9:0x2042 is open"),
        (_reply(errors=["Tape cutter jam"]), False, "is jammed"),
    ],
)
def test_the_printer_status_in_words(reply, ready, words):
    status = describe_response(reply, LabelPrinter("usb://0x04f9:0x2042", "QL-700", "62"))
    assert status.ready is ready and words in status.words
    assert all(isinstance(p, PrinterError) and "%1" in p.template for p in status.problems)


def test_die_cut_labels_on_continuous_tape_is_wrong_tape():
    status = describe_response(_reply(), LabelPrinter("usb://x", "QL-700", "62x100"))
    assert not status.ready and "die-cut" in status.words


def test_a_plain_file_target_reports_ready(tmp_path):
    status = label_printer.read_status(LabelPrinter(f"file://{tmp_path}/job.bin", "QL-700"))
    assert status.ready
