"""The accreditation desk at the Desk page (issue 19): the note band and F4, the photo
beside the name, hand-outs by key and by the item's own barcode, "ID checked", and a
refusal by an entry rule with the supervisor override — on a real demo database,
through the real scanner capture."""

from __future__ import annotations

import tomllib

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from checkin.core.accreditation import notes, photos
from checkin.core.db import models as m
from checkin.core.db.store import open_store
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import require_event
from checkin.core.resources import resource
from checkin.core.roster.demo import create_demo
from checkin.core.types import Outcome
from checkin.ui.desk.accreditation import item_code
from checkin.ui.desk.outcome_panel import Tone
from checkin.ui.desk.sounds import sound_for
from tests.ui.conftest import DEMO_DAY, KEY_CLICK_GAP

EXTRA_TOML = """
[[handouts]]
key = "headset"
label = "Interpretation headset"
returnable = true

[[handouts]]
key = "kit"
label = "Welcome kit"
returnable = false
categories = ["speaker", "press"]
"""


def _event_toml() -> str:
    text = resource("demo", "event.toml").read_text(encoding="utf-8")
    text = text.split("\n[[handouts]]")[0]  # the demo's own items: these tests bring theirs
    text = text.replace('label = "Press"\n', 'label = "Press"\nid_check = true\n')
    closed = 'only_categories = ["speaker", "organiser"]\n'
    end = 'end = "15:15"\ncapacity = 110\n'
    text = text.replace(end, end + closed)
    return text + EXTRA_TOML


def _jpeg() -> bytes:
    image = QImage(120, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("#6A8CAF"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(buffer.data())


@pytest.fixture
def demo_store(tmp_path):
    """The demo event with hand-outs, an ID check for the press, a closed session."""
    store = open_store(str(tmp_path / "desk.sqlite"))
    create_demo(store, today=DEMO_DAY)
    save_event(store, parse_event(tomllib.loads(_event_toml()), today=DEMO_DAY))
    yield store
    store.close()


def _rows(store, delegate_id, *actions):
    with store.read() as s:
        q = select(m.Scan.action, m.Scan.item, m.Scan.item_code, m.Scan.operator,
                   m.Scan.rule, m.Scan.detail).where(m.Scan.delegate_id == delegate_id)
        return [r for r in s.execute(q.order_by(m.Scan.id)).all() if r.action in actions]


def _scan_again(app, code, n=1):
    app.clock.now += 5000
    app.scan(code, start=1000 + n * KEY_CLICK_GAP)


def test_a_note_shows_in_its_band_and_f4_marks_it_done(desk_app, qtbot):
    event = require_event(desk_app.store)
    who = desk_app.ids["Sébastien"]
    notes.set_note(desk_app.store, event, who, "Collect visa letter")
    desk_app.scan(desk_app.codes["Sébastien"])
    panel = desk_app.desk.panel
    assert panel.tone is Tone.GO
    assert panel.extra.note.isVisible()
    assert "Collect visa letter" in panel.extra.note.text()
    assert "F4" in panel.extra.note.text()
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_F4)
    assert [r.action for r in _rows(desk_app.store, who, "note_done")] == ["note_done"]
    assert not panel.extra.note.isVisible()
    assert "done" in panel.extra.status.text()
    assert panel.tone is Tone.GO  # still the person's result


def test_an_open_note_has_its_own_sound():
    assert sound_for(Outcome.ADMITTED, note=True) == "note"
    assert sound_for(Outcome.ADMITTED) == "admitted"
    assert sound_for(Outcome.NOT_ALLOWED, note=True) == "refused"
    assert resource("sounds", "note.wav").is_file()


def test_the_photo_shows_beside_the_name(desk_app):
    event = require_event(desk_app.store)
    photos.store_photo(desk_app.store, event, desk_app.ids["Inès"], _jpeg())
    desk_app.scan(desk_app.codes["Inès"])
    photo = desk_app.desk.panel.photo
    assert photo.isVisible()
    assert not photo.pixmap().isNull()
    assert photo.height() > photo.width() > 50  # a portrait, large
    _scan_again(desk_app, desk_app.codes["Sigrid"])  # someone without a photo
    assert not desk_app.desk.panel.photo.isVisible()


def test_f5_hands_the_headset_out_and_takes_it_back(desk_app, qtbot):
    who = desk_app.ids["Samantha"]  # press: headset, kit and an ID check
    desk_app.scan(desk_app.codes["Samantha"])
    strip = desk_app.desk.panel.extra
    headset = strip.item_buttons["headset"]
    assert headset.isVisible() and headset.text() == "Hand out: Interpretation headset (F5)"
    assert strip.item_buttons["kit"].isVisible()
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_F5)
    assert strip.item_buttons["headset"].text().startswith("Take back: Interpretation headset")
    assert "handed out" in strip.status.text()
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_F5)
    assert [r.action for r in _rows(desk_app.store, who, "handout", "return")] == [
        "handout", "return"]
    assert "returned" in strip.item_buttons["headset"].text()
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_F8)
    assert [r.action for r in _rows(desk_app.store, who, "id_check")] == ["id_check"]
    assert not strip.id_button.isEnabled()


