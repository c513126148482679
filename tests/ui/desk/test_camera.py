"""Webcam scanning: real badge PDFs, rasterised and held up to a pretend camera.

Badges are printed with ``printing.print_badges`` from the demo event, rasterised with
pypdfium2 and placed in a 1280x720 "camera frame" full of clutter: tilted, near and far,
blurred, inverted (a phone in dark mode), grey on grey.  The frames go through
``CameraScanner.feed``, the same path camera frames take after the video sink; video
frames built in memory (NV12, BGRA) go through the sink's own slot.  This machine has no
camera, and the tests say what the desk does then.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTransform

from checkin.core.badges.printing import print_badges, select_delegates
from checkin.core.badges.templates import load_template
from checkin.core.db.store import Store, open_store
from checkin.core.desk import frames
from checkin.core.roster.demo import create_demo
from checkin.ui.desk import camera as camera_module
from checkin.ui.desk.camera import CameraScanner, decode_source
from checkin.ui.desk.camera_view import CameraPanel
from checkin.ui.desk.outcome_panel import Tone
from tests.conftest import Clock

FRAME_W, FRAME_H = 1280, 720
QR_PIXELS = 130  # the QR code's side at scale 1: a badge held about 30 cm from a webcam


# -- making frames (also used by benchmarks/bench_camera.py) ---------------------------


@dataclass(frozen=True)
class Badge:
    code: str
    image: QImage  # the whole badge, RGB32
    qr_centre: QPointF  # in the image's pixels
    qr_side: float


def render_badges(store: Store, refs: list[str], out: Path, template: str = "a6") -> list[Badge]:
    """Print the badges of ``refs`` to a PDF for real and rasterise each page."""
    event = select_event(store)
    print_badges(store, event, out, template=load_template(template), refs=refs)
    pdf = pdfium.PdfDocument(str(out))
    try:
        return [_badge(page.render(scale=150 / 72).to_pil().convert("RGB")) for page in pdf]
    finally:
        pdf.close()


def select_event(store: Store):
    from checkin.core.event.stored import require_event

    return require_event(store)


def _badge(pil) -> Badge:
    (found,) = zxingcpp.read_barcodes(pil, formats=zxingcpp.BarcodeFormat.QRCodeModel2)
    p = found.position
    corners = [p.top_left, p.top_right, p.bottom_right, p.bottom_left]
    cx = sum(c.x for c in corners) / 4
    cy = sum(c.y for c in corners) / 4
    side = ((p.top_right.x - p.top_left.x) ** 2 + (p.top_right.y - p.top_left.y) ** 2) ** 0.5
    data = pil.tobytes()
    image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
    image = image.convertToFormat(QImage.Format.Format_RGB32)  # owns its pixels now
    return Badge(found.text, image, QPointF(cx, cy), side)


def clutter(seed: int = 7) -> QImage:
    """A 1280x720 desk scene without a badge: shapes, lines of text, a gradient."""
    import random

    rnd = random.Random(seed)
    frame = QImage(FRAME_W, FRAME_H, QImage.Format.Format_RGB32)
    frame.fill(QColor(112, 104, 96))
    p = QPainter(frame)
    for _ in range(70):
        p.fillRect(
            rnd.randrange(FRAME_W), rnd.randrange(FRAME_H), rnd.randrange(10, 220),
            rnd.randrange(5, 90), QColor(rnd.randrange(256), rnd.randrange(256),
                                         rnd.randrange(256)),
        )
    font = QFont()
    font.setPixelSize(18)
    p.setFont(font)
    for _ in range(30):
        p.setPen(QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        p.drawText(rnd.randrange(FRAME_W - 100), rnd.randrange(20, FRAME_H),
                   f"Agenda {rnd.randrange(99)} Room {rnd.randrange(9)}")
    p.end()
    return frame


def camera_frame(
    badge: Badge | None,
    *,
    angle: float = 0,
    scale: float = 1.0,
    blur: int = 0,
    invert: bool = False,
    contrast: float = 1.0,
    seed: int = 7,
) -> QImage:
    """The badge held up in front of the clutter, its QR code near the frame's centre."""
    frame = clutter(seed)
    if badge is not None:
        image = QImage(badge.image)
        if invert:
            image.invertPixels()  # a phone in dark mode: light modules on black
        p = QPainter(frame)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        zoom = scale * QR_PIXELS / badge.qr_side
        t = QTransform()
        t.translate(FRAME_W / 2 + 40, FRAME_H / 2 - 20)  # a little off centre
        t.rotate(angle)
        t.scale(zoom, zoom)
        t.translate(-badge.qr_centre.x(), -badge.qr_centre.y())
        p.setTransform(t)
        if contrast < 1.0:  # grey on grey: the badge shows faintly over a mid grey
            p.fillRect(QRectF(image.rect()), QColor(128, 128, 128))
            p.setOpacity(contrast)
        p.drawImage(0, 0, image)
        p.end()
    if blur:  # out of focus: down to 1/blur of the size and back up, smoothly
        small = frame.scaled(FRAME_W // blur, FRAME_H // blur, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        frame = small.scaled(FRAME_W, FRAME_H, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return frame


CASES = {
    "printed, straight": {},
    "tilted 15°": {"angle": 15},
    "tilted 30°": {"angle": 30},
    "tilted -30°": {"angle": -30},
    "far (half size)": {"scale": 0.5},
    "near (1.5x)": {"scale": 1.5},
    "out of focus": {"blur": 4},
    "phone, dark mode": {"invert": True},
    "grey on grey": {"contrast": 0.3},
    # 6-8 % contrast (about 15-20 grey levels): only the stretched second pass reads these
    "grey on grey, faint": {"contrast": 0.06},
    "phone, dark mode, dim, tilted 20°": {"invert": True, "contrast": 0.08, "angle": 20},
    "tilted 30°, out of focus": {"angle": 30, "blur": 4},
    "far, tilted 30°": {"scale": 0.5, "angle": -30},
    "near, dark mode, out of focus": {"scale": 1.5, "invert": True, "blur": 6},
}


# -- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def badges(qapp, tmp_path_factory) -> list[Badge]:
    """Three real demo badges (printed once for the module; drawing frames needs the app)."""
    folder = tmp_path_factory.mktemp("camera-badges")
    store = open_store(str(folder / "demo.sqlite"))
    try:
        create_demo(store, today=dt.date(2026, 11, 28))
        refs = [d.reference for d in select_delegates(store, select_event(store))[:3]]
        return render_badges(store, refs, folder / "badges.pdf")
    finally:
        store.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(1000.0)


@pytest.fixture
def scanner(qtbot, clock):
    scanner = CameraScanner(clock=clock)
    yield scanner
    scanner.stop(quiet=True)
    # A decode still running would report into a deleted scanner: let it finish.
    qtbot.waitUntil(lambda: not scanner.busy)
    scanner.deleteLater()


class Recorder:
    def __init__(self, scanner: CameraScanner) -> None:
        self.scanned: list[str] = []
        self.duplicates: list[str] = []
        scanner.scanned.connect(self.scanned.append)
        scanner.duplicate.connect(self.duplicates.append)


def feed_and_wait(qtbot, scanner: CameraScanner, image: QImage) -> int:
    """Feed one frame and wait until it is decoded; the number of codes found."""
    with qtbot.waitSignal(scanner.frame_decoded, timeout=10_000) as blocker:
        assert scanner.feed(image)
    return blocker.args[0]


# -- decoding ------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_a_badge_held_up_is_read_once_with_its_exact_code(qtbot, scanner, badges, case):
    badge = badges[0]
    frame = camera_frame(badge, **CASES[case])
    seen = Recorder(scanner)
    with qtbot.waitSignal(scanner.scanned, timeout=10_000) as blocker:
        assert scanner.feed(frame)
    assert blocker.args == [badge.code]
    qtbot.waitUntil(lambda: not scanner.busy)
    assert seen.scanned == [badge.code]
    assert seen.duplicates == []


def test_a_frame_with_no_code_yields_nothing(qtbot, scanner):
    seen = Recorder(scanner)
    assert feed_and_wait(qtbot, scanner, camera_frame(None)) == 0
    assert seen.scanned == [] and seen.duplicates == []
    assert scanner.frames_decoded == 1


def test_thirty_frames_of_one_badge_are_one_scan(qtbot, scanner, clock, badges):
    """A badge held in front of the camera for about 4 s, a frame every 1/8 s."""
    badge = badges[1]
    frame = camera_frame(badge, angle=10)
    seen = Recorder(scanner)
    for _ in range(30):
        assert feed_and_wait(qtbot, scanner, frame) == 1
        clock.now += 0.125
    assert seen.scanned == [badge.code]
    assert seen.duplicates == [badge.code] * 29


def test_the_same_badge_counts_again_after_three_seconds_out_of_view(
    qtbot, scanner, clock, badges
):
    badge = badges[0]
    frame = camera_frame(badge)
    seen = Recorder(scanner)
    feed_and_wait(qtbot, scanner, frame)
    clock.now += 2.9  # taken away and shown again within the window: still one scan
    feed_and_wait(qtbot, scanner, frame)
    clock.now += 3.0  # now three seconds since it was last seen
    feed_and_wait(qtbot, scanner, frame)
    assert seen.scanned == [badge.code, badge.code]
    assert seen.duplicates == [badge.code]


def test_two_badges_shown_in_turn_are_two_scans(qtbot, scanner, clock, badges):
    first, second = badges[0], badges[2]
    seen = Recorder(scanner)
    for badge in (first, second, first, second):
        feed_and_wait(qtbot, scanner, camera_frame(badge, angle=-12))
        clock.now += 0.5
    assert seen.scanned == [first.code, second.code]
    assert seen.duplicates == [first.code, second.code]


def test_frames_are_dropped_while_one_is_decoded_never_queued(qtbot, scanner, badges):
    frame = camera_frame(badges[0])
    seen = Recorder(scanner)
    with qtbot.waitSignal(scanner.frame_decoded, timeout=10_000):
        assert scanner.feed(frame)
        assert scanner.busy
        assert not scanner.feed(frame)  # the decoder is busy: dropped
        assert not scanner.feed(camera_frame(badges[1]))
    qtbot.waitUntil(lambda: not scanner.busy)
    assert scanner.frames_dropped == 2
    assert scanner.frames_decoded == 1
    assert seen.scanned == [badges[0].code]
    assert scanner.feed(frame)  # free again
    qtbot.waitUntil(lambda: not scanner.busy)


@pytest.mark.parametrize(
    "image_format",
    [QImage.Format.Format_RGB32, QImage.Format.Format_RGB888, QImage.Format.Format_Grayscale8,
     QImage.Format.Format_RGBA8888, QImage.Format.Format_Indexed8],
)
def test_images_of_any_format_and_size_decode(badges, image_format):
    """A 1080p camera's frame (decimated to 960 wide), in the formats photos come in."""
    big = camera_frame(badges[0], angle=20).scaled(
        1920, 1080, Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(image_format)
    assert decode_source(big) == [badges[0].code]
    assert decode_source(big, max_width=640) == [badges[0].code]  # 1920 / 3


# -- video frames, as the camera's sink delivers them ---------------------------------


def _video_frame(image: QImage, pixel_format: str):
    """A QVideoFrame as a webcam would send it: NV12, YUYV, AYUV or BGRA."""
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    fmt = QVideoFrameFormat(QSize(image.width(), image.height()),
                            getattr(QVideoFrameFormat.PixelFormat, pixel_format))
    frame = QVideoFrame(fmt)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)  # B G R A bytes (little end.)
    # (bytes a pixel, where luma goes, filler) per format; BGRA copies whole pixels
    layout = {"Format_NV12": (1, 0, 0), "Format_YUYV": (2, 0, 128), "Format_AYUV": (4, 1, 128)}
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    try:
        bits, stride = frame.bits(0), frame.bytesPerLine(0)
        for y in range(image.height()):
            if pixel_format == "Format_BGRA8888":
                start = y * argb.bytesPerLine()
                row = bytes(argb.constBits()[start : start + image.width() * 4])
            else:
                bpp, offset, filler = layout[pixel_format]
                start = y * gray.bytesPerLine()
                row = bytearray([filler]) * (image.width() * bpp)
                row[offset::bpp] = gray.constBits()[start : start + image.width()]
                if pixel_format == "Format_AYUV":
                    row[0::4] = b"\xff" * image.width()  # opaque
            bits[y * stride : y * stride + len(row)] = row
        if pixel_format == "Format_NV12":
            chroma = frame.bits(1)
            chroma[:] = b"\x80" * len(chroma)  # no colour
    finally:
        frame.unmap()
    return frame


@pytest.mark.skipif(sys.byteorder != "little", reason="BGRA built from ARGB32 memory")
@pytest.mark.parametrize(
    "pixel_format", ["Format_NV12", "Format_YUYV", "Format_BGRA8888", "Format_AYUV"]
)
def test_camera_frames_from_the_video_sink_are_read(qtbot, scanner, badges, pixel_format):
    if not scanner.available:
        pytest.skip(scanner.unavailable)
    badge = badges[2]
    frame = _video_frame(camera_frame(badge, angle=25, invert=True), pixel_format)
    shown = []
    scanner.frame_shown.connect(shown.append)
    with qtbot.waitSignal(scanner.scanned, timeout=10_000) as blocker:
        scanner._on_video_frame(frame)
    assert blocker.args == [badge.code]
    assert shown == [frame]
    assert scanner.frames_seen == 1


def test_camera_frames_are_decoded_at_most_fps_a_second(qtbot, clock, badges):
    scanner = CameraScanner(fps=1, clock=clock)
    if not scanner.available:
        pytest.skip(scanner.unavailable)
    frame = _video_frame(camera_frame(badges[0]), "Format_NV12")
    shown = []
    scanner.frame_shown.connect(shown.append)
    with qtbot.waitSignal(scanner.frame_decoded, timeout=10_000):
        scanner._on_video_frame(frame)
    qtbot.waitUntil(lambda: not scanner.busy)
    for _ in range(5):  # the camera's next frames, well within the second
        scanner._on_video_frame(frame)
    assert len(shown) == 6  # the preview sees every frame
    assert scanner.frames_decoded == 1  # the decoder only one
    assert not scanner.busy
    assert scanner.frames_dropped == 0  # skipped by the rate limit, not by busyness


def test_the_camera_is_asked_for_smooth_720p_in_a_format_read_as_is():
    mode = camera_module.CameraMode
    typical = [  # what a common USB webcam lists under Linux
        mode(1920, 1080, 5, "Format_YUYV"),
        mode(1920, 1080, 30, "Format_Jpeg"),
        mode(1280, 720, 10, "Format_YUYV"),
        mode(1280, 720, 30, "Format_Jpeg"),
        mode(1280, 720, 30, "Format_NV12"),
        mode(640, 480, 30, "Format_YUYV"),
        mode(3840, 2160, 30, "Format_NV12"),
    ]
    assert camera_module.choose_format(typical) == 4  # 720p, 30 fps, NV12
    assert camera_module.choose_format(typical[:4]) == 3  # only MJPEG is smooth at 720p
    assert camera_module.choose_format([typical[0], typical[5]]) == 1  # smooth beats big
    assert camera_module.choose_format([typical[0]]) == 0  # slow is better than nothing
    assert camera_module.choose_format([]) is None


# -- no camera, no multimedia ---------------------------------------------------------


def test_no_camera_is_said_plainly(qtbot, scanner, monkeypatch):
    if not scanner.available:
        pytest.skip(scanner.unavailable)
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    assert scanner.available_cameras() == []
    with qtbot.waitSignal(scanner.status) as blocker:
        assert scanner.start() is False
    assert blocker.args == ["No camera found."]
    assert not scanner.active


def test_this_machine_without_a_camera_starts_nothing_and_says_so(qtbot, scanner):
    """No monkeypatching: what the desk does on this very machine."""
    if scanner.available_cameras():
        pytest.skip("this machine has a camera")
    with qtbot.waitSignal(scanner.status) as blocker:
        assert scanner.start() is False
    assert blocker.args[0] in ("No camera found.", scanner.unavailable)


def test_a_camera_that_fails_to_start_says_why(qtbot, scanner):
    """A real QCamera on a device that is not there: its error becomes the status."""
    if not scanner.available:
        pytest.skip(scanner.unavailable)
    from PySide6.QtMultimedia import QCameraDevice

    said = []
    scanner.status.connect(said.append)
    assert scanner._start(QCameraDevice()) is False
    qtbot.waitUntil(lambda: bool(said))
    assert said[-1].startswith("Camera unavailable: ")
    assert len(said[-1]) > len("Camera unavailable: ")
    assert not scanner.active


def test_a_chosen_camera_that_is_gone_is_said_plainly(qtbot, scanner, monkeypatch):
    if not scanner.available:
        pytest.skip(scanner.unavailable)
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    gone = camera_module.CameraInfo(b"/dev/video7", "USB camera")
    with qtbot.waitSignal(scanner.status) as blocker:
        assert scanner.start(gone) is False
    assert blocker.args == ["Camera unavailable: it is no longer connected."]


def test_a_camera_unplugged_while_scanning_stops_and_says_so(qtbot, scanner, monkeypatch):
    if not scanner.available:
        pytest.skip(scanner.unavailable)
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    scanner._device_id, scanner._device_name = b"/dev/video0", "Integrated Webcam"
    said = []
    scanner.status.connect(said.append)
    with qtbot.waitSignal(scanner.cameras_changed):
        scanner._on_inputs_changed()  # what QMediaDevices.videoInputsChanged calls
    assert said == ["Camera unavailable: Integrated Webcam was disconnected."]
    scanner._on_inputs_changed()  # another device comes or goes: nothing more to say
    assert said == ["Camera unavailable: Integrated Webcam was disconnected."]


def test_without_multimedia_the_scanner_says_why_and_still_decodes(
    qtbot, monkeypatch, badges
):
    def missing():
        raise ImportError("libpulse.so.0: cannot open shared object file")

    monkeypatch.setattr(camera_module, "_multimedia", missing)
    scanner = CameraScanner()
    assert not scanner.available
    assert scanner.unavailable == (
        "Camera scanning is not available on this computer "
        "(libpulse.so.0: cannot open shared object file)."
    )
    assert scanner.available_cameras() == []
    with qtbot.waitSignal(scanner.status) as blocker:
        assert scanner.start() is False
    assert blocker.args == [scanner.unavailable]
    with qtbot.waitSignal(scanner.scanned, timeout=10_000) as read:
        scanner.feed(camera_frame(badges[0]))
    assert read.args == [badges[0].code]
    qtbot.waitUntil(lambda: not scanner.busy)
    panel = CameraPanel(scanner)
    qtbot.addWidget(panel)
    assert panel.status_label.text() == scanner.unavailable
    assert not panel.start_button.isEnabled()
    assert not panel.camera_box.isEnabled()


# -- the panel -----------------------------------------------------------------------


def test_panel_without_a_camera_says_so_and_offers_nothing_to_start(qtbot, monkeypatch):
    probe = CameraScanner()
    probe.deleteLater()
    if not probe.available:
        pytest.skip(probe.unavailable)
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(lambda: []))
    panel = CameraPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.camera_box.count() == 0
    assert not panel.camera_box.isEnabled()
    assert not panel.start_button.isEnabled()
    assert panel.status_label.text() == "No camera found."
    assert panel.status_label.textFormat() == Qt.TextFormat.PlainText
    assert panel.preview.frame is None
    assert panel.preview.message == "No camera found."
    for widget in (panel.camera_box, panel.start_button, panel.preview, panel.status_label):
        assert widget.accessibleName()


