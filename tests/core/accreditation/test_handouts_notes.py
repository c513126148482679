"""Hand-outs that come back, attention notes and ID checks: journaled, derived, shown."""

from __future__ import annotations

import datetime as dt

import pytest

from checkin.core.accreditation import handouts, notes
from checkin.core.accreditation.handouts import HandoutError
from checkin.core.accreditation.notes import NoteError
from checkin.core.dashboard.accreditation import open_notes, write_holders
from checkin.core.desk.service import CheckinService
from tests.core.accreditation.conftest import code_of

T = dt.datetime(2026, 11, 28, 7, 30, tzinfo=dt.UTC)


def later(minutes: int) -> dt.datetime:
    return T + dt.timedelta(minutes=minutes)


def test_give_and_return_an_item_at_any_desk(desk_store):
    store, _event = desk_store
    a = CheckinService(store, station="A", operator="Ines")
    b = CheckinService(store, station="B")
    given = a.give_handout(1, "headset", item_code="117", now=later(1))
    assert given.ok and given.state.state == "out" and given.state.item_code == "117"
    assert given.message == "First1 Last1: Interpretation headset no. 117 handed out."
    again = b.give_handout(1, "headset", now=later(2))
    assert again.status == "already_out" and again.scan_id is None
    assert again.message.endswith("(handed out at 08:31).")
    back = b.return_handout(1, "headset", now=later(3))
    assert back.ok and back.state.state == "returned" and back.state.returned_at == later(3)
    assert b.return_handout(1, "headset", now=later(4)).status == "not_out"


def test_items_follow_categories_and_kept_items_do_not_come_back(desk_store):
    store, _event = desk_store
    desk = CheckinService(store)
    assert desk.give_handout(1, "kit").status == "not_for_category"
    assert desk.give_handout(4, "kit").ok
    assert desk.return_handout(4, "kit").status == "not_returnable"
    with pytest.raises(HandoutError, match="items: headset, kit"):
        desk.give_handout(1, "umbrella")


def test_a_scan_lists_the_persons_items_with_their_state(desk_store):
    store, _event = desk_store
    desk = CheckinService(store)
    desk.give_handout(4, "headset")
    result = desk.scan(code_of(store, 4))
    assert [(h.item, h.state) for h in result.handouts] == [("headset", "out"), ("kit", "due")]
    assert [(h.item, h.state) for h in desk.scan(code_of(store, 1)).handouts] == [
        ("headset", "due")]


def test_counts_and_the_end_of_day_list(desk_store, tmp_path):
    store, event = desk_store
    desk = CheckinService(store)
    for n in (1, 2, 3):
        desk.give_handout(n, "headset", now=later(n))
    desk.return_handout(2, "headset", now=later(10))
    desk.give_handout(4, "kit", now=later(11))
    by_item = {c.item: c for c in handouts.counts(store, event)}
    headset, kit = by_item["headset"], by_item["kit"]
    assert (headset.eligible, headset.out, headset.returned, headset.due,
            headset.outstanding) == (4, 2, 1, 1, 2)
    assert (kit.eligible, kit.out, kit.outstanding) == (1, 1, 0)
    held = handouts.holders(store, event, outstanding=True)
    assert [(h.delegate.number, h.item) for h in held] == [(1, "headset"), (3, "headset")]
    assert held[0].delegate.email == "p1@example.org" and held[0].returned_at is None
    path, rows = write_holders(store, event, tmp_path / "still-out.csv")
    text = path.read_text(encoding="utf-8-sig").splitlines()
    assert rows == 2 and text[0].startswith("reference,name,organisation,email,item")
    assert text[1].startswith("R0001,First1 Last1,IOM,p1@example.org,Interpretation headset")
    xlsx, _ = write_holders(store, event, tmp_path / "still-out.xlsx", outstanding=False)
    assert xlsx.read_bytes()[:2] == b"PK"


def test_a_note_shows_until_done_and_an_edit_opens_it_again(desk_store):
    store, event = desk_store
    assert notes.set_note(store, event, 1, "  Collect visa letter ").text == "Collect visa letter"
    desk = CheckinService(store, station="Desk 1", operator="Ines")
    first = desk.scan(code_of(store, 1), now=later(0))
    assert first.note is not None and first.note.text == "Collect visa letter"
    assert not first.note.done
    assert [n.delegate.number for n in open_notes(store, event)] == [1]
    done = desk.note_done(1, now=later(1))
    assert done.changed and done.note.done and done.note.done_by == "Ines"
    assert not desk.note_done(1).changed  # once
    assert desk.scan(code_of(store, 1)).note.done and open_notes(store, event) == []
    notes.set_note(store, event, 1, "Speaker: send to the green room")
    assert not notes.get_note(store, 1).done
    assert desk.scan(code_of(store, 2)).note is None
    with pytest.raises(NoteError):
        desk.note_done(2)


def test_an_id_check_is_due_for_its_category_then_done(desk_store):
    store, _event = desk_store
    desk = CheckinService(store, operator="Ines")
    assert desk.scan(code_of(store, 1)).id_check == ""
    assert desk.scan(code_of(store, 4)).id_check == "due"
    assert desk.id_checked(4).scan_id is not None
    assert desk.id_checked(4).scan_id is None
    assert desk.scan(code_of(store, 4)).id_check == "done"