def test_the_item_own_barcode_hands_it_to_the_person_shown(desk_app):
    who = desk_app.ids["Sébastien"]
    desk_app.scan(desk_app.codes["Sébastien"])
    _scan_again(desk_app, "HEADSET-117")
    rows = _rows(desk_app.store, who, "handout")
    assert [(r.item, r.item_code) for r in rows] == [("headset", "117")]
    with desk_app.store.read() as s:  # not taken for a badge: no "invalid" row
        assert s.execute(select(m.Scan.id).where(m.Scan.outcome == "invalid")).first() is None
    assert "117" in desk_app.desk.panel.extra.item_buttons["headset"].text()


def test_item_codes_are_recognised_by_key():
    assert item_code("HEADSET-042", ["headset", "kit"]) == ("headset", "042")
    assert item_code("kit 7", ["headset", "kit"]) == ("kit", "7")
    assert item_code("RX001E01K1C7DXSB", ["headset", "kit"]) is None
    assert item_code("RX001E01K1C7DXSB", ["rx"]) is None  # a badge code stays a badge
    assert item_code("HEADSET-042", []) is None


def test_a_closed_session_refuses_by_name_and_a_supervisor_overrides(desk_app, qtbot):
    who = desk_app.ids["Inès"]  # a participant; the session is for speakers, organisers
    desk_app.controller.set_mode("data")
    desk_app.scan(desk_app.codes["Inès"])
    panel = desk_app.desk.panel
    assert panel.tone is Tone.STOP
    assert panel.heading.text() == "Not allowed in"
    assert panel.detail.text() == "Closed session: Speaker, Organiser only."
    assert panel.extra.override_button.isVisible()
    assert not panel.extra.item_buttons.get("headset") or not panel.extra.item_buttons[
        "headset"].isVisible()
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_F5)  # refused: nothing handed out
    assert _rows(desk_app.store, who, "handout") == []
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk_app.controller.accreditation.override_dialog
    assert dialog is not None
    dialog.supervisor.setText("Marie Rochat")
    dialog.reason.setText("invited by the chair")
    dialog._accept()
    assert panel.tone is Tone.GO
    assert "override" in panel.detail.text()
    entry = _rows(desk_app.store, who, "entry")[-1]
    assert (entry.operator, entry.rule, entry.detail) == (
        "Marie Rochat", "only_categories", "invited by the chair")
    assert desk_app.controller.service.operator == ""  # the desk's own again


def test_an_override_needs_a_name_and_a_reason(desk_app):
    desk_app.controller.set_mode("data")
    desk_app.scan(desk_app.codes["Inès"])
    dialog = desk_app.controller.accreditation.ask_override()
    dialog.supervisor.setText("")
    dialog._accept()
    assert dialog.isVisible()
    assert len(_rows(desk_app.store, desk_app.ids["Inès"], "entry")) == 1  # the refusal


def test_the_refusal_in_french(desk_app, french):
    desk_app.controller.set_mode("data")
    desk_app.scan(desk_app.codes["Inès"])
    panel = desk_app.desk.panel
    assert panel.heading.text() == "Entrée refusée"
    assert panel.detail.text().startswith("Session à huis clos")
    assert "Dérogation" in panel.extra.override_button.text()