def test_panel_preview_draws_a_frame_with_the_targeting_square(qtbot, badges):
    panel = CameraPanel()
    qtbot.addWidget(panel)
    if not panel.scanner.available:
        pytest.skip(panel.scanner.unavailable)
    panel.resize(640, 420)
    panel.show()
    qtbot.waitExposed(panel)
    frame = _video_frame(camera_frame(badges[0]), "Format_NV12")
    panel.preview.show_frame(frame)
    qtbot.waitUntil(lambda: panel.preview.frames_painted >= 1)
    square = panel.preview.target_rect()
    picture = panel.preview.picture_rect()
    assert picture.contains(square)
    assert square.width() == pytest.approx(square.height(), abs=1)
    assert square.height() == pytest.approx(picture.height() * frames.TARGET_SIDE, abs=2)
    shot = panel.preview.grab().toImage()
    corner = shot.pixelColor(int(square.left()) + 10, int(square.top()))
    assert corner.lightness() > 200  # the square's white corner mark over the picture


def test_a_read_code_lights_the_square_and_reaches_the_panel_signal(qtbot, badges, clock):
    panel = CameraPanel(CameraScanner(clock=clock))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.scanned, timeout=10_000) as blocker:
        panel.scanner.feed(camera_frame(badges[1], angle=30))
    assert blocker.args == [badges[1].code]
    assert panel.preview.flashing
    qtbot.waitUntil(lambda: not panel.scanner.busy)


