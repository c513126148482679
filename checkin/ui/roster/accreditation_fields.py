"""The delegate form's accreditation part (issue 19): the attention note for the desk and
the photo, with "Take photo…" from the webcam.

The note is saved when the form is saved: at the desk through the desk's service
(``DeskService.set_note``), so on a shared server that is out of reach it is kept in the
desk's offline copy and replayed later; on the Roster page straight to the database
(``accreditation.notes``).  A photo is stored as soon as it is taken (an act of its own,
like importing one); a desk working offline shows no photo row: its offline copy would
not carry a photo back.

The camera is ``desk.camera.CameraScanner`` (the badge scanner's): its preview frames
are shown, and "Take" keeps the last one.  No camera or no QtMultimedia: the dialog
says why, in words, and Take stays disabled.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.accreditation import notes, photos
from checkin.core.db.store import Store
from checkin.core.types import DelegateInfo, EventInfo

if TYPE_CHECKING:
    from checkin.core.desk.protocol import DeskService
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.modal import open_modal

log = logging.getLogger(__name__)


def jpeg_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    return bytes(buffer.data())


class PhotoDialog(QDialog):
    """The webcam's picture, live; Take keeps the frame shown (``taken``: JPEG bytes)."""

    taken = Signal(bytes)

    def __init__(self, parent: QWidget | None = None, *, camera: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take photo"))
        self.preview = QLabel(self.tr("Starting the camera…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.preview.setAccessibleName(self.tr("Camera picture"))
        self.image = QImage()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = buttons.addButton(self.tr("&Take"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_button.setEnabled(False)
        self.take_button.clicked.connect(self.take)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.camera = None
        if camera:
            from checkin.ui.desk.camera import CameraScanner

            self.camera = CameraScanner(self)
            self.camera.frame_shown.connect(self._frame)
            self.camera.status.connect(self._status)
            self.camera.start()
        self.finished.connect(lambda _r: self.camera.stop(quiet=True) if self.camera else None)

    def _status(self, text: str) -> None:
        if self.image.isNull():
            self.preview.setText(text)

    def _frame(self, frame) -> None:
        self.show_image(frame.toImage())

    def show_image(self, image: QImage) -> None:
        """A picture from the camera (or a test): shown, and kept for Take."""
        if image.isNull():
            return
        self.image = image.copy()
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))
        self.take_button.setEnabled(True)

    def take(self) -> None:
        if self.image.isNull():
            return
        self.taken.emit(jpeg_bytes(self.image))
        self.accept()


class NoteAndPhoto(QGroupBox):
    """The note field and the photo of one delegate, read from ``store``; the note saved
    through ``service`` (the desk's) when given, else to ``store``; no photo row when
    ``photo`` is False (a desk offline)."""

    photo_saved = Signal()

    def __init__(self, store: Store, event: EventInfo, delegate: DelegateInfo,
                 parent: QWidget | None = None, *, service: DeskService | None = None,
                 photo: bool = True) -> None:
        super().__init__(self.tr("Accreditation desk"), parent)
        self.store, self.event_info, self.delegate = store, event, delegate
        self.service = service
        self.dialog: PhotoDialog | None = None
        self.note_saved = False  # the note changed and was saved (the dialog says so)
        if service is not None:  # the desk's: offline, its copy (and it goes offline)
            current = service.get_note(delegate.id)
            photo = photo and getattr(service, "online", True)
        else:
            current = notes.get_note(store, delegate.id)
        self.original = current.text if current else ""
        self.note = QLineEdit(self.original)
        self.note.setMaxLength(notes.NOTE_MAX)
        self.note.setAccessibleName(self.tr("Note for the desk"))
        self.note.setPlaceholderText(self.tr("e.g. Collect visa letter"))
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(60, 80)
        self.thumbnail.setAccessibleName(self.tr("Photo"))
        self.photo_status = QLabel()
        self.photo_status.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Take &photo…"))
        self.take_button.clicked.connect(self.take_photo)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.thumbnail)
        photo_row.addWidget(self.photo_status, 1)
        photo_row.addWidget(self.take_button)
        form = QFormLayout(self)
        form.addRow(self.tr("&Note:"), self.note)
        if photo:
            form.addRow(self.tr("Photo:"), photo_row)
            self._show_photo()
        else:
            for widget in (self.thumbnail, self.take_button):
                widget.hide()
            self.photo_status.setText(self.tr("Offline: the note is kept on this desk and "
                                              "sent when the server is back."))
            form.addRow(self.photo_status)

    def _show_photo(self) -> None:
        found = photos.photo(self.store, self.delegate.id)
        if found is None:
            self.thumbnail.clear()
            self.photo_status.setText(self.tr("No photo."))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(found.data)
        self.thumbnail.setPixmap(pixmap.scaled(self.thumbnail.size(),
                                               Qt.AspectRatioMode.KeepAspectRatio))
        self.photo_status.setText(self.tr("Photo stored."))

    def save_note(self) -> bool:
        """Save the note if it changed; True if saved (or nothing to save)."""
        text = self.note.text().strip()
        if text == self.original:
            return True
        try:
            if self.service is not None:
                self.service.set_note(self.delegate.id, text)
            else:
                notes.set_note(self.store, self.event_info, self.delegate.id, text)
        except Exception as exc:
            log.warning("note not saved: %s", type(exc).__qualname__)
            self.photo_status.setText(self.tr("Note not saved: %1").replace("%1", first_line(exc)))
            return False
        self.original = text
        self.note_saved = True
        return True

    def take_photo(self, *, camera: bool = True) -> PhotoDialog:
        dialog = PhotoDialog(self, camera=camera)
        dialog.taken.connect(self.keep_photo)
        self.dialog = dialog
        open_modal(dialog)
        return dialog

    def keep_photo(self, data: bytes) -> bool:
        try:
            photos.store_photo(self.store, self.event_info, self.delegate.id, data,
                               source="camera")
        except Exception as exc:
            self.photo_status.setText(self.tr("Photo not saved: %1").replace("%1", first_line(exc)))
            return False
        self._show_photo()
        self.photo_saved.emit()
        return True
