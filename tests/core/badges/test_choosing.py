"""Choosing whose badges to print, as the Badges page does, and checking that choice."""

from __future__ import annotations

from checkin.core.badges.choosing import (
    ALL,
    CHOSEN,
    UNPRINTED,
    Selection,
    check_selection,
    load_choices,
)
from checkin.core.badges.printing import print_badges
from checkin.core.badges.templates import load_template
from tests.conftest import insert_delegates


def test_choices_are_everyone_registered_in_badge_order_with_their_print_state(
    tmp_path, store, event
):
    insert_delegates(store, event, [
        {"reference": "R1", "last_name": "Zulu"},
        {"reference": "R2", "last_name": "Alpha"},
        {"reference": "R3", "last_name": "Mike", "status": "cancelled"},
    ])
    print_badges(store, event, tmp_path / "r1.pdf", template=load_template("a6"), refs=["R1"])
    choices = load_choices(store, event)
    assert [(c.delegate.reference, c.printed) for c in choices] == [
        ("R2", False), ("R1", True),
    ]


def test_a_selection_says_whether_it_means_the_never_printed():
    assert Selection(UNPRINTED).unprinted
    assert not Selection(ALL).unprinted
    assert not Selection(CHOSEN, ("R1",)).unprinted


def test_checking_a_selection_finds_its_problems_and_whose_form_fixes_them(
    tmp_path, store, event
):
    ids = insert_delegates(store, event, [
        {"reference": "R1", "organisation": ""},
        {"reference": "R2", "organisation": ""},
        {"reference": "R3"},
    ])
    a6 = load_template("a6")
    chosen = check_selection(store, event, a6, Selection(CHOSEN, ("R2", "R3")))
    assert [(p.reference, p.kind) for p in chosen.problems] == [("R2", "no_organisation")]
    assert chosen.ids_by_number == {2: ids[1], 3: ids[2]}
    everyone = check_selection(store, event, a6, Selection(ALL))
    assert {p.reference for p in everyone.problems} == {"R1", "R2"}
    print_badges(store, event, tmp_path / "all.pdf", template=a6)
    nobody = check_selection(store, event, a6, Selection(UNPRINTED))
    assert (nobody.problems, dict(nobody.ids_by_number)) == ((), {})
