"""Webcam scanning: camera frames in, ``scanned(code)`` out, like the USB ``ScanDetector``.

For laptops with no scanner, and for badges shown on a phone.  ``CameraScanner`` owns
the ``QCamera`` and its ``QMediaCaptureSession``; the preview (``camera_view``) only
listens.  The decoding itself is ``checkin.core.desk.frames`` (pure Python, zxing-cpp).

The path of a frame
    1. The capture session's ``QVideoSink`` emits ``videoFrameChanged`` for every frame
       (15–30 a second).  Each is offered to the preview (``frame_shown``), and at most
       ``fps`` (8) a second go on to decoding; the others are skipped right there.
    2. A frame goes to *one* background decoder (``workers.run_in_background``).  While
       it is busy, new frames are dropped, never queued: a queue would only make the
       desk answer late about a badge that has already moved.  So decoding can never
       fall behind the camera, whatever the machine.
    3. On the worker thread, the frame's bytes go to ``frames.decode_frame``, which
       decodes them as gray, no wider than ``max_width`` (1280).  Most webcam frames
       (NV12, I420, YUYV, 32-bit RGB) are read straight from their first plane, copied
       once; anything else (MJPEG, 10-bit) goes through ``QVideoFrame.toImage()`` first
       (Qt converts on a per-thread renderer, so that is meant to run off the GUI
       thread too).  Qt image calls keep Python's GIL for their duration while
       zxing-cpp releases it, which is why the conversions live in ``frames`` as
       slicing rather than as ``QImage.convertToFormat``/``scaled`` here: measured,
       a worker converting with Qt held the GUI thread up for tens of milliseconds.
    4. The codes found come back on the GUI thread, go through ``frames.CodeDeduper``
       (a badge held up for two seconds is one scan; again after 3 s out of view) and
       come out as ``scanned`` — or ``duplicate`` for a repeat.

    ``feed(image)`` enters at step 2 with a ``QImage``: the tests use it, and so could a
    "decode from a photo" one day.  ``frame_decoded`` reports every decoded frame (the
    tests and the benchmark wait on it; the GUI need not).

No camera, no multimedia
    QtMultimedia is imported when a ``CameraScanner`` is made, inside ``try``: on Linux
    the module does not load without the PulseAudio client library (Debian:
    ``libpulse0``), even for video, and some Qt builds lack it.  Without it ``status``
    says so in words and ``start()`` does nothing; ``feed()`` still works (decoding
    needs no multimedia).  No camera, a camera in use by another program, one
    unplugged while scanning, a denied permission: each is a ``status`` sentence,
    never an exception.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, Qt, Signal
from PySide6.QtGui import QImage

from checkin.core.desk import frames
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

DEFAULT_FPS = 8
"""Frames a second sent to the decoder (each takes 2–10 ms; the camera sends 15–30)."""
MAX_WIDTH = 1280
"""Frames wider than this are decimated before decoding (a 1080p frame to 960x540)."""

_LUMA_FIRST = (
    "Format_YUV420P",
    "Format_YUV422P",
    "Format_YV12",
    "Format_NV12",
    "Format_NV21",
    "Format_IMC1",
    "Format_IMC2",
    "Format_IMC3",
    "Format_IMC4",
    "Format_Y8",
)
"""Planar and semi-planar 8-bit YUV: plane 0 is the full-size luma, one byte a pixel."""


@dataclass(frozen=True)
class CameraInfo:
    """A camera the system offers, without holding any QtMultimedia object."""

    id: bytes
    name: str
    is_default: bool = False


@dataclass(frozen=True)
class CameraMode:
    """One of a camera's video formats, as plain values."""

    width: int
    height: int
    max_fps: float
    pixel_format: str  # a QVideoFrameFormat.PixelFormat name, e.g. "Format_YUYV"


def choose_format(modes: list[CameraMode]) -> int | None:
    """The index of the mode to ask for: about 720p, smooth, and cheap to read.

    A camera left to itself often picks its largest picture, which on many webcams
    comes at 5 frames a second: a jerky preview and badges read late.  Preferred, in
    order: at least 15 frames a second; no wider than 1920 (wider only costs); closest
    to 1280x720 in area; a format read without conversion (``_VIDEO_FORMATS``) over
    MJPEG; then the higher frame rate.  None when the camera lists nothing.
    """
    if not modes:
        return None

    def cost(mode: CameraMode) -> tuple:
        return (
            mode.max_fps < 15,
            mode.width > 1920,
            abs(mode.width * mode.height - 1280 * 720),
            mode.pixel_format not in _VIDEO_FORMATS,
            -mode.max_fps,
        )

    return min(range(len(modes)), key=lambda i: cost(modes[i]))


