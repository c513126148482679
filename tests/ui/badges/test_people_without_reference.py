"""A person with no reference (a purged roster, or one stored before references were
assigned) can still be ticked on the Badges page: printing is told ``#number``."""

from __future__ import annotations

from PySide6.QtCore import Qt

from checkin.core.badges.choosing import Choice
from checkin.core.badges.printing import select_delegates
from checkin.core.roster.delegates import get_delegate
from checkin.ui.badges.people_model import REF_ROLE, PeopleModel
from tests.conftest import insert_delegates


def test_a_person_without_reference_is_ticked_and_printed_by_number(qtbot, store, event):
    (no_ref, with_ref) = insert_delegates(
        store, event, [{"reference": "", "number": 90}, {"reference": "R7", "number": 91}]
    )
    people = [get_delegate(store, no_ref), get_delegate(store, with_ref)]
    model = PeopleModel()
    model.set_choices([Choice(d, printed=True) for d in people if d is not None])
    first = model.index(0)
    assert model.flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(first, REF_ROLE) == "#90"
    assert model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.ticked_refs() == ("#90",)
    chosen = select_delegates(store, event, refs=model.ticked_refs())
    assert [d.number for d in chosen] == [90]
