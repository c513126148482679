"""Shared fixtures: a real SQLite file per test, and a small event in it."""

from __future__ import annotations

import datetime as dt
import os

# Tests never need a screen; set here so nobody has to remember it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from checkin.core.event import EventInfo, parse_event, save_event
from checkin.core.store import Store

EVENT_DATE = dt.date(2026, 11, 28)

SMALL_EVENT = {
    "event": {
        "name": "Test consultation",
        "venue": "Auditorium Jacques-Freymond",
        "address": "132 rue de Lausanne, Genève",
        "date": EVENT_DATE.isoformat(),
        "timezone": "Europe/Zurich",
        "capacity": 100,
        "registration_opens": "08:30",
    },
    "categories": [
        {"key": "participant", "label": "Participant", "colour": "#1F5FA8"},
        {"key": "speaker", "label": "Speaker", "colour": "#B3261E"},
        {"key": "press", "label": "Press", "colour": "#6A1B9A"},
    ],
    "sessions": [
        {"key": "opening", "title": "Opening", "room": "Auditorium", "start": "09:30",
         "end": "10:00", "capacity": 100},
        {"key": "financing", "title": "New financing approaches", "room": "Auditorium",
         "start": "10:00", "end": "11:15", "capacity": 3},
        {"key": "lunch", "title": "Lunch", "start": "12:45", "end": "14:00",
         "attendance": False},
    ],
}


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "checkin.sqlite"


@pytest.fixture
def store(db_path):
    s = Store("sqlite:///" + str(db_path))
    yield s
    s.close()


@pytest.fixture
def event(store) -> EventInfo:
    return save_event(store, parse_event(SMALL_EVENT, source="test"))