def _multimedia() -> Any:
    """The QtMultimedia module; raises ImportError (with the reason) when absent."""
    from PySide6 import QtMultimedia

    return QtMultimedia


class CameraScanner(QObject):
    """Reads badge codes from a camera; see the module doc for the path of a frame."""

    scanned = Signal(str)
    """A code was read (the text in the QR code), once per badge shown."""
    duplicate = Signal(str)
    """The same code again while it stays in view (or within the de-duplication window)."""
    status = Signal(str)
    """What the camera is doing, as a sentence for the status line."""
    frame_decoded = Signal(int)
    """A frame went through the decoder; the number of codes found in it."""
    frame_shown = Signal(object)
    """Every camera frame (a ``QVideoFrame``), for a preview."""
    cameras_changed = Signal()
    """A camera was plugged in or out: ``available_cameras()`` changed."""
    active_changed = Signal(bool)
    """The camera started (True) or stopped (False)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        fps: float = DEFAULT_FPS,
        max_width: int = MAX_WIDTH,
        dedupe_s: float = frames.DEDUPE_WINDOW_S,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        if fps <= 0:
            raise ValueError("fps must be positive")
        if max_width < 16:
            raise ValueError("max_width must be at least 16 pixels")
        self.fps = float(fps)
        self.max_width = int(max_width)
        self.deduper = frames.CodeDeduper(dedupe_s, clock)
        self.unavailable = ""  # why there is no camera scanning at all ("" if there is)
        self.last_status = ""
        self.frames_seen = 0  # frames the camera delivered
        self.frames_decoded = 0  # frames that went through the decoder
        self.frames_dropped = 0  # frames offered while the decoder was busy
        self._job: Job | None = None
        self._since_last = QElapsedTimer()
        self._mm: Any = None
        self._devices: Any = None
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self._device_id: bytes | None = None
        self._device_name = ""
        try:
            self._mm = _multimedia()
            self._devices = self._mm.QMediaDevices(self)
        except (ImportError, RuntimeError) as exc:  # no libpulse, or a Qt without it
            log.warning("no camera scanning: %s", exc)
            self._mm = None
            self.unavailable = self.tr(
                "Camera scanning is not available on this computer (%1)."
            ).replace("%1", str(exc))
            return
        self._devices.videoInputsChanged.connect(self._on_inputs_changed)

    # -- cameras ------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """QtMultimedia loaded: cameras can be listed and started."""
        return self._mm is not None

    @property
    def active(self) -> bool:
        """A camera is running."""
        return self._camera is not None and self._camera.isActive()

    @property
    def device_name(self) -> str:
        """The camera in use (or last used); "" before any."""
        return self._device_name

    def available_cameras(self) -> list[CameraInfo]:
        """The cameras the system offers now, the default one first ([] if none)."""
        if self._mm is None:
            return []
        found = [
            CameraInfo(bytes(d.id().data()), d.description(), d.isDefault())
            for d in self._mm.QMediaDevices.videoInputs()
        ]
        return sorted(found, key=lambda c: not c.is_default)

    def start(self, device: CameraInfo | bytes | None = None) -> bool:
        """Start scanning with ``device`` (default: the system's default camera).

        Returns whether a camera was started; ``status`` says what happened either way.
        """
        self.stop(quiet=True)
        if self._mm is None:
            self._say(self.unavailable)
            return False
        qdevice = self._find(device)
        if qdevice is None:
            if device is None:
                self._say(self.tr("No camera found."))
            else:
                self._say(self.tr("Camera unavailable: it is no longer connected."))
            return False
        if not self._permitted(qdevice):
            return False
        return self._start(qdevice)

    def stop(self, *, quiet: bool = False) -> None:
        """Stop the camera (a decode in progress still reports, then nothing more)."""
        camera, self._camera = self._camera, None
        self._device_id = None
        if camera is None:
            return
        camera.activeChanged.disconnect(self._on_active_changed)
        camera.errorOccurred.disconnect(self._on_camera_error)
        if self._sink is not None:
            self._sink.videoFrameChanged.disconnect(self._on_video_frame)
        camera.stop()
        if self._session is not None:
            self._session.setCamera(None)
        camera.deleteLater()
        self.deduper.reset()
        self.active_changed.emit(False)
        if not quiet:
            self._say(self.tr("Camera off."))

    def _find(self, device: CameraInfo | bytes | None) -> Any:
        inputs = self._mm.QMediaDevices.videoInputs()
        if not inputs:
            return None
        if device is None:
            default = self._mm.QMediaDevices.defaultVideoInput()
            return default if not default.isNull() else inputs[0]
        wanted = device.id if isinstance(device, CameraInfo) else bytes(device)
        for candidate in inputs:
            if bytes(candidate.id().data()) == wanted:
                return candidate
        return None

    def _permitted(self, qdevice: Any) -> bool:
        """Camera permission (macOS, Flatpak...): ask once, start when granted."""
        try:
            from PySide6.QtCore import QCameraPermission, QCoreApplication
        except ImportError:  # Qt before 6.5: no permission API, nothing to ask
            return True
        app = QCoreApplication.instance()
        if app is None:
            return True
        permission = QCameraPermission()
        state = app.checkPermission(permission)
        if state == Qt.PermissionStatus.Granted:
            return True
        if state == Qt.PermissionStatus.Denied:
            self._say(self._denied())
            return False
        wanted = bytes(qdevice.id().data())

        def answered(result: Any) -> None:
            if result.status() == Qt.PermissionStatus.Granted:
                again = self._find(wanted)
                if again is not None:
                    self._start(again)
            else:
                self._say(self._denied())

        self._say(self.tr("Waiting for permission to use the camera…"))
        app.requestPermission(permission, self, answered)
        return False

    def _denied(self) -> str:
        return self.tr(
            "Camera unavailable: this app is not allowed to use the camera "
            "(see the system's privacy settings)."
        )

    def _start(self, qdevice: Any) -> bool:
        mm = self._mm
        if self._session is None:
            self._session = mm.QMediaCaptureSession(self)
            self._sink = mm.QVideoSink(self)
            self._session.setVideoSink(self._sink)
        camera = mm.QCamera(qdevice, self)
        formats = list(qdevice.videoFormats())
        best = choose_format(
            [
                CameraMode(f.resolution().width(), f.resolution().height(), f.maxFrameRate(),
                           getattr(f.pixelFormat(), "name", ""))
                for f in formats
            ]
        )
        if best is not None:
            camera.setCameraFormat(formats[best])
        self._camera = camera
        self._device_id = bytes(qdevice.id().data())
        self._device_name = qdevice.description()
        camera.activeChanged.connect(self._on_active_changed)
        camera.errorOccurred.connect(self._on_camera_error)
        self._sink.videoFrameChanged.connect(self._on_video_frame)
        self._session.setCamera(camera)
        self._since_last.invalidate()
        camera.start()
        if self._camera is not camera:  # errorOccurred came during start()
            return False
        if camera.error() != mm.QCamera.Error.NoError:
            self._on_camera_error(camera.error(), camera.errorString())
            return False
        return True

    def _on_active_changed(self, active: bool) -> None:
        if active:
            self._say(self.tr("Scanning with %1").replace("%1", self._device_name))
        self.active_changed.emit(active)

    def _on_camera_error(self, _error: Any, text: str) -> None:
        detail = text or self.tr("the camera reported an error")
        log.warning("camera error: %s", detail)
        self.stop(quiet=True)
        self._say(self.tr("Camera unavailable: %1").replace("%1", detail))

    def _on_inputs_changed(self) -> None:
        if self._device_id is not None and self._find(self._device_id) is None:
            name = self._device_name
            self.stop(quiet=True)
            self._say(
                self.tr("Camera unavailable: %1 was disconnected.").replace("%1", name)
            )
        self.cameras_changed.emit()

    def _say(self, text: str) -> None:
        self.last_status = text
        self.status.emit(text)

    # -- frames -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A frame is being decoded: frames offered now are dropped."""
        return self._job is not None

    def feed(self, image: QImage) -> bool:
        """Decode ``image`` like a camera frame; False if dropped (decoder busy)."""
        if image.isNull():
            return False
        return self._decode(image)

    def _on_video_frame(self, frame: Any) -> None:
        self.frames_seen += 1
        self.frame_shown.emit(frame)
        interval_ms = 1000.0 / self.fps
        if self._since_last.isValid() and self._since_last.elapsed() < interval_ms:
            return
        if frame is None or not frame.isValid():
            return
        if self._decode(frame):
            self._since_last.start()

    def _decode(self, source: QImage | Any) -> bool:
        if self._job is not None:
            self.frames_dropped += 1
            return False
        job = run_in_background(decode_source, source, self.max_width, parent=self)
        job.succeeded.connect(self._on_decoded)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._job = job
        return True

    def _on_decoded(self, texts: list[str]) -> None:
        self.frames_decoded += 1
        for text in texts:
            (self.scanned if self.deduper.accept(text) else self.duplicate).emit(text)
        self.frame_decoded.emit(len(texts))

    def _on_failed(self, exc: BaseException) -> None:
        # Logged by the worker (where, not what); one bad frame is not worth a word.
        self.frames_decoded += 1
        self.frame_decoded.emit(0)

    def _on_finished(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()  # one per frame: not kept until the camera closes


def decode_source(source: QImage | Any, max_width: int = MAX_WIDTH) -> list[str]:
    """On a worker thread: a ``QImage`` or ``QVideoFrame`` to the codes in it."""
    pixels = image_pixels(source) if isinstance(source, QImage) else _frame_pixels(source)
    _owner, data, width, height, stride, pixel_format = pixels  # _owner keeps data alive
    return frames.decode_frame(
        data, width, height, stride=stride, pixel_format=pixel_format, max_width=max_width
    )


Pixels = tuple[Any, Any, int, int, int, str]
"""``(owner, data, width, height, stride, pixel format)``; ``data`` lives while ``owner``."""

_LITTLE = sys.byteorder == "little"
# QImage formats whose bytes core reads as they are (32-bit ones are native-endian words).
_IMAGE_FORMATS = {
    QImage.Format.Format_Grayscale8: "gray",
    QImage.Format.Format_RGB888: "rgb",
    QImage.Format.Format_BGR888: "bgr",
    QImage.Format.Format_RGBA8888: "rgba",
    QImage.Format.Format_RGBX8888: "rgba",
    QImage.Format.Format_RGBA8888_Premultiplied: "rgba",
    QImage.Format.Format_RGB32: "bgra" if _LITTLE else "argb",
    QImage.Format.Format_ARGB32: "bgra" if _LITTLE else "argb",
    QImage.Format.Format_ARGB32_Premultiplied: "bgra" if _LITTLE else "argb",
}
# Video frame formats, by name, whose plane 0 core reads as it is.
_VIDEO_FORMATS = {
    **dict.fromkeys(_LUMA_FIRST, "gray"),
    "Format_YUYV": "yuyv",
    "Format_UYVY": "uyvy",
    "Format_BGRA8888": "bgra",
    "Format_BGRA8888_Premultiplied": "bgra",
    "Format_BGRX8888": "bgra",
    "Format_RGBA8888": "rgba",
    "Format_RGBX8888": "rgba",
    "Format_ARGB8888": "argb",
    "Format_ARGB8888_Premultiplied": "argb",
    "Format_XRGB8888": "argb",
    "Format_ABGR8888": "abgr",
    "Format_XBGR8888": "abgr",
}


def image_pixels(image: QImage) -> Pixels:
    """A ``QImage``'s own bytes when core can read them; else a 32-bit copy (rare)."""
    pixel_format = _IMAGE_FORMATS.get(image.format())
    if pixel_format is None:
        # Qt converts holding the GIL; only photos and tests bring such formats.
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        pixel_format = _IMAGE_FORMATS[QImage.Format.Format_RGB32]
    return image, image.constBits(), image.width(), image.height(), image.bytesPerLine(), (
        pixel_format
    )


def _frame_pixels(frame: Any) -> Pixels:
    """Plane 0 of a video frame as bytes when core can read it, else Qt's conversion."""
    name = getattr(frame.pixelFormat(), "name", "")
    pixel_format = _VIDEO_FORMATS.get(name)
    if pixel_format is not None:
        mm = _multimedia()
        if frame.map(mm.QVideoFrame.MapMode.ReadOnly):
            try:
                data = bytes(frame.bits(0))  # a copy: the mapping ends below
                stride = frame.bytesPerLine(0)
            finally:
                frame.unmap()
            return data, data, frame.width(), frame.height(), stride, pixel_format
    return image_pixels(frame.toImage())  # MJPEG, 10-bit, hardware frames...
