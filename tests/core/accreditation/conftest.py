"""An event with the accreditation desk's rules and items, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy

import pytest

from checkin.core.event.definition import parse_event, save_event
from tests.conftest import SMALL_EVENT, badge_code, insert_delegates

DESK_EVENT = copy.deepcopy(SMALL_EVENT)
DESK_EVENT["categories"].append(
    {"key": "head", "label": "Head of delegation", "colour": "#000000", "id_check": True}
)
DESK_EVENT["sessions"] += [
    # 09:00 UTC is 10:00 in Geneva on the test day; doors open 15 minutes before.
    {"key": "closed", "title": "Heads of delegation", "start": "10:00", "end": "11:00",
     "only_categories": ["head"], "doors_open": 15},
    {"key": "small", "title": "Small room", "start": "11:00", "end": "12:00",
     "capacity": 2, "hard_capacity": True},
]
DESK_EVENT["handouts"] = [
    {"key": "headset", "label": "Interpretation headset", "returnable": True},
    {"key": "kit", "label": "Welcome kit", "categories": ["head", "speaker"]},
]


@pytest.fixture
def desk_store(any_store):
    """``any_store`` with the desk event and four people: three participants and a
    head of delegation (no. 4); no. 1 carries a note."""
    event = save_event(any_store, parse_event(DESK_EVENT, source="test"))
    insert_delegates(any_store, event, [{}, {}, {}, {"category": "head"}])
    return any_store, event


def code_of(store, number: int) -> str:
    return badge_code(store, number)
