"""The delegate form's note and photo (issue 19): the note saved with the form, a photo
taken from the camera dialog stored at once; no camera needed (a picture is fed)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from checkin.core.accreditation import notes, photos
from checkin.core.event.stored import require_event
from checkin.core.roster.delegates import list_delegates
from checkin.ui.roster.delegate_dialog import DelegateDialog


def _first(store):
    event = require_event(store)
    return event, list_delegates(store, event)[0].delegate


def test_the_note_is_saved_with_the_form(qtbot, demo_store):
    event, delegate = _first(demo_store)
    dialog = DelegateDialog(event, delegate, store=demo_store)
    qtbot.addWidget(dialog)
    assert dialog.accreditation is not None
    with qtbot.waitSignal(dialog.submitted):
        dialog.accreditation.note.setText("  Speaker: send to the green room ")
        dialog._submit()
    assert notes.get_note(demo_store, delegate.id).text == "Speaker: send to the green room"


def test_a_photo_taken_is_stored_at_once(qtbot, demo_store):
    event, delegate = _first(demo_store)
    dialog = DelegateDialog(event, delegate, store=demo_store)
    qtbot.addWidget(dialog)
    part = dialog.accreditation
    assert part.photo_status.text() == "No photo."
    camera = part.take_photo(camera=False)
    assert not camera.take_button.isEnabled()  # nothing to take yet
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#8899AA"))
    camera.show_image(image)
    with qtbot.waitSignal(part.photo_saved):
        camera.take_button.click()
    stored = photos.photo(demo_store, delegate.id)
    assert stored is not None and stored.source == "camera"
    assert part.photo_status.text() == "Photo stored."


def test_without_a_store_the_form_has_no_accreditation_part(qtbot, demo_store):
    event, delegate = _first(demo_store)
    dialog = DelegateDialog(event, delegate)
    qtbot.addWidget(dialog)
    assert dialog.accreditation is None
