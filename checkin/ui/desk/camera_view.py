"""The desk's camera corner: pick a camera, start it, see what it sees, read the status.

A view over one ``CameraScanner``: it starts and stops the camera and shows frames, and
nothing else.  The scanner's ``scanned`` goes to the desk controller, exactly like the
USB scanner's; the result appears in the desk's outcome panel, not here.

The preview paints camera frames itself (``QVideoFrame.paint``) rather than using a
``QVideoWidget``: a video widget is a native window on some platforms, and nothing can
be drawn over it, while the targeting square must be.  Painting costs about 5 ms a
720p frame on the GUI thread (measured), so the preview is capped at ``PREVIEW_FPS``.
The square is where the decoder's second, low-contrast pass looks
(``frames.target_rect``); a code read anywhere in the picture counts.  After a read its
corners turn green and thicker for a moment, and the status line says "Read a code":
a hint for the operator, never the only signal (the outcome panel says what happened).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.core.desk import frames
from checkin.ui.desk.camera import CameraInfo, CameraScanner

PREVIEW_FPS = 15
"""At most this many preview repaints a second (each costs the GUI thread ~5 ms)."""
READ_FLASH_MS = 700


class CameraPreview(QWidget):
    """The live picture with the targeting square; "Camera off" when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Camera preview"))
        self.setAccessibleDescription(
            self.tr("Hold the badge's QR code inside the square, about 20 cm from the camera.")
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 135)
        self.frame: Any = None  # the last QVideoFrame shown, None when the camera is off
        self.frames_painted = 0
        self.message = self.tr("Camera off")
        self._since_paint = QElapsedTimer()
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(READ_FLASH_MS)
        self._flash.timeout.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def show_frame(self, frame: Any) -> None:
        """A camera frame arrived: repaint, at most ``PREVIEW_FPS`` times a second."""
        if self._since_paint.isValid() and self._since_paint.elapsed() < 1000 / PREVIEW_FPS:
            return
        self._since_paint.start()
        self.frame = frame
        self.update()

    def clear(self, message: str) -> None:
        """No picture (camera off, unavailable): say so in the middle."""
        self.frame = None
        self.message = message
        self.update()

    def flash_read(self) -> None:
        """A code was read: the square lights up for a moment."""
        self._flash.start()
        self.update()

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()

    def picture_rect(self) -> QRectF:
        """Where the frame is drawn: the widget, keeping the frame's shape (16:9 if none)."""
        w, h = (16, 9)
        if self.frame is not None and self.frame.width() > 0 and self.frame.height() > 0:
            w, h = self.frame.width(), self.frame.height()
        scale = min(self.width() / w, self.height() / h)
        pw, ph = w * scale, h * scale
        return QRectF((self.width() - pw) / 2, (self.height() - ph) / 2, pw, ph)

    def target_rect(self) -> QRectF:
        """The targeting square, in widget coordinates (the decoder's own square)."""
        picture = self.picture_rect()
        x, y, w, h = frames.target_rect(max(1, round(picture.width())),
                                        max(1, round(picture.height())))
        return QRectF(picture.x() + x, picture.y() + y, w, h)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202124"))
        picture = self.picture_rect()
        if self.frame is not None:
            self.frame.paint(painter, picture, _paint_options())
            self.frames_painted += 1
            self._draw_target(painter)
        else:
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.message)
        painter.end()

    def _draw_target(self, painter: QPainter) -> None:
        square = self.target_rect()
        read = self._flash.isActive()
        arm = square.width() / 5
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for colour, width in ((QColor(0, 0, 0, 160), 7 if read else 5),
                              (QColor("#00E676") if read else QColor("#FFFFFF"),
                               5 if read else 3)):
            painter.setPen(QPen(colour, width))
            left, top, right, bottom = square.left(), square.top(), square.right(), square.bottom()
            for x, y, dx, dy in ((left, top, 1, 1), (right, top, -1, 1),
                                 (left, bottom, 1, -1), (right, bottom, -1, -1)):
                painter.drawLine(int(x), int(y), int(x + dx * arm), int(y))
                painter.drawLine(int(x), int(y), int(x), int(y + dy * arm))


