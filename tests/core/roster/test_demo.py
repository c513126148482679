"""The demo shows the accreditation desk (issue 19): hand-outs that come back and some
that do not, a lunch voucher for some categories, attention notes in English and in
French, and a session whose doors open before it starts."""

from __future__ import annotations

import datetime as dt

from checkin.core.accreditation import handouts, notes
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from tests.conftest import badge_code

DAY = dt.date(2026, 11, 28)


def test_the_demo_has_hand_outs_notes_and_a_door_rule(store):
    event = create_demo(store, today=DAY).event
    items = {h.key: h for h in event.handouts}
    assert set(items) == {"headset", "kit", "lunch"}
    assert items["headset"].returnable and not items["headset"].categories
    assert not items["kit"].returnable
    assert set(items["lunch"].categories) == {"participant", "speaker", "press"}
    assert event.session("closing").doors_open == 15

    people = {e.delegate.reference: e.delegate for e in list_delegates(store, event)}
    texts = {ref: notes.get_note(store, d.id) for ref, d in people.items()}
    written = {ref: n.text for ref, n in texts.items() if n is not None}
    assert written["IOMNGO-0057"] == "Collect visa letter"
    assert written["IOMNGO-0019"] == "Speaker: send to the green room"
    assert written["IOMNGO-0055"] == "Wheelchair: seat reserved, row A"
    # (the importer tidies the non-breaking space before the colon into a plain one)
    assert written["IOMNGO-0042"].replace("\u00a0", " ") == (
        "Fauteuil roulant : place réservée, rang A")
    assert len(written) == 6

    # A scan shows the note, and the items due: an IOM staff member gets no voucher.
    desk = CheckinService(store, event, station="Desk 1")
    noted = desk.scan(badge_code(store, people["IOMNGO-0057"].number))
    assert noted.note is not None and noted.note.text == "Collect visa letter"
    staff = desk.scan(badge_code(store, people["IOMNGO-0002"].number))
    assert [h.item for h in staff.handouts] == ["headset", "kit"]
    assert {h.state for h in staff.handouts} == {"due"}
    assert handouts.require_item(event, "lunch").label == "Lunch voucher"