# -- the desk -------------------------------------------------------------------------


def test_desk_camera_button_scans_by_frame_and_usb_still_works(qtbot, desk_app, tmp_path):
    """The desk's Camera button: the panel appears, a frame admits (journaled as a camera
    scan), the USB scanner is unaffected, and hiding the panel stops the camera."""
    from sqlalchemy import select

    from checkin.core.db import models as m

    desk = desk_app.desk
    qtbot.mouseClick(desk.camera_button, Qt.MouseButton.LeftButton)
    panel = desk.camera_panel
    assert isinstance(panel, CameraPanel) and panel.isVisible()
    assert panel.status_label.text()  # says why nothing is running, in words
    scanner = panel.scanner
    assert not scanner.active

    desk_app.scan(desk_app.codes["Łukasz"])  # the USB scanner, unaffected
    assert desk.panel.tone is Tone.GO
    assert desk.panel.first.text() == "Łukasz"

    (sigrid,) = render_badges(
        desk_app.store, [_reference(desk_app, "Sigrid")], tmp_path / "sigrid.pdf"
    )
    assert sigrid.code == desk_app.codes["Sigrid"]
    with qtbot.waitSignal(panel.scanned, timeout=10_000):
        scanner.feed(camera_frame(sigrid, angle=-20, invert=True))
    assert desk.panel.tone is Tone.GO
    assert desk.panel.first.text() == "Sigrid"
    for _ in range(5):  # held up a little longer: no second check-in
        feed_and_wait(qtbot, scanner, camera_frame(sigrid, angle=-20, invert=True))
    assert desk.recent.rowCount() == 2
    with desk_app.store.read() as s:
        source = s.scalar(
            select(m.Scan.source).where(m.Scan.delegate_id == desk_app.ids["Sigrid"])
        )
    assert source == "camera"
    qtbot.mouseClick(desk.camera_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible() and not scanner.active


def _reference(desk_app, first_name: str) -> str:
    from checkin.core.roster.delegates import list_delegates

    (entry,) = [
        e for e in list_delegates(desk_app.store, desk_app.event)
        if e.delegate.first_name == first_name
    ]
    return entry.delegate.reference