def _paint_options() -> Any:
    from PySide6.QtMultimedia import QVideoFrame

    options = QVideoFrame.PaintOptions()
    options.backgroundColor = QColor("#202124")
    options.aspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio
    return options


class CameraPanel(QWidget):
    """Camera picker, Start/Stop, live preview and a status line, over a scanner."""

    scanned = Signal(str)
    """Re-emits the scanner's ``scanned`` (connect either to the desk controller)."""

    def __init__(self, scanner: CameraScanner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.scanner = scanner if scanner is not None else CameraScanner(self)
        if self.scanner.parent() is None:
            self.scanner.setParent(self)  # the panel owns a scanner nobody else does

        self.camera_box = QComboBox()
        self.camera_box.setAccessibleName(self.tr("Camera"))
        self.camera_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        camera_label = QLabel(self.tr("Camera:"))
        camera_label.setBuddy(self.camera_box)
        self.start_button = QPushButton(self.tr("Start camera"))
        self.start_button.setAccessibleName(self.tr("Start scanning with the camera"))
        self.start_button.clicked.connect(self.toggle)
        self.preview = CameraPreview()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # device names are data
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Camera status"))

        row = QHBoxLayout()
        row.addWidget(camera_label)
        row.addWidget(self.camera_box, 1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status_label)

        scanner = self.scanner
        scanner.status.connect(self.show_status)
        scanner.frame_shown.connect(self.preview.show_frame)
        scanner.active_changed.connect(self._active_changed)
        scanner.cameras_changed.connect(self.refresh_cameras)
        scanner.scanned.connect(self._read)
        self.refresh_cameras()
        if not scanner.available:
            self.show_status(scanner.unavailable)
        elif self.camera_box.count() == 0:
            self.show_status(self.tr("No camera found."))
        else:
            self.show_status(self.tr("Camera off."))
        self._active_changed(scanner.active)

    # -- requests -----------------------------------------------------------------

    def toggle(self) -> None:
        """Start the chosen camera, or stop the running one."""
        if self.scanner.active:
            self.scanner.stop()
        else:
            self.start()

    def start(self) -> bool:
        camera = self.camera_box.currentData()
        return self.scanner.start(camera if isinstance(camera, CameraInfo) else None)

    def stop(self) -> None:
        self.scanner.stop()

    # -- showing ------------------------------------------------------------------

    def refresh_cameras(self) -> None:
        """Fill the picker, keeping the chosen camera when it is still there."""
        chosen = self.camera_box.currentData()
        cameras = self.scanner.available_cameras()
        blocked = self.camera_box.blockSignals(True)
        try:
            self.camera_box.clear()
            for camera in cameras:
                self.camera_box.addItem(camera.name, camera)
            if isinstance(chosen, CameraInfo):
                for i, camera in enumerate(cameras):
                    if camera.id == chosen.id:
                        self.camera_box.setCurrentIndex(i)
        finally:
            self.camera_box.blockSignals(blocked)
        if not cameras:
            self.camera_box.setPlaceholderText(
                self.tr("No camera") if self.scanner.available else self.tr("Not available")
            )
        self.camera_box.setEnabled(bool(cameras) and not self.scanner.active)
        self.start_button.setEnabled(bool(cameras) or self.scanner.active)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        if not self.scanner.active:
            self.preview.clear(text)

    def _active_changed(self, active: bool) -> None:
        if active:
            self.start_button.setText(self.tr("Stop camera"))
            self.start_button.setAccessibleName(self.tr("Stop scanning with the camera"))
        else:
            self.start_button.setText(self.tr("Start camera"))
            self.start_button.setAccessibleName(self.tr("Start scanning with the camera"))
            self.preview.clear(self.status_label.text() or self.tr("Camera off"))
        self.refresh_cameras()

    def _read(self, code: str) -> None:
        self.preview.flash_read()
        if self.scanner.active:
            self.status_label.setText(
                self.tr("Read a code — scanning with %1").replace("%1", self.scanner.device_name)
            )
        self.scanned.emit(code)
