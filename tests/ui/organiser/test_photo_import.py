"""Event ▸ Import photos… (issue 19): a folder's photos stored off the GUI thread, with
a summary naming the files that matched no one; Cancel keeps what was stored."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMainWindow

from checkin.core.accreditation import photos
from checkin.core.event.stored import current_event
from checkin.core.roster.delegates import list_delegates
from checkin.ui.organiser import photo_import
from checkin.ui.organiser.menu import OrganiserMenu
from checkin.ui.widgets import workers


@pytest.fixture
def menu(qtbot, demo_store, monkeypatch):
    window = QMainWindow()
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(photo_import, "show_summary", lambda *args: shown.append(args[2]))
    organiser = OrganiserMenu(window, demo_store, current_event(demo_store))
    organiser.shown = shown
    yield organiser
    workers.wait_all(10_000)


def _folder(tmp_path, refs):
    image = QImage(300, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#55AA88"))
    for ref in refs:
        assert image.save(str(tmp_path / f"{ref}.jpg"))
    (tmp_path / "stranger.png").write_bytes(b"")  # matches no one
    return tmp_path


def test_import_photos_from_the_menu_stores_them_and_says_so(qtbot, menu, demo_store,
                                                              tmp_path):
    assert menu.photos_action.text() == "Import p&hotos…"
    event = current_event(demo_store)
    people = [e.delegate for e in list_delegates(demo_store, event)][:2]
    folder = _folder(tmp_path, [p.reference for p in people])
    with qtbot.waitSignal(menu.data_changed, timeout=30_000):
        assert menu.photos.start(str(folder)) is not None
    qtbot.waitUntil(lambda: bool(menu.shown), timeout=30_000)
    assert menu.shown[0].startswith("2 photos stored.")
    assert "stranger.png" in menu.shown[0]
    assert photos.with_photos(demo_store, event) >= {p.id for p in people}


def test_summary_counts_cancel_and_names_unmatched():
    result = photos.PhotoImport(1, tuple(f"x{i}.jpg" for i in range(15)), ("bad.jpg: no",))
    text = photo_import.summary(result, cancelled=True)
    assert text.splitlines()[0] == "1 photo stored."
    assert "Cancelled" in text and "x11.jpg" in text and "x12.jpg" not in text
    assert "and 3 more" in text and "Not read: bad.jpg: no" in text
