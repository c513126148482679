"""Photos: imported from a folder by reference, e-mail or number, resized, stored,
shown on the scan, removed by purge."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from checkin.core.accreditation import photos
from checkin.core.accreditation.photos import PhotoError
from checkin.core.desk.service import CheckinService
from checkin.core.roster.purge import purge
from tests.core.accreditation.conftest import code_of


def picture(size, fmt="JPEG", mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "red" if mode == "RGB" else (0, 0, 255, 100)).save(out, fmt)
    return out.getvalue()


def test_a_folder_is_matched_by_reference_email_and_number(desk_store, tmp_path):
    store, event = desk_store
    (tmp_path / "R0001.JPG").write_bytes(picture((1200, 1600)))
    (tmp_path / "p2@example.org.png").write_bytes(picture((300, 200), "PNG", "RGBA"))
    (tmp_path / "#3.jpeg").write_bytes(picture((100, 100)))
    (tmp_path / "stranger.jpg").write_bytes(picture((10, 10)))
    (tmp_path / "4.jpg").write_bytes(b"not a picture")
    (tmp_path / "notes.txt").write_text("ignored")
    report = photos.import_folder(store, event, tmp_path)
    assert report.matched == 3 and report.unmatched == ("stranger.jpg",)
    assert len(report.unreadable) == 1 and report.unreadable[0].startswith("4.jpg")
    big = photos.photo(store, 1)
    assert (big.width, big.height) == (360, 480) and big.data[:2] == b"\xff\xd8"
    assert photos.with_photos(store, event) == {1, 2, 3}
    desk = CheckinService(store)
    assert desk.scan(code_of(store, 1)).photo and not desk.scan(code_of(store, 4)).photo


def test_a_webcam_photo_replaces_the_old_one_and_bad_input_is_named(desk_store, tmp_path):
    store, event = desk_store
    photos.store_photo(store, event, 2, picture((640, 480)))
    assert photos.photo(store, 2).source == "camera"
    with pytest.raises(PhotoError, match="not a picture"):
        photos.store_photo(store, event, 2, b"GIF89a")
    with pytest.raises(PhotoError, match="no such folder"):
        photos.import_folder(store, event, tmp_path / "missing")


def test_purge_removes_photos_and_notes(desk_store):
    store, event = desk_store
    from checkin.core.accreditation.notes import get_note, set_note

    photos.store_photo(store, event, 1, picture((50, 50)))
    set_note(store, event, 1, "Visa letter")
    purge(store, event)
    assert photos.photo(store, 1) is None and get_note(store, 1) is None
